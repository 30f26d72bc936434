//! The month a report covers.

use std::fmt;

/// A reporting month: "tháng 3/2025".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Period {
    pub year: u16,
    pub month: u8,
}

impl Period {
    /// A period, if the month is 1..=12.
    pub fn new(month: u8, year: u16) -> Option<Self> {
        (1..=12).contains(&month).then_some(Period { year, month })
    }

    /// The month after this one: 12/2021 is followed by 1/2022.
    pub fn next(self) -> Self {
        if self.month == 12 {
            Period {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Period {
                year: self.year,
                month: self.month + 1,
            }
        }
    }

    /// The month before this one.
    pub fn previous(self) -> Self {
        if self.month == 1 {
            Period {
                year: self.year.saturating_sub(1),
                month: 12,
            }
        } else {
            Period {
                year: self.year,
                month: self.month - 1,
            }
        }
    }

    /// Every "tháng M/YYYY" (or "tháng M năm YYYY") in `text`, with its byte range.
    pub fn find_all(text: &str) -> Vec<(Period, std::ops::Range<usize>)> {
        let mut out = Vec::new();
        let lower = crate::case::lower(text);
        // Lowercasing can change byte lengths only outside ASCII digits and the
        // word "tháng"; match on the original when lengths differ.
        let hay = if lower.len() == text.len() {
            lower.as_str()
        } else {
            text
        };
        let mut from = 0;
        while let Some(pos) = hay[from..].find("tháng") {
            let start = from + pos;
            let after = start + "tháng".len();
            from = after;
            if let Some((p, end)) = parse_month_year(&text[after..]) {
                out.push((p, start..after + end));
            }
        }
        out
    }

    /// The first period named in `text`.
    pub fn find_in(text: &str) -> Option<(Period, std::ops::Range<usize>)> {
        Period::find_all(text).into_iter().next()
    }
}

/// Parses " 3/2025" or " 3 năm 2025" at the start of `s`; returns the period and
/// the bytes it used.
fn parse_month_year(s: &str) -> Option<(Period, usize)> {
    let bytes = s.as_bytes();
    let mut i = 0;
    while i < bytes.len() && bytes[i] == b' ' {
        i += 1;
    }
    let m_start = i;
    while i < bytes.len() && bytes[i].is_ascii_digit() {
        i += 1;
    }
    if i == m_start || i - m_start > 2 {
        return None;
    }
    let month: u8 = s[m_start..i].parse().ok()?;
    let rest = &s[i..];
    let skip = if rest.starts_with('/') {
        1
    } else if [" năm ", " NĂM ", " Năm "]
        .iter()
        .any(|w| rest.starts_with(w))
    {
        " năm ".len()
    } else {
        return None;
    };
    let y_start = i + skip;
    let mut j = y_start;
    while j < bytes.len() && bytes[j].is_ascii_digit() {
        j += 1;
    }
    if j - y_start != 4 {
        return None;
    }
    let year: u16 = s[y_start..j].parse().ok()?;
    Period::new(month, year).map(|p| (p, j))
}

impl fmt::Display for Period {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.month, self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_month_wraps_the_year() {
        assert_eq!(
            Period::new(12, 2021).unwrap().next(),
            Period::new(1, 2022).unwrap()
        );
        assert_eq!(
            Period::new(3, 2025).unwrap().next(),
            Period::new(4, 2025).unwrap()
        );
        assert_eq!(
            Period::new(1, 2025).unwrap().previous(),
            Period::new(12, 2024).unwrap()
        );
        assert_eq!(Period::new(13, 2025), None);
    }

    #[test]
    fn finds_periods_in_the_summary() {
        let s = "Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng 11/2021, nhiệm vụ công tác tháng 12/2021";
        let found: Vec<String> = Period::find_all(s)
            .iter()
            .map(|(p, _)| p.to_string())
            .collect();
        assert_eq!(found, ["11/2021", "12/2021"]);
        let (p, range) = Period::find_in("NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 4/2025").unwrap();
        assert_eq!(p, Period::new(4, 2025).unwrap());
        assert_eq!(
            &"NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THÁNG 4/2025"[range],
            "THÁNG 4/2025"
        );
        assert_eq!(
            Period::find_in("tháng 11 năm 2024").unwrap().0.to_string(),
            "11/2024"
        );
        assert_eq!(Period::find_in("tháng 3 đã số hoá"), None);
        // A title line in capitals, and "Năm" with a capital.
        for (text, said) in [
            ("NHIỆM VỤ TRỌNG TÂM THÁNG 12 NĂM 2025", "THÁNG 12 NĂM 2025"),
            ("Kết quả Tháng 7 Năm 2026", "Tháng 7 Năm 2026"),
        ] {
            let (_, range) = Period::find_in(text).unwrap();
            assert_eq!(&text[range], said);
        }
        assert_eq!(Period::find_in("THÁNG 12 NĂMMỚI 2025"), None);
    }
}
