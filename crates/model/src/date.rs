//! The date of the report as the decree writes it: "ngày 05 tháng 3 năm 2025".

use serde::{Deserialize, Serialize};

/// The date line's values; each may be left blank in a draft, for the clerk or
/// the document system to fill in at issue.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocDate {
    pub day: Option<u8>,
    pub month: Option<u8>,
    pub year: Option<u16>,
}

/// Days in a month of the Gregorian calendar (0 for a month that does not exist).
pub fn days_in_month(month: u32, year: i64) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

impl DocDate {
    /// A full date.
    pub fn new(day: u8, month: u8, year: u16) -> Self {
        DocDate {
            day: Some(day),
            month: Some(month),
            year: Some(year),
        }
    }

    /// Whether the filled-in parts can be a real date (blank parts are allowed).
    pub fn is_possible(&self) -> bool {
        let month_ok = self.month.is_none_or(|m| (1..=12).contains(&m));
        let day_ok = match (self.day, self.month) {
            (Some(d), Some(m)) => {
                let year = self.year.map(i64::from).unwrap_or(2000); // leap year if unknown
                d >= 1 && u32::from(d) <= days_in_month(u32::from(m), year)
            }
            (Some(d), None) => (1..=31).contains(&d),
            _ => true,
        };
        month_ok && day_ok
    }

    /// The date part of the line, padded as the decree says: a day below 10 as
    /// "05", months 1 and 2 as "01", "02" and other months unpadded. Blank parts
    /// keep room for the handwritten value: "ngày    tháng 3 năm 2025".
    pub fn decree_text(&self) -> String {
        let day = match self.day {
            Some(d) => format!("{d:02}"),
            None => "    ".to_string(),
        };
        let month = match self.month {
            Some(m) if m <= 2 => format!("{m:02}"),
            Some(m) => m.to_string(),
            None => "    ".to_string(),
        };
        let year = match self.year {
            Some(y) => y.to_string(),
            None => "      ".to_string(),
        };
        format!("ngày {day} tháng {month} năm {year}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decree_padding_rules() {
        assert_eq!(
            DocDate::new(5, 3, 2020).decree_text(),
            "ngày 05 tháng 3 năm 2020"
        );
        assert_eq!(
            DocDate::new(25, 1, 2025).decree_text(),
            "ngày 25 tháng 01 năm 2025"
        );
        let blank_day = DocDate {
            day: None,
            month: Some(3),
            year: Some(2025),
        };
        assert_eq!(blank_day.decree_text(), "ngày      tháng 3 năm 2025");
    }

    #[test]
    fn impossible_dates_are_seen() {
        assert!(!DocDate::new(31, 11, 2021).is_possible());
        assert!(!DocDate::new(29, 2, 2025).is_possible());
        assert!(DocDate::new(29, 2, 2024).is_possible());
        assert!(!DocDate::new(15, 13, 2024).is_possible());
        assert!(DocDate::default().is_possible());
    }
}
