/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Vietnamese enterprise codes (mã số doanh nghiệp, the enterprise's tax
 * code): ten digits, the tenth a check digit over the first nine; a branch
 * or other dependent unit adds a number 001–999, written "0100109106-001".
 *
 * Accepts the code with or without the hyphen, with spaces or dots between
 * digits. On success writes the code as it is written on documents into
 * @normalized_out ("0100109106" or "0100109106-001") and whether it is a
 * branch's into @is_branch_out (both may be NULL). Otherwise returns FALSE
 * with a WARD_ERROR_INVALID error that says what is wrong. */
gboolean  ward_tax_code_parse (const char  *text,
                               char       **normalized_out,
                               gboolean    *is_branch_out,
                               GError     **error);

G_END_DECLS
