//! The report model: plain data, serialisable, with no browser or file
//! dependency and no dependency on any other crate of baocao, so every layer
//! above (import, checks, docx, drafts, session, the page) reads one shape.
//!
//! A report reads top to bottom as the decree lays it out: the header block
//! (agencies, số/ký hiệu, place and date), the title (tên loại + trích yếu), the
//! body as a tree of sections, the footnotes, "Nơi nhận" and the signature block.
//! Everything else (import, checks, docx, the editor) reads or builds this one
//! shape, so data flows one way. Beside the data: the figure scanner
//! ([`numbers`]) that the checks and next month's carry-over share, NFC
//! ([`nfc()`]), the outline operations that keep the tree well formed
//! ([`outline`]), and typed places ([`place`]).

mod body;
pub mod case;
pub mod cumulative;
mod date;
mod inline;
pub mod letters;
pub mod marks;
pub mod nfc;
mod number;
pub mod numbers;
pub mod order;
pub mod outline;
mod period;
pub mod place;
mod report_period;
mod short_text;
mod target;
pub mod text;

pub use body::{
    parse_roman, roman, Appendix, Block, BlockId, Body, CellSpan, Heading, Level, Origin,
    Paragraph, Section, Table, TableLayout, Visit, POINT_LETTERS,
};
pub use date::{days_in_month, DocDate};
pub use inline::{
    plain_text, plain_text_len, push_plain_text, push_superscript_number, superscript_digit_value,
    superscript_number, Inline, Run, Style,
};
pub use marks::{MovedMark, TextMark};
pub use nfc::nfc;
pub use number::{format_decimal, format_grouped, Decimal, Percent};
pub use outline::{empty_paragraph, new_section, Container, OutlineError, Piece};
pub use period::Period;
pub use place::{HeaderField, Outline, Place, SignatureField};
pub use report_period::{ReportPeriod, Span};
pub use short_text::ShortText;
pub use target::{
    edit_text, insert_inlines, split_inlines, tidy_inlines, FigurePlace, StaleFigure, TextTarget,
    NOTE_CHAR,
};

use serde::{Deserialize, Serialize};

/// The draft format's version; bumped when the stored shape changes, with a
/// migration step in `baocao_drafts::migrate` for every older version.
/// 2: figures carried over from last month are kept in `Report::stale`.
pub const SCHEMA_VERSION: u32 = 2;

/// A whole report, as stored in a draft or produced by the importer.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    #[serde(default)]
    pub header: Header,
    #[serde(default)]
    pub title: Title,
    #[serde(default)]
    pub body: Body,
    #[serde(default)]
    pub footnotes: Vec<Footnote>,
    /// "Nơi nhận" items as written, without the leading "- " but with their
    /// closing ";" or "." (the decree's punctuation is part of what is checked).
    #[serde(default)]
    pub recipients: Vec<String>,
    #[serde(default)]
    pub signature: Signature,
    /// Figures carried over from last month's report that the official has
    /// neither edited nor confirmed yet (see `baocao_session::carry`). Since schema 2.
    #[serde(default)]
    pub stale: Vec<StaleFigure>,
    /// The mentions of the period that "Tạo báo cáo kỳ sau" moved on, marked
    /// for the official to see until edited or seen (not written into the
    /// .docx; drafts without any load and store as before).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub moved: Vec<MovedMark>,
    /// The cumulative figures ("lũy kế") of the report this one was made
    /// from, to compare this period's with (empty otherwise).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub previous_cumulative: Vec<cumulative::CarriedCumulative>,
    /// How densely the .docx sets the body (the official's choice; drafts
    /// stored before it load with the default, and the default is not stored).
    #[serde(default, skip_serializing_if = "Density::is_default")]
    pub density: Density,
    /// Where the fields outside the body stood in imported text (never stored).
    #[serde(skip)]
    pub source: SourceLines,
}

/// How densely the body is set on the page, every choice within Nghị định
/// 30's ranges: the spacing offices use (the default), a more open one, or a
/// tighter one.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Density {
    /// As offices set their reports: indent 1.27 cm, lines 1.1 apart, 6 pt
    /// after each paragraph.
    #[default]
    Office,
    /// "Thoáng": indent 1 cm, lines 1.15 apart, 6 pt before each paragraph.
    Airy,
    /// "Gọn": indent 1.27 cm, single lines, 6 pt after each paragraph.
    Compact,
}

impl Density {
    /// Every choice, in the order the page offers them.
    pub const ALL: [Density; 3] = [Density::Office, Density::Airy, Density::Compact];

    pub fn is_default(&self) -> bool {
        *self == Density::default()
    }

    /// The name an official sees.
    pub fn label(self) -> &'static str {
        match self {
            Density::Office => "Như văn phòng",
            Density::Airy => "Thoáng",
            Density::Compact => "Gọn",
        }
    }
}

/// Source lines of the header, title and closing fields of an imported text,
/// so findings about them can name their line.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SourceLines {
    pub agency: Option<u32>,
    pub number: Option<u32>,
    pub place_date: Option<u32>,
    /// The place and date line as written ("TP. Lạng Sơn, ngày 05 tháng 3
    /// năm 2025"), whose padding the parsed date no longer shows.
    pub place_date_text: Option<String>,
    /// The Quốc hiệu and Tiêu ngữ as written, with their lines.
    pub motto: Vec<(u32, String)>,
    pub kind: Option<u32>,
    pub summary: Option<u32>,
    pub recipients_label: Option<u32>,
    /// One line per item of `recipients`.
    pub recipients: Vec<u32>,
    pub signature: Option<u32>,
}

/// The header block (ô 1–4 of Phụ lục I): who issues the report, its number and date.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Header {
    /// Cơ quan chủ quản (parent agency); empty for an UBND, which has none.
    #[serde(default)]
    pub parent_agency: String,
    /// Cơ quan ban hành; a line break ('\n') separates its printed lines.
    #[serde(default)]
    pub issuing_agency: String,
    /// Số: the running number, blank in a draft (the document system assigns it).
    #[serde(default)]
    pub number: String,
    /// Ký hiệu, e.g. "BC-UBND".
    #[serde(default)]
    pub code: String,
    /// Địa danh, e.g. "Lạng Sơn".
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub date: DocDate,
}

/// Tên loại and trích yếu.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Title {
    /// Tên loại, "BÁO CÁO" for every report this tool writes.
    pub kind: String,
    /// Trích yếu: "Tình hình … tháng 3/2025, nhiệm vụ công tác tháng 4/2025".
    pub summary: String,
}

impl Default for Title {
    fn default() -> Self {
        Title {
            kind: "BÁO CÁO".to_string(),
            summary: String::new(),
        }
    }
}

/// The signature block (ô 7): authority lines, position and the signer's name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    /// Quyền hạn lines, e.g. ["TM. ỦY BAN NHÂN DÂN"] or
    /// ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH"].
    #[serde(default)]
    pub authority: Vec<String>,
    /// Chức vụ, e.g. "CHỦ TỊCH" or "PHÓ CHỦ TỊCH".
    #[serde(default)]
    pub position: String,
    /// Họ tên of the signer, e.g. "Nguyễn Văn Hạnh".
    #[serde(default)]
    pub signer: String,
}

/// The number a footnote carries in the text (¹, ², …). For imported text it is
/// the number as written, so the footnote check can see numbers out of order;
/// the editor keeps them in reading order with [`Report::renumber_footnotes`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct FootnoteId(pub u32);

/// A footnote's text, referenced from the body by [`Inline::Note`].
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Footnote {
    pub id: FootnoteId,
    pub content: Vec<Inline>,
    #[serde(skip)]
    pub origin: Option<Origin>,
}

impl Report {
    /// An empty report of the current schema version.
    pub fn new() -> Self {
        Report {
            schema_version: SCHEMA_VERSION,
            ..Report::default()
        }
    }

    /// The reporting month named in the trích yếu ("… tháng 3/2025 …").
    pub fn period(&self) -> Option<Period> {
        Period::find_in(&self.title.summary).map(|(p, _)| p)
    }

    /// The period the report covers, of any kind, as its trích yếu names it
    /// first ("tháng 3/2026", "quý I năm 2026", "năm 2025", …).
    pub fn report_period(&self) -> Option<ReportPeriod> {
        ReportPeriod::find_in(&self.title.summary).map(|(p, _)| p)
    }

    /// The footnote with this number, if it is defined.
    pub fn footnote(&self, id: FootnoteId) -> Option<&Footnote> {
        self.footnotes.iter().find(|f| f.id == id)
    }

    /// The highest footnote number in use, by a definition or a marker (0
    /// when there is none): a footnote numbered above it clashes with none.
    pub fn highest_footnote_number(&self) -> u32 {
        self.footnotes
            .iter()
            .map(|f| f.id.0)
            .chain(self.footnote_order().iter().map(|f| f.0))
            .max()
            .unwrap_or(0)
    }

    /// Footnote numbers in the order their markers first appear in the body.
    pub fn footnote_order(&self) -> Vec<FootnoteId> {
        let mut seen = Vec::new();
        self.body.visit(&mut |v| {
            let inlines: &[Inline] = match v {
                Visit::Heading(_, h) => &h.title,
                Visit::Block(_, Block::Paragraph(p)) => &p.inlines,
                Visit::Block(_, Block::Table(_)) => &[],
            };
            for inline in inlines {
                if let Inline::Note(id) = inline {
                    if !seen.contains(id) {
                        seen.push(*id);
                    }
                }
            }
        });
        seen
    }

    /// Renumbers footnotes 1..n in the order their markers appear, as Word does,
    /// and orders the definitions the same way. Definitions no marker refers to
    /// are kept, numbered after the referenced ones, and so is a second
    /// definition of one number: no text is lost, and the footnote check
    /// shows what is left without a marker. The figures carried over from
    /// last month stay marked in their footnote's text. Returns the (old,
    /// new) number of each footnote by the first definition of its old number.
    pub fn renumber_footnotes(&mut self) -> Vec<(FootnoteId, FootnoteId)> {
        let mut map: Vec<(FootnoteId, FootnoteId)> = self
            .footnote_order()
            .into_iter()
            .enumerate()
            .map(|(i, old)| (old, FootnoteId(i as u32 + 1)))
            .collect();
        let mut next = map.len() as u32 + 1;
        for f in &self.footnotes {
            if !map.iter().any(|(old, _)| *old == f.id) {
                map.push((f.id, FootnoteId(next)));
                next += 1;
            }
        }
        let lookup = |id: FootnoteId| {
            map.iter()
                .find(|(old, _)| *old == id)
                .map(|(_, new)| *new)
                .unwrap_or(id)
        };
        self.body.for_each_inlines_mut(&mut |inlines| {
            for inline in inlines.iter_mut() {
                if let Inline::Note(id) = inline {
                    *id = lookup(*id);
                }
            }
        });
        let mut renumbered: Vec<Footnote> = Vec::with_capacity(self.footnotes.len());
        for mut f in std::mem::take(&mut self.footnotes) {
            f.id = lookup(f.id);
            if renumbered.iter().any(|g| g.id == f.id) {
                // A second definition of the same number: keep it, after all others.
                f.id = FootnoteId(next);
                next += 1;
            }
            renumbered.push(f);
        }
        order::sort_stable_by_key(&mut renumbered, |f| f.id);
        self.footnotes = renumbered;
        marks::renumber_footnotes(&mut self.stale, lookup);
        marks::renumber_footnotes(&mut self.moved, lookup);
        map
    }

    /// Whether the report holds nothing an official typed.
    pub fn is_blank(&self) -> bool {
        self.body.is_empty()
            && self.footnotes.is_empty()
            && self.recipients.is_empty()
            && self.title.summary.trim().is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn para(id: u32, inlines: Vec<Inline>) -> Block {
        Block::Paragraph(Paragraph {
            id: BlockId(id),
            inlines,
            origin: None,
        })
    }

    #[test]
    fn density_is_kept_and_old_drafts_load_with_the_default() {
        let old = r#"{"schema_version":2,"title":{"kind":"BÁO CÁO","summary":"x"}}"#;
        let r: Report = serde_json::from_str(old).unwrap();
        assert_eq!(r.density, Density::Office);
        // The default is not written, so stored drafts keep their shape.
        assert!(!serde_json::to_string(&r).unwrap().contains("density"));
        let mut airy = r.clone();
        airy.density = Density::Airy;
        let json = serde_json::to_string(&airy).unwrap();
        assert!(json.contains(r#""density":"airy""#), "{json}");
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back.density, Density::Airy);
        let compact: Report =
            serde_json::from_str(r#"{"schema_version":2,"density":"compact"}"#).unwrap();
        assert_eq!(compact.density, Density::Compact);
    }

    #[test]
    fn renumber_footnotes_follows_reading_order() {
        let mut r = Report::new();
        r.body.intro = vec![
            para(1, vec![Inline::text("a"), Inline::Note(FootnoteId(2))]),
            para(2, vec![Inline::text("b"), Inline::Note(FootnoteId(1))]),
        ];
        r.footnotes = vec![
            Footnote {
                id: FootnoteId(1),
                content: vec![Inline::text("one")],
                origin: None,
            },
            Footnote {
                id: FootnoteId(2),
                content: vec![Inline::text("two")],
                origin: None,
            },
        ];
        r.renumber_footnotes();
        assert_eq!(r.footnote_order(), vec![FootnoteId(1), FootnoteId(2)]);
        assert_eq!(
            plain_text(&r.footnote(FootnoteId(1)).unwrap().content),
            "two"
        );
        assert_eq!(
            plain_text(&r.footnote(FootnoteId(2)).unwrap().content),
            "one"
        );
    }

    #[test]
    fn renumbering_keeps_carried_over_figures_in_their_footnote() {
        let mut r = Report::new();
        r.body.intro = vec![
            para(1, vec![Inline::text("a"), Inline::Note(FootnoteId(2))]),
            para(2, vec![Inline::text("b"), Inline::Note(FootnoteId(1))]),
        ];
        let note = |id: u32, text: &str| Footnote {
            id: FootnoteId(id),
            content: vec![Inline::text(text)],
            origin: None,
        };
        r.footnotes = vec![note(1, "12 hồ sơ"), note(2, "30 xã")];
        r.stale = vec![StaleFigure {
            place: FigurePlace::Text(TextTarget::Footnote(FootnoteId(2))),
            start: 0,
            text: "30".into(),
        }];
        r.renumber_footnotes();
        // "30 xã" was footnote 2; its marker comes first, so it is now 1.
        assert_eq!(
            plain_text(&r.footnote(FootnoteId(1)).unwrap().content),
            "30 xã"
        );
        assert_eq!(
            r.stale[0].place,
            FigurePlace::Text(TextTarget::Footnote(FootnoteId(1)))
        );
    }

    #[test]
    fn a_second_definition_of_one_number_is_kept() {
        let mut r = Report::new();
        r.body.intro = vec![para(
            1,
            vec![Inline::text("a"), Inline::Note(FootnoteId(1))],
        )];
        let note = |text: &str| Footnote {
            id: FootnoteId(1),
            content: vec![Inline::text(text)],
            origin: None,
        };
        r.footnotes = vec![note("first"), note("second")];
        r.renumber_footnotes();
        let texts: Vec<(u32, String)> = r
            .footnotes
            .iter()
            .map(|f| (f.id.0, plain_text(&f.content)))
            .collect();
        assert_eq!(texts, [(1, "first".to_string()), (2, "second".to_string())]);
    }

    #[test]
    fn report_round_trips_through_json() {
        let mut r = Report::new();
        r.header.place = "Lạng Sơn".into();
        r.title.summary = "Tình hình tháng 3/2025".into();
        r.body.intro.push(para(1, vec![Inline::text("x")]));
        let json = serde_json::to_string(&r).unwrap();
        let back: Report = serde_json::from_str(&json).unwrap();
        assert_eq!(back, r);
        assert_eq!(back.period(), Some(Period::new(3, 2025).unwrap()));
    }
}
