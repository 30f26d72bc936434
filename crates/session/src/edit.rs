//! Editing a report in place: the operations the editor performs, as plain
//! methods over the model (the [`ReportEdit`] trait) so they are tested
//! natively and the page only calls them. Each keeps what the report must
//! keep whatever the edit: footnotes numbered in reading order with their
//! definitions, headings numbered by place, carried-over figures marked
//! where they still stand. Offsets are those of the model's editing text
//! ([`baocao_model::edit_text`]).

use crate::carry::StaleMarks;
use baocao_model::{
    edit_text, insert_inlines, marks, split_inlines, tidy_inlines, Block, BlockId, Body,
    FigurePlace, Footnote, FootnoteId, Inline, Paragraph, Piece, Report, Section, TextTarget,
};

/// Where pasted text goes and where the caret ends up after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Caret {
    pub target: TextTarget,
    pub offset: usize,
}

/// What a paste put into the report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Pasted {
    pub headings: usize,
    pub blocks: usize,
    pub footnotes: usize,
    /// Where to put the caret afterwards.
    pub caret: Option<Caret>,
}

/// The editor's operations on a report, each keeping its invariants (see the
/// module documentation). A trait only because the model's type lives in
/// `baocao-model`: `use baocao_session::ReportEdit` and call them as methods.
pub trait ReportEdit {
    /// Replaces a target's inline content with what the official typed; a
    /// carried-over figure that the change touched is no longer stale.
    /// Returns false when the target is gone.
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
    fn set_inlines(&mut self, target: TextTarget, inlines: Vec<Inline>) -> bool;

    /// Enter in a paragraph: the text after `offset` becomes a new paragraph
    /// right after it. Returns the new paragraph's id.
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
    fn split_paragraph(&mut self, id: BlockId, offset: usize) -> Option<BlockId>;

    /// Backspace at the start of a paragraph: it joins the paragraph before
    /// it. Returns that paragraph's id and where the join is.
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
    fn merge_with_previous(&mut self, id: BlockId) -> Option<(BlockId, usize)>;

    /// Removes a block; the footnotes only it referred to go with it.
    fn remove_block(&mut self, id: BlockId) -> Option<Block>;

    /// Removes a section with everything under it; the footnotes only it
    /// referred to go with it.
    fn remove_section(&mut self, id: BlockId) -> Option<Section>;

    /// Inserts a new, empty footnote whose marker stands at `offset` of the
    /// target, and renumbers all footnotes by reading order. Returns the new
    /// footnote's number.
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
    fn insert_footnote(&mut self, target: TextTarget, offset: usize) -> Option<FootnoteId>;

    /// Deletes a footnote: its definition and every marker of it.
    fn delete_footnote(&mut self, id: FootnoteId);

    /// The paragraphs and headings that hold a marker of footnote `id`.
    fn note_targets(&self, id: FootnoteId) -> Vec<TextTarget>;

    /// Puts pasted content (read by the importer) at the caret: the paragraph
    /// is split there, the pasted headings and blocks go between its two
    /// halves, and the outline is rebuilt so pasted headings take their place
    /// in the tree. Footnotes are renumbered by reading order, headings by
    /// their place.
    fn paste(&mut self, at: Caret, fragment: Report) -> Pasted;

    /// Pairs each footnote marker with its own definition when numbers
    /// repeat (a report pasted together from pieces whose numbering restarts
    /// at ¹): a marker takes the first unused definition of its number that
    /// stands after it in the source text, and repeated numbers get fresh
    /// ones. Without this, renumbering would keep one definition per number
    /// and lose the others. Definitions left unpaired are kept.
    fn disambiguate_footnotes(&mut self);

    /// Changes the shape of a table; carried-over figures move with their cells.
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
    fn change_table(&mut self, table: BlockId, change: TableChange) -> bool;

    /// Sets the trích yếu to what the official typed (one line); a moved
    /// mention of the period that the change touched is no longer marked.
    fn set_summary(&mut self, text: &str);

    /// "Đã xem, bỏ đánh dấu": the official has seen the mentions of the
    /// period moved on; their marks go. Returns how many there were.
    fn clear_moved(&mut self) -> usize;
}

impl ReportEdit for Report {
    fn set_inlines(&mut self, target: TextTarget, inlines: Vec<Inline>) -> bool {
        let inlines = tidy_inlines(inlines);
        let Some(slot) = self.inlines_mut(target) else {
            return false;
        };
        let old = edit_text(slot);
        *slot = inlines;
        let new = edit_text(slot);
        if old != new {
            self.figure_text_changed(FigurePlace::from(target), &old, &new);
        }
        true
    }

    fn split_paragraph(&mut self, id: BlockId, offset: usize) -> Option<BlockId> {
        let new_id = self.fresh_block_id();
        let Some(Block::Paragraph(p)) = self.body.block_mut(id) else {
            return None;
        };
        let (head, tail) = split_inlines(&p.inlines, offset);
        let cut = edit_text(&head).len();
        p.inlines = head;
        // The paragraph was found just above, so the insertion cannot miss.
        let _ = self.body.insert_block_after(
            id,
            Block::Paragraph(Paragraph {
                id: new_id,
                inlines: tail,
                origin: None,
            }),
        );
        self.move_figures_after(
            FigurePlace::Text(TextTarget::Paragraph(id)),
            cut,
            FigurePlace::Text(TextTarget::Paragraph(new_id)),
        );
        Some(new_id)
    }

    fn merge_with_previous(&mut self, id: BlockId) -> Option<(BlockId, usize)> {
        let (c, i) = self.body.locate_block(id)?;
        let previous = match self.body.blocks_of(c)?.get(i.checked_sub(1)?)? {
            Block::Paragraph(p) => p.id,
            Block::Table(_) => return None,
        };
        let Some(Block::Paragraph(moved)) = self.body.take_block(id) else {
            return None;
        };
        let Some(Block::Paragraph(target)) = self.body.block_mut(previous) else {
            return None;
        };
        let at = edit_text(&target.inlines).len();
        let mut joined = std::mem::take(&mut target.inlines);
        joined.extend(moved.inlines);
        target.inlines = tidy_inlines(joined);
        self.shift_figures_into(
            FigurePlace::Text(TextTarget::Paragraph(previous)),
            FigurePlace::Text(TextTarget::Paragraph(id)),
            at,
        );
        Some((previous, at))
    }

    fn remove_block(&mut self, id: BlockId) -> Option<Block> {
        let removed = self.body.take_block(id)?;
        self.forget_places(&[id]);
        drop_orphaned_notes(self, &notes_in_blocks(std::slice::from_ref(&removed)));
        Some(removed)
    }

    fn remove_section(&mut self, id: BlockId) -> Option<Section> {
        let ids = self.body.ids_under(id);
        let removed = self.body.take_section(id)?;
        self.forget_places(&ids);
        drop_orphaned_notes(self, &notes_in_section(&removed));
        Some(removed)
    }

    fn insert_footnote(&mut self, target: TextTarget, offset: usize) -> Option<FootnoteId> {
        if matches!(target, TextTarget::Footnote(_)) {
            return None;
        }
        let temp = FootnoteId(self.highest_footnote_number() + 1);
        let inlines = self.inlines(target)?.clone();
        let old = edit_text(&inlines);
        let updated = insert_inlines(&inlines, offset, vec![Inline::Note(temp)]);
        let new = edit_text(&updated);
        *self.inlines_mut(target)? = updated;
        self.figure_text_changed(FigurePlace::from(target), &old, &new);
        self.footnotes.push(Footnote {
            id: temp,
            content: Vec::new(),
            origin: None,
        });
        let map = self.renumber_footnotes();
        map.iter().find(|(old, _)| *old == temp).map(|(_, n)| *n)
    }

    fn delete_footnote(&mut self, id: FootnoteId) {
        let targets: Vec<TextTarget> = self.note_targets(id);
        for target in targets {
            if let Some(inlines) = self.inlines(target).cloned() {
                let kept: Vec<Inline> = inlines
                    .into_iter()
                    .filter(|i| *i != Inline::Note(id))
                    .collect();
                // The target holds the marker, so it exists.
                let _ = self.set_inlines(target, kept);
            }
        }
        self.footnotes.retain(|f| f.id != id);
        marks::forget_footnotes(&mut self.stale, &[id]);
        marks::forget_footnotes(&mut self.moved, &[id]);
        self.renumber_footnotes();
    }

    fn note_targets(&self, id: FootnoteId) -> Vec<TextTarget> {
        let mut out = Vec::new();
        let has = |inlines: &[Inline]| inlines.contains(&Inline::Note(id));
        for b in &self.body.intro {
            if let Block::Paragraph(p) = b {
                if has(&p.inlines) {
                    out.push(TextTarget::Paragraph(p.id));
                }
            }
        }
        for s in self.body.sections_flat() {
            if has(&s.heading.title) {
                out.push(TextTarget::Heading(s.id));
            }
            for b in &s.blocks {
                if let Block::Paragraph(p) = b {
                    if has(&p.inlines) {
                        out.push(TextTarget::Paragraph(p.id));
                    }
                }
            }
        }
        for a in &self.body.appendices {
            for b in &a.blocks {
                if let Block::Paragraph(p) = b {
                    if has(&p.inlines) {
                        out.push(TextTarget::Paragraph(p.id));
                    }
                }
            }
        }
        out
    }

    fn paste(&mut self, at: Caret, mut fragment: Report) -> Pasted {
        fragment.disambiguate_footnotes();
        // Fresh block ids and footnote numbers for what comes in.
        let id_base = self.body.max_id().0;
        let fragment_max = fragment.body.max_id().0;
        if fragment_max > 0 {
            renumber_block_ids(&mut fragment.body, id_base);
        }
        let note_base = self.highest_footnote_number();
        let shift_note = |id: FootnoteId| FootnoteId(id.0 + note_base);
        fragment.body.for_each_inlines_mut(&mut |inlines| {
            for i in inlines.iter_mut() {
                if let Inline::Note(id) = i {
                    *id = shift_note(*id);
                }
            }
        });
        for f in &mut fragment.footnotes {
            f.id = shift_note(f.id);
        }
        let mut pasted = Pasted {
            footnotes: fragment.footnotes.len(),
            ..Pasted::default()
        };
        // A pasted appendix goes after the report's own; the rest of what
        // came in goes where the caret is.
        let pasted_appendices = std::mem::take(&mut fragment.body.appendices);
        let incoming = fragment.body.into_pieces();
        pasted.headings = incoming
            .iter()
            .filter(|p| matches!(p, Piece::Heading { .. }))
            .count();
        pasted.blocks = incoming.len() - pasted.headings;
        let last_incoming = incoming.last().map(|p| match p {
            Piece::Heading { id, .. } => Caret {
                target: TextTarget::Heading(*id),
                offset: 0,
            },
            Piece::Block(Block::Paragraph(p)) => Caret {
                target: TextTarget::Paragraph(p.id),
                offset: edit_text(&p.inlines).len(),
            },
            Piece::Block(Block::Table(t)) => Caret {
                target: TextTarget::Paragraph(t.id),
                offset: 0,
            },
        });
        let tail_id = BlockId(id_base + fragment_max + 1);
        let mut appendices = std::mem::take(&mut self.body.appendices);
        appendices.extend(pasted_appendices);
        let mut pieces = std::mem::take(&mut self.body).into_pieces();
        let mut tail_made = false;
        let insert_at = match at.target {
            TextTarget::Paragraph(id) => {
                let found = pieces
                    .iter_mut()
                    .enumerate()
                    .find_map(|(i, piece)| match piece {
                        Piece::Block(Block::Paragraph(p)) if p.id == id => Some((i, p)),
                        _ => None,
                    });
                match found {
                    Some((index, p)) => {
                        let (head, tail) = split_inlines(&p.inlines, at.offset);
                        let cut = edit_text(&head).len();
                        let head_empty = head.is_empty();
                        p.inlines = head;
                        let mut next = index + 1;
                        if !tail.is_empty() {
                            pieces.insert(
                                next,
                                Piece::Block(Block::Paragraph(Paragraph {
                                    id: tail_id,
                                    inlines: tail,
                                    origin: None,
                                })),
                            );
                            tail_made = true;
                            self.move_figures_after(
                                FigurePlace::Text(TextTarget::Paragraph(id)),
                                cut,
                                FigurePlace::Text(TextTarget::Paragraph(tail_id)),
                            );
                        }
                        if head_empty && !incoming.is_empty() {
                            // Pasting into an empty line replaces it.
                            pieces.remove(index);
                            self.forget_places(&[id]);
                            next -= 1;
                        }
                        next
                    }
                    None => pieces.len(),
                }
            }
            TextTarget::Heading(id) => pieces
                .iter()
                .position(|p| matches!(p, Piece::Heading { id: h, .. } if *h == id))
                .map(|i| i + 1)
                .unwrap_or(pieces.len()),
            TextTarget::Footnote(_) => pieces.len(),
        };
        pieces.splice(insert_at..insert_at, incoming);
        self.body = Body::from_pieces(pieces);
        self.body.appendices = appendices;
        self.footnotes.extend(fragment.footnotes);
        self.renumber_footnotes();
        self.body.renumber_headings();
        pasted.caret = if tail_made {
            Some(Caret {
                target: TextTarget::Paragraph(tail_id),
                offset: 0,
            })
        } else {
            last_incoming
        };
        pasted
    }

    fn disambiguate_footnotes(&mut self) {
        let mut next = self.highest_footnote_number() + 1;
        let defs: Vec<(FootnoteId, u32)> = self
            .footnotes
            .iter()
            .map(|f| (f.id, f.origin.as_ref().map_or(0, |o| o.line)))
            .collect();
        let mut used = vec![false; defs.len()];
        // The new number of each definition, when it changes.
        let mut renamed: Vec<Option<FootnoteId>> = vec![None; defs.len()];
        let mut seen: Vec<FootnoteId> = Vec::new();
        let mut pair = |id: FootnoteId, line: u32| -> FootnoteId {
            let free = |j: &usize| defs[*j].0 == id && !used[*j];
            let chosen = (0..defs.len())
                .filter(free)
                .find(|j| defs[*j].1 >= line)
                .or_else(|| (0..defs.len()).find(free));
            let repeated = seen.contains(&id);
            seen.push(id);
            match chosen {
                Some(j) => {
                    used[j] = true;
                    if repeated {
                        let fresh = FootnoteId(next);
                        next += 1;
                        renamed[j] = Some(fresh);
                        fresh
                    } else {
                        id
                    }
                }
                None => id,
            }
        };
        fn inlines(
            v: &mut [Inline],
            line: u32,
            pair: &mut dyn FnMut(FootnoteId, u32) -> FootnoteId,
        ) {
            for i in v.iter_mut() {
                if let Inline::Note(id) = i {
                    *id = pair(*id, line);
                }
            }
        }
        fn blocks(bs: &mut [Block], pair: &mut dyn FnMut(FootnoteId, u32) -> FootnoteId) {
            for b in bs {
                if let Block::Paragraph(p) = b {
                    let line = p.origin.as_ref().map_or(0, |o| o.line);
                    inlines(&mut p.inlines, line, pair);
                }
            }
        }
        fn section(s: &mut Section, pair: &mut dyn FnMut(FootnoteId, u32) -> FootnoteId) {
            let line = s.heading.origin.as_ref().map_or(0, |o| o.line);
            inlines(&mut s.heading.title, line, pair);
            blocks(&mut s.blocks, pair);
            for c in &mut s.children {
                section(c, pair);
            }
        }
        blocks(&mut self.body.intro, &mut pair);
        for s in &mut self.body.sections {
            section(s, &mut pair);
        }
        // Definitions of a number used twice that no marker took: keep them
        // under numbers of their own rather than let them collide.
        let mut taken: Vec<FootnoteId> = Vec::new();
        for (j, f) in self.footnotes.iter_mut().enumerate() {
            if let Some(new) = renamed[j] {
                f.id = new;
            } else if taken.contains(&f.id) {
                f.id = FootnoteId(next);
                next += 1;
            }
            taken.push(f.id);
        }
    }

    fn change_table(&mut self, table: BlockId, change: TableChange) -> bool {
        let Some(Block::Table(t)) = self.body.block_mut(table) else {
            return false;
        };
        let width = t.columns.len().max(1);
        // (row or column, index, +1 inserted / -1 removed), rows counted with
        // the header row as 0 as in FigurePlace::Cell.
        let (is_row, at, delta) = match change {
            TableChange::InsertRow(i) => {
                let i = i.min(t.rows.len());
                t.rows.insert(i, vec![String::new(); width]);
                (true, i + 1, 1i64)
            }
            TableChange::RemoveRow(i) if i < t.rows.len() => {
                t.rows.remove(i);
                (true, i + 1, -1)
            }
            TableChange::InsertColumn(i) => {
                let i = i.min(t.columns.len());
                t.columns.insert(i, String::new());
                for r in &mut t.rows {
                    let at = i.min(r.len());
                    r.insert(at, String::new());
                }
                (false, i, 1)
            }
            TableChange::RemoveColumn(i) if i < t.columns.len() && t.columns.len() > 1 => {
                t.columns.remove(i);
                for r in &mut t.rows {
                    if i < r.len() {
                        r.remove(i);
                    }
                }
                (false, i, -1)
            }
            _ => return false,
        };
        t.layout.shift(is_row, at, delta);
        marks::table_changed(&mut self.stale, table, is_row, at, delta);
        marks::table_changed(&mut self.moved, table, is_row, at, delta);
        true
    }

    fn set_summary(&mut self, text: &str) {
        let new = text.replace('\n', " ");
        let old = std::mem::replace(&mut self.title.summary, new.clone());
        if old != new {
            self.figure_text_changed(FigurePlace::Summary, &old, &new);
        }
    }

    fn clear_moved(&mut self) -> usize {
        std::mem::take(&mut self.moved).len()
    }
}

/// Drops the footnotes among `candidates` that no marker refers to any
/// more (their markers were just deleted), then renumbers.
fn drop_orphaned_notes(report: &mut Report, candidates: &[FootnoteId]) {
    if candidates.is_empty() {
        return;
    }
    let referenced = report.footnote_order();
    let gone: Vec<FootnoteId> = candidates
        .iter()
        .filter(|id| !referenced.contains(id))
        .copied()
        .collect();
    report.footnotes.retain(|f| !gone.contains(&f.id));
    marks::forget_footnotes(&mut report.stale, &gone);
    marks::forget_footnotes(&mut report.moved, &gone);
    report.renumber_footnotes();
}

/// Adds `base` to every block and section id of a body.
fn renumber_block_ids(body: &mut Body, base: u32) {
    fn block(b: &mut Block, base: u32) {
        match b {
            Block::Paragraph(p) => p.id.0 += base,
            Block::Table(t) => t.id.0 += base,
        }
    }
    fn section(s: &mut Section, base: u32) {
        s.id.0 += base;
        for b in &mut s.blocks {
            block(b, base);
        }
        for c in &mut s.children {
            section(c, base);
        }
    }
    for b in &mut body.intro {
        block(b, base);
    }
    for s in &mut body.sections {
        section(s, base);
    }
    for a in &mut body.appendices {
        a.id.0 += base;
        for b in &mut a.blocks {
            block(b, base);
        }
    }
}

fn notes_in(inlines: &[Inline], out: &mut Vec<FootnoteId>) {
    for i in inlines {
        if let Inline::Note(id) = i {
            out.push(*id);
        }
    }
}

fn notes_in_blocks(blocks: &[Block]) -> Vec<FootnoteId> {
    let mut out = Vec::new();
    for b in blocks {
        if let Block::Paragraph(p) = b {
            notes_in(&p.inlines, &mut out);
        }
    }
    out
}

fn notes_in_section(s: &Section) -> Vec<FootnoteId> {
    let mut out = Vec::new();
    notes_in(&s.heading.title, &mut out);
    out.extend(notes_in_blocks(&s.blocks));
    for c in &s.children {
        out.extend(notes_in_section(c));
    }
    out
}

/// A change to the shape of a detail table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableChange {
    /// A new empty data row at this index of the data rows.
    InsertRow(usize),
    /// Removes this data row (the header row cannot be removed).
    RemoveRow(usize),
    /// A new empty column at this index.
    InsertColumn(usize),
    /// Removes this column (the last one stays).
    RemoveColumn(usize),
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod moved_tests;
