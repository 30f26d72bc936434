//! Where a văn thư breaks a title, an agency name or a signature title:
//! one line when it fits; otherwise as few lines as fit, broken between
//! phrases (after a comma, before "và", "tháng", "năm", "quý"), never inside
//! a word of two syllables these reports use ("địa bàn", "kinh tế", …), a
//! place name ("Lâm Đồng") or a period ("tháng 3/2025", "6 tháng"), and not
//! right after a little word ("của", "các", …); then the lines as even as
//! those breaks allow.
//!
//! Each gap between words has a cost; among the breakings with the fewest
//! lines, the one with the least cost wins, the cost being the gaps' costs
//! plus the squares of the lines' widths (which is least when the lines are
//! even).

use baocao_model::nfc;

/// Words of several syllables that are never broken, lower case. Vietnamese
/// writes each syllable apart, so a breaker that only sees spaces breaks
/// "địa | bàn"; these are the words of periodic reports that a line may not
/// split.
const TERMS: &[&str] = &[
    "ủy ban nhân dân",
    "hội đồng nhân dân",
    "ban chỉ đạo",
    "chuyển đổi số",
    "khu công nghiệp",
    "an ninh",
    "an toàn",
    "bảo đảm",
    "bảo vệ",
    "cải cách",
    "chỉ đạo",
    "chỉ tiêu",
    "chủ tịch",
    "chính quyền",
    "chuyển đổi",
    "cơ quan",
    "công nghệ",
    "công nghiệp",
    "công tác",
    "cuối năm",
    "dân số",
    "dịch vụ",
    "du lịch",
    "đầu năm",
    "đầu tư",
    "đảm bảo",
    "địa bàn",
    "địa phương",
    "điều hành",
    "đô thị",
    "đối ngoại",
    "đổi mới",
    "đơn vị",
    "giải pháp",
    "giám đốc",
    "giao thông",
    "giáo dục",
    "hành chính",
    "hoạt động",
    "khoa học",
    "kế hoạch",
    "kết quả",
    "kinh tế",
    "lao động",
    "môi trường",
    "ngân sách",
    "nhà nước",
    "nhân dân",
    "nhiệm vụ",
    "nông nghiệp",
    "nông thôn",
    "nội vụ",
    "phát triển",
    "phòng chống",
    "phương hướng",
    "quản lý",
    "quốc phòng",
    "sáng tạo",
    "sản xuất",
    "tài chính",
    "tài nguyên",
    "thành phố",
    "thị xã",
    "thủ tục",
    "thường trực",
    "thực hiện",
    "thương mại",
    "tình hình",
    "tổ chức",
    "trật tự",
    "tư pháp",
    "trọng tâm",
    "văn hóa",
    "xã hội",
    "xây dựng",
    "y tế",
];

/// Words after which the next one is part of a period or a number:
/// "tháng 3/2025", "năm 2025", "quý I", "ngày 05", "số 12".
const BEFORE_NUMBER: &[&str] = &["tháng", "năm", "quý", "ngày", "số"];

/// Nouns of an administrative unit, kept with the name after them ("tỉnh
/// Lâm Đồng", "xã Tân Hà").
const UNIT_NOUNS: &[&str] = &["tỉnh", "huyện", "xã", "phường", "quận", "phố", "thị trấn"];

/// Words a line should not end with: they lead into what follows.
const LEADING_WORDS: &[&str] = &[
    "và", "của", "các", "những", "trên", "về", "với", "tại", "cho", "trong", "theo", "đến", "từ",
    "để", "ở", "là", "được", "đối", "thuộc", "năm", "tháng", "quý",
];

/// Words a new line starts well with: a new phrase of a title.
const PHRASE_STARTS: &[&str] = &["và", "tháng", "năm", "quý"];

/// The cost of breaking a line at a gap; `None` where no break is possible.
type Cost = Option<u64>;
/// After a comma, semicolon or colon: where a title's phrases end.
const AFTER_PHRASE: Cost = Some(0);
/// Before "và", "tháng", "năm": a new phrase starts.
const BEFORE_PHRASE: Cost = Some(40);
/// Between two words of no particular link.
const BETWEEN_WORDS: Cost = Some(150);
/// After a little word that leads into the next ("của", "các").
const AFTER_LEADING_WORD: Cost = Some(400);
/// Inside a word of two syllables, a place name or a period: only when
/// nothing else fits.
const INSIDE_WORD: Cost = Some(INSIDE_WORD_COST);
const INSIDE_WORD_COST: u64 = 10_000;
/// The cost of a line of the box's full width (lines cost the square of
/// their share of the width).
const FULL_LINE: u64 = 1000;

/// A word as the lists spell it: lower case, without the punctuation around it.
fn key(word: &str) -> String {
    baocao_model::case::lower(word.trim_matches(|c: char| !c.is_alphanumeric() && c != '/'))
}

fn is_dash(word: &str) -> bool {
    matches!(word, "-" | "–" | "—")
}

fn ends_phrase(word: &str) -> bool {
    word.ends_with([',', ';', ':', '.'])
}

fn starts_upper(word: &str) -> bool {
    word.chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase)
}

fn is_number_like(word: &str) -> bool {
    let first = word.chars().next();
    first.is_some_and(|c| c.is_ascii_digit())
        || (!word.is_empty() && word.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
}

/// The cost of a break at each gap: `costs[b]` is the gap before word `b`
/// (`costs[0]` is unused).
fn gap_costs(words: &[&str]) -> Vec<Cost> {
    let n = words.len();
    let keys: Vec<String> = words.iter().map(|w| key(w)).collect();
    let mixed_case = words.iter().any(|w| w.chars().any(char::is_lowercase));
    let mut inside = vec![false; n];
    for term in TERMS {
        let parts: Vec<&str> = term.split(' ').collect();
        let m = parts.len();
        for s in 0..n.saturating_sub(m - 1) {
            let same = (0..m).all(|k| keys[s + k] == parts[k]);
            let unbroken = words[s..s + m - 1].iter().all(|w| !ends_phrase(w));
            if same && unbroken {
                inside[s + 1..s + m].iter_mut().for_each(|g| *g = true);
            }
        }
    }
    (0..n)
        .map(|b| {
            if b == 0 {
                return None;
            }
            let (prev, next) = (words[b - 1], words[b]);
            let (prev_key, next_key) = (keys[b - 1].as_str(), keys[b].as_str());
            if is_dash(prev) || is_dash(next) {
                // "kinh tế - xã hội": no line starts or ends with a dash.
                None
            } else if ends_phrase(prev) {
                AFTER_PHRASE
            } else if inside[b]
                || (BEFORE_NUMBER.contains(&prev_key) && is_number_like(next))
                || (prev.chars().all(|c| c.is_ascii_digit()) && next_key == "tháng")
                || (mixed_case && starts_upper(next) && starts_upper(prev))
                || (mixed_case && UNIT_NOUNS.contains(&prev_key) && starts_upper(next))
            {
                INSIDE_WORD
            } else if PHRASE_STARTS.contains(&next_key) {
                BEFORE_PHRASE
            } else if LEADING_WORDS.contains(&prev_key) {
                AFTER_LEADING_WORD
            } else {
                BETWEEN_WORDS
            }
        })
        .collect()
}

/// Breaks `text` into lines no wider than `max_width` (as `width` measures
/// them): the fewest breaks inside a word, a name or a period (a văn thư
/// would rather take one more line), then the fewest lines, then the least
/// cost (see the module).
pub fn break_lines(text: &str, max_width: u32, width: impl Fn(&str) -> u32) -> Vec<String> {
    let text = nfc(text).to_string();
    // Only spaces part words: control characters stay inside the word they
    // touch, for the runs to drop, rather than leave an empty word.
    let words: Vec<&str> = text.split(' ').filter(|w| !w.is_empty()).collect();
    let n = words.len();
    if n == 0 {
        return Vec::new();
    }
    let costs = gap_costs(&words);
    let space = u64::from(width(" "));
    let mut prefix = vec![0u64; n + 1];
    for (i, w) in words.iter().enumerate() {
        prefix[i + 1] = prefix[i] + u64::from(width(w));
    }
    let line_width = |i: usize, j: usize| prefix[j] - prefix[i] + space * (j - i - 1) as u64;
    let max = u64::from(max_width.max(1));
    // best[j]: (breaks inside words, lines, cost, start of the last line)
    // of words 0..j.
    let mut best: Vec<Option<(u32, u32, u64, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0, 0, 0));
    for j in 1..=n {
        let end_cost = if j == n { Some(0) } else { costs[j] };
        let Some(end_cost) = end_cost else { continue };
        // Whether words i..j hold a gap where they could be broken.
        let mut breakable_inside = false;
        for i in (0..j).rev() {
            if i + 1 < j && costs[i + 1].is_some() {
                breakable_inside = true;
            }
            let w = line_width(i, j);
            if w > max && breakable_inside {
                break;
            }
            let Some((forced, lines, cost, _)) = best[i] else {
                continue;
            };
            if i > 0 && costs[i].is_none() {
                continue;
            }
            let candidate = (
                forced + u32::from(end_cost >= INSIDE_WORD_COST),
                lines + 1,
                cost + FULL_LINE * w * w / (max * max) + end_cost,
                i,
            );
            let better = |b: (u32, u32, u64, usize)| {
                (candidate.0, candidate.1, candidate.2) < (b.0, b.1, b.2)
            };
            if best[j].is_none_or(better) {
                best[j] = Some(candidate);
            }
        }
    }
    let mut lines = Vec::new();
    let mut j = n;
    while j > 0 {
        let (_, _, _, i) = best[j].expect("a line can always end at the last word");
        lines.push(words[i..j].join(" "));
        j = i;
    }
    lines.reverse();
    lines
}

#[cfg(test)]
mod tests {
    use crate::metrics::{balanced_lines, Face};
    use crate::profile::HalfPoints;

    /// Agency names: 13 pt bold capitals.
    fn agency(text: &str, width: u32) -> Vec<String> {
        balanced_lines(text, Face::Bold, HalfPoints(26), width)
    }

    /// Trích yếu: 14 pt bold, in 9/10 of a 160 mm text width.
    fn summary(text: &str) -> Vec<String> {
        balanced_lines(text, Face::Bold, HalfPoints(28), 8164)
    }

    const BCD: &str =
        "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC, CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO VÀ CHUYỂN ĐỔI SỐ";

    #[test]
    fn a_long_agency_name_breaks_at_its_commas_in_an_offices_column() {
        // The office's own file gives this name 5,104 twips and three lines.
        assert_eq!(
            agency(BCD, 5104),
            [
                "BAN CHỈ ĐẠO PHÁT TRIỂN KHOA HỌC,",
                "CÔNG NGHỆ, ĐỔI MỚI SÁNG TẠO",
                "VÀ CHUYỂN ĐỔI SỐ"
            ]
        );
    }

    #[test]
    fn a_narrow_column_takes_a_line_more_rather_than_split_khoa_hoc() {
        // Three lines would fit 4,300 twips only as "… PHÁT TRIỂN KHOA / HỌC, …".
        assert_eq!(
            agency(BCD, 4300),
            [
                "BAN CHỈ ĐẠO PHÁT TRIỂN",
                "KHOA HỌC, CÔNG NGHỆ,",
                "ĐỔI MỚI SÁNG TẠO",
                "VÀ CHUYỂN ĐỔI SỐ"
            ]
        );
    }

    #[test]
    fn an_ubnd_breaks_before_its_unit() {
        assert_eq!(
            agency("ỦY BAN NHÂN DÂN THÀNH PHỐ LẠNG SƠN", 3686),
            ["ỦY BAN NHÂN DÂN", "THÀNH PHỐ LẠNG SƠN"]
        );
        assert_eq!(
            agency("HỘI ĐỒNG NHÂN DÂN TỈNH LÂM ĐỒNG", 3000),
            ["HỘI ĐỒNG NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
        );
    }

    #[test]
    fn a_monthly_summary_that_fits_stays_on_one_line() {
        let text = "Tình hình an ninh trật tự trên địa bàn thành phố tháng 3/2025";
        assert_eq!(summary(text), [text]);
    }

    #[test]
    fn a_monthly_summary_breaks_before_the_month() {
        assert_eq!(
            summary(
                "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 3/2025, nhiệm vụ công tác tháng 4/2025"
            ),
            [
                "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh",
                "tháng 3/2025, nhiệm vụ công tác tháng 4/2025"
            ]
        );
    }

    #[test]
    fn a_quarterly_summary_keeps_each_quarter_whole() {
        assert_eq!(
            summary(
                "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội quý I năm 2025 và nhiệm vụ trọng tâm quý II năm 2025"
            ),
            [
                "Kết quả thực hiện nhiệm vụ phát triển kinh tế - xã hội",
                "quý I năm 2025 và nhiệm vụ trọng tâm quý II năm 2025"
            ]
        );
    }

    #[test]
    fn a_six_month_summary_breaks_at_its_comma() {
        assert_eq!(
            summary(
                "Tình hình thực hiện nhiệm vụ 6 tháng đầu năm 2025, phương hướng, nhiệm vụ 6 tháng cuối năm 2025"
            ),
            [
                "Tình hình thực hiện nhiệm vụ 6 tháng đầu năm 2025,",
                "phương hướng, nhiệm vụ 6 tháng cuối năm 2025"
            ]
        );
    }

    #[test]
    fn a_yearly_summary_keeps_the_province_and_its_name_together() {
        assert_eq!(
            summary(
                "Công tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ năm 2026 của tỉnh Lâm Đồng"
            ),
            [
                "Công tác cải cách hành chính năm 2025 và phương hướng,",
                "nhiệm vụ năm 2026 của tỉnh Lâm Đồng"
            ]
        );
        assert_eq!(
            summary(
                "Tình hình kinh tế - xã hội, quốc phòng - an ninh năm 2025 và phương hướng, nhiệm vụ năm 2026 trên địa bàn huyện Văn Lãng"
            ),
            [
                "Tình hình kinh tế - xã hội, quốc phòng - an ninh năm 2025 và",
                "phương hướng, nhiệm vụ năm 2026 trên địa bàn huyện Văn Lãng"
            ]
        );
    }

    #[test]
    fn dia_ban_is_never_split() {
        // 6,000 twips: two lines; the even break "… trên địa | bàn …" is not
        // taken, the phrase "trên địa bàn thành phố" starts the second line.
        assert_eq!(
            balanced_lines(
                "Tình hình an ninh trật tự trên địa bàn thành phố tháng 3/2025",
                Face::Bold,
                HalfPoints(28),
                6000
            ),
            [
                "Tình hình an ninh trật tự",
                "trên địa bàn thành phố tháng 3/2025"
            ]
        );
    }

    #[test]
    fn a_pasted_page_as_a_title_is_broken_quickly_and_whole() {
        let text =
            "Tình hình kinh tế - xã hội trên địa bàn tỉnh Lâm Đồng tháng 3/2025, ".repeat(300);
        let start = std::time::Instant::now();
        let lines = summary(&text);
        assert!(start.elapsed().as_secs() < 2, "{:?}", start.elapsed());
        assert_eq!(lines.join(" "), text.trim_end());
        assert!(lines
            .iter()
            .all(|l| !l.ends_with("địa") && !l.starts_with("bàn")));
    }

    #[test]
    fn a_long_signature_title_breaks_before_the_agency() {
        assert_eq!(
            balanced_lines(
                "PHÓ CHỦ TỊCH THƯỜNG TRỰC ỦY BAN NHÂN DÂN TỈNH",
                Face::Bold,
                HalfPoints(28),
                5385
            ),
            ["PHÓ CHỦ TỊCH THƯỜNG TRỰC", "ỦY BAN NHÂN DÂN TỈNH"]
        );
        assert_eq!(
            balanced_lines("KT. CHỦ TỊCH", Face::Bold, HalfPoints(28), 5385),
            ["KT. CHỦ TỊCH"]
        );
    }
}
