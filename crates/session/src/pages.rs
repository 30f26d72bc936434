//! The A4 preview's pages: which part of which block goes on which page,
//! where the footnotes go and which number each page shows.
//!
//! The page measures every block of the report in the browser, with the
//! same fonts and sizes as the printed page (heights, the bottoms of a
//! paragraph's lines or of a table's rows, the height of each footnote);
//! this module decides the pages from those figures as Word does:
//! - a paragraph breaks between lines, never leaving one line alone at the
//!   foot or the top of a page (Word's widow and orphan control), a table
//!   between rows;
//! - a heading stays on the page of what follows it (`keepNext` in the
//!   .docx), at least the first lines of it;
//! - a footnote stands at the foot of the page of its marker, under a
//!   separator, and the text above gives it room;
//! - an appendix starts a new page and its numbers start again (nd30.md
//!   §10); a page shows its number from the second of its run (nd30.md §8).
//!
//! Heights are CSS pixels, but nothing here depends on the unit.

/// One block of the page as measured: the header block, the title, a
/// paragraph, a heading, a table, the closing block, an appendix's heading.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct FlowBox {
    /// From the block's top to the next block's top (its spacing included).
    pub height: f64,
    /// Where the block may be cut, as offsets from its top: the bottom of
    /// each line but the last for a paragraph, of each row for a table.
    /// Ascending; empty for a block that stays whole.
    pub breaks: Vec<f64>,
    /// Lines that must stay together at either end of a cut (2 for a
    /// paragraph, as Word's widow/orphan control; 1 for table rows).
    pub keep_lines: usize,
    /// A heading: it goes to the next page rather than end this one.
    pub keep_with_next: bool,
    /// Starts a new page whose numbers start again at 1 (an appendix).
    pub starts_section: bool,
    /// Laid on landscape pages (a table too wide for a portrait page, or
    /// an appendix holding one): a change of orientation starts a page.
    pub landscape: bool,
    /// The footnotes whose markers stand in this block.
    pub notes: Vec<NoteMark>,
}

/// A footnote marker inside a block, and the height of its note.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct NoteMark {
    /// The bottom of the marker's line, from the block's top.
    pub at: f64,
    /// The note's height at the foot of the page.
    pub height: f64,
}

/// The room on a page.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PageRoom {
    /// Height of the text area (the page less its top and bottom margins).
    pub body: f64,
    /// The same on a landscape page.
    pub landscape_body: f64,
    /// Room the separator line above a page's footnotes takes.
    pub note_separator: f64,
}

/// A part of a block on a page: `from..to` of block `block`'s height.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slice {
    pub block: usize,
    pub from: f64,
    pub to: f64,
}

/// A footnote, or the part `from..to` of its height, at a page's foot: a
/// note too long for the rest of its marker's page runs on at the foot of
/// the next, as Word continues it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NotePart {
    /// The block holding the marker, and the note's index in its `notes`.
    pub block: usize,
    pub note: usize,
    pub from: f64,
    pub to: f64,
}

/// One page of the preview.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub slices: Vec<Slice>,
    /// The footnotes at its foot, continued ones first.
    pub notes: Vec<NotePart>,
    /// The number printed at its top, if any.
    pub number: Option<u32>,
    pub landscape: bool,
}

/// What is being filled: the page, and how much of it is taken.
struct Filling {
    page: Page,
    text: f64,
    notes: f64,
    /// Parts of notes that run on at the foot of the next page.
    pending: Vec<NotePart>,
}

impl Filling {
    fn new() -> Self {
        Filling {
            page: Page::default(),
            text: 0.0,
            notes: 0.0,
            pending: Vec::new(),
        }
    }

    fn is_empty(&self) -> bool {
        self.page.slices.is_empty()
    }

    /// Room for text and notes still free, when `extra_notes` more notes
    /// of that height come onto the page.
    fn free(&self, room: PageRoom, extra_notes: f64) -> f64 {
        let notes = self.notes + extra_notes;
        let separator = if notes > 0.0 {
            room.note_separator
        } else {
            0.0
        };
        let body = if self.page.landscape {
            room.landscape_body
        } else {
            room.body
        };
        body - self.text - notes - separator
    }
}

impl Filling {
    /// Puts a note (or what is left of it) at the page's foot, as much as
    /// the page has room for; the rest waits for the next page.
    fn put_note(&mut self, room: PageRoom, part: NotePart) {
        let separator = if self.notes > 0.0 {
            0.0
        } else {
            room.note_separator
        };
        let mut available = (self.free(room, 0.0) - separator).max(0.0);
        if part.from > 0.0 {
            // A continued note takes at most half a page, so that text goes
            // on beside it.
            let body = if self.page.landscape {
                room.landscape_body
            } else {
                room.body
            };
            available = available.min(body / 2.0 - separator);
        }
        let height = part.to - part.from;
        let take = height.min(available);
        if take + EPSILON >= height {
            self.page.notes.push(part);
            self.notes += height;
            return;
        }
        if take >= MIN_NOTE_PART {
            self.page.notes.push(NotePart {
                to: part.from + take,
                ..part
            });
            self.notes += take;
        }
        let rest = if take >= MIN_NOTE_PART {
            part.from + take
        } else {
            part.from
        };
        self.pending.push(NotePart { from: rest, ..part });
    }

    /// Lays the part `from..to` of block `b` (number `block`) on the page,
    /// with its notes.
    fn place(&mut self, room: PageRoom, b: &FlowBox, block: usize, from: f64, to: f64) {
        self.text += to - from;
        self.page.slices.push(Slice { block, from, to });
        for (k, n) in b.notes.iter().enumerate() {
            if holds(from, to, n) {
                self.put_note(
                    room,
                    NotePart {
                        block,
                        note: k,
                        from: 0.0,
                        to: n.height,
                    },
                );
            }
        }
    }
}

/// Of a long note, the least that must stand on its marker's page (about
/// two lines of 11 pt); the rest may run on at the foot of the next page.
const NOTE_FIRST_PART: f64 = 36.0;
/// A part of a note thinner than this is not worth showing: it all runs on.
const MIN_NOTE_PART: f64 = 12.0;

/// Tolerance for heights measured in fractions of a pixel.
const EPSILON: f64 = 0.5;

/// Whether the part `from..to` of a block holds the marker `n` (a marker
/// measured at or above the block's top belongs to its first part).
fn holds(from: f64, to: f64, n: &NoteMark) -> bool {
    (n.at > from + EPSILON / 2.0 || from <= 0.0) && n.at <= to + EPSILON / 2.0
}

/// The room `b`'s notes whose markers stand in `from..to` need on the
/// page: each whole, or its first part when it is long.
fn notes_in(b: &FlowBox, from: f64, to: f64) -> f64 {
    b.notes
        .iter()
        .filter(|n| holds(from, to, n))
        .map(|n| n.height.min(NOTE_FIRST_PART))
        .sum()
}

/// The cuts of `b` allowed after `from`: at least `keep_lines` lines on
/// each side of the cut.
fn cuts_after(b: &FlowBox, from: f64) -> Vec<f64> {
    let keep = b.keep_lines.max(1);
    let rest: Vec<f64> = b
        .breaks
        .iter()
        .copied()
        .filter(|&x| x > from + EPSILON)
        .collect();
    // The lines left are the cuts after `from` and the last line; a cut
    // after the k-th of them leaves k lines before it and (len + 1 - k) after.
    let lines = rest.len() + 1;
    rest.iter()
        .enumerate()
        .filter(|&(k, _)| k + 1 >= keep && lines - (k + 1) >= keep)
        .map(|(_, &x)| x)
        .collect()
}

/// The least of `b` that may start a page: its first `keep_lines` lines,
/// or all of it.
fn first_piece(b: &FlowBox) -> f64 {
    cuts_after(b, 0.0).first().copied().unwrap_or(b.height)
}

/// The pages of the blocks `boxes` on pages with `room`.
pub fn paginate(boxes: &[FlowBox], room: PageRoom) -> Vec<Page> {
    let mut pages: Vec<Page> = Vec::new();
    let mut filling = Filling::new();
    let mut in_section = 0u32;
    let finish = |f: &mut Filling, pages: &mut Vec<Page>, in_section: &mut u32| {
        let mut done = std::mem::replace(f, Filling::new());
        f.page.landscape = done.page.landscape;
        // Notes run on at the foot of the next page, before its own.
        for part in std::mem::take(&mut done.pending) {
            f.put_note(room, part);
        }
        *in_section += 1;
        done.page.number = (*in_section > 1).then_some(*in_section);
        pages.push(done.page);
    };
    for (i, b) in boxes.iter().enumerate() {
        if b.starts_section {
            if !filling.is_empty() {
                finish(&mut filling, &mut pages, &mut in_section);
            }
            in_section = 0;
        }
        if b.landscape != filling.page.landscape {
            if !filling.is_empty() {
                finish(&mut filling, &mut pages, &mut in_section);
            }
            filling.page.landscape = b.landscape;
        }
        // A heading whose next block cannot begin on this page goes to the next.
        if b.keep_with_next && !filling.is_empty() {
            let next = boxes.get(i + 1).filter(|n| !n.starts_section);
            let need = b.height
                + next.map_or(0.0, first_piece)
                + next.map_or(0.0, |n| notes_in(n, 0.0, first_piece(n)));
            if need <= filling.free(room, notes_in(b, 0.0, b.height)) + EPSILON || need > room.body
            {
                // Fits, or would not fit on any page: no reason to move.
            } else {
                finish(&mut filling, &mut pages, &mut in_section);
            }
        }
        let mut from = 0.0;
        loop {
            let whole_notes = notes_in(b, from, b.height);
            if b.height - from <= filling.free(room, whole_notes) + EPSILON {
                filling.place(room, b, i, from, b.height);
                break;
            }
            // The deepest allowed cut that fits with its notes.
            let cuts = cuts_after(b, from);
            let fitting =
                cuts.iter().rev().copied().find(|&cut| {
                    cut - from <= filling.free(room, notes_in(b, from, cut)) + EPSILON
                });
            let cut = match fitting {
                Some(cut) => cut,
                None if filling.is_empty() => {
                    // Taller than a page with no allowed cut that fits: the
                    // first cut of any kind that fits, else the whole rest.
                    let any = b
                        .breaks
                        .iter()
                        .rev()
                        .copied()
                        .filter(|&x| x > from + EPSILON)
                        .find(|&x| x - from <= filling.free(room, notes_in(b, from, x)) + EPSILON);
                    match any {
                        Some(x) => x,
                        None => {
                            let to = b
                                .breaks
                                .iter()
                                .copied()
                                .find(|&x| x > from + EPSILON)
                                .unwrap_or(b.height);
                            filling.place(room, b, i, from, to);
                            if to >= b.height {
                                break;
                            }
                            finish(&mut filling, &mut pages, &mut in_section);
                            from = to;
                            continue;
                        }
                    }
                }
                None => {
                    finish(&mut filling, &mut pages, &mut in_section);
                    continue;
                }
            };
            filling.place(room, b, i, from, cut);
            finish(&mut filling, &mut pages, &mut in_section);
            from = cut;
        }
    }
    // The last page, and as many more as notes still running on need.
    while !filling.is_empty()
        || !filling.page.notes.is_empty()
        || !filling.pending.is_empty()
        || pages.is_empty()
    {
        finish(&mut filling, &mut pages, &mut in_section);
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page 100 high with a separator of 4 above its notes.
    const ROOM: PageRoom = PageRoom {
        body: 100.0,
        landscape_body: 60.0,
        note_separator: 4.0,
    };

    /// A paragraph of `lines` lines 10 high.
    fn para(lines: usize) -> FlowBox {
        FlowBox {
            height: lines as f64 * 10.0,
            breaks: (1..lines).map(|k| k as f64 * 10.0).collect(),
            keep_lines: 2,
            ..FlowBox::default()
        }
    }

    fn heading() -> FlowBox {
        FlowBox {
            keep_with_next: true,
            ..para(1)
        }
    }

    fn solid(height: f64) -> FlowBox {
        FlowBox {
            height,
            ..FlowBox::default()
        }
    }

    /// A page's notes as (block, note, from, to).
    fn notes(page: &Page) -> Vec<(usize, usize, f64, f64)> {
        page.notes
            .iter()
            .map(|n| (n.block, n.note, n.from, n.to))
            .collect()
    }

    /// Each page as the list of (block, from, to).
    fn shape(pages: &[Page]) -> Vec<Vec<(usize, f64, f64)>> {
        pages
            .iter()
            .map(|p| p.slices.iter().map(|s| (s.block, s.from, s.to)).collect())
            .collect()
    }

    #[test]
    fn blocks_that_fit_share_one_page_without_a_number() {
        let pages = paginate(&[para(3), para(4), solid(20.0)], ROOM);
        assert_eq!(
            shape(&pages),
            vec![vec![(0, 0.0, 30.0), (1, 0.0, 40.0), (2, 0.0, 20.0)]]
        );
        assert_eq!(pages[0].number, None);
    }

    #[test]
    fn an_empty_report_is_one_page() {
        assert_eq!(paginate(&[], ROOM).len(), 1);
    }

    #[test]
    fn a_paragraph_is_cut_between_lines_and_the_second_page_is_numbered_2() {
        // 8 lines fill the page to 80; 5 more: 2 fit (widow/orphan allows it).
        let pages = paginate(&[para(8), para(5)], ROOM);
        assert_eq!(
            shape(&pages),
            vec![vec![(0, 0.0, 80.0), (1, 0.0, 20.0)], vec![(1, 20.0, 50.0)]]
        );
        assert_eq!(pages[1].number, Some(2));
    }

    #[test]
    fn one_line_is_never_left_alone_at_the_foot_of_a_page() {
        // 9 lines fill to 90: one line of the next would be an orphan.
        let pages = paginate(&[para(9), para(4)], ROOM);
        assert_eq!(
            shape(&pages),
            vec![vec![(0, 0.0, 90.0)], vec![(1, 0.0, 40.0)]]
        );
    }

    #[test]
    fn one_line_is_never_left_alone_at_the_top_of_a_page() {
        // 7 lines fill to 70; of 4 more, 3 would fit but leave 1 (a widow):
        // the cut goes after 2.
        let pages = paginate(&[para(7), para(4)], ROOM);
        assert_eq!(
            shape(&pages),
            vec![vec![(0, 0.0, 70.0), (1, 0.0, 20.0)], vec![(1, 20.0, 40.0)]]
        );
    }

    #[test]
    fn a_heading_goes_with_the_first_lines_of_what_follows() {
        // The heading fits at 80..90, but not with two lines after it.
        let pages = paginate(&[para(8), heading(), para(3)], ROOM);
        assert_eq!(
            shape(&pages),
            vec![vec![(0, 0.0, 80.0)], vec![(1, 0.0, 10.0), (2, 0.0, 30.0)]]
        );
    }

    #[test]
    fn a_table_is_cut_between_rows_even_one_row_from_the_end() {
        let table = FlowBox {
            height: 50.0,
            breaks: vec![10.0, 20.0, 30.0, 40.0],
            keep_lines: 1,
            ..FlowBox::default()
        };
        let pages = paginate(&[para(6), table], ROOM);
        assert_eq!(
            shape(&pages),
            vec![vec![(0, 0.0, 60.0), (1, 0.0, 40.0)], vec![(1, 40.0, 50.0)]]
        );
    }

    #[test]
    fn a_footnote_stands_on_the_page_of_its_marker_and_takes_room_from_the_text() {
        // The second paragraph's marker on its first line brings a note 16
        // high (+4 separator): 70 + 20 leaves room for 1 line, an orphan, so
        // the paragraph goes whole to page 2 and its note with it.
        let mut with_note = para(3);
        with_note.notes = vec![NoteMark {
            at: 10.0,
            height: 16.0,
        }];
        let pages = paginate(&[para(7), with_note], ROOM);
        assert_eq!(
            shape(&pages),
            vec![vec![(0, 0.0, 70.0)], vec![(1, 0.0, 30.0)]]
        );
        assert_eq!(pages[0].notes, vec![]);
        assert_eq!(notes(&pages[1]), vec![(1, 0, 0.0, 16.0)]);
    }

    #[test]
    fn a_note_goes_with_the_part_of_its_paragraph_that_holds_its_marker() {
        // Marker on the 5th line: the cut after line 3 leaves it for page 2.
        let mut long = para(6);
        long.notes = vec![NoteMark {
            at: 50.0,
            height: 10.0,
        }];
        let pages = paginate(&[para(7), long], ROOM);
        assert_eq!(
            shape(&pages),
            vec![vec![(0, 0.0, 70.0), (1, 0.0, 30.0)], vec![(1, 30.0, 60.0)]]
        );
        assert_eq!(notes(&pages[1]), vec![(1, 0, 0.0, 10.0)]);
    }

    #[test]
    fn a_note_too_long_for_its_page_runs_on_at_the_foot_of_the_next() {
        // Marker on the first line of a 2-line paragraph after 3 lines; its
        // note is 150 high. Page 1: 50 of text and the note's first 46 (100
        // - 50 - 4 for the separator). A continued note takes at most half a
        // page (50 - 4): 46..92 beside the next paragraph on page 2, 92..138
        // and 138..150 on pages of their own at the end.
        let mut with_note = para(2);
        with_note.notes = vec![NoteMark {
            at: 10.0,
            height: 150.0,
        }];
        let pages = paginate(&[para(3), with_note, para(2)], ROOM);
        assert_eq!(
            shape(&pages),
            vec![
                vec![(0, 0.0, 30.0), (1, 0.0, 20.0)],
                vec![(2, 0.0, 20.0)],
                vec![],
                vec![]
            ]
        );
        let parts: Vec<_> = pages.iter().map(notes).collect();
        assert_eq!(
            parts,
            vec![
                vec![(1, 0, 0.0, 46.0)],
                vec![(1, 0, 46.0, 92.0)],
                vec![(1, 0, 92.0, 138.0)],
                vec![(1, 0, 138.0, 150.0)]
            ]
        );
    }

    #[test]
    fn an_appendix_starts_a_page_and_its_numbers_start_again() {
        let appendix = FlowBox {
            starts_section: true,
            ..solid(30.0)
        };
        let pages = paginate(&[para(9), para(9), appendix, para(9)], ROOM);
        assert_eq!(
            shape(&pages),
            vec![
                vec![(0, 0.0, 90.0)],
                vec![(1, 0.0, 90.0)],
                vec![(2, 0.0, 30.0), (3, 0.0, 70.0)],
                vec![(3, 70.0, 90.0)],
            ]
        );
        let numbers: Vec<Option<u32>> = pages.iter().map(|p| p.number).collect();
        assert_eq!(numbers, vec![None, Some(2), None, Some(2)]);
    }

    #[test]
    fn a_wide_table_takes_landscape_pages_and_the_text_after_it_a_portrait_one() {
        let wide = FlowBox {
            landscape: true,
            ..para(8)
        };
        let pages = paginate(&[para(2), wide, para(2)], ROOM);
        assert_eq!(
            shape(&pages),
            vec![
                vec![(0, 0.0, 20.0)],
                vec![(1, 0.0, 60.0)],
                vec![(1, 60.0, 80.0)],
                vec![(2, 0.0, 20.0)]
            ]
        );
        let landscape: Vec<bool> = pages.iter().map(|p| p.landscape).collect();
        assert_eq!(landscape, vec![false, true, true, false]);
        // The numbers go on through the change of orientation.
        let numbers: Vec<Option<u32>> = pages.iter().map(|p| p.number).collect();
        assert_eq!(numbers, vec![None, Some(2), Some(3), Some(4)]);
    }

    #[test]
    fn a_block_taller_than_a_page_without_cuts_takes_a_page_of_its_own() {
        let pages = paginate(&[para(2), solid(150.0), para(2)], ROOM);
        assert_eq!(
            shape(&pages),
            vec![
                vec![(0, 0.0, 20.0)],
                vec![(1, 0.0, 150.0)],
                vec![(2, 0.0, 20.0)]
            ]
        );
    }

    #[test]
    fn a_paragraph_longer_than_two_pages_runs_over_three() {
        let pages = paginate(&[para(25)], ROOM);
        assert_eq!(
            shape(&pages),
            vec![
                vec![(0, 0.0, 100.0)],
                vec![(0, 100.0, 200.0)],
                vec![(0, 200.0, 250.0)]
            ]
        );
    }
}
