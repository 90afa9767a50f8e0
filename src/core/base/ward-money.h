/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Sums of money that never wrap round.
 *
 * One ledger entry (a receipt, a transfer, a correction) holds at most
 * WARD_ENTRY_AMOUNT_MAX: 1.000.000.000.000 đồng (one thousand tỷ), a
 * million times more than the largest receipt a ward takes, so that no
 * real receipt is refused, and small enough that 9.2 million entries at
 * that maximum still add up within a gint64 (9.2 × 10^18). Every sum of
 * amounts is made with ward_money_add() all the same: an entry that came
 * from outside the rules (a file edited by hand) can never make a total
 * negative. */
#define WARD_ENTRY_AMOUNT_MAX G_GINT64_CONSTANT (1000000000000)

/* *@total += @amount. On overflow *@total stays at the limit it reached
 * (G_MAXINT64 or G_MININT64) and FALSE is returned. */
static inline gboolean
ward_money_add (gint64 *total,
                gint64  amount)
{
  gint64 sum;

  if (__builtin_add_overflow (*total, amount, &sum))
    {
      *total = amount > 0 ? G_MAXINT64 : G_MININT64;
      return FALSE;
    }
  *total = sum;
  return TRUE;
}

G_END_DECLS
