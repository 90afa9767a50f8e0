/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "test-base-text"

#include "config.h"

#include <locale.h>
#include <string.h>

#include "base/ward-text.h"

/* Decomposed (NFD) spellings, as macOS and some Windows programs send them. */
#define NFD_NGUYEN  "Nguye\xcc\x82\xcc\x83n"          /* e + circumflex + tilde */
#define NFD_TRUONG  "Tru\xcc\x9bo\xcc\x9b\xcc\x80ng"  /* u + horn, o + horn + grave */
#define NFD_DANG    "\xc4\x90\x41\xcc\xa3\xcc\x86NG"  /* Đ A + dot below + breve NG */
#define NBSP        "\xc2\xa0"

typedef struct
{
  const char *input;
  const char *expected;
} StringCase;

static void
check_string_cases (char *(*function) (const char *),
                    const StringCase *cases,
                    gsize             n_cases)
{
  for (gsize i = 0; i < n_cases; i++)
    {
      g_autofree char *result = function (cases[i].input);

      g_test_message ("input: “%s”", cases[i].input);
      g_assert_cmpstr (result, ==, cases[i].expected);
    }
}

static void
test_normalize (void)
{
  static const StringCase cases[] = {
    { NFD_NGUYEN " V\xc4\x83n An", "Nguyễn Văn An" },
    { NFD_TRUONG, "Trường" },
    { "  Nguyễn \t Văn\n\n  An  ", "Nguyễn Văn An" },
    { "Lê" NBSP NBSP "Hoa", "Lê Hoa" },
    { "Đông Sơn", "Đông Sơn" },
    { "", "" },
    { " \t\n ", "" },
  };
  g_autofree char *nfc = ward_text_normalize (NFD_NGUYEN);

  check_string_cases (ward_text_normalize, cases, G_N_ELEMENTS (cases));

  /* ễ is one code point, three bytes, once composed. */
  g_assert_cmpstr (nfc, ==, "Nguy\xe1\xbb\x85n");
  g_assert_null (ward_text_normalize (NULL));
  g_assert_null (ward_text_normalize ("Nguy\xff\xfen"));
}

/* The shortcut for text already in NFC (most Vietnamese names) gives what
 * full normalization gives: every character of the shortcut's ranges,
 * random strings of them with combining marks and other letters among
 * them, and a character outside the ranges that NFC changes. */
static void
test_normalize_shortcut (void)
{
  static const gunichar others[] = { 0x0300, 0x0301, 0x0303, 0x0309, 0x0323, 0x031b, 0x0306,
                                     0x2126, 0x212b, 0x0340, 0x0410, 0x4e2d, 0x1f71 };
  g_autoptr (GRand) rand = g_rand_new_with_seed (25);
  g_autofree char *ohm = ward_text_normalize ("\xe2\x84\xa6");

  g_assert_cmpstr (ohm, ==, "\xce\xa9");   /* OHM SIGN becomes GREEK CAPITAL OMEGA */
  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr (GString) text = g_string_new (NULL);
      g_autofree char *nfc = NULL;
      g_autofree char *expected = NULL;
      g_autofree char *result = NULL;
      guint length = g_rand_int_range (rand, 1, 8);

      for (guint i = 0; i < length; i++)
        {
          gunichar c;

          switch (g_rand_int_range (rand, 0, 8))
            {
            case 0:
              c = others[g_rand_int_range (rand, 0, G_N_ELEMENTS (others))];
              break;
            case 1:
            case 2:
            case 3:
              c = g_rand_int_range (rand, 0x1e00, 0x1f00);
              break;
            default:
              c = g_rand_int_range (rand, 0x20, 0x300);
              break;
            }
          /* The shortcut's ranges hold every character, one by one. */
          if (round < 0x2e0 && i == 0)
            c = 0x20 + round;
          else if (round >= 0x2e0 && round < 0x3e0 && i == 0)
            c = 0x1e00 + round - 0x2e0;
          g_string_append_unichar (text, c);
        }
      nfc = g_utf8_normalize (text->str, -1, G_NORMALIZE_NFC);
      /* Normalizing NFC text leaves it as it is but for its spaces. */
      expected = ward_text_normalize (nfc);
      result = ward_text_normalize (text->str);
      if (g_strcmp0 (result, expected) != 0)
        g_test_message ("input: “%s”", text->str);
      g_assert_cmpstr (result, ==, expected);
    }
}

static void
test_fold (void)
{
  static const StringCase cases[] = {
    { "Nguyễn Thị Hoa", "nguyen thi hoa" },
    { "ĐẶNG", "dang" },
    { "Nguyễn  Văn AN", "nguyen van an" },
    { NFD_NGUYEN, "nguyen" },
    { NFD_TRUONG, "truong" },
    { NFD_DANG, "dang" },
    { "Đảng bộ phường Đông Sơn", "dang bo phuong dong son" },
    { "ưu đãi Ơn Ở ỨNG", "uu dai on o ung" },
    { "Ỷ Lan, Hà Nội", "y lan, ha noi" },
    { "  lề \t trái  ", "le trai" },
    { "Lê" NBSP "Hoa", "le hoa" },
    { "\xc3\x90\xc3\xb4ng", "dong" },  /* eth, as old conversions write Đ */
    { "Café Zoë", "cafe zoe" },
    { "ABC-123 xyz", "abc-123 xyz" },
    { "日本", "日本" },
    { "", "" },
  };

  check_string_cases (ward_text_fold, cases, G_N_ELEMENTS (cases));
  g_assert_null (ward_text_fold (NULL));
  g_assert_null (ward_text_fold ("ng\xc3"));
}

static void
test_fold_many_rows (void)
{
  g_autoptr(GString) row = g_string_new (NULL);

  /* What an import does: the same fold over every row gives the same key,
   * whatever the row's spelling. */
  for (int i = 0; i < 20000; i++)
    {
      g_autofree char *folded = NULL;

      g_string_printf (row, "%s Thị Hoa %d", i % 2 ? "NGUYỄN" : NFD_NGUYEN, i);
      folded = ward_text_fold (row->str);
      g_assert_true (g_str_has_prefix (folded, "nguyen thi hoa "));
    }
}

static void
test_folded_contains (void)
{
  static const struct
  {
    const char *haystack;
    const char *needle;
    gboolean    expected;
  } cases[] = {
    { "nguyen van an", "van", TRUE },
    { "nguyen van an", "nguyen van an", TRUE },
    { "nguyen van an", "an", TRUE },
    { "nguyen van an", "", TRUE },
    { "", "", TRUE },
    { "", "a", FALSE },
    { "nguyen van an", "van  an", FALSE },
    { "nguyen van an", "nguyen van anh", FALSE },
    { "le thi hoa", "hoa ", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("“%s” in “%s”", cases[i].needle, cases[i].haystack);
      g_assert_cmpint (ward_text_folded_contains (cases[i].haystack, cases[i].needle),
                       ==, cases[i].expected);
    }

  /* The whole search path: what a clerk types finds what was stored. */
  {
    g_autofree char *stored = ward_text_fold ("Nguyễn Văn An");
    g_autofree char *typed = ward_text_fold ("VĂN an");

    g_assert_true (ward_text_folded_contains (stored, typed));
  }
}

/* Each string must sort strictly before the next. */
static void
check_strict_order (const char *const *texts,
                    gsize              n_texts)
{
  for (gsize i = 0; i + 1 < n_texts; i++)
    {
      g_autofree char *a = ward_text_collate_key (texts[i]);
      g_autofree char *b = ward_text_collate_key (texts[i + 1]);

      g_test_message ("“%s” < “%s”", texts[i], texts[i + 1]);
      g_assert_cmpint (strcmp (a, b), <, 0);
    }
}

static void
test_collate_alphabet (void)
{
  static const char *const letters[] = {
    "a", "à", "ả", "ã", "á", "ạ",
    "ă", "ằ", "ẳ", "ẵ", "ắ", "ặ",
    "â", "ầ", "ẩ", "ẫ", "ấ", "ậ",
    "b", "c", "d", "đ", "e", "è", "ê", "ế", "g", "h", "i", "ì", "k", "l", "m", "n",
    "o", "ó", "ô", "ồ", "ơ", "ợ", "p", "q", "r", "s", "t", "u", "ụ", "ư", "ừ", "v", "x",
    "y", "ỳ", "ỹ",
  };

  check_strict_order (letters, G_N_ELEMENTS (letters));
}

static void
test_collate_words (void)
{
  static const char *const words[] = {
    "", "1", "9", "a", "a b", "a bc", "ab",
    "an", "àn", "án", "an bình", "an khang", "anh", "ăn", "ân", "bà",
    "cá", "chà", "dung", "dũng", "đa", "đà",
    "ma", "mà", "mả", "mã", "má", "mạ", "mác", "mạch", "mai",
    "ông", "ơn", "út", "ưng", "zoe", "日本",
  };

  check_strict_order (words, G_N_ELEMENTS (words));
}

/* Numbers in names sort by their value: the tổ dân phố of a ward, the
 * chi bộ, the receipt books. */
static void
test_collate_numbers (void)
{
  static const char *const names[] = {
    "Chi bộ 2", "Chi bộ 9", "Chi bộ 10", "Chi bộ Công an",
    "Tổ 1", "Tổ 1a", "Tổ 2", "Tổ 2 b", "Tổ 10", "Tổ 10/1", "Tổ 99", "Tổ 100", "Tổ 1000",
    "Tổ dân phố 2", "Tổ dân phố 3", "Tổ dân phố 10", "Tổ dân phố 12", "Tổ dân phố 21",
    "tổ dân phố số 4",
  };
  g_autofree char *seven = ward_text_collate_key ("Tổ 7");
  g_autofree char *zero_seven = ward_text_collate_key ("Tổ 07");

  check_strict_order (names, G_N_ELEMENTS (names));
  g_assert_cmpstr (seven, ==, zero_seven);
}

static void
test_collate_equal (void)
{
  static const StringCase cases[] = {
    { "AN", "an" },
    { "ĐÀO", "đào" },
    { "Đ", "\xc3\x90" },
    { NFD_NGUYEN, "Nguyễn" },
    { NFD_TRUONG, "trường" },
    { NFD_DANG, "đặng" },
    /* old and new tone placement spell the same syllable */
    { "hoà", "hòa" },
    { "thuỷ", "thủy" },
    { "Văn  An", "Văn An" },
    { " An ", "An" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *a = ward_text_collate_key (cases[i].input);
      g_autofree char *b = ward_text_collate_key (cases[i].expected);

      g_test_message ("“%s” = “%s”", cases[i].input, cases[i].expected);
      g_assert_cmpstr (a, ==, b);
    }

  g_assert_null (ward_text_collate_key (NULL));
  g_assert_null (ward_text_collate_key ("\xff"));
}

static void
test_collate_key_is_text (void)
{
  g_autofree char *key = ward_text_collate_key ("Nguyễn Văn Đặng 12, 日本");

  /* Stored in a TEXT column: printable ASCII only. */
  for (const char *p = key; *p != '\0'; p++)
    g_assert_true (g_ascii_isprint (*p));
}

typedef struct
{
  const char *name;
  int         given_words;
} NameCase;

static int
compare_name_keys (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  GHashTable *keys = user_data;
  const NameCase *name_a = *(const NameCase *const *) a;
  const NameCase *name_b = *(const NameCase *const *) b;

  return strcmp (g_hash_table_lookup (keys, name_a), g_hash_table_lookup (keys, name_b));
}

static void
test_name_sort (void)
{
  /* The order a ward's list of members is printed in. */
  static const NameCase sorted[] = {
    { "An", 1 },
    { "Lê An", 1 },
    { "Trần Thị An", 1 },
    { "Lê Văn An", 1 },
    { "Nguyễn Văn An", 1 },
    { "Phạm Văn Anh", 1 },
    { "Hoàng Thị Ánh", 1 },
    { "Mai Văn Ân", 1 },
    { "Lý Thị Bích", 1 },
    { "Bùi Thị Bình", 1 },
    { "Trương Ngọc Bình Minh", 2 },
    { "Lê Văn Dũng", 1 },
    { "Vũ Thị Đào", 1 },
    { "Nguyễn Thu Hà", 1 },
    { "Đặng Minh Hải", 1 },
    { "Đỗ Văn Bình Minh", 1 },
    { "Phan Văn Út", 1 },
    { "Trần Thị Ưng", 1 },
  };
  /* A scrambled starting order. */
  static const int shuffle[] = { 7, 15, 4, 12, 1, 17, 9, 3, 14, 5, 11, 16, 2, 8, 13, 0, 10, 6 };
  g_autoptr(GHashTable) keys = g_hash_table_new_full (NULL, NULL, NULL, g_free);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();

  G_STATIC_ASSERT (G_N_ELEMENTS (shuffle) == G_N_ELEMENTS (sorted));

  for (gsize i = 0; i < G_N_ELEMENTS (shuffle); i++)
    {
      const NameCase *name = &sorted[shuffle[i]];

      g_hash_table_insert (keys, (gpointer) name,
                           ward_text_name_sort_key (name->name, name->given_words));
      g_ptr_array_add (names, (gpointer) name);
    }

  g_ptr_array_sort_with_data (names, compare_name_keys, keys);

  for (guint i = 0; i < names->len; i++)
    {
      const NameCase *name = g_ptr_array_index (names, i);

      g_assert_cmpstr (name->name, ==, sorted[i].name);
      /* strictly: no two of these names may tie */
      if (i > 0)
        g_assert_cmpint (compare_name_keys (&names->pdata[i - 1], &names->pdata[i], keys), <, 0);
    }
}

static void
test_name_sort_key_details (void)
{
  g_autofree char *one = ward_text_name_sort_key ("Lê An", 1);
  g_autofree char *zero = ward_text_name_sort_key ("Lê An", 0);
  g_autofree char *upper = ward_text_name_sort_key ("  LÊ   AN ", 1);
  g_autofree char *all_given = ward_text_name_sort_key ("Bình Minh", 5);
  g_autofree char *given_two = ward_text_name_sort_key ("Bình Minh", 2);
  g_autofree char *lan = ward_text_name_sort_key ("Nguyễn Lan", 1);
  g_autofree char *lan_family = ward_text_name_sort_key ("Lan Nguyễn", 1);

  /* Fewer than one given word means one; more than the name has means
   * the whole name. */
  g_assert_cmpstr (zero, ==, one);
  g_assert_cmpstr (upper, ==, one);
  g_assert_cmpstr (all_given, ==, given_two);
  /* The given name decides, not the family name. */
  g_assert_cmpint (strcmp (lan, lan_family), <, 0);
  g_assert_null (ward_text_name_sort_key (NULL, 1));
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/normalize", test_normalize);
  g_test_add_func ("/text/normalize-shortcut", test_normalize_shortcut);
  g_test_add_func ("/text/fold", test_fold);
  g_test_add_func ("/text/fold-many-rows", test_fold_many_rows);
  g_test_add_func ("/text/folded-contains", test_folded_contains);
  g_test_add_func ("/text/collate/alphabet", test_collate_alphabet);
  g_test_add_func ("/text/collate/words", test_collate_words);
  g_test_add_func ("/text/collate/equal", test_collate_equal);
  g_test_add_func ("/text/collate/numbers", test_collate_numbers);
  g_test_add_func ("/text/collate/key-is-text", test_collate_key_is_text);
  g_test_add_func ("/text/name-sort", test_name_sort);
  g_test_add_func ("/text/name-sort-key", test_name_sort_key_details);

  return g_test_run ();
}
