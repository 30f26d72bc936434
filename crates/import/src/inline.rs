//! Reading the inline content of one line: markdown emphasis, `<sup>…</sup>`,
//! `$…$` formulas, backslash escapes, and footnote markers written as
//! superscript digits.

use baocao_model::superscript_digit_value;
use baocao_model::{FootnoteId, Inline, Run, Style};

/// A piece of a line before emphasis is resolved.
enum Token {
    Text(String, Style),
    /// A run of `*` characters: its length, whether it may open or close.
    Stars {
        count: usize,
        can_open: bool,
        can_close: bool,
        at_line_start: bool,
    },
    Note(FootnoteId),
}

/// Units whose exponent is written as a superscript: "m²", "km²", "m³".
const UNITS: [&str; 6] = ["m", "km", "cm", "dm", "mm", "hm"];

/// Whether the text before a superscript ends with a unit that takes an exponent
/// (a unit after a number or a space: "6.686,4m²", "3.871,7 m²", "/km²").
pub(crate) fn ends_with_unit(before: &str) -> bool {
    UNITS.iter().any(|u| {
        before.strip_suffix(u).is_some_and(|rest| {
            rest.chars()
                .last()
                .is_none_or(|c| c.is_ascii_digit() || c.is_whitespace() || c == '/' || c == '(')
        })
    })
}

/// Parses the inline content of a line (already normalised, one line).
pub fn parse_inline(line: &str) -> Vec<Inline> {
    let tokens = tokenize(line);
    resolve(tokens)
}

fn push_text(tokens: &mut Vec<Token>, s: &str, style: Style) {
    if s.is_empty() {
        return;
    }
    if let Some(Token::Text(t, st)) = tokens.last_mut() {
        if *st == style {
            t.push_str(s);
            return;
        }
    }
    tokens.push(Token::Text(s.to_string(), style));
}

/// The text written so far on the line, for the unit test before a superscript.
fn text_before(tokens: &[Token]) -> String {
    let mut s = String::new();
    for t in tokens.iter().rev() {
        match t {
            Token::Text(text, _) => {
                s.insert_str(0, text);
                if s.len() > 8 {
                    break;
                }
            }
            // Emphasis marks are not text: "**33.248,1 m**<sup>2</sup>".
            Token::Stars { .. } => continue,
            Token::Note(_) => break,
        }
    }
    s
}

/// Whether a line is plain text for [`tokenize`]: no mark, escape, entity,
/// formula, raised digit or doubled space (most lines of a report).
fn is_plain(line: &str) -> bool {
    let b = line.as_bytes();
    !b.iter().enumerate().any(|(i, &c)| match c {
        b'\\' | b'$' | b'<' | b'&' | b'*' => true,
        b' ' => b.get(i + 1) == Some(&b' '),
        // ¹ ² ³ (C2 B9, C2 B2, C2 B3) and ⁰ ⁴…⁹ (E2 81 B0…B9).
        0xC2 => matches!(b.get(i + 1), Some(0xB2 | 0xB3 | 0xB9)),
        0xE2 => b.get(i + 1) == Some(&0x81) && matches!(b.get(i + 2), Some(0xB0..=0xB9)),
        _ => false,
    })
}

fn tokenize(line: &str) -> Vec<Token> {
    let plain = Style::default();
    if is_plain(line) {
        // As below: a space opening the line is dropped.
        let text = line.strip_prefix(' ').unwrap_or(line);
        return if text.is_empty() {
            Vec::new()
        } else {
            vec![Token::Text(text.to_string(), plain)]
        };
    }
    let mut tokens: Vec<Token> = Vec::new();
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    let mut in_math = false;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                push_text(&mut tokens, &chars[i + 1].to_string(), plain);
                i += 2;
            }
            '$' => {
                // "$73.566/75.706 = 97,1\%$": a formula written in LaTeX; keep its text.
                let closes_later = chars[i + 1..].contains(&'$');
                if in_math || closes_later {
                    in_math = !in_math;
                } else {
                    push_text(&mut tokens, "$", plain);
                }
                i += 1;
            }
            '<' => {
                let rest: String = chars[i..chars.len().min(i + 7)].iter().collect();
                if rest.to_ascii_lowercase().starts_with("<sup>") {
                    let body_start = i + 5;
                    let mut j = body_start;
                    let mut end = None;
                    while j < chars.len() {
                        if chars[j] == '<' {
                            let close: String = chars[j..chars.len().min(j + 6)].iter().collect();
                            if close.eq_ignore_ascii_case("</sup>") {
                                end = Some(j);
                                break;
                            }
                        }
                        j += 1;
                    }
                    if let Some(end) = end {
                        let inner: String = chars[body_start..end].iter().collect();
                        let before = text_before(&tokens);
                        let is_number =
                            !inner.is_empty() && inner.chars().all(|c| c.is_ascii_digit());
                        if is_number && !(ends_with_unit(&before) && (inner == "2" || inner == "3"))
                        {
                            if let Ok(n) = inner.parse::<u32>() {
                                tokens.push(Token::Note(FootnoteId(n)));
                                i = end + 6;
                                continue;
                            }
                        }
                        push_text(&mut tokens, &inner, Style { sup: true, ..plain });
                        i = end + 6;
                        continue;
                    }
                }
                push_text(&mut tokens, "<", plain);
                i += 1;
            }
            '&' => {
                let rest: String = chars[i..chars.len().min(i + 6)].iter().collect();
                let (decoded, len) = if rest.starts_with("&amp;") {
                    ("&", 5)
                } else if rest.starts_with("&lt;") {
                    ("<", 4)
                } else if rest.starts_with("&gt;") {
                    (">", 4)
                } else if rest.starts_with("&nbsp;") {
                    (" ", 6)
                } else {
                    ("&", 1)
                };
                push_text(&mut tokens, decoded, plain);
                i += len;
            }
            '*' => {
                let start = i;
                while i < chars.len() && chars[i] == '*' {
                    i += 1;
                }
                let before = if start == 0 {
                    None
                } else {
                    Some(chars[start - 1])
                };
                let after = chars.get(i).copied();
                tokens.push(Token::Stars {
                    count: i - start,
                    can_open: after.is_some_and(|c| !c.is_whitespace()),
                    can_close: before.is_some_and(|c| !c.is_whitespace()),
                    at_line_start: start == 0,
                });
            }
            c if superscript_digit_value(c).is_some() => {
                let start = i;
                while i < chars.len() && superscript_digit_value(chars[i]).is_some() {
                    i += 1;
                }
                let digits: String = chars[start..i].iter().collect();
                let before = text_before(&tokens);
                if (digits == "²" || digits == "³") && ends_with_unit(&before) {
                    push_text(&mut tokens, &digits, plain);
                    continue;
                }
                let n = digits.chars().fold(0u32, |n, c| {
                    n.saturating_mul(10)
                        .saturating_add(superscript_digit_value(c).unwrap_or(0))
                });
                tokens.push(Token::Note(FootnoteId(n)));
            }
            c => {
                // Collapse runs of spaces: extracted text often doubles them.
                if c == ' ' {
                    let last_is_space = match tokens.last() {
                        Some(Token::Text(t, _)) => t.ends_with(' '),
                        None => true,
                        _ => false,
                    };
                    if !last_is_space {
                        push_text(&mut tokens, " ", plain);
                    }
                    i += 1;
                } else {
                    // A run of ordinary characters goes in at once.
                    let mut j = i + 1;
                    while j < chars.len()
                        && !matches!(chars[j], '\\' | '$' | '<' | '&' | '*' | ' ')
                        && superscript_digit_value(chars[j]).is_none()
                    {
                        j += 1;
                    }
                    let run: String = chars[i..j].iter().collect();
                    push_text(&mut tokens, &run, plain);
                    i = j;
                }
            }
        }
    }
    tokens
}

/// Resolves `*` runs into bold and italic spans (a lenient take on CommonMark:
/// an opener matches the nearest closer; unmatched stars are dropped, except a
/// lone `*` opening the line, which is the writer's own bullet).
fn resolve(tokens: Vec<Token>) -> Vec<Inline> {
    let n = tokens.len();
    // Per token: how many stars are still unmatched.
    let mut remaining: Vec<usize> = tokens
        .iter()
        .map(|t| match t {
            Token::Stars { count, .. } => *count,
            _ => 0,
        })
        .collect();
    // Difference arrays of bold and italic depth over token positions.
    let mut bold = vec![0i32; n + 1];
    let mut italic = vec![0i32; n + 1];
    let mut openers: Vec<usize> = Vec::new();
    for idx in 0..n {
        let Token::Stars {
            can_open,
            can_close,
            ..
        } = tokens[idx]
        else {
            continue;
        };
        if can_close {
            while remaining[idx] > 0 {
                let Some(&open) = openers.last() else { break };
                let use_n = if remaining[open] >= 2 && remaining[idx] >= 2 {
                    2
                } else {
                    1
                };
                let spans = if remaining[open] >= 3 && remaining[idx] >= 3 {
                    3
                } else {
                    use_n
                };
                if spans >= 2 {
                    bold[open] += 1;
                    bold[idx] -= 1;
                }
                if spans != 2 {
                    italic[open] += 1;
                    italic[idx] -= 1;
                }
                remaining[open] -= spans;
                remaining[idx] -= spans;
                if remaining[open] == 0 {
                    openers.pop();
                }
            }
        }
        if remaining[idx] > 0 && (can_open || openers.is_empty() || !can_close) {
            openers.push(idx);
        }
    }
    let mut out: Vec<Inline> = Vec::new();
    let (mut b, mut it) = (0i32, 0i32);
    for (idx, token) in tokens.into_iter().enumerate() {
        match token {
            Token::Text(text, style) => {
                let style = Style {
                    bold: style.bold || b > 0,
                    italic: style.italic || it > 0,
                    ..style
                };
                match out.last_mut() {
                    Some(Inline::Text(run)) if run.style == style => run.text.push_str(&text),
                    _ => out.push(Inline::Text(Run { text, style })),
                }
            }
            Token::Note(id) => out.push(Inline::Note(id)),
            Token::Stars { at_line_start, .. } => {
                if at_line_start && remaining[idx] == 1 {
                    out.push(Inline::text("*"));
                }
            }
        }
        b += bold[idx];
        it += italic[idx];
    }
    move_spaces_out_of_styles(&mut out);
    trim_inlines(&mut out);
    out
}

/// "**  05 dự án**" should make "05 dự án" bold, not the spaces around it: a
/// space at the edge of a styled run moves to the plain text beside it.
fn move_spaces_out_of_styles(inlines: &mut Vec<Inline>) {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines.drain(..) {
        match inline {
            Inline::Text(run) if run.style != Style::default() && run.text.trim() != run.text => {
                let lead = run.text.len() - run.text.trim_start().len();
                let trail = run.text.len() - run.text.trim_end().len();
                let core = run.text.trim();
                if lead > 0 {
                    push_plain(&mut out, " ");
                }
                if !core.is_empty() {
                    out.push(Inline::styled(core, run.style));
                }
                if trail > 0 && !core.is_empty() {
                    push_plain(&mut out, " ");
                }
            }
            Inline::Text(run) => match out.last_mut() {
                Some(Inline::Text(prev)) if prev.style == run.style => {
                    prev.text.push_str(&run.text)
                }
                _ => out.push(Inline::Text(run)),
            },
            other => out.push(other),
        }
    }
    *inlines = out;
}

fn push_plain(out: &mut Vec<Inline>, s: &str) {
    match out.last_mut() {
        Some(Inline::Text(run)) if run.style == Style::default() => {
            if !(s == " " && run.text.ends_with(' ')) {
                run.text.push_str(s)
            }
        }
        _ => out.push(Inline::text(s)),
    }
}

/// Removes spaces at both ends of inline content.
pub fn trim_inlines(inlines: &mut Vec<Inline>) {
    while let Some(Inline::Text(run)) = inlines.first_mut() {
        let trimmed = run.text.trim_start().to_string();
        if trimmed.is_empty() {
            inlines.remove(0);
        } else {
            run.text = trimmed;
            break;
        }
    }
    while let Some(Inline::Text(run)) = inlines.last_mut() {
        let trimmed = run.text.trim_end().to_string();
        if trimmed.is_empty() {
            inlines.pop();
        } else {
            run.text = trimmed;
            break;
        }
    }
}

#[cfg(test)]
mod plain_line_tests {
    use super::*;

    /// The fast path for plain lines gives what the general one gives.
    #[test]
    fn plain_lines_read_as_the_general_path_reads_them() {
        for line in [
            "Công tác thu NSNN thành phố trong tháng, đạt 32,2% dự toán.",
            " Dòng mở đầu bằng dấu cách",
            "Đường Lương Văn Tri (đoạn Bắc Sơn - Bà Triệu);",
            "",
            " ",
        ] {
            assert!(is_plain(line), "{line}");
            let general = {
                // The general path, forced by a mark that resolves to nothing.
                let mut t = tokenize(&format!("{line}\\"));
                if let Some(Token::Text(text, _)) = t.last_mut() {
                    text.pop();
                    if text.is_empty() {
                        t.pop();
                    }
                }
                resolve(t)
            };
            assert_eq!(resolve(tokenize(line)), general, "{line:?}");
        }
        for line in [
            "a  b",
            "15 lượt¹⁵",
            "**05 dự án**",
            "x\\*y",
            "m<sup>2</sup>",
            "a &amp; b",
        ] {
            assert!(!is_plain(line), "{line}");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use baocao_model::plain_text;

    fn bold(s: &str) -> Inline {
        Inline::styled(
            s,
            Style {
                bold: true,
                ..Style::default()
            },
        )
    }

    #[test]
    fn reads_bold_and_italic() {
        let got = parse_inline("với tổng số tiền **75.013.100 đồng**. Thu");
        assert_eq!(
            got,
            vec![
                Inline::text("với tổng số tiền "),
                bold("75.013.100 đồng"),
                Inline::text(". Thu")
            ]
        );
        let got = parse_inline("(*giảm 01 vụ so với tháng trước*)");
        assert_eq!(
            got[1],
            Inline::styled(
                "giảm 01 vụ so với tháng trước",
                Style {
                    italic: true,
                    ..Style::default()
                }
            )
        );
    }

    #[test]
    fn escaped_star_stays_and_line_star_is_kept() {
        let got = parse_inline(r"*\* Công tác phòng chống dịch bệnh Covid-19:*");
        assert_eq!(
            plain_text(&got),
            "* Công tác phòng chống dịch bệnh Covid-19:"
        );
        let got = parse_inline("*** Thực hiện các văn bản chỉ đạo**");
        assert_eq!(
            got,
            vec![Inline::text("* "), bold("Thực hiện các văn bản chỉ đạo")]
        );
    }

    #[test]
    fn math_and_escaped_percent_become_text() {
        let got = parse_inline(r"tuổi:  $73.566/75.706 = 97,1\%$ ; Tỷ lệ");
        assert_eq!(plain_text(&got), "tuổi: 73.566/75.706 = 97,1% ; Tỷ lệ");
    }

    #[test]
    fn superscript_after_a_unit_is_part_of_it() {
        let got = parse_inline("diện tích 6.686,4m²; 3.871,7 m² và 230m<sup>2</sup>");
        assert!(got.iter().all(|i| !matches!(i, Inline::Note(_))));
        assert_eq!(plain_text(&got), "diện tích 6.686,4m²; 3.871,7 m² và 230m²");
    }

    #[test]
    fn superscript_digits_are_footnote_markers() {
        let got = parse_inline("thi công 11 công trình⁷; tiếp được 15 lượt/18 công dân¹⁵;");
        let notes: Vec<u32> = got
            .iter()
            .filter_map(|i| match i {
                Inline::Note(id) => Some(id.0),
                _ => None,
            })
            .collect();
        assert_eq!(notes, [7, 15]);
        let got = parse_inline("**365.883.000 đồng**.²");
        assert_eq!(got.last(), Some(&Inline::Note(FootnoteId(2))));
    }

    #[test]
    fn sup_letters_stay_raised_text() {
        let got = parse_inline("112.690.000<sup>d</sup> (");
        assert_eq!(
            got[1],
            Inline::styled(
                "d",
                Style {
                    sup: true,
                    ..Style::default()
                }
            )
        );
    }
}
