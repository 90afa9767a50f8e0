/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-tracker"

#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "shell/ward-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr (WardApplication) app = NULL;

  setlocale (LC_ALL, "");
  /* WARD_LOCALEDIR lets the tests use the catalogues in the build tree. */
  bindtextdomain (GETTEXT_PACKAGE, g_getenv ("WARD_LOCALEDIR") ? g_getenv ("WARD_LOCALEDIR") : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = ward_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
