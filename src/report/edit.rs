//! Editing a report in place: the operations the editor performs, as plain
//! functions over the model so they are tested natively and the page only
//! calls them.
//!
//! Offsets inside inline content are byte offsets of its *editing text*
//! ([`edit_text`]): the runs' text as typed, with one [`NOTE_CHAR`] for each
//! footnote marker. The editor computes the caret in the same space, so a
//! split, an inserted marker or a carried-over figure lands where it is seen.

use super::carry::FigurePlace;
use super::{
    Block, BlockId, Body, Footnote, FootnoteId, Heading, Inline, Level, Paragraph, Report, Section,
};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Stands for a footnote marker in the editing text of inline content.
pub const NOTE_CHAR: char = '\u{FFFC}';

/// Which inline content is edited: a paragraph, a section's heading title,
/// or a footnote's text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum TextTarget {
    Paragraph(BlockId),
    Heading(BlockId),
    Footnote(FootnoteId),
}

/// The editing text of inline content (see the module documentation).
pub fn edit_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    for inline in inlines {
        match inline {
            Inline::Text(run) => out.push_str(&run.text),
            Inline::Note(_) => out.push(NOTE_CHAR),
        }
    }
    out
}

/// Drops empty runs and joins neighbouring runs of the same style.
pub fn tidy_inlines(inlines: Vec<Inline>) -> Vec<Inline> {
    let mut out: Vec<Inline> = Vec::with_capacity(inlines.len());
    for inline in inlines {
        match inline {
            Inline::Text(run) if run.text.is_empty() => {}
            Inline::Text(run) => match out.last_mut() {
                Some(Inline::Text(prev)) if prev.style == run.style => {
                    prev.text.push_str(&run.text)
                }
                _ => out.push(Inline::Text(run)),
            },
            note => out.push(note),
        }
    }
    out
}

/// Splits inline content at a byte offset of its editing text; an offset
/// inside a character moves back to the character's start.
pub fn split_inlines(inlines: &[Inline], offset: usize) -> (Vec<Inline>, Vec<Inline>) {
    let mut head = Vec::new();
    let mut tail = Vec::new();
    let mut pos = 0;
    for inline in inlines {
        let len = match inline {
            Inline::Text(run) => run.text.len(),
            Inline::Note(_) => NOTE_CHAR.len_utf8(),
        };
        if pos >= offset {
            tail.push(inline.clone());
        } else if pos + len <= offset {
            head.push(inline.clone());
        } else if let Inline::Text(run) = inline {
            let mut cut = offset - pos;
            while !run.text.is_char_boundary(cut) {
                cut -= 1;
            }
            head.push(Inline::styled(&run.text[..cut], run.style));
            tail.push(Inline::styled(&run.text[cut..], run.style));
        } else {
            head.push(inline.clone());
        }
        pos += len;
    }
    (tidy_inlines(head), tidy_inlines(tail))
}

/// Inline content with `more` inserted at a byte offset of its editing text.
pub fn insert_inlines(inlines: &[Inline], offset: usize, more: Vec<Inline>) -> Vec<Inline> {
    let (mut head, tail) = split_inlines(inlines, offset);
    head.extend(more);
    head.extend(tail);
    tidy_inlines(head)
}

/// Why an outline operation was refused, in words for the official.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OutlineError {
    /// The section is not in the report (deleted meanwhile).
    Missing,
    /// A first item cannot go under the one before it: there is none.
    NoPrevious,
    /// A part cannot move higher.
    AlreadyTop,
    /// Points ("a)") are the deepest level.
    TooDeep,
}

impl fmt::Display for OutlineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            OutlineError::Missing => "Không tìm thấy mục này trong báo cáo.",
            OutlineError::NoPrevious => {
                "Không hạ cấp được: đây là mục đầu tiên, không có mục nào phía trên để làm mục cha."
            }
            OutlineError::AlreadyTop => "Không nâng cấp được: đây đã là phần (cấp cao nhất).",
            OutlineError::TooDeep => "Không hạ cấp được: điểm a), b) là cấp thấp nhất của báo cáo.",
        })
    }
}

impl std::error::Error for OutlineError {}

/// A level `delta` steps deeper (negative: higher), if it exists.
fn shifted(level: Level, delta: i8) -> Option<Level> {
    let depth = level.depth() as i8 + delta;
    [Level::Part, Level::Item, Level::SubItem, Level::Point]
        .into_iter()
        .find(|l| l.depth() as i8 == depth)
}

/// Shifts a section and everything under it by `delta` levels.
fn shift_levels(s: &mut Section, delta: i8) -> Result<(), OutlineError> {
    fn check(s: &Section, delta: i8) -> Result<(), OutlineError> {
        match shifted(s.heading.level, delta) {
            None if delta > 0 => Err(OutlineError::TooDeep),
            None => Err(OutlineError::AlreadyTop),
            Some(_) => s.children.iter().try_for_each(|c| check(c, delta)),
        }
    }
    fn apply(s: &mut Section, delta: i8) {
        if let Some(l) = shifted(s.heading.level, delta) {
            s.heading.level = l;
        }
        for c in &mut s.children {
            apply(c, delta);
        }
    }
    check(s, delta)?;
    apply(s, delta);
    Ok(())
}

/// Where a list of blocks lives: before the first heading, or in a section.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Container {
    Intro,
    Section(BlockId),
}

/// A piece of the body read top to bottom: a heading or a block.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Heading { id: BlockId, heading: Heading },
    Block(Block),
}

fn section_path(sections: &[Section], id: BlockId) -> Option<Vec<usize>> {
    for (i, s) in sections.iter().enumerate() {
        if s.id == id {
            return Some(vec![i]);
        }
        if let Some(mut rest) = section_path(&s.children, id) {
            rest.insert(0, i);
            return Some(rest);
        }
    }
    None
}

fn siblings_mut<'a>(sections: &'a mut Vec<Section>, parent: &[usize]) -> &'a mut Vec<Section> {
    let mut list = sections;
    for &i in parent {
        list = &mut list[i].children;
    }
    list
}

impl Body {
    /// The section with this id.
    pub fn section(&self, id: BlockId) -> Option<&Section> {
        let path = section_path(&self.sections, id)?;
        let mut s = &self.sections[path[0]];
        for &i in &path[1..] {
            s = &s.children[i];
        }
        Some(s)
    }

    /// The section with this id, to change it.
    pub fn section_mut(&mut self, id: BlockId) -> Option<&mut Section> {
        let path = section_path(&self.sections, id)?;
        let (last, parent) = path.split_last()?;
        siblings_mut(&mut self.sections, parent).get_mut(*last)
    }

    /// The blocks of a container.
    pub fn blocks_of(&self, container: Container) -> Option<&Vec<Block>> {
        match container {
            Container::Intro => Some(&self.intro),
            Container::Section(id) => self.section(id).map(|s| &s.blocks),
        }
    }

    fn blocks_of_mut(&mut self, container: Container) -> Option<&mut Vec<Block>> {
        match container {
            Container::Intro => Some(&mut self.intro),
            Container::Section(id) => self.section_mut(id).map(|s| &mut s.blocks),
        }
    }

    /// Where a block is: its container and its index there.
    pub fn locate_block(&self, id: BlockId) -> Option<(Container, usize)> {
        if let Some(i) = self.intro.iter().position(|b| b.id() == id) {
            return Some((Container::Intro, i));
        }
        self.sections_flat().into_iter().find_map(|s| {
            s.blocks
                .iter()
                .position(|b| b.id() == id)
                .map(|i| (Container::Section(s.id), i))
        })
    }

    /// The block with this id.
    pub fn block(&self, id: BlockId) -> Option<&Block> {
        let (c, i) = self.locate_block(id)?;
        self.blocks_of(c)?.get(i)
    }

    /// The block with this id, to change it.
    pub fn block_mut(&mut self, id: BlockId) -> Option<&mut Block> {
        let (c, i) = self.locate_block(id)?;
        self.blocks_of_mut(c)?.get_mut(i)
    }

    /// The section a heading or block belongs to (None for the intro).
    pub fn owner_section(&self, id: BlockId) -> Option<BlockId> {
        if self.section(id).is_some() {
            return Some(id);
        }
        match self.locate_block(id)? {
            (Container::Section(s), _) => Some(s),
            (Container::Intro, _) => None,
        }
    }

    /// Inserts a block into a container at an index (clamped to its end).
    pub fn insert_block(&mut self, container: Container, index: usize, block: Block) -> bool {
        match self.blocks_of_mut(container) {
            Some(blocks) => {
                let at = index.min(blocks.len());
                blocks.insert(at, block);
                true
            }
            None => false,
        }
    }

    /// Inserts a block right after another one.
    pub fn insert_block_after(&mut self, after: BlockId, block: Block) -> bool {
        match self.locate_block(after) {
            Some((c, i)) => self.insert_block(c, i + 1, block),
            None => false,
        }
    }

    /// Takes a block out of the body.
    pub fn remove_block(&mut self, id: BlockId) -> Option<Block> {
        let (c, i) = self.locate_block(id)?;
        Some(self.blocks_of_mut(c)?.remove(i))
    }

    /// Moves a block one place up or down within its container.
    pub fn move_block(&mut self, id: BlockId, up: bool) -> bool {
        let Some((c, i)) = self.locate_block(id) else {
            return false;
        };
        let Some(blocks) = self.blocks_of_mut(c) else {
            return false;
        };
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        match j {
            Some(j) if j < blocks.len() => {
                blocks.swap(i, j);
                true
            }
            _ => false,
        }
    }

    /// Moves a section (with all it holds) one place up or down among its
    /// siblings, then renumbers.
    pub fn move_section(&mut self, id: BlockId, up: bool) -> bool {
        let Some(path) = section_path(&self.sections, id) else {
            return false;
        };
        let (&i, parent) = path.split_last().unwrap_or((&0, &[]));
        let list = siblings_mut(&mut self.sections, parent);
        let j = if up { i.checked_sub(1) } else { Some(i + 1) };
        let moved = match j {
            Some(j) if j < list.len() => {
                list.swap(i, j);
                true
            }
            _ => false,
        };
        if moved {
            self.renumber_headings();
        }
        moved
    }

    /// Takes a section, with everything under it, out of the body, then renumbers.
    pub fn remove_section(&mut self, id: BlockId) -> Option<Section> {
        let path = section_path(&self.sections, id)?;
        let (&i, parent) = path.split_last()?;
        let removed = siblings_mut(&mut self.sections, parent).remove(i);
        self.renumber_headings();
        Some(removed)
    }

    /// Inserts a new section right after another one, at the same level.
    pub fn insert_section_after(&mut self, after: BlockId, mut section: Section) -> bool {
        let Some(path) = section_path(&self.sections, after) else {
            return false;
        };
        let Some((&i, parent)) = path.split_last() else {
            return false;
        };
        let list = siblings_mut(&mut self.sections, parent);
        section.heading.level = list[i].heading.level;
        list.insert(i + 1, section);
        self.renumber_headings();
        true
    }

    /// Adds a section as the last child of `parent` (None: a new part), at
    /// the level its siblings have, or one deeper than the parent.
    pub fn add_child_section(
        &mut self,
        parent: Option<BlockId>,
        mut section: Section,
    ) -> Result<(), OutlineError> {
        match parent {
            None => {
                section.heading.level = Level::Part;
                self.sections.push(section);
            }
            Some(p) => {
                let parent = self.section_mut(p).ok_or(OutlineError::Missing)?;
                section.heading.level = match parent.children.last() {
                    Some(c) => c.heading.level,
                    None => parent.heading.level.deeper().ok_or(OutlineError::TooDeep)?,
                };
                parent.children.push(section);
            }
        }
        self.renumber_headings();
        Ok(())
    }

    /// Tab in the outline: the section goes one level down, as the last child
    /// of the section before it (reading order is unchanged).
    pub fn indent_section(&mut self, id: BlockId) -> Result<(), OutlineError> {
        let path = section_path(&self.sections, id).ok_or(OutlineError::Missing)?;
        let (&i, parent) = path.split_last().ok_or(OutlineError::Missing)?;
        if i == 0 {
            return Err(OutlineError::NoPrevious);
        }
        let list = siblings_mut(&mut self.sections, parent);
        let previous = &list[i - 1];
        let target = match previous.children.last() {
            Some(c) => c.heading.level,
            None => previous
                .heading
                .level
                .deeper()
                .ok_or(OutlineError::TooDeep)?,
        };
        let mut moved = list[i].clone();
        let delta = target.depth() as i8 - moved.heading.level.depth() as i8;
        shift_levels(&mut moved, delta)?;
        list.remove(i);
        list[i - 1].children.push(moved);
        self.renumber_headings();
        Ok(())
    }

    /// Shift+Tab in the outline: the section goes one level up, right after
    /// its parent; the siblings that followed it become its children, so
    /// reading order is unchanged.
    pub fn outdent_section(&mut self, id: BlockId) -> Result<(), OutlineError> {
        let path = section_path(&self.sections, id).ok_or(OutlineError::Missing)?;
        if path.len() < 2 {
            return Err(OutlineError::AlreadyTop);
        }
        let (&i, parent_path) = path.split_last().ok_or(OutlineError::Missing)?;
        let (&p, grand) = parent_path.split_last().ok_or(OutlineError::Missing)?;
        let outer = siblings_mut(&mut self.sections, grand);
        let parent_level = outer[p].heading.level;
        let mut moved = outer[p].children[i].clone();
        let delta = parent_level.depth() as i8 - moved.heading.level.depth() as i8;
        shift_levels(&mut moved, delta)?;
        let followers: Vec<Section> = outer[p].children.drain(i..).skip(1).collect();
        moved.children.extend(followers);
        outer.insert(p + 1, moved);
        self.renumber_headings();
        Ok(())
    }

    /// The body read top to bottom as headings and blocks.
    pub fn into_pieces(self) -> Vec<Piece> {
        fn walk(s: Section, out: &mut Vec<Piece>) {
            out.push(Piece::Heading {
                id: s.id,
                heading: s.heading,
            });
            out.extend(s.blocks.into_iter().map(Piece::Block));
            for c in s.children {
                walk(c, out);
            }
        }
        let mut out: Vec<Piece> = self.intro.into_iter().map(Piece::Block).collect();
        for s in self.sections {
            walk(s, &mut out);
        }
        out
    }

    /// Builds the tree back from headings and blocks read top to bottom: a
    /// heading closes the open sections of its level or deeper, as in the
    /// importer.
    pub fn from_pieces(pieces: Vec<Piece>) -> Body {
        let mut body = Body::default();
        let mut stack: Vec<Section> = Vec::new();
        fn close(stack: &mut Vec<Section>, body: &mut Body) {
            if let Some(s) = stack.pop() {
                match stack.last_mut() {
                    Some(parent) => parent.children.push(s),
                    None => body.sections.push(s),
                }
            }
        }
        for piece in pieces {
            match piece {
                Piece::Heading { id, heading } => {
                    while stack
                        .last()
                        .is_some_and(|top| top.heading.level >= heading.level)
                    {
                        close(&mut stack, &mut body);
                    }
                    stack.push(Section {
                        id,
                        heading,
                        blocks: Vec::new(),
                        children: Vec::new(),
                    });
                }
                Piece::Block(b) => match stack.last_mut() {
                    Some(s) => s.blocks.push(b),
                    None => body.intro.push(b),
                },
            }
        }
        while !stack.is_empty() {
            close(&mut stack, &mut body);
        }
        body
    }

    /// Every block id and section id under a section, itself included.
    pub fn ids_under(&self, id: BlockId) -> Vec<BlockId> {
        fn walk(s: &Section, out: &mut Vec<BlockId>) {
            out.push(s.id);
            out.extend(s.blocks.iter().map(Block::id));
            for c in &s.children {
                walk(c, out);
            }
        }
        let mut out = Vec::new();
        if let Some(s) = self.section(id) {
            walk(s, &mut out);
        }
        out
    }
}

/// An empty paragraph.
pub fn empty_paragraph(id: BlockId) -> Block {
    Block::Paragraph(Paragraph {
        id,
        inlines: Vec::new(),
        origin: None,
    })
}

/// A new section with an empty title (its level and number are set where it
/// is put).
pub fn new_section(id: BlockId, title: &str) -> Section {
    Section {
        id,
        heading: Heading {
            level: Level::Item,
            number: String::new(),
            title: if title.is_empty() {
                Vec::new()
            } else {
                vec![Inline::text(title)]
            },
            origin: None,
        },
        blocks: Vec::new(),
        children: Vec::new(),
    }
}

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

impl Report {
    /// A block id no block or section uses yet.
    pub fn fresh_block_id(&self) -> BlockId {
        BlockId(self.body.max_id().0 + 1)
    }

    /// The inline content of a target.
    pub fn inlines(&self, target: TextTarget) -> Option<&Vec<Inline>> {
        match target {
            TextTarget::Paragraph(id) => match self.body.block(id)? {
                Block::Paragraph(p) => Some(&p.inlines),
                Block::Table(_) => None,
            },
            TextTarget::Heading(id) => self.body.section(id).map(|s| &s.heading.title),
            TextTarget::Footnote(id) => self
                .footnotes
                .iter()
                .find(|f| f.id == id)
                .map(|f| &f.content),
        }
    }

    fn inlines_mut(&mut self, target: TextTarget) -> Option<&mut Vec<Inline>> {
        match target {
            TextTarget::Paragraph(id) => match self.body.block_mut(id)? {
                Block::Paragraph(p) => Some(&mut p.inlines),
                Block::Table(_) => None,
            },
            TextTarget::Heading(id) => self.body.section_mut(id).map(|s| &mut s.heading.title),
            TextTarget::Footnote(id) => self
                .footnotes
                .iter_mut()
                .find(|f| f.id == id)
                .map(|f| &mut f.content),
        }
    }

    /// Replaces a target's inline content with what the official typed; a
    /// carried-over figure that the change touched is no longer stale.
    /// Returns false when the target is gone.
    pub fn set_inlines(&mut self, target: TextTarget, inlines: Vec<Inline>) -> bool {
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

    /// Enter in a paragraph: the text after `offset` becomes a new paragraph
    /// right after it. Returns the new paragraph's id.
    pub fn split_paragraph(&mut self, id: BlockId, offset: usize) -> Option<BlockId> {
        let new_id = self.fresh_block_id();
        let Some(Block::Paragraph(p)) = self.body.block_mut(id) else {
            return None;
        };
        let (head, tail) = split_inlines(&p.inlines, offset);
        let cut = edit_text(&head).len();
        p.inlines = head;
        self.body.insert_block_after(
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

    /// Backspace at the start of a paragraph: it joins the paragraph before
    /// it. Returns that paragraph's id and where the join is.
    pub fn merge_with_previous(&mut self, id: BlockId) -> Option<(BlockId, usize)> {
        let (c, i) = self.body.locate_block(id)?;
        let previous = match self.body.blocks_of(c)?.get(i.checked_sub(1)?)? {
            Block::Paragraph(p) => p.id,
            Block::Table(_) => return None,
        };
        let Some(Block::Paragraph(moved)) = self.body.remove_block(id) else {
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

    /// Removes a block; the footnotes only it referred to go with it.
    pub fn remove_block(&mut self, id: BlockId) -> Option<Block> {
        let removed = self.body.remove_block(id)?;
        self.forget_places(&[id]);
        self.drop_orphaned_notes(&notes_in_blocks(std::slice::from_ref(&removed)));
        Some(removed)
    }

    /// Removes a section with everything under it; the footnotes only it
    /// referred to go with it.
    pub fn remove_section(&mut self, id: BlockId) -> Option<Section> {
        let ids = self.body.ids_under(id);
        let removed = self.body.remove_section(id)?;
        self.forget_places(&ids);
        self.drop_orphaned_notes(&notes_in_section(&removed));
        Some(removed)
    }

    /// Drops the footnotes among `candidates` that no marker refers to any
    /// more (their markers were just deleted), then renumbers.
    fn drop_orphaned_notes(&mut self, candidates: &[FootnoteId]) {
        if candidates.is_empty() {
            return;
        }
        let referenced = self.footnote_order();
        let gone: Vec<FootnoteId> = candidates
            .iter()
            .filter(|id| !referenced.contains(id))
            .copied()
            .collect();
        self.footnotes.retain(|f| !gone.contains(&f.id));
        self.stale.retain(
            |s| !matches!(s.place, FigurePlace::Text(TextTarget::Footnote(n)) if gone.contains(&n)),
        );
        self.renumber_footnotes_tracked();
    }

    /// Renumbers footnotes by reading order (as [`Report::renumber_footnotes`])
    /// and keeps the carried-over figures of each footnote with it. Returns
    /// the (old, new) number of every footnote.
    pub fn renumber_footnotes_tracked(&mut self) -> Vec<(FootnoteId, FootnoteId)> {
        let map = self.renumber_footnotes();
        for s in &mut self.stale {
            if let FigurePlace::Text(TextTarget::Footnote(n)) = &mut s.place {
                if let Some((_, new)) = map.iter().find(|(old, _)| old == n) {
                    *n = *new;
                }
            }
        }
        map
    }

    /// Inserts a new, empty footnote whose marker stands at `offset` of the
    /// target, and renumbers all footnotes by reading order. Returns the new
    /// footnote's number.
    pub fn insert_footnote(&mut self, target: TextTarget, offset: usize) -> Option<FootnoteId> {
        if matches!(target, TextTarget::Footnote(_)) {
            return None;
        }
        let temp = FootnoteId(
            self.footnotes
                .iter()
                .map(|f| f.id.0)
                .chain(self.footnote_order().iter().map(|f| f.0))
                .max()
                .unwrap_or(0)
                + 1,
        );
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
        let map = self.renumber_footnotes_tracked();
        map.iter().find(|(old, _)| *old == temp).map(|(_, n)| *n)
    }

    /// Deletes a footnote: its definition and every marker of it.
    pub fn delete_footnote(&mut self, id: FootnoteId) {
        let targets: Vec<TextTarget> = self.note_targets(id);
        for target in targets {
            if let Some(inlines) = self.inlines(target).cloned() {
                let kept: Vec<Inline> = inlines
                    .into_iter()
                    .filter(|i| *i != Inline::Note(id))
                    .collect();
                self.set_inlines(target, kept);
            }
        }
        self.footnotes.retain(|f| f.id != id);
        self.stale
            .retain(|s| s.place != FigurePlace::Text(TextTarget::Footnote(id)));
        self.renumber_footnotes_tracked();
    }

    /// The paragraphs and headings that hold a marker of footnote `id`.
    pub fn note_targets(&self, id: FootnoteId) -> Vec<TextTarget> {
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
        out
    }

    /// Puts pasted content (read by the importer) at the caret: the paragraph
    /// is split there, the pasted headings and blocks go between its two
    /// halves, and the outline is rebuilt so pasted headings take their place
    /// in the tree. Footnotes are renumbered by reading order, headings by
    /// their place.
    pub fn paste(&mut self, at: Caret, mut fragment: Report) -> Pasted {
        fragment.disambiguate_footnotes();
        // Fresh block ids and footnote numbers for what comes in.
        let id_base = self.body.max_id().0;
        let fragment_max = fragment.body.max_id().0;
        if fragment_max > 0 {
            renumber_block_ids(&mut fragment.body, id_base);
        }
        let note_base = self
            .footnotes
            .iter()
            .map(|f| f.id.0)
            .chain(self.footnote_order().iter().map(|f| f.0))
            .max()
            .unwrap_or(0);
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
        self.footnotes.extend(fragment.footnotes);
        self.renumber_footnotes_tracked();
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

impl Report {
    /// Pairs each footnote marker with its own definition when numbers
    /// repeat (a report pasted together from pieces whose numbering restarts
    /// at ¹): a marker takes the first unused definition of its number that
    /// stands after it in the source text, and repeated numbers get fresh
    /// ones. Without this, renumbering would keep one definition per number
    /// and lose the others. Definitions left unpaired are kept.
    pub fn disambiguate_footnotes(&mut self) {
        let mut next = self
            .footnotes
            .iter()
            .map(|f| f.id.0)
            .chain(self.footnote_order().iter().map(|f| f.0))
            .max()
            .unwrap_or(0)
            + 1;
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

impl Report {
    /// Changes the shape of a table; carried-over figures move with their cells.
    pub fn change_table(&mut self, table: BlockId, change: TableChange) -> bool {
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
        self.stale.retain_mut(|s| {
            let FigurePlace::Cell { table: t, row, col } = &mut s.place else {
                return true;
            };
            if *t != table {
                return true;
            }
            let index = if is_row { row } else { col };
            let i = *index as usize;
            if delta < 0 && i == at {
                return false;
            }
            if i >= at {
                *index = (i as i64 + delta) as u32;
            }
            true
        });
        true
    }
}

#[cfg(test)]
mod tests;
