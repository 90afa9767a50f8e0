/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "store/ward-store.h"

G_BEGIN_DECLS

/* Signed exchange: what one installation writes for another (a bundle, a
 * change file of the shared folder) is sealed with its Ed25519 key
 * (libsodium's crypto_sign_detached), and opened only when a person
 * trusted that installation in this file, once, by comparing a short code
 * of its public key on both screens (as Syncthing's device IDs and
 * Signal's safety numbers are compared).
 *
 * - Each installation has its own key pair. The secret half is kept in
 *   the user's data folder (<data dir>/ward-tracker/keys/<installation
 *   id>.key, 0600), made on first need, never in the SQLite file that
 *   clerks copy to sticks and backups, never in what is exported. The
 *   public half is in the file (setting "signing-public-key") and in every
 *   sealed file.
 * - A sealed file is JSON: { "format", "version": 2, "signer":
 *   { "installation", "name", "public_key" }, "payload": base64 of the
 *   exact bytes signed, "signature": base64 }. The signature covers
 *   "ward-tracker-bundle/2\n" followed by the payload bytes, so that it
 *   can be for nothing else.
 * - The trusted installations are in the file (trusted_installations,
 *   audited); one seen on a refused file is remembered untrusted, so that
 *   `ward-tracker-cli bundle trust CODE` can trust it by its code. */

#define WARD_SEAL_FORMAT  "ward-tracker-bundle"
#define WARD_SEAL_VERSION 2

typedef enum
{
  WARD_TRUST_UNKNOWN,       /* never seen here */
  WARD_TRUST_SEEN,          /* remembered from a refused bundle, not trusted */
  WARD_TRUST_TRUSTED,
  WARD_TRUST_KEY_CHANGED,   /* trusted, under another key */
} WardTrust;

typedef struct
{
  char   *installation;     /* the signer's installation id */
  char   *name;             /* its ward and receipt book: "Phường Đông Sơn · A3F9C2" */
  guint8  public_key[32];
  char   *code;             /* eight groups of four: "ABCD-EFGH-…" */
} WardSigner;

void        ward_signer_free              (WardSigner    *signer);
/* Its name, or its installation id when it gave none. */
const char *ward_signer_get_label         (const WardSigner *signer);

/* "ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567": 160 bits of the SHA-256 of
 * the public key, in base32 (RFC 4648), which both screens show. */
char       *ward_exchange_code_for_key    (const guint8  *public_key);
/* This installation as others see it: its id, name, public key and code
 * (its key is made on first need). */
WardSigner *ward_exchange_dup_own_signer  (WardStore     *store,
                                           GError       **error);
char       *ward_exchange_dup_own_code    (WardStore     *store,
                                           GError       **error);

/* @payload sealed with this installation's key. */
GBytes     *ward_exchange_seal            (WardStore     *store,
                                           GBytes        *payload,
                                           GError       **error);
/* The signer of @sealed, its signature verified, whoever it is. */
WardSigner *ward_exchange_read_signer     (GBytes        *sealed,
                                           const char    *display_name,
                                           GError       **error);
/* The signer of the bundle at @path (a regular file under the size
 * limit), its signature verified: what the window shows before trusting. */
WardSigner *ward_exchange_read_signer_for_path (const char *path,
                                                GError    **error);
/* The payload of @sealed when its signature verifies and its signer is
 * trusted here. Otherwise NULL with WARD_ERROR_TAMPERED (changed after it
 * was signed), WARD_ERROR_UNTRUSTED (unsigned, or a signer not trusted
 * here, or one whose key changed: the message says how to trust it), or
 * WARD_ERROR_CORRUPT, or WARD_ERROR_INVALID when this installation made
 * it. @signer_out (may be NULL) receives the signer
 * whenever the signature verified, trusted or not. */
GBytes     *ward_exchange_open_sealed     (WardStore     *store,
                                           GBytes        *sealed,
                                           const char    *display_name,
                                           WardSigner   **signer_out,
                                           GError       **error);

/* Whether this file trusts @signer (a verified signer). */
WardTrust   ward_exchange_get_trust       (WardStore        *store,
                                           const WardSigner *signer,
                                           GError          **error);
/* Trusts @signer from now on (replacing a key trusted before). */
gboolean    ward_exchange_trust           (WardStore        *store,
                                           const WardSigner *signer,
                                           GError          **error);
/* Trusts the installation seen here whose code is @code (spaces, case
 * and hyphens do not matter); @signer_out (may be NULL) receives it. */
gboolean    ward_exchange_trust_code      (WardStore     *store,
                                           const char    *code,
                                           WardSigner   **signer_out,
                                           GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (WardSigner, ward_signer_free)

G_END_DECLS
