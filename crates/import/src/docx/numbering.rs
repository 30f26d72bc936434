//! `numbering.xml`: the label Word draws before a numbered paragraph ("1.",
//! "a)", "-", "I."), with its counters, so the reader sees what the official
//! sees.

use super::dom::Node;

#[derive(Clone, Debug, Default)]
struct Level {
    start: u32,
    format: String,
    text: String,
    /// Whether all levels show as decimal ("isLgl").
    legal: bool,
    /// Level after which this one restarts (None: after any higher level).
    restart: Option<u32>,
}

#[derive(Clone, Debug, Default)]
struct Abstract {
    id: String,
    levels: Vec<(u8, Level)>,
    /// A list style this definition stands for ("numStyleLink"): its levels
    /// are those of the list the style numbers with.
    style_link: Option<String>,
}

#[derive(Clone, Debug)]
struct Num {
    id: String,
    abstract_id: String,
    /// (level, start) overrides.
    overrides: Vec<(u8, Level, bool)>,
}

/// The numbering definitions of a document and the counters as they run.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: Vec<Abstract>,
    nums: Vec<Num>,
    /// Counters by abstract numbering, one per level; a num with a start
    /// override keeps its own.
    counters: Vec<(String, [u32; 9])>,
    /// Nums whose start override has been applied.
    started: Vec<String>,
}

fn read_level(l: &Node) -> Level {
    Level {
        start: l
            .child_val("start")
            .and_then(|v| v.parse().ok())
            .unwrap_or(1),
        format: l.child_val("numFmt").unwrap_or("decimal").to_string(),
        text: l.child_val("lvlText").unwrap_or("").to_string(),
        legal: l
            .child("isLgl")
            .is_some_and(|n| !matches!(n.attr("val"), Some("0") | Some("false"))),
        restart: l.child_val("lvlRestart").and_then(|v| v.parse().ok()),
    }
}

impl Numbering {
    /// Reads the definitions; `style_num` gives the numId a (list) style
    /// numbers with, to follow `w:numStyleLink`.
    pub fn read(root: Option<&Node>, style_num: &dyn Fn(&str) -> Option<String>) -> Numbering {
        let mut n = Numbering::default();
        let Some(root) = root else { return n };
        for a in root.elements().filter(|e| e.name == "abstractNum") {
            let levels = a
                .elements()
                .filter(|e| e.name == "lvl")
                .filter_map(|l| Some((l.attr("ilvl")?.parse().ok()?, read_level(l))))
                .collect();
            n.abstracts.push(Abstract {
                id: a.attr("abstractNumId").unwrap_or("").to_string(),
                levels,
                style_link: a.child_val("numStyleLink").map(str::to_string),
            });
        }
        for num in root.elements().filter(|e| e.name == "num") {
            let overrides = num
                .elements()
                .filter(|e| e.name == "lvlOverride")
                .filter_map(|o| {
                    let ilvl: u8 = o.attr("ilvl")?.parse().ok()?;
                    let start = o.child_val("startOverride").and_then(|v| v.parse().ok());
                    let mut level = o.child("lvl").map(read_level).unwrap_or_default();
                    let has_level = o.child("lvl").is_some();
                    if let Some(s) = start {
                        level.start = s;
                    }
                    Some((ilvl, level, has_level || start.is_some()))
                })
                .collect();
            n.nums.push(Num {
                id: num.attr("numId").unwrap_or("").to_string(),
                abstract_id: num.child_val("abstractNumId").unwrap_or("").to_string(),
                overrides,
            });
        }
        // A list that only links to a list style takes that style's list.
        let linked: Vec<(String, String)> = n
            .abstracts
            .iter()
            .filter(|a| a.levels.is_empty())
            .filter_map(|a| {
                let num_id = style_num(a.style_link.as_deref()?)?;
                let target = n.nums.iter().find(|m| m.id == num_id)?;
                (target.abstract_id != a.id).then(|| (a.id.clone(), target.abstract_id.clone()))
            })
            .collect();
        for num in &mut n.nums {
            if let Some((_, target)) = linked.iter().find(|(from, _)| *from == num.abstract_id) {
                num.abstract_id = target.clone();
            }
        }
        n
    }

    fn level_def(&self, num: &Num, ilvl: u8) -> Option<Level> {
        let base = self
            .abstracts
            .iter()
            .find(|a| a.id == num.abstract_id)?
            .levels
            .iter()
            .find(|(i, _)| *i == ilvl)
            .map(|(_, l)| l.clone());
        match num.overrides.iter().find(|(i, _, _)| *i == ilvl) {
            Some((_, o, _)) if !o.text.is_empty() => Some(o.clone()),
            Some((_, o, _)) => base.map(|b| Level {
                start: o.start,
                ..b
            }),
            None => base,
        }
    }

    /// The label of the next paragraph numbered by `num_id` at `ilvl`, with
    /// the counters moved on. None for numId 0 (numbering removed) or an
    /// unknown list.
    pub fn next_label(&mut self, num_id: &str, ilvl: u8) -> Option<String> {
        let ilvl = ilvl.min(8);
        let num = self.nums.iter().find(|n| n.id == num_id)?.clone();
        let level = self.level_def(&num, ilvl)?;
        let has_override = num.overrides.iter().any(|(_, _, set)| *set);
        let key = if has_override {
            format!("num:{}", num.id)
        } else {
            format!("abs:{}", num.abstract_id)
        };
        let starts: Vec<u32> = (0..9)
            .map(|l| self.level_def(&num, l).map(|d| d.start).unwrap_or(1))
            .collect();
        let idx = match self.counters.iter().position(|(k, _)| *k == key) {
            Some(i) => i,
            None => {
                let mut c = [0u32; 9];
                for (l, s) in starts.iter().enumerate() {
                    c[l] = s.saturating_sub(1);
                }
                self.counters.push((key.clone(), c));
                self.counters.len() - 1
            }
        };
        if has_override && !self.started.contains(&num.id) {
            self.started.push(num.id.clone());
        }
        let i = ilvl as usize;
        let restarts: Vec<u32> = (0..9u8)
            .map(|l| {
                self.level_def(&num, l)
                    .and_then(|d| d.restart)
                    .unwrap_or(u32::from(l))
            })
            .collect();
        {
            let c = &mut self.counters[idx].1;
            c[i] = c[i].saturating_add(1);
            // Deeper levels start again (unless told to restart only later).
            for (deeper, start) in starts.iter().enumerate().skip(i + 1) {
                let restart_after = restarts[deeper];
                if restart_after != 0 && (i as u32) < restart_after {
                    c[deeper] = start.saturating_sub(1);
                }
            }
        }
        let counters = self.counters[idx].1;
        if level.format == "none" {
            return Some(String::new());
        }
        if level.format == "bullet" {
            return Some(bullet(&level.text));
        }
        let mut out = String::new();
        let mut chars = level.text.chars().peekable();
        while let Some(c) = chars.next() {
            if c == '%' {
                if let Some(d) = chars.peek().and_then(|d| d.to_digit(10)) {
                    chars.next();
                    let l = (d as usize).clamp(1, 9) - 1;
                    let format = if level.legal && l < i {
                        "decimal".to_string()
                    } else {
                        self.level_def(&num, l as u8)
                            .map(|d| d.format)
                            .unwrap_or_else(|| "decimal".into())
                    };
                    out.push_str(&format_number(counters[l].max(1), &format));
                    continue;
                }
            }
            out.push(c);
        }
        Some(out)
    }
}

/// A bullet as text: a dash stays a dash; the symbol-font bullets become "•".
fn bullet(text: &str) -> String {
    let t = text.trim();
    match t {
        "-" | "–" | "+" | "*" | "•" | "−" => t.replace('−', "-"),
        // Symbol/Wingdings draw a dash at U+F02D.
        "\u{F02D}" => "-".to_string(),
        _ => "•".to_string(),
    }
}

/// A counter in a numbering format.
pub fn format_number(n: u32, format: &str) -> String {
    // A crafted start value must not make a label of millions of letters.
    let n = match format {
        "lowerLetter" | "upperLetter" => n.min(26 * 10),
        "upperRoman" | "lowerRoman" => n.min(3999),
        _ => n,
    };
    match format {
        "lowerLetter" | "upperLetter" => {
            // Word: a..z, then aa..zz.
            let letter = (b'a' + ((n - 1) % 26) as u8) as char;
            let s: String = std::iter::repeat_n(letter, ((n - 1) / 26 + 1) as usize).collect();
            if format == "upperLetter" {
                baocao_model::case::upper(&s)
            } else {
                s
            }
        }
        "upperRoman" => baocao_model::roman(n),
        "lowerRoman" => baocao_model::case::lower(&baocao_model::roman(n)),
        "decimalZero" if n < 10 => format!("0{n}"),
        _ => n.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::docx::dom::parse;

    const XML: &str = r#"<w:numbering xmlns:w="w">
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%2.%3."/></w:lvl>
        <w:lvl w:ilvl="3"><w:start w:val="1"/><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%4)"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="-"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    #[test]
    fn labels_follow_counters_and_levels() {
        let root = parse(XML.as_bytes(), "numbering").unwrap();
        let mut n = Numbering::read(Some(&root), &|_| None);
        let mut next = |id: &str, l: u8| n.next_label(id, l).unwrap();
        assert_eq!(next("1", 0), "I.");
        assert_eq!(next("1", 1), "1.");
        assert_eq!(next("1", 1), "2.");
        assert_eq!(next("1", 2), "2.1.");
        assert_eq!(next("1", 3), "a)");
        assert_eq!(next("1", 3), "b)");
        assert_eq!(next("2", 0), "-");
        assert_eq!(next("1", 0), "II.");
        assert_eq!(next("1", 1), "1.");
    }

    #[test]
    fn a_list_linked_to_a_list_style_numbers_like_it() {
        let xml = r#"<w:numbering xmlns:w="w">
          <w:abstractNum w:abstractNumId="1"><w:styleLink w:val="DanhMuc"/>
            <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl>
          </w:abstractNum>
          <w:abstractNum w:abstractNumId="2"><w:numStyleLink w:val="DanhMuc"/></w:abstractNum>
          <w:num w:numId="1"><w:abstractNumId w:val="1"/></w:num>
          <w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>
        </w:numbering>"#;
        let root = parse(xml.as_bytes(), "numbering").unwrap();
        let style_num = |s: &str| (s == "DanhMuc").then(|| "1".to_string());
        let mut n = Numbering::read(Some(&root), &style_num);
        assert_eq!(n.next_label("2", 0).as_deref(), Some("I."));
        assert_eq!(n.next_label("2", 0).as_deref(), Some("II."));
    }
}
