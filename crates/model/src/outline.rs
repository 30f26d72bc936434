//! The body as an outline: finding sections and blocks by id, moving them,
//! changing a section's level. These keep the tree well formed and the
//! headings numbered; what else an edit must keep (footnotes, stale marks)
//! is the editing layer's (`baocao-session`).

use crate::{Appendix, Block, BlockId, Body, Heading, Inline, Level, Paragraph, Section};
use std::fmt;

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
    /// The blocks of an appendix.
    Appendix(BlockId),
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
            Container::Appendix(id) => self.appendix(id).map(|a| &a.blocks),
        }
    }

    fn blocks_of_mut(&mut self, container: Container) -> Option<&mut Vec<Block>> {
        match container {
            Container::Intro => Some(&mut self.intro),
            Container::Section(id) => self.section_mut(id).map(|s| &mut s.blocks),
            Container::Appendix(id) => self.appendix_mut(id).map(|a| &mut a.blocks),
        }
    }

    /// Where a block is: its container and its index there.
    pub fn locate_block(&self, id: BlockId) -> Option<(Container, usize)> {
        if let Some(i) = self.intro.iter().position(|b| b.id() == id) {
            return Some((Container::Intro, i));
        }
        self.sections_flat()
            .into_iter()
            .find_map(|s| {
                s.blocks
                    .iter()
                    .position(|b| b.id() == id)
                    .map(|i| (Container::Section(s.id), i))
            })
            .or_else(|| {
                self.appendices.iter().find_map(|a| {
                    a.blocks
                        .iter()
                        .position(|b| b.id() == id)
                        .map(|i| (Container::Appendix(a.id), i))
                })
            })
    }

    /// The appendix with this id.
    pub fn appendix(&self, id: BlockId) -> Option<&Appendix> {
        self.appendices.iter().find(|a| a.id == id)
    }

    /// The appendix with this id, to change it.
    pub fn appendix_mut(&mut self, id: BlockId) -> Option<&mut Appendix> {
        self.appendices.iter_mut().find(|a| a.id == id)
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
            (Container::Intro, _) | (Container::Appendix(_), _) => None,
        }
    }

    /// Inserts a block into a container at an index (clamped to its end).
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
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
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
    pub fn insert_block_after(&mut self, after: BlockId, block: Block) -> bool {
        match self.locate_block(after) {
            Some((c, i)) => self.insert_block(c, i + 1, block),
            None => false,
        }
    }

    /// Takes a block out of the body, and nothing else: footnotes and
    /// stale marks are the editing layer's (`ReportEdit::remove_block`).
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
    pub fn take_block(&mut self, id: BlockId) -> Option<Block> {
        let (c, i) = self.locate_block(id)?;
        Some(self.blocks_of_mut(c)?.remove(i))
    }

    /// Moves a block one place up or down within its container.
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
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
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
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

    /// Takes a section, with everything under it, out of the body, then
    /// renumbers the headings; footnotes and stale marks are the editing
    /// layer's (`ReportEdit::remove_section`).
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
    pub fn take_section(&mut self, id: BlockId) -> Option<Section> {
        let path = section_path(&self.sections, id)?;
        let (&i, parent) = path.split_last()?;
        let removed = siblings_mut(&mut self.sections, parent).remove(i);
        self.renumber_headings();
        Some(removed)
    }

    /// Inserts a new section right after another one, at the same level.
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
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
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
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
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
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
    #[must_use = "the edit may have been refused; say so or ignore it explicitly"]
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

    /// The body read top to bottom as headings and blocks (the appendices
    /// are not pieces of it: take them out first to keep them).
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
