/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-report"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <cairo-pdf.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "base/ward-error.h"
#include "base/ward-output.h"
#include "report/ward-report-private.h"

/* The PDF goes through ward_output_open(): a temporary file beside @path
 * that replaces it only once complete, so that a full disk or a pulled USB
 * stick never leaves half a report where the clerk expects the whole one,
 * and never over the open database or an existing file not to be
 * replaced. A5 pages go two to an A4 sheet (ward_report_draw_sheet()). */

typedef struct
{
  FILE *file;
  int   saved_errno;
} PdfSink;

static void
sink_failed (PdfSink *sink)
{
  if (sink->saved_errno == 0)
    sink->saved_errno = errno != 0 ? errno : EIO;
}

static cairo_status_t
pdf_sink_write_cb (void                *closure,
                   const unsigned char *data,
                   unsigned int         length)
{
  PdfSink *sink = closure;

  if (fwrite (data, 1, length, sink->file) != length)
    {
      sink_failed (sink);
      return CAIRO_STATUS_WRITE_ERROR;
    }

  return CAIRO_STATUS_SUCCESS;
}

static gboolean
set_errno_error (GError     **error,
                 const char  *path,
                 int          saved_errno)
{
  g_autofree char *display = g_filename_display_name (path);

  g_set_error (error, WARD_ERROR, ward_output_error_code (saved_errno),
               _("Could not save the report as “%s”: %s."),
               display, g_strerror (saved_errno));

  return FALSE;
}

/* The only date in the PDF, so that the same report of the same file is
 * the same file byte for byte: SOURCE_DATE_EPOCH when the environment sets
 * it (reproducible-builds.org), else the document's own date; the time of
 * writing only for a report that has no date. */
static char *
creation_date (WardReport *self)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");
  const char *date = ward_report_get_document_date (self);
  g_autoptr (GDateTime) time = NULL;
  guint64 seconds;

  if (epoch != NULL && g_ascii_string_to_unsigned (epoch, 10, 0, G_MAXINT64 / 2, &seconds, NULL))
    time = g_date_time_new_from_unix_utc ((gint64) seconds);
  if (time != NULL)
    return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
  if (date != NULL)
    return g_strdup_printf ("%.10sT00:00:00", date);

  time = g_date_time_new_now_local ();
  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%S");
}

static void
set_metadata (WardReport      *self,
              cairo_surface_t *surface)
{
  const char *title = ward_report_get_title (self);
  g_autofree char *date = creation_date (self);

  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, "Ward Tracker");
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, date);

  if (title != NULL)
    {
      g_autofree char *one_line = g_strdup (title);

      g_strdelimit (one_line, "\n", ' ');
      cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, one_line);
    }
}

/* Draws every page; when writing failed the sink holds the errno. */
static cairo_status_t
render_pdf (WardReport *self,
            PdfSink    *sink)
{
  cairo_surface_t *surface;
  cairo_status_t status;
  double width, height, sheet_width, sheet_height;
  cairo_t *cr;
  int n_sheets;

  ward_report_get_page_size (self, &width, &height);
  ward_report_get_sheet_size (self, &sheet_width, &sheet_height);
  surface = cairo_pdf_surface_create_for_stream (pdf_sink_write_cb, sink, sheet_width, sheet_height);
  set_metadata (self, surface);
  cr = cairo_create (surface);

  ward_report_paginate (self, cr, width, height);
  n_sheets = ward_report_get_n_sheets (self);
  for (int sheet = 0; sheet < n_sheets && cairo_status (cr) == CAIRO_STATUS_SUCCESS; sheet++)
    {
      cairo_pdf_surface_set_size (surface, sheet_width, sheet_height);
      ward_report_draw_sheet (self, cr, sheet);
      cairo_show_page (cr);
    }

  status = cairo_status (cr);
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  if (status == CAIRO_STATUS_SUCCESS)
    status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  return status;
}

/* FALSE if anything could not be written, the first errno in the sink. */
static gboolean
close_sink (PdfSink *sink)
{
  if (fflush (sink->file) != 0)
    sink_failed (sink);
  return sink->saved_errno == 0;
}

gboolean
ward_report_write_pdf (WardReport       *self,
                       const char       *path,
                       WardOutputFlags   flags,
                       GError          **error)
{
  g_autoptr (WardOutput) output = NULL;
  g_autofree char *base = NULL;
  PdfSink sink = { NULL, 0 };
  cairo_status_t status;
  gboolean written;

  g_return_val_if_fail (WARD_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!ward_report_check_fonts (self, error))
    return FALSE;

  output = ward_output_open (path, flags, error);
  if (output == NULL)
    return FALSE;
  sink.file = fdopen (dup (ward_output_get_fd (output)), "wb");
  if (sink.file == NULL)
    return set_errno_error (error, path, errno);

  status = render_pdf (self, &sink);
  written = close_sink (&sink);
  fclose (sink.file);
  if (!written)
    return set_errno_error (error, path, sink.saved_errno);
  if (status != CAIRO_STATUS_SUCCESS)
    {
      base = g_path_get_basename (path);
      g_set_error (error, WARD_ERROR, WARD_ERROR_FAILED,
                   _("Could not make the report “%s”: %s."),
                   base, cairo_status_to_string (status));
      return FALSE;
    }
  return ward_output_commit (output, error);
}
