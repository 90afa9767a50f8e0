/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-cli"

#include "config.h"

#include "cli/ward-cli.h"

int
main (int   argc,
      char *argv[])
{
  return ward_cli_main (argc, argv);
}
