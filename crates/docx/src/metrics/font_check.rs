//! Checks the compiled width table against Liberation Serif itself, and
//! regenerates it: `BAOCAO_WRITE_METRICS=1 cargo test --lib metrics::font_check`
//! then `cargo fmt`. The font comes with the Debian package fonts-liberation2,
//! which `scripts/setup.sh test` installs.

use super::widths;
use std::collections::BTreeSet;
use std::fmt::Write as _;

const FONT_DIR: &str = "/usr/share/fonts/truetype/liberation2";

/// The characters a report can hold: ASCII, Latin-1, the Vietnamese letters,
/// and the punctuation and signs officials type (– “ ” … ₫ ≤ ≥, superscripts).
fn covered_chars() -> BTreeSet<u16> {
    let mut set: BTreeSet<u16> = BTreeSet::new();
    set.extend(0x20..=0x7e);
    set.extend(0xa0..=0xff);
    set.extend([0x102, 0x103, 0x110, 0x111, 0x128, 0x129, 0x168, 0x169]);
    set.extend([0x1a0, 0x1a1, 0x1af, 0x1b0]);
    set.extend(0x1ea0..=0x1ef9);
    set.extend([
        0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2026,
    ]);
    set.extend([
        0x2030, 0x2070, 0x2074, 0x2075, 0x2076, 0x2077, 0x2078, 0x2079,
    ]);
    set.extend([0x20ab, 0x20ac, 0x2212, 0x2264, 0x2265]);
    set
}

/// The parts of a TrueType font needed for advance widths.
struct Font {
    units_per_em: u16,
    advances: Vec<u16>,
    /// (first char, last char, id delta, id range offset position) of cmap format 4.
    segments: Vec<(u16, u16, i16, usize)>,
    data: Vec<u8>,
}

fn be16(d: &[u8], at: usize) -> Result<u16, String> {
    d.get(at..at + 2)
        .map(|b| u16::from_be_bytes([b[0], b[1]]))
        .ok_or_else(|| format!("font truncated at {at}"))
}

fn be32(d: &[u8], at: usize) -> Result<usize, String> {
    d.get(at..at + 4)
        .map(|b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]) as usize)
        .ok_or_else(|| format!("font truncated at {at}"))
}

impl Font {
    fn open(file: &str) -> Result<Font, String> {
        let path = format!("{FONT_DIR}/{file}");
        let data = std::fs::read(&path).map_err(|e| {
            format!("{path}: {e}; install fonts-liberation2 (scripts/setup.sh test)")
        })?;
        let d = &data;
        let tables = be16(d, 4)? as usize;
        let find = |tag: &[u8; 4]| -> Result<usize, String> {
            (0..tables)
                .map(|i| 12 + 16 * i)
                .find(|at| d.get(*at..*at + 4) == Some(tag.as_slice()))
                .map(|at| be32(d, at + 8))
                .ok_or_else(|| format!("no {} table", String::from_utf8_lossy(tag)))?
        };
        let head = find(b"head")?;
        let hhea = find(b"hhea")?;
        let hmtx = find(b"hmtx")?;
        let cmap = find(b"cmap")?;
        let units_per_em = be16(d, head + 18)?;
        let metrics = be16(d, hhea + 34)? as usize;
        let advances = (0..metrics)
            .map(|g| be16(d, hmtx + 4 * g))
            .collect::<Result<Vec<u16>, String>>()?;
        let subtables = be16(d, cmap + 2)? as usize;
        let mut format4 = None;
        for i in 0..subtables {
            let rec = cmap + 4 + 8 * i;
            if be16(d, rec)? == 3 && be16(d, rec + 2)? == 1 {
                format4 = Some(cmap + be32(d, rec + 4)?);
            }
        }
        let s = format4.ok_or("no Windows Unicode BMP cmap")?;
        if be16(d, s)? != 4 {
            return Err("the BMP cmap is not format 4".into());
        }
        let seg_x2 = be16(d, s + 6)? as usize;
        let mut segments = Vec::new();
        for k in 0..seg_x2 / 2 {
            let end = be16(d, s + 14 + 2 * k)?;
            let start = be16(d, s + 16 + seg_x2 + 2 * k)?;
            let delta = be16(d, s + 16 + 2 * seg_x2 + 2 * k)? as i16;
            let range_at = s + 16 + 3 * seg_x2 + 2 * k;
            segments.push((start, end, delta, range_at));
        }
        Ok(Font {
            units_per_em,
            advances,
            segments,
            data,
        })
    }

    fn glyph(&self, c: u16) -> Result<Option<u16>, String> {
        for &(start, end, delta, range_at) in &self.segments {
            if c < start || c > end || c == 0xffff {
                continue;
            }
            let range = be16(&self.data, range_at)? as usize;
            let glyph = if range == 0 {
                c.wrapping_add(delta as u16)
            } else {
                let at = range_at + range + 2 * usize::from(c - start);
                match be16(&self.data, at)? {
                    0 => 0,
                    g => g.wrapping_add(delta as u16),
                }
            };
            return Ok((glyph != 0).then_some(glyph));
        }
        Ok(None)
    }

    fn advance(&self, glyph: u16) -> u16 {
        let last = self.advances.len().saturating_sub(1);
        self.advances[usize::from(glyph).min(last)]
    }
}

/// What the width table holds, read from the fonts.
struct Widths {
    units_per_em: u16,
    chars: Vec<u16>,
    /// Regular, bold, italic.
    faces: [Vec<u16>; 3],
}

/// The widths of every covered character all three faces have.
fn read_fonts() -> Result<Widths, String> {
    let faces = [
        Font::open("LiberationSerif-Regular.ttf")?,
        Font::open("LiberationSerif-Bold.ttf")?,
        Font::open("LiberationSerif-Italic.ttf")?,
    ];
    let em = faces[0].units_per_em;
    assert!(faces.iter().all(|f| f.units_per_em == em));
    let mut chars = Vec::new();
    let mut widths: [Vec<u16>; 3] = Default::default();
    for c in covered_chars() {
        let glyphs = faces
            .iter()
            .map(|f| f.glyph(c))
            .collect::<Result<Vec<Option<u16>>, String>>()?;
        if glyphs.iter().all(Option::is_some) {
            chars.push(c);
            for (i, (face, g)) in faces.iter().zip(glyphs).enumerate() {
                widths[i].push(face.advance(g.unwrap_or(0)));
            }
        }
    }
    Ok(Widths {
        units_per_em: em,
        chars,
        faces: widths,
    })
}

fn render(em: u16, chars: &[u16], widths: &[Vec<u16>; 3]) -> String {
    let mut out = String::new();
    let _ = writeln!(
        out,
        "//! Advance widths of Liberation Serif (= Times New Roman), in font units.\n\
         //! Generated by `metrics::font_check` from /usr/share/fonts/truetype/liberation2\n\
         //! (fonts-liberation2); do not edit by hand.\n"
    );
    let _ = writeln!(out, "/// Font units per em.");
    let _ = writeln!(out, "pub const UNITS_PER_EM: u32 = {em};\n");
    let list = |v: &[u16], hex: bool| {
        v.iter()
            .map(|x| {
                if hex {
                    format!("0x{x:04X}")
                } else {
                    x.to_string()
                }
            })
            .collect::<Vec<_>>()
            .join(", ")
    };
    let n = chars.len();
    let _ = writeln!(out, "/// The characters covered, in code point order.");
    let _ = writeln!(
        out,
        "pub const CHARS: [u16; {n}] = [{}];\n",
        list(chars, true)
    );
    for (name, w) in ["REGULAR", "BOLD", "ITALIC"].iter().zip(widths) {
        let _ = writeln!(
            out,
            "/// Advance widths of the {} face.",
            baocao_model::case::lower(name)
        );
        let _ = writeln!(
            out,
            "pub const {name}: [u16; {n}] = [{}];\n",
            list(w, false)
        );
    }
    out
}

#[test]
fn table_matches_liberation_serif() {
    let Widths {
        units_per_em: em,
        chars,
        faces: widths,
    } = read_fonts().unwrap_or_else(|e| panic!("{e}"));
    if std::env::var_os("BAOCAO_WRITE_METRICS").is_some() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/metrics/widths.rs");
        std::fs::write(path, render(em, &chars, &widths)).unwrap_or_else(|e| panic!("{e}"));
        return;
    }
    assert_eq!(u32::from(em), widths::UNITS_PER_EM);
    assert_eq!(chars.as_slice(), widths::CHARS.as_slice());
    assert_eq!(widths[0].as_slice(), widths::REGULAR.as_slice());
    assert_eq!(widths[1].as_slice(), widths::BOLD.as_slice());
    assert_eq!(widths[2].as_slice(), widths::ITALIC.as_slice());
    // Every Vietnamese letter is in the table.
    for c in "àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ".chars()
    {
        for c in [c, baocao_model::case::upper_char(c)] {
            assert!(widths::CHARS.contains(&(c as u16)), "{c} missing");
        }
    }
}
