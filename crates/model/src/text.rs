//! The body of a report written back as the text the importer reads: headings
//! with their numbers, paragraphs with markdown emphasis, footnote markers as
//! superscript digits and each definition after the paragraph that first
//! refers to it. `import(body_text(r))` gives back the same structure.

use super::{superscript_number, Block, FootnoteId, Inline, Report, Section};

impl Report {
    /// The body and footnotes as text (see the module documentation).
    pub fn body_text(&self) -> String {
        let mut w = Writer {
            report: self,
            out: String::new(),
            written: Vec::new(),
        };
        for b in &self.body.intro {
            w.block(b);
        }
        for s in &self.body.sections {
            w.section(s);
        }
        // Definitions nothing refers to are kept at the end.
        for f in &self.footnotes {
            if !w.written.contains(&f.id) {
                w.definition(f.id);
            }
        }
        w.out.trim_end().to_string()
    }
}

struct Writer<'a> {
    report: &'a Report,
    out: String,
    written: Vec<FootnoteId>,
}

impl Writer<'_> {
    fn section(&mut self, s: &Section) {
        self.out.push_str(&s.heading.label());
        self.out.push(' ');
        self.out.push_str(&inline_text(&s.heading.title));
        self.out.push_str("\n\n");
        self.definitions_of(&s.heading.title);
        for b in &s.blocks {
            self.block(b);
        }
        for c in &s.children {
            self.section(c);
        }
    }

    fn block(&mut self, b: &Block) {
        match b {
            Block::Paragraph(p) => {
                self.out.push_str(&inline_text(&p.inlines));
                self.out.push_str("\n\n");
                self.definitions_of(&p.inlines);
            }
            Block::Table(t) => {
                let row = |cells: &[String]| {
                    let cells: Vec<String> = cells.iter().map(|c| c.replace('|', "/")).collect();
                    format!("| {} |\n", cells.join(" | "))
                };
                self.out.push_str(&row(&t.columns));
                self.out
                    .push_str(&row(&vec!["---".to_string(); t.columns.len()]));
                for r in &t.rows {
                    self.out.push_str(&row(r));
                }
                self.out.push('\n');
            }
        }
    }

    fn definitions_of(&mut self, inlines: &[Inline]) {
        for i in inlines {
            if let Inline::Note(id) = i {
                if !self.written.contains(id) && self.report.footnote(*id).is_some() {
                    self.definition(*id);
                }
            }
        }
    }

    fn definition(&mut self, id: FootnoteId) {
        if let Some(f) = self.report.footnote(id) {
            self.out.push_str(&superscript_number(id.0));
            self.out.push(' ');
            self.out.push_str(&inline_text(&f.content));
            self.out.push_str("\n\n");
            self.written.push(id);
        }
    }
}

/// Inline content as markdown: **bold**, *italic*, <sup>raised</sup>, markers.
pub fn inline_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for i in inlines {
        match i {
            Inline::Note(id) => out.push_str(&superscript_number(id.0)),
            Inline::Text(run) => {
                let mut text = String::with_capacity(run.text.len());
                for c in run.text.chars() {
                    if matches!(c, '*' | '\\' | '$' | '<' | '|') {
                        text.push('\\');
                    }
                    text.push(c);
                }
                let core = text.trim();
                if core.is_empty() || run.style == super::Style::default() {
                    out.push_str(&text);
                    continue;
                }
                let lead = &text[..text.len() - text.trim_start().len()];
                let trail = &text[text.trim_end().len()..];
                let marks = match (run.style.bold, run.style.italic) {
                    (true, true) => "***",
                    (true, false) => "**",
                    (false, true) => "*",
                    (false, false) => "",
                };
                out.push_str(lead);
                out.push_str(marks);
                if run.style.sup {
                    out.push_str("<sup>");
                    out.push_str(core);
                    out.push_str("</sup>");
                } else {
                    out.push_str(core);
                }
                out.push_str(marks);
                out.push_str(trail);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::import::{import_fragment, import_text};
    use crate::report::{Block, Body, Section};

    /// The body with ids and source lines left out, to compare structures.
    fn shape(body: &Body) -> Vec<String> {
        fn blocks(bs: &[Block], out: &mut Vec<String>) {
            for b in bs {
                match b {
                    Block::Paragraph(p) => out.push(format!("P {:?}", p.inlines)),
                    Block::Table(t) => out.push(format!("T {:?} {:?}", t.columns, t.rows)),
                }
            }
        }
        fn section(s: &Section, out: &mut Vec<String>) {
            out.push(format!(
                "H {:?} {} {:?}",
                s.heading.level, s.heading.number, s.heading.title
            ));
            blocks(&s.blocks, out);
            for c in &s.children {
                section(c, out);
            }
        }
        let mut out = Vec::new();
        blocks(&body.intro, &mut out);
        for s in &body.sections {
            section(s, &mut out);
        }
        out
    }

    #[test]
    fn body_text_round_trips_through_the_importer() {
        for seed in [crate::seeds::NOV_2021, crate::seeds::MAR_2025] {
            let r = import_text(seed).unwrap();
            let again = import_fragment(&r.body_text(), 1);
            let (a, b) = (shape(&again.body), shape(&r.body));
            if let Some(i) = (0..a.len().max(b.len())).find(|i| a.get(*i) != b.get(*i)) {
                panic!("differs at {i}:\n{:?}\n{:?}", a.get(i), b.get(i));
            }
            let notes = |r: &crate::report::Report| -> Vec<(u32, String)> {
                r.footnotes
                    .iter()
                    .map(|f| (f.id.0, format!("{:?}", f.content)))
                    .collect()
            };
            let mut a = notes(&again);
            let mut b = notes(&r);
            a.sort();
            b.sort();
            assert_eq!(a, b);
        }
    }

    #[test]
    fn special_characters_survive() {
        let r = import_fragment(r"Giá 5 \* 3 \$ và a\|b, 2 < 3.", 1);
        let again = import_fragment(&r.body_text(), 1);
        assert_eq!(shape(&again.body), shape(&r.body));
    }
}
