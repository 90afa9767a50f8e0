/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-vsic"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "base/ward-error.h"
#include "base/ward-text.h"
#include "base/ward-vsic.h"

/* The titles are the official names of VSIC 2018 (domain data, kept in
 * Vietnamese); the division ranges follow its Phụ lục I, the same as ISIC
 * Rev. 4. VSIC 2018 has no section V. */
static const WardVsicSection sections[WARD_VSIC_N_SECTIONS] = {
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

const WardVsicSection *
ward_vsic_section_nth (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (sections), NULL);

  return &sections[index];
}

guint
ward_vsic_section_index (const WardVsicSection *section)
{
  g_return_val_if_fail (section >= sections && section < sections + G_N_ELEMENTS (sections), 0);

  return (guint) (section - sections);
}

const WardVsicSection *
ward_vsic_section_for_division (int division)
{
  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    if (division >= sections[i].first && division <= sections[i].last)
      return &sections[i];
  return NULL;
}

const WardVsicSection *
ward_vsic_section_for_code (const char *code)
{
  if (code == NULL || strlen (code) != 4 || strspn (code, "0123456789") != 4)
    return NULL;
  return ward_vsic_section_for_division ((code[0] - '0') * 10 + (code[1] - '0'));
}

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

gboolean
ward_vsic_parse (const char  *text,
                 char       **code_out,
                 GError     **error)
{
  g_autofree char *input = ward_text_normalize (text != NULL ? text : "");
  g_autofree char *folded = ward_text_fold (input != NULL ? input : "");
  const WardVsicSection *section;
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

  section = ward_vsic_section_for_division ((digits[0] - '0') * 10 + (digits[1] - '0'));
  if (section == NULL)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The VSIC code %.4s is not in VSIC 2018: no section has the division %.2s."),
                   digits, digits);
      return FALSE;
    }
  if (letter != '\0' && letter != section->letter)
    {
      g_set_error (error, WARD_ERROR, WARD_ERROR_INVALID,
                   _("The VSIC code %.4s belongs to section %c, not %c."),
                   digits, section->letter, letter);
      return FALSE;
    }

  if (code_out != NULL)
    *code_out = g_strndup (digits, 4);
  return TRUE;
}

char *
ward_vsic_describe (const char *code)
{
  const WardVsicSection *section = ward_vsic_section_for_code (code);

  if (section == NULL)
    return NULL;
  return g_strdup_printf ("%c – %s", section->letter, section->title);
}
