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
