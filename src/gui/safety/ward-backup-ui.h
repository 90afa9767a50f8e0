/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "store/ward-store.h"

G_BEGIN_DECLS

/* Hands the window a new store after a restore, or NULL while the file is
 * being replaced (the window must let go of it then). */
typedef void (*WardBackupUiReopen) (WardStore *store,
                                    gpointer   user_data);

/* The automatic daily backup, in a worker thread; a failure is a toast. */
void ward_backup_ui_run_daily (GtkWindow          *window,
                               WardStore          *store);
/* Back Up…: to a file the clerk chooses. */
void ward_backup_ui_back_up   (GtkWindow          *window,
                               WardStore          *store);
/* Restore…: from a file the clerk chooses, after a confirmation; the backup
 * is checked first, and a bad one is refused with the reason. */
void ward_backup_ui_restore   (GtkWindow          *window,
                               WardStore          *store,
                               WardBackupUiReopen  reopen,
                               gpointer            reopen_data);

G_END_DECLS
