//! `styles.xml`: what a paragraph or character style gives its text (bold,
//! italic, raised, font, alignment, numbering), followed through `basedOn`.

use super::dom::Node;

/// Run formatting that a style or a run's own properties may set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunProps {
    pub bold: Option<bool>,
    pub italic: Option<bool>,
    pub underline: Option<bool>,
    /// "superscript", "subscript" or "baseline".
    pub vert: Option<String>,
    pub font: Option<String>,
    /// Text set in capitals by `w:caps`.
    pub caps: Option<bool>,
    pub hidden: Option<bool>,
}

impl RunProps {
    /// Reads a `w:rPr`.
    pub fn read(rpr: &Node) -> RunProps {
        let toggle = |name: &str| {
            rpr.child(name).map(|n| {
                !matches!(
                    n.attr("val"),
                    Some("0") | Some("false") | Some("off") | Some("none")
                )
            })
        };
        let font = rpr.child("rFonts").and_then(|f| {
            f.attr("ascii")
                .or_else(|| f.attr("hAnsi"))
                .or_else(|| f.attr("cs"))
                .map(str::to_string)
        });
        RunProps {
            bold: toggle("b"),
            italic: toggle("i"),
            underline: toggle("u"),
            vert: rpr.child_val("vertAlign").map(str::to_string),
            font,
            caps: toggle("caps"),
            hidden: toggle("vanish"),
        }
    }

    /// `self` with what `over` sets laid on top.
    pub fn with(&self, over: &RunProps) -> RunProps {
        RunProps {
            bold: over.bold.or(self.bold),
            italic: over.italic.or(self.italic),
            underline: over.underline.or(self.underline),
            vert: over.vert.clone().or_else(|| self.vert.clone()),
            font: over.font.clone().or_else(|| self.font.clone()),
            caps: over.caps.or(self.caps),
            hidden: over.hidden.or(self.hidden),
        }
    }
}

/// A paragraph style's numbering reference.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NumRef {
    pub num_id: Option<String>,
    pub level: Option<u8>,
}

#[derive(Clone, Debug, Default)]
struct StyleDef {
    based_on: Option<String>,
    run: RunProps,
    jc: Option<String>,
    num: NumRef,
}

/// The styles of a document.
#[derive(Debug, Default)]
pub struct Styles {
    defs: Vec<(String, StyleDef)>,
    defaults: RunProps,
    default_para: Option<String>,
}

/// What a paragraph style resolves to.
#[derive(Clone, Debug, Default)]
pub struct ParaStyle {
    pub run: RunProps,
    pub jc: Option<String>,
    pub num: NumRef,
}

impl Styles {
    pub fn read(root: Option<&Node>) -> Styles {
        let mut styles = Styles::default();
        let Some(root) = root else {
            return styles;
        };
        if let Some(rpr) = root
            .child("docDefaults")
            .and_then(|d| d.child("rPrDefault"))
            .and_then(|d| d.child("rPr"))
        {
            styles.defaults = RunProps::read(rpr);
        }
        for s in root.elements().filter(|n| n.name == "style") {
            let Some(id) = s.attr("styleId") else {
                continue;
            };
            let ppr = s.child("pPr");
            let num = ppr.and_then(|p| p.child("numPr"));
            let def = StyleDef {
                based_on: s.child_val("basedOn").map(str::to_string),
                run: s.child("rPr").map(RunProps::read).unwrap_or_default(),
                jc: ppr.and_then(|p| p.child_val("jc")).map(str::to_string),
                num: NumRef {
                    num_id: num.and_then(|n| n.child_val("numId")).map(str::to_string),
                    level: num
                        .and_then(|n| n.child_val("ilvl"))
                        .and_then(|v| v.parse().ok()),
                },
            };
            if s.attr("type") == Some("paragraph") && s.attr("default") == Some("1") {
                styles.default_para = Some(id.to_string());
            }
            styles.defs.push((id.to_string(), def));
        }
        styles
    }

    fn def(&self, id: &str) -> Option<&StyleDef> {
        self.defs.iter().find(|(k, _)| k == id).map(|(_, d)| d)
    }

    /// The chain of a style and those it is based on, base first.
    fn chain(&self, id: &str) -> Vec<&StyleDef> {
        let mut out = Vec::new();
        let mut next = Some(id.to_string());
        while let Some(id) = next {
            let Some(def) = self.def(&id) else { break };
            if out.len() > 16 {
                break;
            }
            next = def.based_on.clone();
            out.push(def);
        }
        out.reverse();
        out
    }

    /// A paragraph style with its bases (the default style when none is named).
    pub fn paragraph(&self, id: Option<&str>) -> ParaStyle {
        let mut p = ParaStyle {
            run: self.defaults.clone(),
            ..ParaStyle::default()
        };
        let Some(id) = id.or(self.default_para.as_deref()) else {
            return p;
        };
        for def in self.chain(id) {
            p.run = p.run.with(&def.run);
            if def.jc.is_some() {
                p.jc = def.jc.clone();
            }
            if def.num.num_id.is_some() {
                p.num.num_id = def.num.num_id.clone();
            }
            if def.num.level.is_some() {
                p.num.level = def.num.level;
            }
        }
        p
    }

    /// The numId a style numbers with (a list style's own list).
    pub fn num_id(&self, id: &str) -> Option<String> {
        self.chain(id)
            .iter()
            .rev()
            .find_map(|d| d.num.num_id.clone())
    }

    /// A character style's run formatting, with its bases.
    pub fn character(&self, id: &str) -> RunProps {
        self.chain(id)
            .iter()
            .fold(RunProps::default(), |acc, d| acc.with(&d.run))
    }
}
