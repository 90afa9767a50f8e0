/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-vsic"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-text.h"
#include "base/ward-vsic.h"

#define RESOURCE_2025_CLASSES "/io/github/wardtracker/WardTracker/base/vsic/2025-classes.txt"
#define RESOURCE_2018_GROUPS  "/io/github/wardtracker/WardTracker/base/vsic/2018-groups.txt"

/* Quyết định 36/2025/QĐ-TTg is in force from 15/11/2025 (its article on
 * entry into force, Điều 3 as in Quyết định 27/2018/QĐ-TTg): an enterprise
 * first registered from that day was registered under VSIC 2025. */
#define VSIC_2025_IN_FORCE "2025-11-15"

/* VSIC 2025, Phụ lục I of Quyết định 36/2025/QĐ-TTg: 22 sections over 87
 * divisions (45 went, its trade and repair of vehicles moving to 46, 47
 * and 95). The titles are the decision's (domain data, kept Vietnamese).
 * These are the sections every breakdown shows. */
static const WardVsicSection sections_2025[WARD_VSIC_N_SECTIONS] = {
  { 'A',  1,  3, "Nông nghiệp, lâm nghiệp và thủy sản", "Nông, lâm nghiệp, thủy sản" },
  { 'B',  5,  9, "Khai khoáng", "Khai khoáng" },
  { 'C', 10, 33, "Công nghiệp chế biến, chế tạo", "Chế biến, chế tạo" },
  { 'D', 35, 35, "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí",
    "Điện, khí đốt, hơi nước" },
  { 'E', 36, 39, "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải",
    "Cấp nước, xử lý rác thải" },
  { 'F', 41, 43, "Xây dựng", "Xây dựng" },
  { 'G', 46, 47, "Bán buôn và bán lẻ", "Bán buôn, bán lẻ" },
  { 'H', 49, 53, "Vận tải, kho bãi", "Vận tải, kho bãi" },
  { 'I', 55, 56, "Dịch vụ lưu trú và ăn uống", "Lưu trú, ăn uống" },
  { 'J', 58, 60, "Hoạt động xuất bản, phát sóng, sản xuất và phân phối nội dung",
    "Xuất bản, phát sóng, nội dung" },
  { 'K', 61, 63, "Hoạt động viễn thông; lập trình máy tính, tư vấn, cơ sở hạ tầng máy tính và "
    "các dịch vụ thông tin khác", "Viễn thông, công nghệ thông tin" },
  { 'L', 64, 66, "Hoạt động tài chính, ngân hàng và bảo hiểm", "Tài chính, ngân hàng, bảo hiểm" },
  { 'M', 68, 68, "Hoạt động kinh doanh bất động sản", "Bất động sản" },
  { 'N', 69, 75, "Hoạt động chuyên môn, khoa học và công nghệ", "Chuyên môn, khoa học, công nghệ" },
  { 'O', 77, 82, "Hoạt động hành chính và dịch vụ hỗ trợ", "Hành chính, dịch vụ hỗ trợ" },
  { 'P', 84, 84, "Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý nhà nước, "
    "an ninh quốc phòng; bảo đảm xã hội bắt buộc", "Quản lý Nhà nước, an ninh quốc phòng" },
  { 'Q', 85, 85, "Giáo dục và đào tạo", "Giáo dục, đào tạo" },
  { 'R', 86, 88, "Y tế và hoạt động trợ giúp xã hội", "Y tế, trợ giúp xã hội" },
  { 'S', 90, 93, "Nghệ thuật, thể thao và giải trí", "Nghệ thuật, thể thao, giải trí" },
  { 'T', 94, 96, "Hoạt động dịch vụ khác", "Dịch vụ khác" },
  { 'U', 97, 98, "Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất "
    "và dịch vụ tự tiêu dùng của hộ gia đình", "Làm thuê trong hộ gia đình" },
  { 'V', 99, 99, "Hoạt động của các tổ chức và cơ quan quốc tế", "Tổ chức quốc tế" },
};

/* VSIC 2018, Phụ lục I of Quyết định 27/2018/QĐ-TTg: 21 sections over 88
 * divisions, the same as ISIC Rev. 4. */
static const WardVsicSection sections_2018[] = {
  { 'A',  1,  3, "Nông nghiệp, lâm nghiệp và thủy sản", "Nông, lâm nghiệp, thủy sản" },
  { 'B',  5,  9, "Khai khoáng", "Khai khoáng" },
  { 'C', 10, 33, "Công nghiệp chế biến, chế tạo", "Chế biến, chế tạo" },
  { 'D', 35, 35, "Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí",
    "Điện, khí đốt, hơi nước" },
  { 'E', 36, 39, "Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải",
    "Cấp nước, xử lý rác thải" },
  { 'F', 41, 43, "Xây dựng", "Xây dựng" },
  { 'G', 45, 47, "Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy và xe có động cơ khác",
    "Bán buôn, bán lẻ, sửa chữa xe" },
  { 'H', 49, 53, "Vận tải kho bãi", "Vận tải, kho bãi" },
  { 'I', 55, 56, "Dịch vụ lưu trú và ăn uống", "Lưu trú, ăn uống" },
  { 'J', 58, 63, "Thông tin và truyền thông", "Thông tin, truyền thông" },
  { 'K', 64, 66, "Hoạt động tài chính, ngân hàng và bảo hiểm", "Tài chính, ngân hàng, bảo hiểm" },
  { 'L', 68, 68, "Hoạt động kinh doanh bất động sản", "Bất động sản" },
  { 'M', 69, 75, "Hoạt động chuyên môn, khoa học và công nghệ", "Chuyên môn, khoa học, công nghệ" },
  { 'N', 77, 82, "Hoạt động hành chính và dịch vụ hỗ trợ", "Hành chính, dịch vụ hỗ trợ" },
  { 'O', 84, 84, "Hoạt động của Đảng Cộng sản, tổ chức chính trị - xã hội, quản lý Nhà nước, "
    "an ninh quốc phòng; bảo đảm xã hội bắt buộc", "Quản lý Nhà nước, an ninh quốc phòng" },
  { 'P', 85, 85, "Giáo dục và đào tạo", "Giáo dục, đào tạo" },
  { 'Q', 86, 88, "Y tế và hoạt động trợ giúp xã hội", "Y tế, trợ giúp xã hội" },
  { 'R', 90, 93, "Nghệ thuật, vui chơi và giải trí", "Nghệ thuật, vui chơi, giải trí" },
  { 'S', 94, 96, "Hoạt động dịch vụ khác", "Dịch vụ khác" },
  { 'T', 97, 98, "Hoạt động làm thuê các công việc trong các hộ gia đình, sản xuất sản phẩm vật chất "
    "và dịch vụ tự tiêu dùng của hộ gia đình", "Làm thuê trong hộ gia đình" },
  { 'U', 99, 99, "Hoạt động của các tổ chức và cơ quan quốc tế", "Tổ chức quốc tế" },
};

/* The 2025 section each 2018 section counts in, found by title: the
 * letters cannot be compared, as from J on they moved one place. A title
 * kept word for word (or nearly: "Vận tải kho bãi", "vui chơi" become
 * "Vận tải, kho bãi", "thể thao") maps to its 2025 section. The one title
 * 2025 has not, J "Thông tin và truyền thông", was split by division: its
 * 58–60 went to J, 61–63 to K, so it maps by division ('\0' here). G's
 * vehicle repair (division 45) went to 95 in T; by title it stays in G. */
static const char successor_2018[G_N_ELEMENTS (sections_2018)] = {
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', '\0', 'L', 'M', 'N', 'O', 'P', 'Q', 'R', 'S',
  'T', 'U', 'V',
};

const WardVsicSection *
ward_vsic_section_nth (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (sections_2025), NULL);

  return &sections_2025[index];
}

guint
ward_vsic_section_index (const WardVsicSection *section)
{
  g_return_val_if_fail (section >= sections_2025
                        && section < sections_2025 + G_N_ELEMENTS (sections_2025), 0);

  return (guint) (section - sections_2025);
}

static const WardVsicSection *
find_section (const WardVsicSection *table,
              gsize                  n,
              int                    division)
{
  for (gsize i = 0; i < n; i++)
    if (division >= table[i].first && division <= table[i].last)
      return &table[i];
  return NULL;
}

static const WardVsicSection *
section_for_division (int             division,
                      WardVsicVersion version)
{
  if (version == WARD_VSIC_2018)
    return find_section (sections_2018, G_N_ELEMENTS (sections_2018), division);
  if (version == WARD_VSIC_2025)
    return find_section (sections_2025, G_N_ELEMENTS (sections_2025), division);
  return NULL;
}

static gboolean
is_code (const char *code)
{
  return code != NULL && strlen (code) == 4 && strspn (code, "0123456789") == 4;
}

static int
division_of (const char *code)
{
  return (code[0] - '0') * 10 + (code[1] - '0');
}

const WardVsicSection *
ward_vsic_section_in (const char      *code,
                      WardVsicVersion  version)
{
  if (!is_code (code))
    return NULL;
  return section_for_division (division_of (code), version);
}

const WardVsicSection *
ward_vsic_display_section (int             division,
                           WardVsicVersion version)
{
  const WardVsicSection *own = section_for_division (division, version);
  char letter;

  if (own == NULL || version != WARD_VSIC_2018)
    return own;
  letter = successor_2018[own - sections_2018];
  if (letter == '\0')
    return section_for_division (division, WARD_VSIC_2025);
  return &sections_2025[letter - 'A'];
}

/* ---- The lists ------------------------------------------------------------ */

/* A bit per four-digit class of VSIC 2025 and per three-digit group of
 * VSIC 2018, read once from the resources. */
typedef struct
{
  guint8 classes_2025[10000 / 8];
  guint8 groups_2018[1000 / 8];
} Lists;

static void
set_bit (guint8 *bits,
         guint   n)
{
  bits[n / 8] |= (guint8) (1u << (n % 8));
}

static gboolean
get_bit (const guint8 *bits,
         guint         n)
{
  return (bits[n / 8] & (1u << (n % 8))) != 0;
}

/* Each line not a comment is one code of @n_digits digits. */
static void
read_list (const char *resource,
           gsize       n_digits,
           guint8     *bits)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GBytes) bytes = g_resources_lookup_data (resource, 0, &error);
  g_auto (GStrv) lines = NULL;

  if (bytes == NULL)
    g_error ("The VSIC list %s is missing from the program: %s", resource, error->message);
  lines = g_strsplit (g_bytes_get_data (bytes, NULL), "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_strstrip (lines[i]);

      if (line[0] == '\0' || line[0] == '#')
        continue;
      if (strlen (line) != n_digits || strspn (line, "0123456789") != n_digits)
        g_error ("The VSIC list %s has a bad line: “%s”", resource, line);
      set_bit (bits, (guint) atoi (line));
    }
}

static const Lists *
lists (void)
{
  static Lists *loaded;

  if (g_once_init_enter (&loaded))
    {
      Lists *l = g_new0 (Lists, 1);

      read_list (RESOURCE_2025_CLASSES, 4, l->classes_2025);
      read_list (RESOURCE_2018_GROUPS, 3, l->groups_2018);
      g_once_init_leave (&loaded, l);
    }
  return loaded;
}

gboolean
ward_vsic_code_exists (const char      *code,
                       WardVsicVersion  version)
{
  if (!is_code (code))
    return FALSE;
  switch (version)
    {
    case WARD_VSIC_2025:
      return get_bit (lists ()->classes_2025, (guint) atoi (code));
    case WARD_VSIC_2018:
      return get_bit (lists ()->groups_2018, (guint) atoi (code) / 10)
             && section_for_division (division_of (code), WARD_VSIC_2018) != NULL;
    case WARD_VSIC_ANY:
      return ward_vsic_code_exists (code, WARD_VSIC_2018)
             || ward_vsic_code_exists (code, WARD_VSIC_2025);
    default:
      return FALSE;
    }
}

/* ---- Reading a code ------------------------------------------------------- */

/* What may follow the code: nothing, or a separator before its title. */
static gboolean
ends_code (const char *p)
{
  return *p == '\0' || *p == ' ' || *p == '-' || *p == ':' || *p == '.' || *p == ','
         || *p == '(' || *p == '/' || *p == ';';
}

/* An optional section letter before the code: "G4620", "G 4620", "G-4620". */
static const char *
skip_section_letter (const char *p,
                     char       *letter_out)
{
  *letter_out = '\0';
  if (g_ascii_isalpha (p[0]) && !g_ascii_isalpha (p[1]))
    {
      *letter_out = g_ascii_toupper (p[0]);
      p++;
      while (*p == ' ' || *p == '-' || *p == '.' || *p == ':')
        p++;
    }
  return p;
}

static gboolean
check_digits (const char  *input,
              const char  *digits,
              gsize        n_digits,
              GError     **error)
{
  if (n_digits == 4)
    return TRUE;
  if (n_digits == 5)
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("“%s” is a five-digit VSIC code; write the main line of business as its "
                   "four-digit code, %.4s."), input, digits);
  else
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("“%s” is not a VSIC code: the main line of business is written as four "
                   "digits, such as 4620."), input);
  return FALSE;
}

/* Says that @version (both, for WARD_VSIC_ANY) has not @code. */
static gboolean
refuse_code (const char       *code,
             WardVsicVersion   version,
             GError          **error)
{
  if (version == WARD_VSIC_2025)
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("The VSIC code %s is not in VSIC 2025: Quyết định 36/2025/QĐ-TTg has no "
                   "such class."), code);
  else if (version == WARD_VSIC_2018)
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("The VSIC code %s is not in VSIC 2018: Quyết định 27/2018/QĐ-TTg has no "
                   "group %.3s."), code, code);
  else
    g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                 _("The VSIC code %s is in neither VSIC 2018 nor VSIC 2025; check the code on "
                   "the enterprise's registration certificate."), code);
  return FALSE;
}

/* The letter, when given, must be the code's section in a version that
 * has the code (the stated one, or either). */
static gboolean
check_letter (const char       *code,
              char              letter,
              WardVsicVersion   version,
              GError          **error)
{
  static const WardVsicVersion versions[] = { WARD_VSIC_2025, WARD_VSIC_2018 };
  const WardVsicSection *shown = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (versions); i++)
    {
      const WardVsicSection *section = ward_vsic_section_in (code, versions[i]);

      if ((version != WARD_VSIC_ANY && version != versions[i])
          || !ward_vsic_code_exists (code, versions[i]))
        continue;
      if (section->letter == letter)
        return TRUE;
      shown = shown != NULL ? shown : section;
    }
  g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
               _("The VSIC code %s belongs to section %c, not %c."), code, shown->letter, letter);
  return FALSE;
}

gboolean
ward_vsic_parse (const char       *text,
                 WardVsicVersion   version,
                 char            **code_out,
                 GError          **error)
{
  g_autofree char *input = ward_text_normalize (text != NULL ? text : "");
  g_autofree char *folded = ward_text_fold (input != NULL ? input : "");
  g_autofree char *code = NULL;
  const char *digits;
  gsize n_digits;
  char letter;

  if (input == NULL || input[0] == '\0')
    {
      g_set_error_literal (error, WARD_ERROR, WARD_ERROR_INVALID,
                           _("No line of business was given."));
      return FALSE;
    }

  digits = skip_section_letter (folded, &letter);
  n_digits = strspn (digits, "0123456789");
  if (n_digits == 0 || !ends_code (digits + n_digits))
    n_digits = 0;
  if (!check_digits (input, digits, n_digits, error))
    return FALSE;

  code = g_strndup (digits, 4);
  if (!ward_vsic_code_exists (code, version))
    return refuse_code (code, version, error);
  if (letter != '\0' && !check_letter (code, letter, version, error))
    return FALSE;

  if (code_out != NULL)
    *code_out = g_steal_pointer (&code);
  return TRUE;
}

/* ---- Which version -------------------------------------------------------- */

gboolean
ward_vsic_resolve (const char       *code,
                   WardVsicVersion   stated,
                   const char       *registered_on_iso,
                   WardVsicVersion  *version_out,
                   GError          **error)
{
  gboolean in_2018 = ward_vsic_code_exists (code, WARD_VSIC_2018);
  gboolean in_2025 = ward_vsic_code_exists (code, WARD_VSIC_2025);
  WardVsicVersion version;

  if (stated != WARD_VSIC_ANY)
    version = stated;
  else if (in_2018 != in_2025)
    version = in_2018 ? WARD_VSIC_2018 : WARD_VSIC_2025;
  else if (registered_on_iso != NULL && strcmp (registered_on_iso, VSIC_2025_IN_FORCE) < 0)
    version = WARD_VSIC_2018;
  else
    version = WARD_VSIC_2025;

  if (!ward_vsic_code_exists (code, version))
    return refuse_code (code != NULL ? code : "", stated, error);
  *version_out = version;
  return TRUE;
}

gboolean
ward_vsic_version_parse (const char       *text,
                         WardVsicVersion  *version_out,
                         GError          **error)
{
  g_autofree char *folded = ward_text_fold (text != NULL ? text : "");
  gboolean says_2018 = folded != NULL && strstr (folded, "2018") != NULL;
  gboolean says_2025 = folded != NULL && strstr (folded, "2025") != NULL;

  if (folded != NULL && g_strstrip (folded)[0] == '\0')
    {
      *version_out = WARD_VSIC_ANY;
      return TRUE;
    }
  if (says_2018 == says_2025)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("“%s” is not a VSIC version: write 2018 or 2025, or leave it empty to let "
                     "the code and the registration date decide."), text);
      return FALSE;
    }
  *version_out = says_2018 ? WARD_VSIC_2018 : WARD_VSIC_2025;
  return TRUE;
}

const char *
ward_vsic_version_label (WardVsicVersion version)
{
  switch (version)
    {
    case WARD_VSIC_2018: return "VSIC 2018";
    case WARD_VSIC_2025: return "VSIC 2025";
    default: return "";
    }
}

char *
ward_vsic_describe (const char      *code,
                    WardVsicVersion  version)
{
  const WardVsicSection *section = ward_vsic_section_in (code, version);

  if (section == NULL)
    return NULL;
  return g_strdup_printf ("%c – %s", section->letter, section->title);
}
