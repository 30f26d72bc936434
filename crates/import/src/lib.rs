//! Text → [`Report`]: reads a report as officials already have it (text copied
//! out of Word, or the markdown a converter made of it) into its structure.
//!
//! Stages, each doing one thing: `normalize` (NFC, line ends, control
//! characters) → `classify` (what each line is: header field, heading with its
//! numbering, footnote definition, list item, signature line, body text) →
//! the assembly here (rejoin paragraphs split by a page break, attach
//! footnotes, put header fields, Nơi nhận and the signature in their places)
//! → `inline` (emphasis, superscript, footnote markers inside a line).

mod classify;
pub mod docx;
pub mod html;
mod inline;
mod normalize;

pub use inline::parse_inline;
pub use normalize::normalize;

use baocao_model::{
    plain_text, Appendix, Block, BlockId, Body, Footnote, FootnoteId, Heading, Inline, Level,
    Origin, Paragraph, Report, Section, Style, Table,
};
use classify::*;
use std::fmt;

/// Why a text could not be imported.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// The text is empty or holds only spaces.
    Empty,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty => f.write_str(
                "Văn bản trống: không có nội dung nào để đọc. Hãy chọn đúng tệp báo cáo (.txt, .md) hoặc dán nội dung báo cáo.",
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// Reads a whole report from text.
pub fn import_text(text: &str) -> Result<Report, ImportError> {
    let text = normalize(text);
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    let mut builder = Builder::new(1);
    for (i, line) in text.lines().enumerate() {
        builder.line(i as u32 + 1, line);
    }
    Ok(builder.finish())
}

/// Reads pasted text into body content only (sections, paragraphs, footnotes),
/// for the editor's paste: header lines in it are treated as body text.
pub fn import_fragment(text: &str, first_id: u32) -> Report {
    let text = normalize(text);
    let mut builder = Builder::new(first_id);
    builder.state = State::Body;
    for (i, line) in text.lines().enumerate() {
        builder.line(i as u32 + 1, line);
    }
    builder.finish()
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    /// Before the body: agency lines, Số, place and date, BÁO CÁO, trích yếu.
    Header,
    Body,
    /// After "Nơi nhận:" or the first signature line.
    Closing,
    /// In an appendix ("PHỤ LỤC …"), after the signature or on its own.
    Appendix,
}

struct Builder {
    report: Report,
    state: State,
    /// Open sections, outermost first; each is attached to its parent when closed.
    stack: Vec<Section>,
    next_id: u32,
    /// Whether the last paragraph stopped mid-sentence and may go on.
    open_paragraph: bool,
    summary_open: bool,
    agency_lines: Vec<String>,
    table: Option<Table>,
}

impl Builder {
    fn new(first_id: u32) -> Self {
        Builder {
            report: Report::new(),
            state: State::Header,
            stack: Vec::new(),
            next_id: first_id,
            open_paragraph: false,
            summary_open: false,
            agency_lines: Vec::new(),
            table: None,
        }
    }

    fn fresh_id(&mut self) -> BlockId {
        let id = BlockId(self.next_id);
        self.next_id += 1;
        id
    }

    fn line(&mut self, number: u32, raw: &str) {
        if raw.trim().is_empty() {
            if !self.report.title.summary.is_empty() {
                self.summary_open = false;
            }
            self.flush_table();
            return;
        }
        let stripped = strip_marks(raw);
        if let Some((id, rest)) = footnote_definition(raw) {
            self.flush_table();
            self.report.footnotes.push(Footnote {
                id: FootnoteId(id),
                content: parse_inline(rest),
                origin: Some(Origin::at(number)),
            });
            return;
        }
        if self.appendix_line(number, stripped) {
            self.open_paragraph = false;
            return;
        }
        if self.state == State::Header && self.header_line(number, stripped) {
            return;
        }
        if self.state == State::Header {
            self.state = State::Body;
        }
        if self.state == State::Body
            && (is_recipients_label(stripped) || is_authority_line(stripped))
        {
            self.flush_table();
            self.state = State::Closing;
        }
        match self.state {
            State::Closing => self.closing_line(number, raw, stripped),
            _ => self.body_line(number, raw, stripped),
        }
    }

    /// Handles a line of the header block; false when the body has begun.
    fn header_line(&mut self, number: u32, s: &str) -> bool {
        let header = &mut self.report.header;
        let source = &mut self.report.source;
        if is_national_motto(s) {
            // Text extracted from the two-column header table may put the
            // agency name and the Quốc hiệu on one line.
            let upper = baocao_model::case::upper(s);
            let cut = ["CỘNG HÒA", "CỘNG HOÀ", "ĐỘC LẬP"]
                .iter()
                .filter_map(|m| upper.find(m))
                .min()
                .unwrap_or(0);
            // Upper case may change byte lengths ("ß"); never cut inside a letter.
            let cut = if s.is_char_boundary(cut.min(s.len())) {
                cut.min(s.len())
            } else {
                0
            };
            let before = s[..cut].trim();
            if !before.is_empty() && is_all_caps(before) && self.report.title.summary.is_empty() {
                self.agency_lines.push(before.to_string());
                source.agency.get_or_insert(number);
            }
            source.motto.push((number, s[cut..].trim().to_string()));
            return true;
        }
        if let Some((number_text, code, rest)) = number_line(s) {
            header.number = number_text;
            header.code = code;
            source.number = Some(number);
            if let Some((place, date)) = place_date_line(rest) {
                header.place = place;
                header.date = date;
                source.place_date = Some(number);
                source.place_date_text = Some(rest.to_string());
            }
            return true;
        }
        if s.len() < 120 {
            if let Some((place, date)) = place_date_line(s) {
                header.place = place;
                header.date = date;
                source.place_date = Some(number);
                source.place_date_text = Some(s.to_string());
                return true;
            }
        }
        if s == "BÁO CÁO" {
            self.report.title.kind = s.to_string();
            source.kind = Some(number);
            self.summary_open = true;
            return true;
        }
        let heading_like = numbering(s.trim_start_matches('*').trim_start()).is_some();
        if self.summary_open && !heading_like {
            let text = plain_text(&parse_inline(s));
            let summary = &mut self.report.title.summary;
            source.summary.get_or_insert(number);
            if !summary.is_empty() {
                summary.push(' ');
            }
            summary.push_str(&text);
            return true;
        }
        if is_all_caps(s)
            && !heading_like
            && self.report.title.summary.is_empty()
            && header.code.is_empty()
        {
            self.agency_lines.push(s.to_string());
            source.agency.get_or_insert(number);
            return true;
        }
        false
    }

    /// A line that opens an appendix, or its title or "(Kèm theo …)" line:
    /// an appendix opens after the signature, at the start of a file that is
    /// only an appendix, or in the body on a line that is only "PHỤ LỤC
    /// (I, II …)"; a "Biểu mẫu" inside a "Phụ lục" is text of it. True when
    /// the line was taken.
    pub(crate) fn appendix_line(&mut self, number: u32, s: &str) -> bool {
        if let Some(start) = appendix_start(s) {
            let opens = match self.state {
                State::Closing => true,
                State::Header => {
                    self.agency_lines.is_empty()
                        && self.report.title.summary.is_empty()
                        && self.report.header.code.is_empty()
                }
                State::Body => !start.form && (start.title.is_none() || is_all_caps(s)),
                State::Appendix => {
                    !start.form
                        || self
                            .report
                            .body
                            .appendices
                            .last()
                            .is_none_or(|a| appendix_start(&a.label).is_some_and(|a| a.form))
                }
            };
            if opens {
                self.open_appendix(number, start);
                return true;
            }
        }
        if self.state != State::Appendix || table_row(s).is_some() {
            return false;
        }
        let Some(a) = self.report.body.appendices.last_mut() else {
            return false;
        };
        if !a.blocks.is_empty() || self.table.is_some() {
            return false;
        }
        if !a.reference.is_empty() && !a.reference.trim_end().ends_with(')') {
            // The "(Kèm theo …)" line goes on until its closing bracket.
            a.reference.push(' ');
            a.reference.push_str(s.trim());
            return true;
        }
        if a.reference.is_empty() && is_appendix_reference(s) {
            // As written, the blanks left for the number and date kept.
            a.reference = s.trim().trim_matches('*').trim().to_string();
            return true;
        }
        let form = appendix_start(&a.label).is_some_and(|f| f.form);
        if a.reference.is_empty() && (is_all_caps(s) || (form && a.title.is_empty())) {
            if !a.title.is_empty() {
                a.title.push('\n');
            }
            a.title.push_str(plain_text(&parse_inline(s)).trim());
            return true;
        }
        false
    }

    fn open_appendix(&mut self, number: u32, start: AppendixStart) {
        self.flush_table();
        while !self.stack.is_empty() {
            self.close_section();
        }
        self.state = State::Appendix;
        self.summary_open = false;
        let id = self.fresh_id();
        self.report.body.appendices.push(Appendix {
            id,
            label: start.label,
            title: start.title.unwrap_or_default(),
            reference: String::new(),
            blocks: Vec::new(),
            origin: Some(Origin::at(number)),
        });
    }

    fn container(&mut self) -> &mut Vec<Block> {
        if self.state == State::Appendix {
            if let Some(a) = self.report.body.appendices.last_mut() {
                return &mut a.blocks;
            }
        }
        match self.stack.last_mut() {
            Some(section) => &mut section.blocks,
            None => &mut self.report.body.intro,
        }
    }

    fn body_line(&mut self, number: u32, raw: &str, stripped: &str) {
        if let Some(cells) = table_row(stripped) {
            self.table_row(number, cells);
            return;
        }
        self.flush_table();
        let lead = raw.trim().trim_start_matches('#').trim();
        let unstarred = lead.trim_start_matches('*').trim_start();
        // An appendix has no parts or items: its numbered lines are its text.
        if let Some(n) = numbering(unstarred).filter(|_| self.state != State::Appendix) {
            let stars = &lead[..lead.len() - lead.trim_start_matches('*').len()];
            let title_raw = format!("{stars}{}", &unstarred[n.len..]);
            let mut title = parse_inline(&title_raw);
            let rest = split_run_in_text(&mut title);
            for inline in &mut title {
                if let Inline::Text(run) = inline {
                    run.style.bold = false;
                    run.style.italic = false;
                }
            }
            self.open_heading(Heading {
                level: n.level,
                number: n.number,
                title,
                origin: Some(Origin::at(number)),
            });
            if let Some(rest) = rest {
                self.push_paragraph(number, rest);
            }
            self.open_paragraph = false;
            return;
        }
        let inlines = parse_inline(lead);
        if inlines.is_empty() {
            return;
        }
        let text = plain_text(&inlines);
        if self.open_paragraph && continues_sentence(&text) {
            if let Some(Block::Paragraph(p)) = self.container().last_mut() {
                let offset = plain_text(&p.inlines).len() + 1;
                append_inlines(&mut p.inlines, inlines);
                if let Some(origin) = p.origin.as_mut() {
                    origin.breaks.push((offset, number));
                }
                self.open_paragraph = !is_terminated(&plain_text(&p.inlines));
                return;
            }
        }
        self.push_paragraph(number, inlines);
    }

    fn push_paragraph(&mut self, number: u32, inlines: Vec<Inline>) {
        let open = !is_terminated(&plain_text(&inlines));
        let id = self.fresh_id();
        self.container().push(Block::Paragraph(Paragraph {
            id,
            inlines,
            origin: Some(Origin::at(number)),
        }));
        self.open_paragraph = open;
    }

    fn open_heading(&mut self, heading: Heading) {
        while self
            .stack
            .last()
            .is_some_and(|top| top.heading.level >= heading.level)
        {
            self.close_section();
        }
        let id = self.fresh_id();
        self.stack.push(Section {
            id,
            heading,
            blocks: Vec::new(),
            children: Vec::new(),
        });
    }

    fn close_section(&mut self) {
        if let Some(section) = self.stack.pop() {
            match self.stack.last_mut() {
                Some(parent) => parent.children.push(section),
                None => self.report.body.sections.push(section),
            }
        }
    }

    fn table_row(&mut self, number: u32, cells: Vec<String>) {
        self.open_paragraph = false;
        if is_table_rule(&cells) {
            return;
        }
        let cells: Vec<String> = cells.iter().map(|c| plain_text(&parse_inline(c))).collect();
        match self.table.as_mut() {
            Some(table) => table.rows.push(cells),
            None => {
                let id = self.fresh_id();
                self.table = Some(Table {
                    id,
                    title: String::new(),
                    unit: String::new(),
                    columns: cells,
                    rows: Vec::new(),
                    layout: Default::default(),
                    origin: Some(Origin::at(number)),
                });
            }
        }
    }

    fn flush_table(&mut self) {
        if let Some(table) = self.table.take() {
            self.container().push(Block::Table(table));
        }
    }

    fn closing_line(&mut self, number: u32, raw: &str, stripped: &str) {
        let signature = &mut self.report.signature;
        let source = &mut self.report.source;
        if is_recipients_label(stripped) {
            source.recipients_label = Some(number);
            return;
        }
        if let Some(item) = list_item(stripped) {
            if signature.authority.is_empty() {
                self.report.recipients.push(plain_text(&parse_inline(item)));
                source.recipients.push(number);
                return;
            }
        }
        if is_authority_line(stripped) {
            source.signature.get_or_insert(number);
            signature.authority.push(stripped.to_string());
            return;
        }
        if is_all_caps(stripped) && !signature.authority.is_empty() && signature.signer.is_empty() {
            if !signature.position.is_empty() {
                let previous = std::mem::take(&mut signature.position);
                signature.authority.push(previous);
            }
            signature.position = stripped.to_string();
            return;
        }
        if !signature.authority.is_empty() && signature.signer.is_empty() {
            signature.signer = plain_text(&parse_inline(stripped));
            return;
        }
        // Nothing else belongs after the body; keep the text rather than lose it.
        self.body_line(number, raw, stripped);
    }

    fn finish(mut self) -> Report {
        self.flush_table();
        while !self.stack.is_empty() {
            self.close_section();
        }
        sentence_series_as_paragraphs(&mut self.report.body, &mut self.next_id);
        let header = &mut self.report.header;
        let lines = std::mem::take(&mut self.agency_lines);
        // A first line that abbreviates ("UBND TỈNH LẠNG SƠN") names the parent
        // agency; the issuing agency itself is never abbreviated (NĐ30 II.2.a).
        let parent_is_abbreviated = lines.len() >= 2
            && lines[0]
                .split_whitespace()
                .next()
                .is_some_and(|w| w.len() >= 2 && w.chars().all(|c| c.is_ascii_uppercase()));
        if parent_is_abbreviated {
            header.parent_agency = lines[0].clone();
            header.issuing_agency = lines[1..].join("\n");
        } else {
            header.issuing_agency = lines.join("\n");
        }
        self.report
    }
}

/// A heading title that is a whole sentence rather than a name: at least
/// ten words, ending with a full stop ("Tổ chức thành công Hội nghị …, bảo
/// đảm … ."), where a heading names a subject in a few words.
fn is_sentence_title(title: &[Inline]) -> bool {
    let text = plain_text(title);
    let text = text.trim();
    text.ends_with('.') && !text.ends_with("..") && text.split_whitespace().count() >= 10
}

/// Numbered items that are full sentences are numbered paragraphs of their
/// part, not headings ("1. Tiếp tục triển khai …, bảo đảm …." in a part of
/// tasks). Decided for a whole series at once: the items of one parent are
/// made paragraphs only when every one of them is a sentence and none has
/// anything under it, so a series never ends up half headings and half
/// paragraphs (which would read as a missing "2." or "c)").
fn sentence_series_as_paragraphs(body: &mut Body, next_id: &mut u32) {
    fn convert(children: &mut Vec<Section>, blocks: &mut Vec<Block>, next_id: &mut u32) {
        for c in children.iter_mut() {
            let (child_children, child_blocks) = (&mut c.children, &mut c.blocks);
            convert(child_children, child_blocks, next_id);
        }
        let series = children.len() >= 2
            && children.iter().all(|c| {
                c.heading.level == Level::Item
                    && c.blocks.is_empty()
                    && c.children.is_empty()
                    && is_sentence_title(&c.heading.title)
            });
        if !series {
            return;
        }
        for c in std::mem::take(children) {
            let mut inlines = vec![Inline::text(format!("{} ", c.heading.label()))];
            append_label_free(&mut inlines, c.heading.title);
            let id = BlockId(*next_id);
            *next_id += 1;
            blocks.push(Block::Paragraph(Paragraph {
                id,
                inlines,
                origin: c.heading.origin,
            }));
        }
    }
    fn append_label_free(target: &mut Vec<Inline>, more: Vec<Inline>) {
        target.extend(more);
        let merged = baocao_model::tidy_inlines(std::mem::take(target));
        *target = merged;
    }
    for s in body.sections.iter_mut() {
        let (children, blocks) = (&mut s.children, &mut s.blocks);
        convert(children, blocks, next_id);
    }
}

/// Whether a text ends a sentence or a clause: ".", ";", ":", "!", "?", "…".
fn is_terminated(text: &str) -> bool {
    text.trim_end()
        .chars()
        .last()
        .is_some_and(|c| matches!(c, '.' | ';' | ':' | '!' | '?' | '…'))
}

/// Whether a line goes on with the previous, unfinished sentence: it starts
/// with a lowercase word ("chi tiết phường…") or a number ("35KV và …").
fn continues_sentence(text: &str) -> bool {
    text.chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit())
}

/// Appends inline content to a paragraph with one space between.
fn append_inlines(target: &mut Vec<Inline>, more: Vec<Inline>) {
    match target.last_mut() {
        Some(Inline::Text(run)) if run.style == Style::default() => run.text.push(' '),
        _ => target.push(Inline::text(" ")),
    }
    for inline in more {
        match (target.last_mut(), inline) {
            (Some(Inline::Text(prev)), Inline::Text(run)) if prev.style == run.style => {
                prev.text.push_str(&run.text)
            }
            (_, inline) => target.push(inline),
        }
    }
}

/// "2. Hạn chế: Công tác giải phóng mặt bằng … còn chậm." is a heading whose
/// text runs on after the colon: keep the short title, return the rest as the
/// section's first paragraph.
fn split_run_in_text(title: &mut Vec<Inline>) -> Option<Vec<Inline>> {
    let text = plain_text(title);
    let colon = text.find(": ")?;
    let rest_len = text.len() - colon - 2;
    if colon > 80 || rest_len < 40 {
        return None;
    }
    let (head, tail) = split_inlines_at(std::mem::take(title), colon + 1);
    *title = head;
    let mut tail = tail;
    inline::trim_inlines(&mut tail);
    Some(tail)
}

/// Splits inline content at a byte offset of its plain text (markers count as
/// their superscript digits and are never split).
fn split_inlines_at(inlines: Vec<Inline>, offset: usize) -> (Vec<Inline>, Vec<Inline>) {
    let mut head = Vec::new();
    let mut tail = Vec::new();
    let mut pos = 0;
    for inline in inlines {
        let len = plain_text(std::slice::from_ref(&inline)).len();
        if pos >= offset {
            tail.push(inline);
        } else if pos + len <= offset {
            head.push(inline);
        } else if let Inline::Text(run) = inline {
            let cut = offset - pos;
            let cut = (0..=cut)
                .rev()
                .find(|i| run.text.is_char_boundary(*i))
                .unwrap_or(0);
            head.push(Inline::styled(&run.text[..cut], run.style));
            tail.push(Inline::styled(&run.text[cut..], run.style));
        } else {
            head.push(inline);
        }
        pos += len;
    }
    (head, tail)
}

#[cfg(test)]
mod tests;
