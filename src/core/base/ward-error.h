/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define WARD_ERROR (ward_error_quark ())

/* Errors a user can cause. The message is always a sentence a ward clerk
 * understands, in the user's language. */
typedef enum
{
  WARD_ERROR_FAILED,
  WARD_ERROR_NEWER_VERSION,  /* the file was written by a newer Ward Tracker */
  WARD_ERROR_CORRUPT,        /* the file is damaged */
  WARD_ERROR_NOT_DATABASE,   /* the file is not a Ward Tracker database */
  WARD_ERROR_BUSY,           /* another program holds the file */
  WARD_ERROR_READ_ONLY,      /* the file or its folder cannot be written */
  WARD_ERROR_DISK_FULL,
  WARD_ERROR_INVALID,        /* a value breaks a rule */
  WARD_ERROR_DUPLICATE,      /* the record already exists */
  WARD_ERROR_NOT_FOUND,
  WARD_ERROR_SEED,           /* a seed file is malformed */
  WARD_ERROR_TAMPERED,       /* the ledger chain does not verify */
  WARD_ERROR_FONT_MISSING,   /* a report's font is not installed or lacks a letter */
  WARD_ERROR_EXISTS,         /* an output would replace a file that was not to be replaced */
  WARD_ERROR_UNTRUSTED,      /* a bundle's sender is not trusted, or it is not signed */
  WARD_ERROR_TOO_LARGE,      /* an input over its size or nesting limit */
} WardError;

GQuark ward_error_quark (void);

G_END_DECLS
