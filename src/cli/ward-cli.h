/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "base/ward-output.h"
#include "exchange/ward-exchange.h"
#include "store/ward-store.h"

G_BEGIN_DECLS

/* Exit status: 0 success, 1 bad input or a refused file (the message names
 * the file, row and column), 2 misuse of the command line. */
typedef enum
{
  WARD_CLI_OK = 0,
  WARD_CLI_BAD_INPUT = 1,
  WARD_CLI_MISUSE = 2,
} WardCliStatus;

typedef struct
{
  const char *database;   /* --database FILE, or the default path */
  const char *seed;       /* init --seed FILE */
} WardCliContext;

/* A command: argv[0] is its name. It opens the store itself (through
 * ward_cli_open_store) so that `init` can create one. */
typedef int (*WardCliCommand) (WardCliContext *ctx,
                               int             argc,
                               char          **argv);

int        ward_cli_main        (int              argc,
                                 char           **argv);
WardStore *ward_cli_open_store  (WardCliContext  *ctx);
int        ward_cli_misuse      (const char      *usage);
/* Prints the error to stderr and returns the exit status for it. */
int        ward_cli_fail        (GError          *error);
/* TRUE when argv[@i] is --force, which lets an output replace an existing
 * file (never the database: ward_output_open()). */
gboolean   ward_cli_take_force  (int              argc,
                                 char           **argv,
                                 int              i,
                                 WardOutputFlags *flags);

/* TRUE when @arg is --keep-mine or --take-theirs (and not the other one
 * given before), which settles every conflict of a bundle or a change file
 * at once. */
gboolean   ward_cli_take_choice (const char       *arg,
                                 WardBundleChoice *choice);

/* The commands, each in the file of its area. */
int ward_cli_command_import (WardCliContext *ctx, int argc, char **argv);
int ward_cli_command_export (WardCliContext *ctx, int argc, char **argv);
int ward_cli_command_backup (WardCliContext *ctx, int argc, char **argv);
int ward_cli_command_restore (WardCliContext *ctx, int argc, char **argv);
int ward_cli_command_check (WardCliContext *ctx, int argc, char **argv);
int ward_cli_command_report (WardCliContext *ctx, int argc, char **argv);
int ward_cli_command_bundle (WardCliContext *ctx, int argc, char **argv);
int ward_cli_command_campaign (WardCliContext *ctx, int argc, char **argv);
int ward_cli_command_receipt (WardCliContext *ctx, int argc, char **argv);
int ward_cli_command_study (WardCliContext *ctx, int argc, char **argv);
int ward_cli_command_sync (WardCliContext *ctx, int argc, char **argv);

G_END_DECLS
