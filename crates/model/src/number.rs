//! Numbers in Vietnamese notation: "." groups thousands, "," is the decimal mark.
//! Kept exact (an integer mantissa and a count of decimals) so a percentage can
//! be checked digit for digit, with no floating-point doubt.

use std::cmp::Ordering;
use std::fmt;

/// An exact decimal number: `mantissa / 10^scale`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Decimal {
    pub mantissa: u128,
    /// How many decimals were written ("97,17" has 2).
    pub scale: u8,
}

/// A percentage as written in the report, e.g. "97,17%" (value 97,17).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Percent(pub Decimal);

/// Largest mantissa we accept, so that scaling for a ratio can never overflow.
const MAX_MANTISSA: u128 = 10u128.pow(24);

impl Decimal {
    /// A whole number.
    pub fn int(n: u128) -> Self {
        Decimal {
            mantissa: n,
            scale: 0,
        }
    }

    /// Reads a number written in Vietnamese notation: "73.566", "97,17",
    /// "1.143.478.000", "6.686,4", "0,224", "05". Thousands groups must be of
    /// three digits; anything else is not read (see [`Decimal::grouping_error`]).
    pub fn parse_vn(s: &str) -> Option<Decimal> {
        if s.is_empty() || s.len() > 40 {
            return None;
        }
        // One pass over the bytes, no allocation: every number of a report
        // is read here. The integer part is groups of digits between dots,
        // three each after the first (which has one to three); then
        // optionally a comma and one to twelve decimals.
        let (int_part, frac_part) = match s.split_once(',') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        let mut mantissa: u128 = 0;
        let mut push = |b: u8| -> Option<()> {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(u128::from(b - b'0'))?;
            Some(())
        };
        let mut group = 0usize;
        let mut groups = 0usize;
        for &b in int_part.as_bytes() {
            if b == b'.' {
                if group == 0 || (groups == 0 && group > 3) || (groups > 0 && group != 3) {
                    return None;
                }
                groups += 1;
                group = 0;
            } else if b.is_ascii_digit() {
                group += 1;
                push(b)?;
            } else {
                return None;
            }
        }
        if group == 0 || (groups > 0 && group != 3) {
            return None;
        }
        let mut scale = 0u8;
        if let Some(f) = frac_part {
            if f.is_empty() || f.len() > 12 || !f.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            for &b in f.as_bytes() {
                push(b)?;
            }
            scale = f.len() as u8;
        }
        (mantissa <= MAX_MANTISSA).then_some(Decimal { mantissa, scale })
    }

    /// Why a token of digits, dots and commas is not a well-formed Vietnamese
    /// number, if it is not: e.g. "1.2345" (a group of four digits).
    pub fn grouping_error(s: &str) -> Option<&'static str> {
        if Decimal::parse_vn(s).is_some() {
            return None;
        }
        if s.matches(',').count() > 1 {
            return Some("có nhiều hơn một dấu phẩy thập phân");
        }
        let int_part = s.split(',').next().unwrap_or("");
        if int_part.split('.').next().is_some_and(|g| g.len() > 3) && int_part.contains('.') {
            return Some("nhóm đầu có hơn ba chữ số");
        }
        Some("các nhóm hàng nghìn phải có đúng ba chữ số")
    }

    /// The value as a float, for display only.
    pub fn to_f64(self) -> f64 {
        self.mantissa as f64 / 10f64.powi(i32::from(self.scale))
    }

    /// Whether the number is zero.
    pub fn is_zero(self) -> bool {
        self.mantissa == 0
    }

    /// The mantissa at a given scale (scale must be ≥ self.scale).
    fn at_scale(self, scale: u8) -> u128 {
        self.mantissa * 10u128.pow(u32::from(scale - self.scale))
    }

    /// The exact sum, or None if it would not fit (sums of figures a user
    /// typed must never overflow).
    pub fn checked_add(self, other: Decimal) -> Option<Decimal> {
        let scale = self.scale.max(other.scale);
        let a = self
            .mantissa
            .checked_mul(10u128.checked_pow(u32::from(scale - self.scale))?)?;
        let b = other
            .mantissa
            .checked_mul(10u128.checked_pow(u32::from(scale - other.scale))?)?;
        Some(Decimal {
            mantissa: a.checked_add(b)?,
            scale,
        })
    }

    /// a/b×100 at `decimals` places, truncated and rounded half up; None if b is 0.
    pub fn percent_of(self, whole: Decimal, decimals: u8) -> Option<(Decimal, Decimal)> {
        if whole.is_zero() {
            return None;
        }
        let scale = self.scale.max(whole.scale);
        let a = self.at_scale(scale);
        let b = whole.at_scale(scale);
        // value × 10^decimals = a × 100 × 10^decimals / b
        let num = a
            .checked_mul(100)?
            .checked_mul(10u128.pow(u32::from(decimals)))?;
        let truncated = num / b;
        let remainder = num % b;
        let rounded = if remainder * 2 >= b {
            truncated + 1
        } else {
            truncated
        };
        Some((
            Decimal {
                mantissa: truncated,
                scale: decimals,
            },
            Decimal {
                mantissa: rounded,
                scale: decimals,
            },
        ))
    }
}

/// Exact sum, at the larger of the two scales.
impl std::ops::Add for Decimal {
    type Output = Decimal;

    fn add(self, other: Decimal) -> Decimal {
        let scale = self.scale.max(other.scale);
        Decimal {
            mantissa: self.at_scale(scale) + other.at_scale(scale),
            scale,
        }
    }
}

impl PartialOrd for Decimal {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Decimal {
    fn cmp(&self, other: &Self) -> Ordering {
        let scale = self.scale.max(other.scale);
        self.at_scale(scale).cmp(&other.at_scale(scale))
    }
}

/// A whole number with "." between thousands: 1143478000 → "1.143.478.000".
pub fn format_grouped(n: u128) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A decimal in Vietnamese notation: thousands grouped with ".", "," before
/// the decimals (97,17; 6.686,4; 73.566).
pub fn format_decimal(d: Decimal) -> String {
    let pow = 10u128.pow(u32::from(d.scale));
    let int = d.mantissa / pow;
    let frac = d.mantissa % pow;
    if d.scale == 0 {
        format_grouped(int)
    } else {
        format!(
            "{},{:0width$}",
            format_grouped(int),
            frac,
            width = usize::from(d.scale)
        )
    }
}

impl fmt::Display for Decimal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&format_decimal(*self))
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}%", self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The reading by groups, as written before the one-pass reader.
    fn by_groups(s: &str) -> Option<Decimal> {
        if s.is_empty() || s.len() > 40 {
            return None;
        }
        let (int_part, frac_part) = match s.split_once(',') {
            Some((i, f)) => (i, Some(f)),
            None => (s, None),
        };
        let groups: Vec<&str> = int_part.split('.').collect();
        if groups
            .iter()
            .any(|g| g.is_empty() || !g.bytes().all(|b| b.is_ascii_digit()))
        {
            return None;
        }
        if groups.len() > 1 && (groups[0].len() > 3 || groups[1..].iter().any(|g| g.len() != 3)) {
            return None;
        }
        let mut digits: String = groups.concat();
        let mut scale = 0u8;
        if let Some(f) = frac_part {
            if f.is_empty() || f.len() > 12 || !f.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            digits.push_str(f);
            scale = f.len() as u8;
        }
        let mantissa: u128 = digits.parse().ok()?;
        (mantissa <= MAX_MANTISSA).then_some(Decimal { mantissa, scale })
    }

    #[test]
    fn the_one_pass_reader_reads_as_the_groups_do() {
        // Every string of up to six of these characters, and long ones.
        let alphabet = ["0", "1", "7", "9", ".", ",", "a", "-"];
        let mut all = vec![String::new()];
        let mut last = vec![String::new()];
        for _ in 0..6 {
            let mut next = Vec::new();
            for s in &last {
                for c in alphabet {
                    next.push(format!("{s}{c}"));
                }
            }
            all.extend(next.iter().cloned());
            last = next;
        }
        all.extend(
            [
                "1.143.478.000",
                "999.999.999.999.999.999.999.999",
                "1.000.000.000.000.000.000.000.000",
                "1.000.000.000.000.000.000.000,000000000001",
                "123456789012345678901234567890123456789",
                "1234567890123456789012345678901234567890",
                "0,123456789012",
                "0,1234567890123",
                "6.686,4",
                "12.34.567",
            ]
            .map(String::from),
        );
        for s in &all {
            assert_eq!(Decimal::parse_vn(s), by_groups(s), "{s}");
        }
    }

    fn d(s: &str) -> Decimal {
        Decimal::parse_vn(s).unwrap()
    }

    #[test]
    fn reads_vietnamese_notation() {
        assert_eq!(d("73.566"), Decimal::int(73566));
        assert_eq!(d("97,17").to_f64(), 97.17);
        assert_eq!(d("1.143.478.000"), Decimal::int(1_143_478_000));
        assert_eq!(d("6.686,4").to_f64(), 6686.4);
        assert_eq!(d("05"), Decimal::int(5));
        assert_eq!(Decimal::parse_vn("1.2345"), None);
        assert_eq!(Decimal::parse_vn("12.34.567"), None);
        assert_eq!(Decimal::parse_vn("1,2,3"), None);
    }

    #[test]
    fn grouping_errors_are_named() {
        assert!(Decimal::grouping_error("1.2345").is_some());
        assert!(Decimal::grouping_error("12.34.567").is_some());
        assert_eq!(Decimal::grouping_error("12.345.678"), None);
    }

    #[test]
    fn percent_is_exact() {
        let (t, r) = d("73.566").percent_of(d("75.706"), 2).unwrap();
        assert_eq!(format_decimal(t), "97,17");
        assert_eq!(format_decimal(r), "97,17");
        let (t, r) = d("73.566").percent_of(d("75.706"), 1).unwrap();
        assert_eq!(
            (format_decimal(t), format_decimal(r)),
            ("97,1".into(), "97,2".into())
        );
        assert_eq!(d("1").percent_of(d("0"), 2), None);
    }

    #[test]
    fn formats_vietnamese_notation() {
        assert_eq!(format_grouped(75706), "75.706");
        assert_eq!(format_grouped(999), "999");
        assert_eq!(format_decimal(d("6.686,4")), "6.686,4");
        assert_eq!(
            format_decimal(Decimal {
                mantissa: 5,
                scale: 2
            }),
            "0,05"
        );
        assert!(d("2,5") < d("2,51"));
        assert_eq!((d("1,5") + d("2")).to_string(), "3,5");
        assert_eq!(d("1,5").checked_add(d("2")), Some(d("3,5")));
        let huge = Decimal {
            mantissa: MAX_MANTISSA,
            scale: 0,
        };
        let tiny = Decimal {
            mantissa: 1,
            scale: 12,
        };
        // 10^24 at 12 decimals is 10^36; u128 holds about 3.4 × 10^38.
        let sum = (0..400).try_fold(tiny, |acc, _| acc.checked_add(huge));
        assert_eq!(sum, None);
    }
}
