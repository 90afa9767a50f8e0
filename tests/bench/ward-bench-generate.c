/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "ward-bench-generate"

#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "admissions/ward-admissions.h"
#include "base/ward-format.h"
#include "base/ward-text.h"
#include "donations/ward-donations-ledger.h"
#include "enterprises/ward-enterprises.h"
#include "programme/ward-programme.h"
#include "registers/ward-registers.h"
#include "targets/ward-targets-readings.h"
#include "targets/ward-targets.h"

/* A large ward, as the benchmark needs it: 20,000 candidates for admission,
 * 5,000 enterprises, 100,000 donation receipts and readings for every
 * target kept by hand, stored through the core's own rules, and the same
 * registers as the CSV files an office imports (members.csv,
 * enterprises.csv, donations.csv). Deterministic: the same seed gives the
 * same file.
 *
 *   ward-bench-generate [--candidates N] [--enterprises N] [--donations N] DIR
 *
 * Dates run across the term up to "today", which is WARD_TODAY when set and
 * BENCH_TODAY otherwise (late in the term, so that the term is full). */

#define BENCH_TODAY "2030-06-30"
#define BENCH_SEED  20250917

typedef struct
{
  GRand      *rand;
  WardStore  *store;
  char       *today;
  guint32     today_day;     /* julian day */
  GPtrArray  *cell_ids;      /* gint64 as pointers */
  GHashTable *people;        /* folded name + birth date already used */
  int         n_candidates;
  int         n_enterprises;
  int         n_donations;
  int         n_ceremonies;
} Generator;

static const char * const family_names[] = {
  "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
  "Hồ", "Ngô", "Dương", "Lý", "Trịnh", "Đinh", "Lương", "Mai", "Cao", "Lâm", "Hà", "Tạ",
};
/* How often each family name is met, per thousand (Nguyễn is nearly two in five). */
static const int family_weights[] = {
  380, 110, 90, 70, 50, 20, 40, 40, 20, 25, 25, 20, 15, 15, 10, 10, 12, 10, 8, 8, 7, 5, 6, 4,
};
static const char * const male_middle[] = {
  "Văn", "Đức", "Hữu", "Minh", "Quang", "Xuân", "Đình", "Công", "Thanh", "Ngọc", "Tuấn", "Bá",
};
static const char * const female_middle[] = {
  "Thị", "Thị", "Ngọc", "Thu", "Thanh", "Hồng", "Kim", "Phương", "Minh", "Diệu", "Bảo", "Mai",
};
static const char * const male_given[] = {
  "An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đông", "Giang", "Hải", "Hiếu", "Hoàng", "Hùng",
  "Huy", "Khánh", "Khoa", "Kiên", "Lâm", "Long", "Lộc", "Mạnh", "Nam", "Nghĩa", "Phong", "Phúc",
  "Quân", "Quyết", "Sơn", "Tài", "Thắng", "Thành", "Thịnh", "Toàn", "Trung", "Tú", "Tuấn", "Việt",
  "Vinh", "Vũ",
};
static const char * const female_given[] = {
  "Anh", "Chi", "Dung", "Duyên", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Hương", "Huyền",
  "Lan", "Liên", "Linh", "Loan", "Mai", "My", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên",
  "Quỳnh", "Tâm", "Thảo", "Thủy", "Trang", "Trinh", "Uyên", "Vân", "Xuân", "Yến",
};
/* Two-word given names (the clerk marks them in the form). */
static const char * const double_given[] = {
  "Bình Minh", "Hoài An", "Minh Anh", "Ngọc Lan", "Thanh Hà", "Bảo Ngọc", "Gia Huy", "Đức Anh",
};
static const char * const institutions[] = {
  "Trường THCS Đông Sơn", "Trường Tiểu học Đông Sơn", "Trường Mầm non Đông Sơn", "Trạm Y tế",
  "Công an phường", "Ban Chỉ huy Quân sự", "Cơ quan UBND phường", "Doanh nghiệp Hàm Rồng",
};
static const char * const occupations[] = {
  "Công nhân", "Giáo viên", "Kinh doanh", "Nhân viên văn phòng", "Sinh viên", "Bộ đội xuất ngũ",
  "Kỹ sư", "Y sĩ", "Lao động tự do", "Công chức",
};
static const char * const educations[] = { "12/12", "12/12", "12/12", "9/12" };
static const char * const specialties[] = {
  "", "Trung cấp", "Cao đẳng", "Đại học", "Đại học", "Thạc sĩ",
};

static void
die (const char *what,
     GError     *error)
{
  g_printerr ("ward-bench-generate: %s: %s\n", what, error != NULL ? error->message : "failed");
  exit (1);
}

static const char *
pick (Generator          *gen,
      const char * const *list,
      guint               n)
{
  return list[g_rand_int_range (gen->rand, 0, (gint32) n)];
}

#define PICK(gen, list) pick ((gen), (list), G_N_ELEMENTS (list))

static const char *
pick_family (Generator *gen)
{
  int total = 0, roll;

  for (guint i = 0; i < G_N_ELEMENTS (family_weights); i++)
    total += family_weights[i];
  roll = g_rand_int_range (gen->rand, 0, total);
  for (guint i = 0; i < G_N_ELEMENTS (family_weights); i++)
    if ((roll -= family_weights[i]) < 0)
      return family_names[i];
  return family_names[0];
}

static gboolean
chance (Generator *gen,
        double     probability)
{
  return g_rand_double (gen->rand) < probability;
}

/* ---- Dates as julian days ------------------------------------------------ */

static guint32
day_of (const char *iso)
{
  g_autoptr (GDate) date = ward_date_from_iso (iso);

  g_assert (date != NULL);
  return g_date_get_julian (date);
}

static char *
iso_of (guint32 day)
{
  g_autoptr (GDate) date = g_date_new_julian (day);

  return g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (date), g_date_get_month (date),
                          g_date_get_day (date));
}

static guint32
day_between (Generator *gen,
             guint32    first,
             guint32    last)
{
  return first + (guint32) g_rand_int_range (gen->rand, 0, (gint32) (last - first + 1));
}

/* ---- A person ------------------------------------------------------------ */

static char *
person_name (Generator  *gen,
             gboolean    female,
             int        *given_words_out)
{
  const char *family = pick_family (gen);
  const char *middle = female ? PICK (gen, female_middle) : PICK (gen, male_middle);

  if (given_words_out != NULL && chance (gen, 0.04))
    {
      *given_words_out = 2;
      return g_strdup_printf ("%s %s", family, PICK (gen, double_given));
    }
  if (given_words_out != NULL)
    *given_words_out = 1;
  return g_strdup_printf ("%s %s %s", family, middle,
                          female ? PICK (gen, female_given) : PICK (gen, male_given));
}

static char *
any_person_name (Generator *gen)
{
  return person_name (gen, chance (gen, 0.5), NULL);
}

/* ---- The chi bộ ---------------------------------------------------------- */

static void
add_cells (Generator *gen)
{
  g_autoptr (GError) error = NULL;

  gen->cell_ids = g_ptr_array_new ();
  for (int i = 1; i <= 20 + (int) G_N_ELEMENTS (institutions); i++)
    {
      g_autofree char *name = i <= 20 ? g_strdup_printf ("Khu phố %d", i) : g_strdup (institutions[i - 21]);
      gint64 id = ward_party_cell_add (gen->store, name, &error);

      if (id <= 0)
        die ("chi bộ", error);
      g_ptr_array_add (gen->cell_ids, GSIZE_TO_POINTER ((gsize) id));
    }
}

/* ---- Candidates ---------------------------------------------------------- */

/* The furthest stage a candidate reaches: most stay in the early ones, and
 * about 3.5 % are admitted (about 700 of 20,000, the term's ceremonies). */
static WardStage
pick_stage (Generator *gen)
{
  static const struct { WardStage stage; int per_mille; } shares[] = {
    { WARD_STAGE_NONE, 90 }, { WARD_STAGE_SYMPATHISER, 430 }, { WARD_STAGE_COURSE, 230 },
    { WARD_STAGE_APPLICATION, 110 }, { WARD_STAGE_VERIFICATION_SENT, 45 },
    { WARD_STAGE_VERIFICATION_DONE, 25 }, { WARD_STAGE_CELL_RESOLUTION, 20 },
    { WARD_STAGE_DECISION, 15 }, { WARD_STAGE_CEREMONY, 35 },
  };
  int roll = g_rand_int_range (gen->rand, 0, 1000);

  for (guint i = 0; i < G_N_ELEMENTS (shares); i++)
    if ((roll -= shares[i].per_mille) < 0)
      return shares[i].stage;
  return WARD_STAGE_CEREMONY;
}

/* Days from each stage to the next, as files really move: at least, at most. */
static const int stage_gap[WARD_N_STAGES][2] = {
  [WARD_STAGE_COURSE] = { 30, 240 },
  [WARD_STAGE_APPLICATION] = { 20, 200 },
  [WARD_STAGE_VERIFICATION_SENT] = { 5, 40 },
  [WARD_STAGE_VERIFICATION_DONE] = { 20, 75 },
  [WARD_STAGE_CELL_RESOLUTION] = { 7, 40 },
  [WARD_STAGE_DECISION] = { 10, 45 },
  [WARD_STAGE_CEREMONY] = { 5, 30 },
};

static void
set_stage_numbers (Generator     *gen,
                   WardCandidate *c,
                   int            index)
{
  if (c->dates[WARD_STAGE_COURSE] != NULL)
    c->course_cert_number = g_strdup_printf ("%d/GCN-TTCT", 100 + index % 900);
  if (c->dates[WARD_STAGE_CELL_RESOLUTION] != NULL)
    {
      c->cell_resolution_number = g_strdup_printf ("%d-NQ/CB", 1 + index % 60);
      c->introducer_1 = any_person_name (gen);
      /* A Youth Union member of youth age is introduced by the union's
       * resolution and one member (ward-admissions-rules.c). */
      if (c->youth_union && ward_candidate_is_youth_age (c, c->dates[WARD_STAGE_CELL_RESOLUTION]))
        c->youth_union_resolution = g_strdup_printf ("%d-NQ/ĐTN", 1 + index % 40);
      else
        c->introducer_2 = any_person_name (gen);
      if (c->introducer_2 != NULL && g_strcmp0 (c->introducer_1, c->introducer_2) == 0)
        {
          g_free (c->introducer_2);
          c->introducer_2 = g_strdup ("Lê Văn Thọ");
        }
      /* Official members who have worked beside the candidate for more
       * than the year the rules ask (ward-admissions-rules.c). */
      c->introducer_1_official = TRUE;
      c->introducer_1_since = ward_candidate_add_months (c->dates[WARD_STAGE_CELL_RESOLUTION], -24);
      if (c->introducer_2 != NULL)
        {
          c->introducer_2_official = TRUE;
          c->introducer_2_since = ward_candidate_add_months (c->dates[WARD_STAGE_CELL_RESOLUTION], -18);
        }
    }
  if (c->dates[WARD_STAGE_DECISION] != NULL)
    c->decision_number = g_strdup_printf ("%d-QĐ/ĐU", 100 + index % 800);
  if (c->dates[WARD_STAGE_RECOGNITION] != NULL)
    {
      c->recognition_number = g_strdup_printf ("%d-QĐ/ĐU", 1000 + index % 800);
      c->recognition_resolution_date = g_strdup (c->dates[WARD_STAGE_RECOGNITION]);
    }
}

/* Admitted candidates: the ceremony falls in the term, the stages before it
 * go back from there; recognition follows 12 months later when due. */
static void
date_admitted (Generator     *gen,
               WardCandidate *c)
{
  guint32 term_start = day_of ("2025-01-15");
  guint32 day = day_between (gen, term_start, gen->today_day - 1);
  g_autofree char *due = NULL;

  c->dates[WARD_STAGE_CEREMONY] = iso_of (day);
  for (int stage = WARD_STAGE_CEREMONY; stage > WARD_STAGE_SYMPATHISER; stage--)
    {
      day -= (guint32) g_rand_int_range (gen->rand, stage_gap[stage][0], stage_gap[stage][1] + 1);
      c->dates[stage - 1] = iso_of (day);
    }
  due = ward_candidate_recognition_due (c);
  if (strcmp (due, gen->today) <= 0 && chance (gen, 0.9))
    c->dates[WARD_STAGE_RECOGNITION] = iso_of (day_of (due) + g_rand_int_range (gen->rand, 0, 20));
  if (c->dates[WARD_STAGE_RECOGNITION] != NULL
      && strcmp (c->dates[WARD_STAGE_RECOGNITION], gen->today) > 0)
    g_clear_pointer (&c->dates[WARD_STAGE_RECOGNITION], g_free);
}

/* The others start as sympathisers any time in the last years and move on
 * until @target or today, whichever comes first. */
static void
date_following (Generator     *gen,
                WardCandidate *c,
                WardStage      target)
{
  g_autofree char *adult = ward_candidate_add_months (c->birth_date, 18 * 12);
  guint32 day = day_between (gen, MAX (day_of ("2022-01-01"), day_of (adult)), gen->today_day);

  if (target == WARD_STAGE_NONE || day > gen->today_day)
    return;
  c->dates[WARD_STAGE_SYMPATHISER] = iso_of (day);
  for (int stage = WARD_STAGE_COURSE; stage <= (int) target; stage++)
    {
      day += (guint32) g_rand_int_range (gen->rand, stage_gap[stage][0], stage_gap[stage][1] + 1);
      if (day > gen->today_day)
        break;
      c->dates[stage] = iso_of (day);
    }
}

static void
fill_person (Generator     *gen,
             WardCandidate *c,
             int            index)
{
  gboolean female = chance (gen, 0.52);
  int cell = g_rand_int_range (gen->rand, 0, (gint32) gen->cell_ids->len);
  int group = cell < 20 ? cell * 2 + g_rand_int_range (gen->rand, 1, 3)
                        : g_rand_int_range (gen->rand, 1, 41);

  c->full_name = person_name (gen, female, &c->given_name_words);
  c->gender = female ? WARD_GENDER_FEMALE : WARD_GENDER_MALE;
  c->birth_date = iso_of (day_between (gen, day_of ("1970-01-01"), day_of ("2005-12-31")));
  c->ethnicity = g_strdup (chance (gen, 0.96) ? "Kinh" : "Mường");
  c->religion = g_strdup (chance (gen, 0.93) ? "Không" : "Công giáo");
  c->education = g_strdup (PICK (gen, educations));
  c->specialty = g_strdup (PICK (gen, specialties));
  c->occupation = g_strdup (PICK (gen, occupations));
  c->youth_union = strcmp (c->birth_date, "1995-01-01") > 0 && chance (gen, 0.8);
  c->residential_group = g_strdup_printf ("Tổ dân phố %d", group);
  c->cell_id = (gint64) GPOINTER_TO_SIZE (g_ptr_array_index (gen->cell_ids, cell));
  if (index % 97 == 0)
    c->note = g_strdup ("Hồ sơ chuyển từ phường cũ");
}

/* The register refuses the same person twice: draw again on a clash. */
static WardCandidate *
new_candidate (Generator *gen,
               int        index)
{
  for (;;)
    {
      g_autoptr (WardCandidate) c = ward_candidate_new ();
      g_autofree char *folded = NULL;
      char *key;

      fill_person (gen, c, index);
      folded = ward_text_fold (c->full_name);
      key = g_strconcat (folded, "|", c->birth_date, NULL);
      if (g_hash_table_add (gen->people, key))
        return g_steal_pointer (&c);
    }
}

static void
add_candidates (Generator *gen)
{
  g_autoptr (GError) error = NULL;

  for (int i = 0; i < gen->n_candidates; i++)
    {
      g_autoptr (WardCandidate) c = new_candidate (gen, i);
      WardStage stage = pick_stage (gen);

      if (stage == WARD_STAGE_CEREMONY)
        date_admitted (gen, c);
      else
        date_following (gen, c, stage);
      if (ward_candidate_get_stage (c) >= WARD_STAGE_CEREMONY)
        gen->n_ceremonies++;
      set_stage_numbers (gen, c, i);
      if (stage < WARD_STAGE_CEREMONY && chance (gen, 0.03))
        {
          c->state = chance (gen, 0.5) ? WARD_CANDIDATE_PAUSED : WARD_CANDIDATE_WITHDRAWN;
          c->state_reason = g_strdup ("Chuyển nơi cư trú");
        }
      if (!ward_candidate_save (gen->store, c, &error))
        die (c->full_name, error);
    }
}

/* ---- Enterprises --------------------------------------------------------- */

static const char * const trades[] = {
  "Thương mại và Dịch vụ", "Xây dựng", "Vận tải", "Công nghệ", "Thực phẩm", "Nội thất",
  "Du lịch", "May mặc", "Vật liệu xây dựng", "Đầu tư và Phát triển", "Cơ khí", "Nông sản",
  "Điện tử", "In ấn", "Môi trường", "Giáo dục", "Y dược", "Bất động sản", "Tư vấn", "Logistics",
  "Thủ công mỹ nghệ", "Nhà hàng", "Xuất nhập khẩu", "Phần mềm", "Cây xanh",
};
static const char * const brands[] = {
  "Minh Phát", "Hoàng Long", "An Bình", "Thành Đạt", "Hưng Thịnh", "Phú Gia", "Đông Sơn",
  "Hàm Rồng", "Sao Mai", "Việt Hưng", "Tân Phú", "Kim Ngân", "Trường Thịnh", "Hải Đăng",
  "Bảo An", "Lam Sơn", "Nam Việt", "Quang Minh", "Thanh Bình", "Đức Anh", "Phúc Lộc", "Hồng Hà",
  "Thiên Phú", "Tiến Đạt", "Gia Bảo", "Mai Linh", "Nhật Minh", "Sông Mã", "Hòa Phát", "Vạn Xuân",
  "Ánh Dương", "Bắc Nam", "Cát Tường", "Đại Thành", "Hạ Long", "Khải Hoàn", "Long Giang",
  "Mạnh Tiến", "Ngọc Sơn", "Phương Đông", "Quốc Thái", "Rạng Đông", "Sơn Hà", "Thái Bình",
  "Trí Tuệ", "Uy Tín", "Vĩnh Phúc", "Xuân Thành", "Yên Bình", "Hoa Sen", "Kỳ Anh", "Lạc Hồng",
  "Tràng An", "Núi Nhồi", "Bến Ngự", "Hàm Hạ", "Quảng Xương", "Đông Hương", "Phú Sơn", "Trung Sơn",
};
static const char * const regions[] = { "", " Thanh Hóa", " Đông Sơn", " Miền Trung" };
static const char * const streets[] = {
  "Lê Lợi", "Trần Phú", "Nguyễn Trãi", "Quang Trung", "Bà Triệu", "Hàm Nghi", "Lê Hoàn",
  "Dương Đình Nghệ", "Đội Cung", "Hàng Đồng",
};
/* Real VSIC 2018 level-4 codes of businesses a ward registers. */
static const char * const vsic_codes[] = {
  "4711", "4620", "4101", "4102", "5610", "5510", "4933", "6201", "4659", "4663", "1079",
  "1410", "2392", "4520", "8299", "7020", "4321", "4752", "6810", "8559", "0118", "1010",
  "3100", "4932", "7310", "9610", "4771", "4722", "5630", "4649",
};

/* Thanh Hóa's codes start 28; the tenth digit is the check digit of the
 * published rule (ward-taxcode.c), computed here on its own. */
static gboolean
tax_code_for (int    serial,
              char   out[11])
{
  static const int weights[] = { 31, 29, 23, 19, 17, 13, 7, 5, 3 };
  int sum = 0;

  g_snprintf (out, 11, "28%07d", serial);
  for (guint i = 0; i < G_N_ELEMENTS (weights); i++)
    sum += (out[i] - '0') * weights[i];
  if (sum % 11 == 0)
    return FALSE;
  out[9] = (char) ('0' + (10 - sum % 11) % 10);
  out[10] = '\0';
  return TRUE;
}

static WardEnterpriseType
pick_type (Generator *gen)
{
  int roll = g_rand_int_range (gen->rand, 0, 100);

  if (roll < 55)
    return WARD_ENTERPRISE_LLC_ONE;
  if (roll < 75)
    return WARD_ENTERPRISE_LLC_MULTI;
  if (roll < 93)
    return WARD_ENTERPRISE_JOINT_STOCK;
  if (roll < 99)
    return WARD_ENTERPRISE_PRIVATE;
  return WARD_ENTERPRISE_PARTNERSHIP;
}

static char *
enterprise_name (WardEnterpriseType type,
                 int                index)
{
  static const char * const forms[] = {
    [WARD_ENTERPRISE_LLC_ONE] = "Công ty TNHH", [WARD_ENTERPRISE_LLC_MULTI] = "Công ty TNHH",
    [WARD_ENTERPRISE_JOINT_STOCK] = "Công ty cổ phần", [WARD_ENTERPRISE_PARTNERSHIP] = "Công ty hợp danh",
    [WARD_ENTERPRISE_PRIVATE] = "Doanh nghiệp tư nhân",
  };
  guint n = G_N_ELEMENTS (trades) * G_N_ELEMENTS (brands) * G_N_ELEMENTS (regions);
  /* A stride prime to n walks every combination once before repeating. */
  guint k = (guint) index * 7919u % n;

  return g_strdup_printf ("%s %s %s%s", forms[type], trades[k % G_N_ELEMENTS (trades)],
                          brands[k / G_N_ELEMENTS (trades) % G_N_ELEMENTS (brands)],
                          regions[k / G_N_ELEMENTS (trades) / G_N_ELEMENTS (brands)]);
}

/* Charter capital from 100 million to 50 billion đồng, in whole millions. */
static gint64
pick_capital (Generator *gen)
{
  static const gint64 steps[] = { 100, 200, 300, 500, 800, 1000, 1500, 2000, 3000, 5000,
                                  10000, 20000, 50000 };

  return steps[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (steps))] * 1000000
         + (chance (gen, 0.2) ? g_rand_int_range (gen->rand, 1, 99) * 1000000 : 0);
}

static void
set_status (Generator      *gen,
            WardEnterprise *e)
{
  int roll = g_rand_int_range (gen->rand, 0, 100);
  guint32 from = day_of (e->registered_on) + 60;

  if (roll < 88 || from >= gen->today_day)
    return;
  e->status = roll < 94 ? WARD_ENTERPRISE_SUSPENDED
              : roll < 97 ? WARD_ENTERPRISE_NOT_AT_ADDRESS
              : roll < 99 ? WARD_ENTERPRISE_DISSOLVING : WARD_ENTERPRISE_CLOSED;
  e->status_date = iso_of (day_between (gen, from, gen->today_day));
}

static WardEnterprise *
new_enterprise (Generator *gen,
                int        index,
                int       *serial)
{
  WardEnterprise *e = ward_enterprise_new ();
  char code[11];
  guint32 first = day_of (chance (gen, 0.8) ? "2025-01-01" : "2015-01-01");

  while (!tax_code_for (*serial, code))
    (*serial)++;
  *serial += g_rand_int_range (gen->rand, 1, 40);
  e->tax_code = g_strdup (code);
  e->type = pick_type (gen);
  e->name = enterprise_name (e->type, index);
  e->capital = pick_capital (gen);
  e->vsic = g_strdup (PICK (gen, vsic_codes));
  e->registered_on = iso_of (day_between (gen, first, gen->today_day));
  e->address = g_strdup_printf ("Số %d, đường %s, phường Đông Sơn", g_rand_int_range (gen->rand, 1, 300),
                                PICK (gen, streets));
  e->residential_group = g_strdup_printf ("Tổ dân phố %d", g_rand_int_range (gen->rand, 1, 41));
  e->in_ward = chance (gen, 0.96);
  e->representative = any_person_name (gen);
  e->from_household = chance (gen, 0.06);
  set_status (gen, e);
  return e;
}

/* A branch of an enterprise already in the register, "0100109106-001". */
static WardEnterprise *
new_branch (Generator            *gen,
            const WardEnterprise *parent,
            int                   number)
{
  WardEnterprise *e = ward_enterprise_new ();
  guint32 first = day_of (parent->registered_on);

  e->tax_code = g_strdup_printf ("%s-%03d", parent->tax_code, number);
  e->name = g_strdup_printf ("Chi nhánh %s", parent->name);
  e->vsic = g_strdup (parent->vsic);
  e->registered_on = iso_of (day_between (gen, first, MAX (first, gen->today_day)));
  e->address = g_strdup_printf ("Số %d, đường %s, phường Đông Sơn", g_rand_int_range (gen->rand, 1, 300),
                                PICK (gen, streets));
  e->residential_group = g_strdup_printf ("Tổ dân phố %d", g_rand_int_range (gen->rand, 1, 41));
  e->representative = any_person_name (gen);
  return e;
}

static void
add_enterprises (Generator *gen)
{
  g_autoptr (GPtrArray) stored = g_ptr_array_new_with_free_func ((GDestroyNotify) ward_enterprise_free);
  g_autoptr (GError) error = NULL;
  int serial = 1012345;

  for (int i = 0; i < gen->n_enterprises; i++)
    {
      WardEnterprise *e;

      if (stored->len > 50 && chance (gen, 0.05))
        e = new_branch (gen, g_ptr_array_index (stored, g_rand_int_range (gen->rand, 0, (gint32) stored->len)),
                        i % 900 + 1);
      else
        e = new_enterprise (gen, i, &serial);
      if (!ward_enterprise_save (gen->store, e, NULL, &error))
        die (e->tax_code, error);
      if (!e->is_branch)
        g_ptr_array_add (stored, e);
      else
        ward_enterprise_free (e);
    }
}

/* ---- Donations ----------------------------------------------------------- */

static const char * const bodies[] = {
  "Hội Cựu chiến binh phường", "Hội Liên hiệp Phụ nữ phường", "Đoàn Thanh niên phường",
  "Hội Nông dân phường", "Trường THCS Đông Sơn", "Trường Tiểu học Đông Sơn", "Trạm Y tế phường",
  "Công an phường", "Chi bộ Khu phố 3", "Ban Chỉ huy Quân sự phường",
};
static const char * const collectors[] = {
  "Lê Thị Thu", "Nguyễn Văn Hùng", "Trần Thị Mai", "Phạm Minh Đức", "Hoàng Thị Lan",
};

static gint64
pick_amount (Generator     *gen,
             WardDonorKind  kind)
{
  static const gint64 person[] = { 20000, 50000, 50000, 100000, 100000, 100000, 200000, 200000,
                                   300000, 500000, 500000, 1000000, 150000, 250000 };
  static const gint64 body[] = { 1000000, 2000000, 3000000, 5000000, 10000000, 15000000 };

  if (kind == WARD_DONOR_BODY)
    return body[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (body))];
  return person[g_rand_int_range (gen->rand, 0, G_N_ELEMENTS (person))]
         * (kind == WARD_DONOR_HOUSEHOLD ? 2 : 1);
}

static char *
donor_for (Generator     *gen,
           WardDonorKind *kind_out)
{
  int roll = g_rand_int_range (gen->rand, 0, 100);

  if (roll < 2)
    {
      *kind_out = WARD_DONOR_BODY;
      return g_strdup (PICK (gen, bodies));
    }
  if (roll < 22)
    {
      g_autofree char *head = person_name (gen, FALSE, NULL);

      *kind_out = WARD_DONOR_HOUSEHOLD;
      return g_strdup_printf ("Hộ ông %s", head);
    }
  *kind_out = WARD_DONOR_PERSON;
  return any_person_name (gen);
}

static void
add_receipt (Generator          *gen,
             const WardCampaign *campaign,
             int                 number,
             const char         *date,
             gint64             *on_hand)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *receipt = g_strdup_printf ("%d", number);
  g_autofree char *group = NULL;
  g_autofree char *reference = NULL;
  WardReceiptInput input = { .receipt_number = receipt, .date = date };
  g_autofree char *donor = donor_for (gen, &input.donor_kind);

  if (input.donor_kind != WARD_DONOR_BODY)
    group = g_strdup_printf ("Tổ dân phố %d", g_rand_int_range (gen->rand, 1, 41));
  input.donor = donor;
  input.donor_group = group;
  input.amount = pick_amount (gen, input.donor_kind);
  input.collector = PICK (gen, collectors);
  if (chance (gen, 0.08))
    {
      input.method = WARD_PAYMENT_BANK;
      reference = g_strdup_printf ("FT25%08d", number * 37 % 100000000);
      input.reference = reference;
    }
  if (!ward_ledger_add_receipt (gen->store, campaign, &input, NULL, NULL, &error))
    die (receipt, error);
  *on_hand += input.amount;
}

/* Transfers upward to the Red Cross as the collection goes on: most of
 * what is on hand, in round millions. */
static void
add_transfer (Generator          *gen,
              const WardCampaign *campaign,
              int                 number,
              const char         *date,
              gint64             *on_hand)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *voucher = g_strdup_printf ("CT-%02d", number);
  WardTransferInput input = {
    .date = date, .amount = *on_hand * 9 / 10 / 1000000 * 1000000,
    .receiver = campaign->receiver, .voucher = voucher,
    .note = "Chuyển tiền ủng hộ lên Hội Chữ thập đỏ tỉnh",
  };

  if (input.amount <= 0)
    return;
  if (!ward_ledger_add_transfer (gen->store, campaign, &input, NULL, NULL, &error))
    die (voucher, error);
  *on_hand -= input.amount;
}

/* Receipts spread over the campaign's weeks (at most six) in date order, a transfer
 * at the end of some weeks, and a few corrections of mistaken receipts. */
static void
add_donations (Generator *gen)
{
  g_autoptr (WardCampaign) campaign = NULL;
  g_autoptr (GError) error = NULL;
  guint32 first, n_days = 45;
  gint64 on_hand = 0;
  int n_transfers = 0;

  campaign = ward_ledger_default_campaign (gen->store, &error);
  if (campaign == NULL)
    die ("campaign", error);
  first = day_of (campaign->start_date);
  /* Within the campaign's period, which the ledger enforces (issue 18). */
  if (campaign->end_date != NULL && campaign->end_date[0] != '\0')
    n_days = MIN (n_days, day_of (campaign->end_date) - first + 1);
  for (guint32 d = 0, number = 1; d < n_days; d++)
    {
      g_autofree char *date = iso_of (first + d);
      int until = (int) ((gint64) gen->n_donations * (d + 1) / n_days);

      for (; (int) number <= until; number++)
        add_receipt (gen, campaign, (int) number, date, &on_hand);
      if (d % 10 == 9)
        add_transfer (gen, campaign, ++n_transfers, date, &on_hand);
    }
  for (int i = 1; i <= 5 && gen->n_donations > 1000; i++)
    {
      g_autofree char *date = iso_of (first + n_days - 1);
      WardReversalInput input = { .reverses_id = 0, .date = date,
                                  .reason = "Ghi nhầm số tiền, đã lập biên lai thay thế" };
      g_autoptr (WardStmt) stmt = NULL;

      stmt = ward_store_prepare (gen->store, "SELECT id FROM ledger_entries WHERE receipt_number = ?", &error);
      if (stmt == NULL)
        die ("correction", error);
      sqlite3_bind_text (stmt, 1, g_strdup_printf ("%d", gen->n_donations - i * 97), -1, g_free);
      if (sqlite3_step (stmt) == SQLITE_ROW)
        input.reverses_id = sqlite3_column_int64 (stmt, 0);
      if (input.reverses_id != 0
          && !ward_ledger_add_reversal (gen->store, campaign, &input, NULL, NULL, &error))
        die ("correction", error);
    }
}

/* ---- Readings ------------------------------------------------------------ */

static gboolean
reading_value (WardTarget *target,
               int         year,
               double     *value)
{
  int k = year - 2025;

  switch (ward_target_get_kind (target))
    {
    case WARD_TARGET_GROWTH:
      *value = 10.9 + (k % 3) * 0.6;
      return TRUE;
    case WARD_TARGET_MONEY:
      *value = 68000000.0 + k * 6000000.0;
      return TRUE;
    case WARD_TARGET_RATE:
      *value = MIN (100.0, ward_target_get_goal (target) - 12.0 + k * 2.5);
      return TRUE;
    case WARD_TARGET_COUNT:
    case WARD_TARGET_QUOTA:
    default:
      return FALSE;
    }
}

static void
add_reading (Generator  *gen,
             WardTarget *target,
             int         year,
             gboolean    first_half,
             gboolean    final)
{
  g_autoptr (WardReading) reading = ward_reading_new (target);
  g_autoptr (GError) error = NULL;

  reading->year = year;
  reading->first_half = first_half;
  reading->final = final;
  reading->doc_number = g_strdup_printf ("%d/BC-UBND", 100 + year % 100 + (first_half ? 0 : 50));
  reading->doc_date = g_strdup_printf ("%d-%s", first_half ? year : year + 1, first_half ? "07-10" : "01-15");
  if (ward_target_get_kind (target) == WARD_TARGET_QUOTA)
    {
      reading->quota = 40 + year % 7;
      reading->delivered = reading->quota - (year == 2026 ? 1 : 0);
    }
  else
    reading->has_value = reading_value (target, year, &reading->value);
  if (strcmp (reading->doc_date, gen->today) > 0)
    g_clear_pointer (&reading->doc_date, g_free);
  if (!ward_reading_save (gen->store, target, reading, NULL, &error))
    die (ward_target_get_name (target), error);
}

/* Every year of the term up to today's: the first half as a final figure,
 * the whole year as a final one once it is over, a draft for the current. */
static void
add_readings (Generator *gen)
{
  g_autoptr (GPtrArray) targets = NULL;
  g_autoptr (GError) error = NULL;
  int this_year = atoi (gen->today);

  targets = ward_targets_load (gen->store, &error);
  if (targets == NULL)
    die ("targets", error);
  for (guint i = 0; i < targets->len; i++)
    {
      WardTarget *target = g_ptr_array_index (targets, i);
      gboolean quota = ward_target_get_kind (target) == WARD_TARGET_QUOTA;

      if (ward_target_is_counted (target))
        continue;
      for (int year = 2025; year <= this_year; year++)
        {
          if (!quota && (year < this_year || strcmp (gen->today + 5, "07-10") >= 0))
            add_reading (gen, target, year, TRUE, TRUE);
          add_reading (gen, target, year, FALSE, year < this_year);
        }
    }
}

/* ---- The action programme ------------------------------------------------- */

/* 400 items spread over the resolution's groups, for the programme page's
 * search (issue 25): what a ward writes, a verb and a field. */
static void
add_programme (Generator *gen)
{
  static const char * const verbs[] = { "Xây dựng", "Triển khai", "Nâng cao", "Hoàn thiện",
                                        "Đẩy mạnh", "Kiểm tra", "Tổ chức", "Rà soát" };
  static const char * const fields[] = { "chính quyền số", "trật tự đô thị", "an sinh xã hội",
                                          "hạ tầng giao thông", "văn hóa khu dân cư",
                                          "công tác phát triển đảng viên", "doanh nghiệp tư nhân",
                                          "cải cách hành chính", "môi trường", "y tế cơ sở" };
  g_autoptr (GPtrArray) groups = ward_programme_groups_load (gen->store, gen->today, NULL);
  g_autoptr (GError) error = NULL;

  if (groups == NULL || groups->len == 0)
    die ("programme groups", NULL);
  for (int i = 0; i < 400; i++)
    {
      g_autoptr (WardProgrammeItem) item = ward_programme_item_new ();
      WardProgrammeGroup *group = groups->pdata[i % groups->len];

      item->group_id = group->id;
      item->title = g_strdup_printf ("%s %s, đợt %d", verbs[i % G_N_ELEMENTS (verbs)],
                                     fields[(i / 3) % G_N_ELEMENTS (fields)], 1 + i / 40);
      item->start_date = g_strdup_printf ("%d-%02d-01", 2026 + i % 4, 1 + i % 12);
      item->deadline = g_strdup_printf ("%d-%02d-28", 2027 + i % 4, 1 + (i * 7) % 12);
      item->status = (WardItemStatus) (i % WARD_ITEM_N_STATUSES);
      item->percent = item->status == WARD_ITEM_DONE ? 100 : (i * 13) % 100;
      if (!ward_programme_item_save (gen->store, item, NULL, &error))
        die (item->title, error);
    }
}

/* ---- The CSV files ------------------------------------------------------- */

static void
export_kind (Generator  *gen,
             const char *dir,
             const char *kind_name,
             const char *file)
{
  g_autofree char *path = g_build_filename (dir, file, NULL);
  WardImportContext context = { .policy = WARD_IMPORT_SKIP_EXISTING };
  g_autoptr (GError) error = NULL;
  const WardImportKind *kind = ward_registers_import_kind (kind_name);

  if (kind == NULL)
    die (kind_name, NULL);
  if (!ward_export_to_path (gen->store, kind, &context, path, WARD_OUTPUT_REPLACE, &error))
    die (path, error);
}

/* ---- Main ---------------------------------------------------------------- */

static void
step (const char *what,
      void      (*fill) (Generator *),
      Generator  *gen)
{
  g_autoptr (GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  if (!ward_store_begin (gen->store, &error))
    die (what, error);
  fill (gen);
  if (!ward_store_commit (gen->store, &error))
    die (what, error);
  g_printerr ("  %-12s %6.1f s\n", what, (double) (g_get_monotonic_time () - start) / G_USEC_PER_SEC);
}

static gboolean
parse_args (int        *argc,
            char     ***argv,
            Generator  *gen)
{
  GOptionEntry entries[] = {
    { "candidates", 0, 0, G_OPTION_ARG_INT, &gen->n_candidates, "Candidates (20000)", "N" },
    { "enterprises", 0, 0, G_OPTION_ARG_INT, &gen->n_enterprises, "Enterprises (5000)", "N" },
    { "donations", 0, 0, G_OPTION_ARG_INT, &gen->n_donations, "Donation receipts (100000)", "N" },
    { NULL }
  };
  g_autoptr (GOptionContext) context = g_option_context_new ("DIR");
  g_autoptr (GError) error = NULL;

  g_option_context_add_main_entries (context, entries, NULL);
  if (!g_option_context_parse (context, argc, argv, &error) || *argc != 2)
    {
      g_printerr ("%s\n", error != NULL ? error->message : "Usage: ward-bench-generate [OPTION…] DIR");
      return FALSE;
    }
  return TRUE;
}

int
main (int   argc,
      char *argv[])
{
  Generator gen = { .n_candidates = 20000, .n_enterprises = 5000, .n_donations = 100000 };
  g_autoptr (GError) error = NULL;
  g_autofree char *db = NULL;

  setlocale (LC_ALL, "");
  if (!parse_args (&argc, &argv, &gen))
    return 2;
  if (g_getenv ("WARD_TODAY") == NULL)
    g_setenv ("WARD_TODAY", BENCH_TODAY, TRUE);
  gen.today = ward_today_iso ();
  gen.today_day = day_of (gen.today);
  gen.rand = g_rand_new_with_seed (BENCH_SEED);
  gen.people = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  if (g_mkdir_with_parents (argv[1], 0700) != 0)
    die (argv[1], NULL);
  db = g_build_filename (argv[1], "big.sqlite3", NULL);
  g_unlink (db);
  gen.store = ward_store_open (db, &error);
  if (gen.store == NULL)
    die (db, error);

  step ("chi bộ", add_cells, &gen);
  step ("candidates", add_candidates, &gen);
  step ("enterprises", add_enterprises, &gen);
  step ("donations", add_donations, &gen);
  step ("readings", add_readings, &gen);
  step ("programme", add_programme, &gen);
  export_kind (&gen, argv[1], "members", "members.csv");
  export_kind (&gen, argv[1], "enterprises", "enterprises.csv");
  export_kind (&gen, argv[1], "donations", "donations.csv");
  g_printerr ("  %d candidates (%d admitted), %d enterprises, %d receipts, today %s: %s\n",
              gen.n_candidates, gen.n_ceremonies, gen.n_enterprises, gen.n_donations, gen.today, db);

  g_clear_object (&gen.store);
  g_hash_table_unref (gen.people);
  g_ptr_array_unref (gen.cell_ids);
  g_rand_free (gen.rand);
  g_free (gen.today);
  return 0;
}
