//! Stage 2 of the import: recognise what each line of text is, from its own
//! content (numbering, superscript start, "Nơi nhận:", …), markdown marks aside.

use baocao_model::superscript_digit_value;
use baocao_model::Level;
use baocao_model::{parse_roman, DocDate, POINT_LETTERS};

/// Strips the marks a markdown conversion puts around a whole line: leading
/// `#`s, and `*`s at either end (a bold span may open on one line and close on
/// the next, as in "**TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH**").
pub fn strip_marks(line: &str) -> &str {
    line.trim()
        .trim_start_matches('#')
        .trim()
        .trim_start_matches('*')
        .trim_end_matches('*')
        .trim()
}

/// The numbering that opens a heading line.
#[derive(Debug, PartialEq, Eq)]
pub struct Numbering {
    pub level: Level,
    /// "II", "3", "2.1", "b".
    pub number: String,
    /// Byte length of the numbering and the spaces after it, in the line with
    /// leading `#` and `*` removed.
    pub len: usize,
}

/// Recognises "I. ", "2. ", "2.1. ", "a) " at the start of `s` (leading `#` and
/// `*` already removed), when a title follows.
pub fn numbering(s: &str) -> Option<Numbering> {
    let token_end = s.find(' ')?;
    let token = &s[..token_end];
    let rest = &s[token_end..];
    let title = rest.trim_start();
    let len = s.len() - title.len();
    let first = title.chars().next()?;
    let title_starts_well = first.is_uppercase() || first == '"' || first == '“' || first == '*';
    if let Some(letter) = token.strip_suffix(')') {
        if POINT_LETTERS[..22].contains(&letter) {
            return Some(Numbering {
                level: Level::Point,
                number: letter.to_string(),
                len,
            });
        }
        return None;
    }
    if !title_starts_well {
        return None;
    }
    let bare = token.strip_suffix('.').unwrap_or(token);
    if bare.is_empty() {
        return None;
    }
    if token.ends_with('.') && parse_roman(bare).is_some() {
        return Some(Numbering {
            level: Level::Part,
            number: bare.to_string(),
            len,
        });
    }
    let parts: Vec<&str> = bare.split('.').collect();
    let all_numeric = parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()));
    if !all_numeric {
        return None;
    }
    match parts.len() {
        1 if token.ends_with('.') => Some(Numbering {
            level: Level::Item,
            number: bare.to_string(),
            len,
        }),
        n if n >= 2 => Some(Numbering {
            level: Level::SubItem,
            number: bare.to_string(),
            len,
        }),
        _ => None,
    }
}

/// A footnote definition line: "¹⁵ Trong đó …", "<sup>15</sup> …" or "[^15]: …".
/// Returns the number and the rest of the line.
pub fn footnote_definition(line: &str) -> Option<(u32, &str)> {
    let s = line.trim_start().trim_start_matches('#').trim_start();
    let digits_end = s
        .char_indices()
        .find(|(_, c)| superscript_digit_value(*c).is_none())
        .map(|(i, _)| i)
        .unwrap_or(s.len());
    if digits_end > 0 {
        let n = s[..digits_end].chars().fold(0u32, |n, c| {
            n.saturating_mul(10)
                .saturating_add(superscript_digit_value(c).unwrap_or(0))
        });
        let rest = s[digits_end..].trim_start();
        return (!rest.is_empty()).then_some((n, rest));
    }
    if let Some(after) = s.strip_prefix("<sup>") {
        let (num, rest) = after.split_once("</sup>")?;
        let n: u32 = num.trim().parse().ok()?;
        let rest = rest.trim_start();
        return (!rest.is_empty()).then_some((n, rest));
    }
    if let Some(after) = s.strip_prefix("[^") {
        let (num, rest) = after.split_once("]:")?;
        let n: u32 = num.trim().parse().ok()?;
        return Some((n, rest.trim_start()));
    }
    None
}

/// The Quốc hiệu or Tiêu ngữ line (fixed text, printed by the writer itself).
pub fn is_national_motto(s: &str) -> bool {
    let upper = baocao_model::case::upper(s);
    upper.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA")
        || upper.contains("CỘNG HOÀ XÃ HỘI CHỦ NGHĨA")
        || upper.contains("ĐỘC LẬP - TỰ DO")
        || upper.contains("ĐỘC LẬP – TỰ DO")
}

/// Whether every letter of `s` is a capital (and it has letters).
pub fn is_all_caps(s: &str) -> bool {
    let mut letters = s.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| c.is_uppercase())
}

/// The signing-authority prefixes of Phụ lục I (ô 7a).
pub const AUTHORITY_PREFIXES: [&str; 5] = ["TM.", "KT.", "Q.", "TL.", "TUQ."];

/// A quyền hạn line: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH".
pub fn is_authority_line(s: &str) -> bool {
    AUTHORITY_PREFIXES
        .iter()
        .any(|p| s.strip_prefix(p).is_some_and(|rest| rest.starts_with(' ')))
        && is_all_caps(s)
}

/// "Nơi nhận:" (the label of the recipients list).
pub fn is_recipients_label(s: &str) -> bool {
    // Only a short line can be the label: never lower-case a whole paragraph.
    if s.trim_end_matches([':', ' ']).len() > 40 {
        return false;
    }
    let lower = baocao_model::case::lower(s);
    lower.starts_with("nơi nhận")
        && lower.trim_end_matches([':', ' ']).len() <= "nơi nhận".len() + 1
}

/// A list line: "- …", "+ …", "• …"; returns the text after the mark.
pub fn list_item(s: &str) -> Option<&str> {
    for mark in ["- ", "+ ", "• ", "– "] {
        if let Some(rest) = s.strip_prefix(mark) {
            return Some(rest.trim());
        }
    }
    None
}

/// "Số: 05/BC-UBND" → ("05", "BC-UBND", rest of the line after the code).
pub fn number_line(s: &str) -> Option<(String, String, &str)> {
    let rest = s
        .strip_prefix("Số")?
        .trim_start()
        .strip_prefix(':')?
        .trim_start();
    let (number, after) = match rest.split_once('/') {
        Some((n, a)) => (n.trim(), a),
        None => return Some((String::new(), rest.trim().to_string(), "")),
    };
    let code_end = after.find(char::is_whitespace).unwrap_or(after.len());
    let number = number.trim_matches(['.', '…', '_']).trim();
    Some((
        number.to_string(),
        after[..code_end].to_string(),
        after[code_end..].trim(),
    ))
}

/// "TP. Lạng Sơn, ngày 05 tháng 3 năm 2025" → place and date (each part of
/// the date may be blank).
pub fn place_date_line(s: &str) -> Option<(String, DocDate)> {
    let (place, date) = s.split_once(", ngày")?;
    let date = format!("ngày{date}");
    let value_after = |word: &str| -> Option<String> {
        let start = date.find(word)? + word.len();
        let token: String = date[start..]
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        Some(token)
    };
    date.find("tháng")?;
    date.find("năm")?;
    let parsed = DocDate {
        day: value_after("ngày").and_then(|t| t.parse().ok()),
        month: value_after("tháng").and_then(|t| t.parse().ok()),
        year: value_after("năm").and_then(|t| t.parse().ok()),
    };
    Some((place.trim().to_string(), parsed))
}

/// A markdown table row: "| a | b |"; returns its cells.
pub fn table_row(s: &str) -> Option<Vec<String>> {
    let inner = s.trim().strip_prefix('|')?.strip_suffix('|')?;
    Some(inner.split('|').map(|c| c.trim().to_string()).collect())
}

/// The rule under a markdown table's header: "|---|:---:|".
pub fn is_table_rule(cells: &[String]) -> bool {
    cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// The line that opens an appendix: "PHỤ LỤC", "Phụ lục II", "PHỤ LỤC 01:
/// DANH MỤC …", "Biểu mẫu 1", "BIỂU MẪU SỐ 02".
#[derive(Debug, PartialEq, Eq)]
pub struct AppendixStart {
    /// The label as written, without a title after it ("Phụ lục II").
    pub label: String,
    /// A title written on the same line after ":", "." or "-".
    pub title: Option<String>,
    /// A "Biểu mẫu" (a form) rather than a "Phụ lục".
    pub form: bool,
}

/// Recognises a line that is only an appendix label, with perhaps its number
/// and a title after a colon or dash; a sentence that mentions an appendix
/// ("Phụ lục kèm theo báo cáo này …") is not one.
pub fn appendix_start(s: &str) -> Option<AppendixStart> {
    let s = s.trim();
    let lower = baocao_model::case::lower(s);
    let (form, word) = if lower.starts_with("phụ lục") {
        (false, "phụ lục")
    } else if lower.starts_with("biểu mẫu") {
        (true, "biểu mẫu")
    } else {
        return None;
    };
    // The lower-case word has the byte length of the written one for these
    // letters (Ụ/ụ, Ể/ể, Ẫ/ẫ are each 3 bytes).
    let cut = word.len();
    if !s.is_char_boundary(cut) {
        return None;
    }
    let mut rest = s[cut..].trim_start();
    let mut label_end = cut;
    // "số 01", "SỐ 2"
    let rest_lower = baocao_model::case::lower(rest);
    if let Some(after) = rest_lower.strip_prefix("số ") {
        rest = &rest[rest.len() - after.len()..];
        rest = rest.trim_start();
    }
    let token_end = rest
        .find(|c: char| c.is_whitespace() || ":.-–".contains(c))
        .unwrap_or(rest.len());
    let token = &rest[..token_end];
    let numbered = !token.is_empty()
        && (token.chars().all(|c| c.is_ascii_digit()) || parse_roman(token).is_some());
    if numbered {
        label_end = s.len() - rest.len() + token_end;
        rest = &rest[token_end..];
    } else if !token.is_empty() {
        // A word after "Phụ lục" that is no number: a sentence.
        return None;
    }
    let after = rest.trim_start();
    let title = if after.is_empty() {
        None
    } else {
        let t = after
            .strip_prefix(':')
            .or_else(|| after.strip_prefix('.'))
            .or_else(|| after.strip_prefix('-'))
            .or_else(|| after.strip_prefix('–'))?
            .trim();
        (!t.is_empty()).then(|| t.to_string())
    };
    Some(AppendixStart {
        label: s[..label_end].trim().to_string(),
        title,
        form,
    })
}

/// The line under an appendix's title: "(Kèm theo Báo cáo số …/BC-UBND …)".
pub fn is_appendix_reference(s: &str) -> bool {
    let lower = baocao_model::case::lower(s.trim().trim_start_matches('(').trim_start());
    lower.starts_with("kèm theo ") || lower.starts_with("ban hành kèm theo ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_markdown_around_lines() {
        assert_eq!(
            strip_marks("#### **I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC**"),
            "I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC"
        );
        assert_eq!(strip_marks("### ***Nơi nhận:***"), "Nơi nhận:");
        assert_eq!(strip_marks("plain"), "plain");
    }

    #[test]
    fn recognises_heading_numbering() {
        let n = numbering("I. NHỮNG KẾT QUẢ ĐẠT ĐƯỢC").unwrap();
        assert_eq!((n.level, n.number.as_str()), (Level::Part, "I"));
        let n = numbering("2.1. Quản lý đô thị").unwrap();
        assert_eq!((n.level, n.number.as_str()), (Level::SubItem, "2.1"));
        let n = numbering("3. Nông nghiệp và Môi trường").unwrap();
        assert_eq!((n.level, n.number.as_str()), (Level::Item, "3"));
        let n = numbering("a) Giáo dục - Đào tạo").unwrap();
        assert_eq!((n.level, n.number.as_str()), (Level::Point, "a"));
        // Not headings: numbers inside sentences, lowercase continuations.
        assert_eq!(numbering("2.342 đối tượng"), None);
        assert_eq!(numbering("06F0, 345F1, 3.341 F2."), None);
        assert_eq!(numbering("1. quyết định này"), None);
        assert_eq!(numbering("MC. Something"), None);
    }

    #[test]
    fn recognises_footnote_definitions() {
        assert_eq!(
            footnote_definition("¹⁵ Trong đó đất đai: 10 lượt"),
            Some((15, "Trong đó đất đai: 10 lượt"))
        );
        assert_eq!(
            footnote_definition("<sup>3</sup> Đường"),
            Some((3, "Đường"))
        );
        assert_eq!(footnote_definition("[^2]: Tổng"), Some((2, "Tổng")));
        assert_eq!(footnote_definition("Tổng¹"), None);
    }

    #[test]
    fn reads_header_lines() {
        assert_eq!(
            number_line("Số: /BC-UBND"),
            Some((String::new(), "BC-UBND".to_string(), ""))
        );
        assert_eq!(
            number_line("Số: 05/BC-UBND"),
            Some(("05".to_string(), "BC-UBND".to_string(), ""))
        );
        assert_eq!(
            place_date_line("TP. Lạng Sơn, ngày tháng 3 năm 2025"),
            Some((
                "TP. Lạng Sơn".to_string(),
                DocDate {
                    day: None,
                    month: Some(3),
                    year: Some(2025)
                }
            ))
        );
        assert_eq!(
            place_date_line("Lạng Sơn, ngày 05 tháng 01 năm 2025"),
            Some(("Lạng Sơn".to_string(), DocDate::new(5, 1, 2025)))
        );
        assert!(is_authority_line("TM. ỦY BAN NHÂN DÂN"));
        assert!(!is_authority_line("TM. Ủy ban"));
        assert!(is_recipients_label("Nơi nhận:"));
        assert!(!is_recipients_label("Nơi nhận hồ sơ của công dân"));
    }
}
