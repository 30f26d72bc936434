//! Legacy Vietnamese font encodings: text typed in TCVN3 fonts (.VnTime,
//! .VnTimeH, .VnArial, …) or VNI fonts (VNI-Times, …) is stored in the .docx
//! as Latin-1 letters that only those fonts draw as Vietnamese. The reader
//! converts such runs to Unicode by the tables below.
//!
//! bamboo-core (MIT) has these tables, but it is an input-method engine
//! (phf, bitflags, rustc-hash and ~450 KB of source) and only encodes *to*
//! the legacy sets; the page is size-budgeted, so the two tables are copied
//! here, reversed, and tested against the crate (a dev-dependency only).

/// The legacy encoding a font name implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Legacy {
    /// TCVN3 in a lower-case font (.VnTime).
    Tcvn3,
    /// TCVN3 in a capitals font (.VnTimeH): every letter prints as a capital.
    Tcvn3Caps,
    Vni,
}

impl Legacy {
    /// The encoding of a font by its name, if it is a legacy Vietnamese font.
    pub fn of_font(font: &str) -> Option<Legacy> {
        let f = font.trim();
        if f.len() > 3 && f[..3].eq_ignore_ascii_case(".vn") {
            // ".VnTimeH", ".VnArialH", ".VnCentury SchoolbookH": capitals.
            return Some(if f.ends_with('H') {
                Legacy::Tcvn3Caps
            } else {
                Legacy::Tcvn3
            });
        }
        if f.len() > 4 && f[..4].eq_ignore_ascii_case("vni-") {
            return Some(Legacy::Vni);
        }
        None
    }

    /// Converts a run's text to Unicode.
    pub fn decode(self, text: &str) -> String {
        match self {
            Legacy::Tcvn3 => text.chars().map(tcvn3_char).collect(),
            Legacy::Tcvn3Caps => text
                .chars()
                .map(tcvn3_char)
                .map(baocao_model::case::upper_char)
                .collect(),
            Legacy::Vni => vni(text),
        }
    }
}

fn tcvn3_char(c: char) -> char {
    if c.is_ascii() {
        return c;
    }
    TCVN3
        .iter()
        .find(|(code, _)| *code == c)
        .map(|(_, letter)| *letter)
        .unwrap_or(c)
}

fn vni(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        // Two-character codes first ("oâ" is ô, "ô" alone is ơ).
        if let Some(&next) = chars.get(i + 1) {
            let pair = VNI.iter().find(|(code, _)| {
                let mut k = code.chars();
                k.next() == Some(chars[i]) && k.next() == Some(next) && k.next().is_none()
            });
            if let Some((_, letter)) = pair {
                out.push(*letter);
                i += 2;
                continue;
            }
        }
        let c = chars[i];
        let single = (!c.is_ascii())
            .then(|| {
                VNI.iter().find(|(code, _)| {
                    let mut k = code.chars();
                    k.next() == Some(c) && k.next().is_none()
                })
            })
            .flatten();
        out.push(single.map(|(_, l)| *l).unwrap_or(c));
        i += 1;
    }
    out
}

/// TCVN3 (ABC): (code, letter). Lower-case letters first; the seven capitals
/// with their own codes after them. Taken from bamboo-core's encoder table
/// (MIT), reversed; `tests` checks it against that crate.
pub const TCVN3: [(char, char); 74] = [
    ('\u{AE}', 'đ'),
    ('\u{A9}', 'â'),
    ('\u{A8}', 'ă'),
    ('\u{AA}', 'ê'),
    ('\u{AB}', 'ô'),
    ('\u{AC}', 'ơ'),
    ('\u{AD}', 'ư'),
    ('\u{B8}', 'á'),
    ('\u{B5}', 'à'),
    ('\u{B6}', 'ả'),
    ('\u{B7}', 'ã'),
    ('\u{B9}', 'ạ'),
    ('Ê', 'ấ'),
    ('Ç', 'ầ'),
    ('È', 'ẩ'),
    ('É', 'ẫ'),
    ('Ë', 'ậ'),
    ('\u{BE}', 'ắ'),
    ('\u{BB}', 'ằ'),
    ('\u{BC}', 'ẳ'),
    ('\u{BD}', 'ẵ'),
    ('Æ', 'ặ'),
    ('Ð', 'é'),
    ('Ì', 'è'),
    ('Î', 'ẻ'),
    ('Ï', 'ẽ'),
    ('Ñ', 'ẹ'),
    ('Õ', 'ế'),
    ('Ò', 'ề'),
    ('Ó', 'ể'),
    ('Ô', 'ễ'),
    ('Ö', 'ệ'),
    ('Ý', 'í'),
    ('×', 'ì'),
    ('Ø', 'ỉ'),
    ('Ü', 'ĩ'),
    ('Þ', 'ị'),
    ('ã', 'ó'),
    ('ß', 'ò'),
    ('á', 'ỏ'),
    ('â', 'õ'),
    ('ä', 'ọ'),
    ('è', 'ố'),
    ('å', 'ồ'),
    ('æ', 'ổ'),
    ('ç', 'ỗ'),
    ('é', 'ộ'),
    ('í', 'ớ'),
    ('ê', 'ờ'),
    ('ë', 'ở'),
    ('ì', 'ỡ'),
    ('î', 'ợ'),
    ('ó', 'ú'),
    ('ï', 'ù'),
    ('ñ', 'ủ'),
    ('ò', 'ũ'),
    ('ô', 'ụ'),
    ('ø', 'ứ'),
    ('õ', 'ừ'),
    ('ö', 'ử'),
    ('÷', 'ữ'),
    ('ù', 'ự'),
    ('ý', 'ý'),
    ('ú', 'ỳ'),
    ('û', 'ỷ'),
    ('ü', 'ỹ'),
    ('þ', 'ỵ'),
    ('\u{A7}', 'Đ'),
    ('\u{A2}', 'Â'),
    ('\u{A1}', 'Ă'),
    ('\u{A3}', 'Ê'),
    ('\u{A4}', 'Ô'),
    ('\u{A5}', 'Ơ'),
    ('\u{A6}', 'Ư'),
];

/// VNI Windows: (code, letter); a code is one or two characters. From the
/// same table of bamboo-core, reversed.
pub const VNI: [(&str, char); 134] = [
    ("ñ", 'đ'),
    ("aâ", 'â'),
    ("aê", 'ă'),
    ("eâ", 'ê'),
    ("oâ", 'ô'),
    ("ô", 'ơ'),
    ("ö", 'ư'),
    ("aù", 'á'),
    ("aø", 'à'),
    ("aû", 'ả'),
    ("aõ", 'ã'),
    ("aï", 'ạ'),
    ("aá", 'ấ'),
    ("aà", 'ầ'),
    ("aå", 'ẩ'),
    ("aã", 'ẫ'),
    ("aä", 'ậ'),
    ("aé", 'ắ'),
    ("aè", 'ằ'),
    ("aú", 'ẳ'),
    ("aü", 'ẵ'),
    ("aë", 'ặ'),
    ("eù", 'é'),
    ("eø", 'è'),
    ("eû", 'ẻ'),
    ("eõ", 'ẽ'),
    ("eï", 'ẹ'),
    ("eá", 'ế'),
    ("eà", 'ề'),
    ("eå", 'ể'),
    ("eã", 'ễ'),
    ("eä", 'ệ'),
    ("í", 'í'),
    ("ì", 'ì'),
    ("æ", 'ỉ'),
    ("ó", 'ĩ'),
    ("ò", 'ị'),
    ("où", 'ó'),
    ("oø", 'ò'),
    ("oû", 'ỏ'),
    ("oõ", 'õ'),
    ("oï", 'ọ'),
    ("oá", 'ố'),
    ("oà", 'ồ'),
    ("oå", 'ổ'),
    ("oã", 'ỗ'),
    ("oä", 'ộ'),
    ("ôù", 'ớ'),
    ("ôø", 'ờ'),
    ("ôû", 'ở'),
    ("ôõ", 'ỡ'),
    ("ôï", 'ợ'),
    ("uù", 'ú'),
    ("uø", 'ù'),
    ("uû", 'ủ'),
    ("uõ", 'ũ'),
    ("uï", 'ụ'),
    ("öù", 'ứ'),
    ("öø", 'ừ'),
    ("öû", 'ử'),
    ("öõ", 'ữ'),
    ("öï", 'ự'),
    ("yù", 'ý'),
    ("yø", 'ỳ'),
    ("yû", 'ỷ'),
    ("yõ", 'ỹ'),
    ("î", 'ỵ'),
    ("Ñ", 'Đ'),
    ("AÂ", 'Â'),
    ("AÊ", 'Ă'),
    ("EÂ", 'Ê'),
    ("OÂ", 'Ô'),
    ("Ô", 'Ơ'),
    ("Ö", 'Ư'),
    ("AÙ", 'Á'),
    ("AØ", 'À'),
    ("AÛ", 'Ả'),
    ("AÕ", 'Ã'),
    ("AÏ", 'Ạ'),
    ("AÁ", 'Ấ'),
    ("AÀ", 'Ầ'),
    ("AÅ", 'Ẩ'),
    ("AÃ", 'Ẫ'),
    ("AÄ", 'Ậ'),
    ("AÉ", 'Ắ'),
    ("AÈ", 'Ằ'),
    ("AÚ", 'Ẳ'),
    ("AÜ", 'Ẵ'),
    ("AË", 'Ặ'),
    ("EÙ", 'É'),
    ("EØ", 'È'),
    ("EÛ", 'Ẻ'),
    ("EÕ", 'Ẽ'),
    ("EÏ", 'Ẹ'),
    ("EÁ", 'Ế'),
    ("EÀ", 'Ề'),
    ("EÅ", 'Ể'),
    ("EÃ", 'Ễ'),
    ("EÄ", 'Ệ'),
    ("Í", 'Í'),
    ("Ì", 'Ì'),
    ("Æ", 'Ỉ'),
    ("Ó", 'Ĩ'),
    ("Ò", 'Ị'),
    ("OÙ", 'Ó'),
    ("OØ", 'Ò'),
    ("OÛ", 'Ỏ'),
    ("OÕ", 'Õ'),
    ("OÏ", 'Ọ'),
    ("OÁ", 'Ố'),
    ("OÀ", 'Ồ'),
    ("OÅ", 'Ổ'),
    ("OÃ", 'Ỗ'),
    ("OÄ", 'Ộ'),
    ("ÔÙ", 'Ớ'),
    ("ÔØ", 'Ờ'),
    ("ÔÛ", 'Ở'),
    ("ÔÕ", 'Ỡ'),
    ("ÔÏ", 'Ợ'),
    ("UÙ", 'Ú'),
    ("UØ", 'Ù'),
    ("UÛ", 'Ủ'),
    ("UÕ", 'Ũ'),
    ("UÏ", 'Ụ'),
    ("ÖÙ", 'Ứ'),
    ("ÖØ", 'Ừ'),
    ("ÖÛ", 'Ử'),
    ("ÖÕ", 'Ữ'),
    ("ÖÏ", 'Ự'),
    ("YÙ", 'Ý'),
    ("YØ", 'Ỳ'),
    ("YÛ", 'Ỷ'),
    ("YÕ", 'Ỹ'),
    ("Î", 'Ỵ'),
];

// bamboo-core is a native dev-dependency only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use bamboo_core::{encode_charset, Charset};

    /// Every Vietnamese letter (both cases) with its tones.
    fn letters() -> Vec<char> {
        let base = "aăâeêioôơuưyAĂÂEÊIOÔƠUƯY";
        let mut out: Vec<char> = "đĐ".chars().collect();
        for c in base.chars() {
            for mark in ['\u{300}', '\u{301}', '\u{309}', '\u{303}', '\u{323}'] {
                let s: String = baocao_model::nfc(&format!("{c}{mark}"));
                out.extend(s.chars());
            }
            out.push(c);
        }
        out
    }

    #[test]
    fn tcvn3_table_reverses_bamboo_core() {
        for c in letters().into_iter().filter(|c| !c.is_ascii()) {
            let code = encode_charset(Charset::Tcvn3, &c.to_string()).into_owned();
            let caps = c.is_uppercase();
            let back = if caps {
                Legacy::Tcvn3Caps.decode(&code)
            } else {
                Legacy::Tcvn3.decode(&code)
            };
            assert_eq!(back, c.to_string(), "TCVN3 {c} = {code:?}");
        }
        assert_eq!(
            Legacy::Tcvn3.decode("B¸o c¸o t×nh h×nh kinh tÕ - x· héi"),
            "Báo cáo tình hình kinh tế - xã hội"
        );
        assert_eq!(Legacy::Tcvn3Caps.decode("B¸o c¸o"), "BÁO CÁO");
    }

    #[test]
    fn vni_table_reverses_bamboo_core() {
        for c in letters().into_iter().filter(|c| !c.is_ascii()) {
            let code = encode_charset(Charset::VniWindows, &c.to_string()).into_owned();
            assert_eq!(
                Legacy::Vni.decode(&code),
                c.to_string(),
                "VNI {c} = {code:?}"
            );
        }
        let text = "Ủy ban nhân dân tỉnh Lâm Đồng báo cáo tình hình quản lý hội";
        let code = encode_charset(Charset::VniWindows, text).into_owned();
        assert_eq!(Legacy::Vni.decode(&code), text);
    }

    #[test]
    fn fonts_name_their_encoding() {
        assert_eq!(Legacy::of_font(".VnTime"), Some(Legacy::Tcvn3));
        assert_eq!(Legacy::of_font(".VnTimeH"), Some(Legacy::Tcvn3Caps));
        assert_eq!(Legacy::of_font("VNI-Times"), Some(Legacy::Vni));
        assert_eq!(Legacy::of_font("Times New Roman"), None);
    }
}
