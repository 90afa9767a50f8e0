/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-exchange"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <sodium.h>

#include "base/ward-error.h"
#include "base/ward-input.h"
#include "exchange/ward-exchange-private.h"
#include "exchange/ward-exchange-sign.h"

/* What the signature covers besides the payload: a signature made for a
 * bundle can be taken for nothing else. */
#define SIGNED_PREFIX "ward-tracker-bundle/2\n"
#define CODE_CHARS 32

void
ward_signer_free (WardSigner *signer)
{
  if (signer == NULL)
    return;
  g_free (signer->installation);
  g_free (signer->name);
  g_free (signer->code);
  g_free (signer);
}

const char *
ward_signer_get_label (const WardSigner *signer)
{
  g_return_val_if_fail (signer != NULL, NULL);

  return signer->name != NULL && *signer->name != '\0' ? signer->name : signer->installation;
}

static gboolean
sodium_ready (GError **error)
{
  static gsize ready = 0;

  if (g_once_init_enter (&ready))
    g_once_init_leave (&ready, sodium_init () >= 0 ? 1 : 2);
  if (ready == 1)
    return TRUE;
  g_set_error (error, WARD_ERROR, WARD_ERROR_FAILED,
               _("The signature library could not start. Nothing was signed or imported."));
  return FALSE;
}

char *
ward_exchange_code_for_key (const guint8 *public_key)
{
  static const char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  guint8 digest[crypto_hash_sha256_BYTES];
  GString *code = g_string_new (NULL);
  guint bits = 0, value = 0, n = 0;

  g_return_val_if_fail (public_key != NULL, NULL);

  crypto_hash_sha256 (digest, public_key, crypto_sign_PUBLICKEYBYTES);
  for (guint i = 0; n < CODE_CHARS; )
    {
      if (bits < 5)
        {
          value = (value << 8) | digest[i++];
          bits += 8;
        }
      bits -= 5;
      if (n > 0 && n % 4 == 0)
        g_string_append_c (code, '-');
      g_string_append_c (code, alphabet[(value >> bits) & 31]);
      n++;
    }
  return g_string_free (code, FALSE);
}

/* "abcd efgh-…" -> "ABCDEFGH…": what a person types, compared. */
static char *
code_key (const char *code)
{
  GString *key = g_string_new (NULL);

  for (const char *p = code; *p != '\0'; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (key, g_ascii_toupper (*p));
  return g_string_free (key, FALSE);
}

/* ---- This installation's key ---------------------------------------------- */

static char *
key_path (const char *installation)
{
  g_autofree char *name = g_strconcat (installation, ".key", NULL);

  return g_build_filename (g_get_user_data_dir (), "ward-tracker", "keys", name, NULL);
}

static gboolean
read_key (const char  *path,
          guint8      *secret,
          GError     **error)
{
  g_autoptr (GBytes) bytes = ward_input_read (path, crypto_sign_SECRETKEYBYTES, error);

  if (bytes == NULL)
    return FALSE;
  if (g_bytes_get_size (bytes) != crypto_sign_SECRETKEYBYTES)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, WARD_ERROR, WARD_ERROR_CORRUPT,
                   _("The signing key “%s” is damaged. Move it away: a new key is then made, which "
                     "the other computers trust again after comparing its code."), name);
      return FALSE;
    }
  memcpy (secret, g_bytes_get_data (bytes, NULL), crypto_sign_SECRETKEYBYTES);
  return TRUE;
}

/* A new key pair, its secret half written for its owner only, never over
 * anything (O_EXCL, no link followed). */
static gboolean
make_key (const char  *path,
          guint8      *secret,
          GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  guint8 public_key[crypto_sign_PUBLICKEYBYTES];
  gboolean written = FALSE;
  int fd;

  crypto_sign_keypair (public_key, secret);
  if (g_mkdir_with_parents (dir, 0700) == 0)
    {
      fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
      if (fd >= 0)
        {
          written = write (fd, secret, crypto_sign_SECRETKEYBYTES) == crypto_sign_SECRETKEYBYTES
                    && fsync (fd) == 0;
          written = close (fd) == 0 && written;
          if (!written)
            g_unlink (path);
        }
    }
  if (!written)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, WARD_ERROR, WARD_ERROR_READ_ONLY,
                   _("The signing key could not be written to “%s”: %s."), name, g_strerror (errno));
      sodium_memzero (secret, crypto_sign_SECRETKEYBYTES);
    }
  return written;
}

/* This installation's secret key, made on first need; the file records
 * its public half, which is what others are told. */
static gboolean
own_key (WardStore  *store,
         guint8     *secret,
         GError    **error)
{
  g_autofree char *installation = NULL;
  g_autofree char *path = NULL;
  g_autofree char *public_b64 = NULL;
  g_autofree char *recorded = NULL;

  if (!sodium_ready (error) || (installation = ward_store_dup_installation_id (store, error)) == NULL)
    return FALSE;
  path = key_path (installation);
  if (g_file_test (path, G_FILE_TEST_EXISTS) ? !read_key (path, secret, error) : !make_key (path, secret, error))
    return FALSE;
  /* The secret key holds its public half in its last 32 bytes. */
  public_b64 = g_base64_encode (secret + crypto_sign_SECRETKEYBYTES - crypto_sign_PUBLICKEYBYTES,
                                crypto_sign_PUBLICKEYBYTES);
  recorded = ward_store_dup_setting (store, "signing-public-key");
  if (g_strcmp0 (recorded, public_b64) != 0
      && !ward_store_set_setting (store, "signing-public-key", public_b64, error))
    {
      sodium_memzero (secret, crypto_sign_SECRETKEYBYTES);
      return FALSE;
    }
  return TRUE;
}

/* "Phường Đông Sơn · A3F9C2": the ward and the receipt book, data only,
 * so that the receiver reads it the same in any language. */
static char *
own_name (WardStore *store)
{
  g_autoptr (WardStmt) stmt = ward_store_prepare (store, "SELECT name FROM ward WHERE id = 1", NULL);
  g_autofree char *book = ward_store_dup_book (store, NULL);
  const char *ward = stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW ? ward_stmt_text (stmt, 0) : "";

  return g_strdup_printf ("%s · %s", ward, book ? book : "");
}

WardSigner *
ward_exchange_dup_own_signer (WardStore  *store,
                              GError    **error)
{
  g_autoptr (WardSigner) signer = g_new0 (WardSigner, 1);
  guint8 secret[crypto_sign_SECRETKEYBYTES];

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  if (!own_key (store, secret, error))
    return NULL;
  /* The secret key holds its public half in its last 32 bytes. */
  memcpy (signer->public_key, secret + crypto_sign_SECRETKEYBYTES - crypto_sign_PUBLICKEYBYTES,
          crypto_sign_PUBLICKEYBYTES);
  sodium_memzero (secret, sizeof secret);
  signer->installation = ward_store_dup_installation_id (store, error);
  if (signer->installation == NULL)
    return NULL;
  signer->name = own_name (store);
  signer->code = ward_exchange_code_for_key (signer->public_key);
  return g_steal_pointer (&signer);
}

char *
ward_exchange_dup_own_code (WardStore  *store,
                            GError    **error)
{
  g_autoptr (WardSigner) signer = ward_exchange_dup_own_signer (store, error);

  return signer != NULL ? g_strdup (signer->code) : NULL;
}

static guint8 *
signed_message (GBytes *payload,
                gsize  *length)
{
  gsize size = 0;
  const guint8 *data = g_bytes_get_data (payload, &size);
  guint8 *message = g_malloc (strlen (SIGNED_PREFIX) + size);

  memcpy (message, SIGNED_PREFIX, strlen (SIGNED_PREFIX));
  if (size > 0)
    memcpy (message + strlen (SIGNED_PREFIX), data, size);
  *length = strlen (SIGNED_PREFIX) + size;
  return message;
}

GBytes *
ward_exchange_seal (WardStore  *store,
                    GBytes     *payload,
                    GError    **error)
{
  g_autoptr (JsonBuilder) builder = json_builder_new ();
  g_autoptr (JsonNode) root = NULL;
  g_autofree char *installation = NULL;
  g_autofree char *name = NULL;
  g_autofree char *public_b64 = NULL;
  g_autofree char *payload_b64 = NULL;
  g_autofree char *signature_b64 = NULL;
  g_autofree guint8 *message = NULL;
  guint8 secret[crypto_sign_SECRETKEYBYTES];
  guint8 signature[crypto_sign_BYTES];
  gsize length = 0;
  char *text;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);

  if (!own_key (store, secret, error))
    return NULL;
  message = signed_message (payload, &length);
  crypto_sign_detached (signature, NULL, message, length, secret);
  public_b64 = g_base64_encode (secret + crypto_sign_SECRETKEYBYTES - crypto_sign_PUBLICKEYBYTES,
                                crypto_sign_PUBLICKEYBYTES);
  sodium_memzero (secret, sizeof secret);
  installation = ward_store_dup_installation_id (store, error);
  if (installation == NULL)
    return NULL;
  name = own_name (store);
  payload_b64 = g_base64_encode (g_bytes_get_data (payload, NULL), g_bytes_get_size (payload));
  signature_b64 = g_base64_encode (signature, sizeof signature);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "format");
  json_builder_add_string_value (builder, WARD_SEAL_FORMAT);
  json_builder_set_member_name (builder, "version");
  json_builder_add_int_value (builder, WARD_SEAL_VERSION);
  json_builder_set_member_name (builder, "signer");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "installation");
  json_builder_add_string_value (builder, installation);
  json_builder_set_member_name (builder, "name");
  json_builder_add_string_value (builder, name);
  json_builder_set_member_name (builder, "public_key");
  json_builder_add_string_value (builder, public_b64);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "payload");
  json_builder_add_string_value (builder, payload_b64);
  json_builder_set_member_name (builder, "signature");
  json_builder_add_string_value (builder, signature_b64);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  text = json_to_string (root, TRUE);
  return g_bytes_new_take (text, strlen (text));
}

/* ---- Opening ------------------------------------------------------------------ */

/* Base64 of exactly @size bytes (any size when @size is 0) into *@out. */
static gboolean
decode_b64 (const char  *text,
            gsize        size,
            guint8     **out,
            gsize       *out_len)
{
  gsize len = 0;

  if (text == NULL)
    return FALSE;
  *out = g_base64_decode (text, &len);
  if (size != 0 && len != size)
    {
      g_clear_pointer (out, g_free);
      return FALSE;
    }
  if (out_len != NULL)
    *out_len = len;
  return TRUE;
}

static JsonNode *
parse_envelope (GBytes      *sealed,
                const char  *display_name,
                GError     **error)
{
  g_autoptr (JsonParser) parser = json_parser_new_immutable ();
  gsize size = 0;
  const char *data = g_bytes_get_data (sealed, &size);

  if (size > WARD_INPUT_JSON_MAX)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_TOO_LARGE,
                   _("The bundle “%s” is larger than %u MB, the most a bundle can be. Nothing was "
                     "imported."), display_name, (guint) (WARD_INPUT_JSON_MAX / 1000 / 1000));
      return NULL;
    }
  /* Before the parser, which recurses once per level of nesting. */
  if (!ward_input_check_json (data, size, display_name, error))
    return NULL;
  if (size == 0 || !g_utf8_validate (data, (gssize) size, NULL)
      || !json_parser_load_from_data (parser, data, (gssize) size, NULL)
      || json_parser_get_root (parser) == NULL || !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return bundle_refuse_corrupt (display_name, _("it is not JSON text"), error), NULL;
  return json_node_ref (json_parser_get_root (parser));
}

static gboolean
check_sealed (JsonObject  *root,
              const char  *display_name,
              GError     **error)
{
  JsonNode *version = json_object_get_member (root, "version");
  gint64 number = version != NULL && JSON_NODE_HOLDS_VALUE (version)
                  && json_node_get_value_type (version) == G_TYPE_INT64 ? json_node_get_int (version) : 0;

  if (g_strcmp0 (bundle_string_member (root, "format"), WARD_SEAL_FORMAT) != 0)
    return bundle_refuse_corrupt (display_name, _("it does not say it is one"), error);
  if (number > WARD_SEAL_VERSION)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NEWER_VERSION,
                   _("The bundle “%s” was made by a newer version of Ward Tracker (bundle format %d; "
                     "this version reads up to %d). Nothing was imported. Install the newer version "
                     "to import it."), display_name, (int) number, WARD_SEAL_VERSION);
      return FALSE;
    }
  if (number < WARD_SEAL_VERSION || json_object_get_member (root, "signature") == NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_UNTRUSTED,
                   _("The bundle “%s” is not signed, so who made it cannot be known: it comes from an "
                     "older version of Ward Tracker, or it was made by hand. Nothing was imported. Ask "
                     "for the bundle again, exported by an up-to-date Ward Tracker."), display_name);
      return FALSE;
    }
  return TRUE;
}

/* The signer and the payload, the signature verified. */
static WardSigner *
verify (JsonObject  *root,
        const char  *display_name,
        GBytes     **payload_out,
        GError     **error)
{
  g_autoptr (WardSigner) signer = g_new0 (WardSigner, 1);
  JsonNode *signer_node = json_object_get_member (root, "signer");
  JsonObject *who = signer_node != NULL && JSON_NODE_HOLDS_OBJECT (signer_node)
                    ? json_node_get_object (signer_node) : NULL;
  g_autofree guint8 *key = NULL;
  g_autofree guint8 *signature = NULL;
  g_autofree guint8 *payload = NULL;
  g_autofree guint8 *message = NULL;
  g_autoptr (GBytes) bytes = NULL;
  gsize payload_len = 0, length = 0;

  if (!sodium_ready (error))
    return NULL;
  if (who == NULL)
    return bundle_refuse_corrupt (display_name, _("its signature is incomplete"), error), NULL;
  signer->installation = g_strdup (bundle_string_member (who, "installation"));
  signer->name = g_strdup (bundle_string_member (who, "name"));
  if (signer->installation == NULL || *signer->installation == '\0'
      || !decode_b64 (bundle_string_member (who, "public_key"), crypto_sign_PUBLICKEYBYTES, &key, NULL)
      || !decode_b64 (bundle_string_member (root, "signature"), crypto_sign_BYTES, &signature, NULL)
      || !decode_b64 (bundle_string_member (root, "payload"), 0, &payload, &payload_len))
    return bundle_refuse_corrupt (display_name, _("its signature is incomplete"), error), NULL;
  memcpy (signer->public_key, key, crypto_sign_PUBLICKEYBYTES);
  signer->code = ward_exchange_code_for_key (signer->public_key);
  bytes = g_bytes_new_take (g_steal_pointer (&payload), payload_len);
  message = signed_message (bytes, &length);
  if (crypto_sign_verify_detached (signature, message, length, signer->public_key) != 0)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_TAMPERED,
                   _("The bundle “%s” does not match its signature: it was changed after it was made. "
                     "Nothing was imported. Ask for the bundle again."), display_name);
      return NULL;
    }
  *payload_out = g_steal_pointer (&bytes);
  return g_steal_pointer (&signer);
}

WardSigner *
ward_exchange_read_signer (GBytes      *sealed,
                           const char  *display_name,
                           GError     **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GBytes) payload = NULL;

  g_return_val_if_fail (sealed != NULL, NULL);

  root = parse_envelope (sealed, display_name, error);
  if (root == NULL || !check_sealed (json_node_get_object (root), display_name, error))
    return NULL;
  return verify (json_node_get_object (root), display_name, &payload, error);
}

WardSigner *
ward_exchange_read_signer_for_path (const char  *path,
                                    GError     **error)
{
  g_autofree char *name = NULL;
  g_autoptr (GBytes) bytes = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  name = g_filename_display_basename (path);
  bytes = ward_input_read (path, WARD_INPUT_JSON_MAX, error);
  return bytes != NULL ? ward_exchange_read_signer (bytes, name, error) : NULL;
}

/* ---- Trust ------------------------------------------------------------------ */


static gboolean
lookup_trust (WardStore         *store,
              const WardSigner  *signer,
              WardTrust         *state,
              GError           **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *key = g_base64_encode (signer->public_key, crypto_sign_PUBLICKEYBYTES);
  int rc;

  stmt = ward_store_prepare (store, "SELECT public_key, trusted_at IS NOT NULL FROM trusted_installations "
                                    "WHERE installation = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, signer->installation, -1, SQLITE_TRANSIENT);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    *state = WARD_TRUST_UNKNOWN;
  else if (rc != SQLITE_ROW)
    return ward_store_set_error (store, rc, error);
  else if (!sqlite3_column_int (stmt, 1))
    *state = WARD_TRUST_SEEN;
  else
    *state = g_str_equal (ward_stmt_text (stmt, 0), key) ? WARD_TRUST_TRUSTED : WARD_TRUST_KEY_CHANGED;
  return TRUE;
}

WardTrust
ward_exchange_get_trust (WardStore         *store,
                         const WardSigner  *signer,
                         GError           **error)
{
  WardTrust state = WARD_TRUST_UNKNOWN;

  g_return_val_if_fail (WARD_IS_STORE (store), WARD_TRUST_UNKNOWN);
  g_return_val_if_fail (signer != NULL, WARD_TRUST_UNKNOWN);

  lookup_trust (store, signer, &state, error);
  return state;
}

/* Records @signer, trusted (@trusted) or only seen. A key trusted before
 * is never replaced by one only seen. */
static gboolean
record_signer (WardStore         *store,
               const WardSigner  *signer,
               gboolean           trusted,
               GError           **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *uuid = ward_store_new_uuid ();
  g_autofree char *now = ward_store_now ();
  g_autofree char *key = g_base64_encode (signer->public_key, crypto_sign_PUBLICKEYBYTES);
  int rc;

  stmt = ward_store_prepare (store,
                             "INSERT INTO trusted_installations (uuid, installation, public_key, name, "
                             "  trusted_at, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6) "
                             "ON CONFLICT (installation) DO UPDATE SET public_key = ?3, name = ?4, "
                             "  trusted_at = ?5, pending_key = NULL, updated_at = ?6 "
                             "WHERE ?5 IS NOT NULL OR trusted_installations.trusted_at IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, signer->installation, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, key, -1, SQLITE_STATIC);
  ward_stmt_bind_text_or_null (stmt, 4, signer->name);
  ward_stmt_bind_text_or_null (stmt, 5, trusted ? now : NULL);
  sqlite3_bind_text (stmt, 6, now, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  ward_store_notify_changed (store, "trusted_installations");
  return TRUE;
}

gboolean
ward_exchange_trust (WardStore         *store,
                     const WardSigner  *signer,
                     GError           **error)
{
  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (signer != NULL, FALSE);

  return ward_store_begin (store, error)
         && (record_signer (store, signer, TRUE, error) || (ward_store_rollback (store), FALSE))
         && ward_store_commit (store, error);
}

/* The signer of the row at @stmt (installation, name, public_key,
 * pending_key) whose key has @wanted for code, or NULL. */
static WardSigner *
row_signer_with_code (WardStmt   *stmt,
                      const char *wanted)
{
  for (int column = 2; column <= 3; column++)
    {
      g_autofree guint8 *key = NULL;
      g_autofree char *candidate = NULL;
      g_autofree char *candidate_key = NULL;
      WardSigner *found;

      if (!decode_b64 (ward_stmt_text (stmt, column), crypto_sign_PUBLICKEYBYTES, &key, NULL))
        continue;
      candidate = ward_exchange_code_for_key (key);
      candidate_key = code_key (candidate);
      if (!g_str_equal (candidate_key, wanted))
        continue;
      found = g_new0 (WardSigner, 1);
      found->installation = ward_stmt_dup_text (stmt, 0);
      found->name = ward_stmt_dup_text (stmt, 1);
      memcpy (found->public_key, key, crypto_sign_PUBLICKEYBYTES);
      found->code = g_steal_pointer (&candidate);
      return found;
    }
  return NULL;
}

gboolean
ward_exchange_trust_code (WardStore    *store,
                          const char   *code,
                          WardSigner  **signer_out,
                          GError      **error)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autoptr (WardSigner) found = NULL;
  g_autofree char *wanted = NULL;
  int rc = SQLITE_DONE;

  g_return_val_if_fail (WARD_IS_STORE (store), FALSE);
  g_return_val_if_fail (code != NULL, FALSE);

  wanted = code_key (code);
  /* The key it is trusted under, or the other key a refused bundle came
   * under (its installation set up again): either may be trusted. */
  stmt = ward_store_prepare (store, "SELECT installation, name, public_key, pending_key "
                                    "FROM trusted_installations", error);
  if (stmt == NULL)
    return FALSE;
  while (found == NULL && (rc = sqlite3_step (stmt)) == SQLITE_ROW)
    found = row_signer_with_code (stmt, wanted);
  ward_stmt_release (stmt);
  if (found == NULL && rc != SQLITE_DONE)
    return ward_store_set_error (store, rc, error);
  if (found == NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_NOT_FOUND,
                   _("No installation with the code %s has sent a bundle to this file. Import one of "
                     "its bundles first: it is refused, and its code remembered; then trust it."), code);
      return FALSE;
    }
  if (!ward_exchange_trust (store, found, error))
    return FALSE;
  if (signer_out != NULL)
    *signer_out = g_steal_pointer (&found);
  return TRUE;
}

/* A trusted installation's bundle under another key: the key is kept
 * aside, so that the clerk can trust it by its code. */
static void
record_pending_key (WardStore        *store,
                    const WardSigner *signer)
{
  g_autoptr (WardStmt) stmt = NULL;
  g_autofree char *key = g_base64_encode (signer->public_key, crypto_sign_PUBLICKEYBYTES);
  g_autofree char *now = ward_store_now ();

  stmt = ward_store_prepare (store, "UPDATE trusted_installations SET pending_key = ?1, updated_at = ?2 "
                                    "WHERE installation = ?3", NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, now, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, signer->installation, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) == SQLITE_DONE)
    ward_store_notify_changed (store, "trusted_installations");
}

static void
refuse_untrusted (WardStore         *store,
                  const WardSigner  *signer,
                  WardTrust          state,
                  const char        *display_name,
                  GError           **error)
{
  /* Remembered, so that the clerk can trust it by its code alone. */
  if (state == WARD_TRUST_UNKNOWN || state == WARD_TRUST_SEEN)
    record_signer (store, signer, FALSE, NULL);
  else
    record_pending_key (store, signer);
  if (state == WARD_TRUST_KEY_CHANGED)
    g_set_error (error, WARD_ERROR, WARD_ERROR_UNTRUSTED,
                 _("The bundle “%s” comes from “%s”, which this file trusts, but it is signed with "
                   "another key, whose code is %s: that installation was set up again, or its file "
                   "was copied to another computer. Nothing was imported. Compare this code with the "
                   "one shown on that computer; if they are the same, trust it again with "
                   "“ward-tracker-cli bundle trust %s” or in the window's Import Data Bundle dialog."),
                 display_name, ward_signer_get_label (signer), signer->code,
                 signer->code);
  else
    g_set_error (error, WARD_ERROR, WARD_ERROR_UNTRUSTED,
                 _("The bundle “%s” comes from an installation this file does not trust yet: “%s”, "
                   "whose code is %s. Nothing was imported. Compare this code with the one shown on "
                   "the computer that made the bundle (in its Preferences, or with “ward-tracker-cli bundle "
                   "code”); if they "
                   "are the same, trust it once with “ward-tracker-cli bundle trust %s” or in the "
                   "window's Import Data Bundle dialog, and import the bundle again."),
                 display_name, ward_signer_get_label (signer), signer->code,
                 signer->code);
}

GBytes *
ward_exchange_open_sealed (WardStore    *store,
                           GBytes       *sealed,
                           const char   *display_name,
                           WardSigner  **signer_out,
                           GError      **error)
{
  g_autoptr (JsonNode) root = NULL;
  g_autoptr (GBytes) payload = NULL;
  g_autoptr (WardSigner) signer = NULL;
  g_autofree char *mine = NULL;
  WardTrust state = WARD_TRUST_UNKNOWN;

  g_return_val_if_fail (WARD_IS_STORE (store), NULL);
  g_return_val_if_fail (sealed != NULL, NULL);

  root = parse_envelope (sealed, display_name, error);
  if (root == NULL || !check_sealed (json_node_get_object (root), display_name, error))
    return NULL;
  signer = verify (json_node_get_object (root), display_name, &payload, error);
  if (signer == NULL || (mine = ward_store_dup_installation_id (store, error)) == NULL)
    return NULL;
  if (g_str_equal (mine, signer->installation))
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The bundle “%s” was made on this computer, from this very file. "
                     "Nothing was imported: import it on another computer."), display_name);
      return NULL;
    }
  if (!lookup_trust (store, signer, &state, error))
    return NULL;
  if (state != WARD_TRUST_TRUSTED)
    refuse_untrusted (store, signer, state, display_name, error);
  if (signer_out != NULL)
    *signer_out = g_steal_pointer (&signer);
  return state == WARD_TRUST_TRUSTED ? g_steal_pointer (&payload) : NULL;
}
