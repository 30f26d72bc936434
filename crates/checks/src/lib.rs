//! Checks of a report's figures and form. Each rule is its own file with its
//! own tests; all read the report through the text units of [`text`], in which
//! numbers and capitalised words are found once for every rule ([`numbers`],
//! [`words`]).
//!
//! A rule has up to two parts: what it finds in one unit's text alone
//! ([`Local`] findings, which depend on nothing else), and what it finds
//! across the document (footnotes, numbering, the period, …). [`run`] does
//! both for every unit; [`Checker`] keeps the local part of units whose text
//! did not change, so a keystroke costs the edited paragraph and the cheap
//! document-level passes, not a full check.
//!
//! # Severity
//!
//! A false error costs more trust than a missed one, so every rule follows
//! one policy:
//!
//! - **error** only when the reading is certain and the arithmetic fails
//!   under every accepted rounding: a percentage is right if it is the exact
//!   value rounded *or* truncated at the decimals written ("97,1%" and
//!   "97,2%" for 97,17…%); a sum of rounded amounts ("tỷ đồng", "triệu
//!   đồng", ha, km, tấn, …) is right within half a unit of the last digit of
//!   each figure; counts of things are exact.
//! - **warning** when the reading is plausible but not certain: a share
//!   claimed with "đạt" (which may also be progress against a plan), parts
//!   named by words that fall short of their total (a group may be left
//!   out), items of a total on separate lines, a list that matches neither
//!   of two coordinated counts, a gap that rounding may explain, a promised
//!   percentage that is missing ("…, đạt tỷ lệ.").
//! - **nothing** for numbers that count nothing: names ("Đề án 06", "Chỉ
//!   thị 24", "Khối 6", "Chương trình 135", "nguyên tắc 5-4-3-2-1", "4.0"),
//!   codes ("mã số TTHC 1.012345", "F0"), labels (a STT column "2.1",
//!   "3.3.1", an item "(1)"), dates, years, ký hiệu ("81/KH-UBND") and map
//!   scales ("tỷ lệ 1/500"). The roles come from the shared number scan
//!   ([`numbers::Role`]), read from the words around each number, never from
//!   a list of sentences.
//!
//! Messages are in Vietnamese: what is wrong, the computed value in
//! Vietnamese notation ("990/4.000 = 24,75%, không phải 25,1%") and the fix.

pub mod abbreviation;
mod checker;
pub mod count;
pub mod cumulative;
pub mod date;
pub mod empty_section;
pub mod footnote;
pub mod heading;
pub mod number_format;
pub mod percent;
pub mod period;
pub mod presend;
pub mod stale;
pub mod structure;
pub mod sum;
pub mod text;
pub mod words;

/// The figure scanner lives in the model (next month's carry-over uses it too).
use baocao_model::numbers;

use baocao_model::{Place, Report};
pub use checker::Checker;
use serde::Serialize;
use std::fmt;
use std::ops::Range;
pub use text::{units, Scan, Unit, UnitKind};

/// The rules, with the ids of the `check` contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Rule {
    Percent,
    Sum,
    Footnote,
    Count,
    Period,
    Heading,
    Date,
    NumberFormat,
    Abbreviation,
    Structure,
    Stale,
    EmptySection,
}

impl Rule {
    /// Every rule, in the order findings are grouped for display.
    pub const ALL: [Rule; 12] = [
        Rule::Percent,
        Rule::Sum,
        Rule::Footnote,
        Rule::Count,
        Rule::Period,
        Rule::Heading,
        Rule::Date,
        Rule::NumberFormat,
        Rule::Abbreviation,
        Rule::Structure,
        Rule::Stale,
        Rule::EmptySection,
    ];

    /// The rule id of the `check` contract.
    pub fn id(self) -> &'static str {
        match self {
            Rule::Percent => "percent",
            Rule::Sum => "sum",
            Rule::Footnote => "footnote",
            Rule::Count => "count",
            Rule::Period => "period",
            Rule::Heading => "heading",
            Rule::Date => "date",
            Rule::NumberFormat => "number-format",
            Rule::Abbreviation => "abbreviation",
            Rule::Structure => "structure",
            Rule::Stale => "stale",
            Rule::EmptySection => "empty-section",
        }
    }

    /// What the rule checks, in Vietnamese, for headings of grouped findings.
    pub fn title_vi(self) -> &'static str {
        match self {
            Rule::Percent => "Tỷ lệ phần trăm",
            Rule::Sum => "Tổng và các thành phần",
            Rule::Footnote => "Chú thích",
            Rule::Count => "Số lượng và danh sách",
            Rule::Period => "Kỳ báo cáo",
            Rule::Heading => "Đánh số đề mục",
            Rule::Date => "Ngày tháng",
            Rule::NumberFormat => "Cách viết số",
            Rule::Abbreviation => "Chữ viết tắt",
            Rule::Structure => "Thể thức",
            Rule::Stale => "Số liệu chưa cập nhật",
            Rule::EmptySection => "Mục chưa có nội dung",
        }
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// How serious a finding is: an error is a wrong figure or form that must be
/// fixed; a warning is likely wrong; info is a suggestion.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    /// The contract's name of the severity.
    pub fn id(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    /// The Vietnamese name, for display.
    pub fn name_vi(self) -> &'static str {
        match self {
            Severity::Error => "lỗi",
            Severity::Warning => "cảnh báo",
            Severity::Info => "gợi ý",
        }
    }
}

/// One problem found in a report.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    /// What is wrong and how to fix it, in Vietnamese.
    pub message: String,
    /// The words the finding is about, as written.
    pub excerpt: String,
    /// 1-based line of the imported text, when the report came from text.
    pub line: Option<u32>,
    /// Where it stands in the report: the page leads there, and its
    /// `Display` names it for the reader ("I › 2 › đoạn 3").
    pub place: Place,
    /// The bytes of the place's text the finding is about, when the rule
    /// knows them: offsets in the editing text of a paragraph, heading or
    /// footnote (`baocao_model::edit_text`, a marker is one `NOTE_CHAR`),
    /// in the text of a cell, the trích yếu, an item of Nơi nhận or a form
    /// field. The page selects them.
    pub span: Option<Range<usize>>,
    /// The one certain correction, when there is exactly one.
    pub fix: Option<Fix>,
}

/// A certain correction of a finding: write `with` in place of the bytes
/// `span` of the finding's place's text (same offsets as [`Finding::span`];
/// an empty span inserts). Offered only when exactly one value is right.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fix {
    /// The button's words: "Sửa thành 61,7%", "Thêm ./.".
    pub label: String,
    /// The bytes of the place's text to replace.
    pub span: Range<usize>,
    /// What to write there.
    pub with: String,
}

impl Finding {
    /// A finding about a place that is not a text unit (the header, the
    /// signature): its line if known and the name of the place.
    pub fn at(
        rule: Rule,
        severity: Severity,
        line: Option<u32>,
        place: Place,
        excerpt: &str,
        message: String,
    ) -> Self {
        Finding {
            rule,
            severity,
            message,
            excerpt: excerpt.to_string(),
            line,
            place,
            span: None,
            fix: None,
        }
    }

    /// The finding with the bytes of its place's text it is about.
    pub fn with_span(mut self, span: Range<usize>) -> Self {
        self.span = Some(span);
        self
    }

    /// The finding with its one certain correction.
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// A finding about a span of one unit's text, found from that text alone; it
/// becomes a [`Finding`] with the unit's current line and place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Local {
    /// The rule that found it.
    pub rule: Rule,
    /// How serious it is.
    pub severity: Severity,
    /// The bytes of the unit's text it is about.
    pub span: Range<usize>,
    /// What is wrong and how to fix it, in Vietnamese.
    pub message: String,
    /// The one certain correction, in the unit's text's offsets.
    pub fix: Option<Fix>,
}

/// A document-level finding with the index of the unit it is about, so the
/// findings of a rule can be put in reading order (an index past the last
/// unit stands for the signature block).
#[derive(Clone, Debug)]
pub struct Placed {
    /// Index of the unit the finding is about.
    pub at: usize,
    /// The finding itself.
    pub finding: Finding,
}

/// The unit-local part of a rule.
type LocalCheck = fn(&Unit, &mut Vec<Local>);

/// The document-level part of a rule.
type DocumentCheck = fn(&[Unit], &Report, &mut Vec<Placed>);

/// The two parts of a rule.
struct RuleCheck {
    rule: Rule,
    /// Findings in one unit's text alone.
    local: Option<LocalCheck>,
    /// Findings across the document.
    document: Option<DocumentCheck>,
}

/// Every rule of this module, in the order of [`Rule::ALL`].
const RULES: [RuleCheck; 12] = [
    RuleCheck {
        rule: Rule::Percent,
        local: Some(percent::local),
        document: None,
    },
    RuleCheck {
        rule: Rule::Sum,
        local: Some(sum::local),
        document: Some(sum::document),
    },
    RuleCheck {
        rule: Rule::Footnote,
        local: None,
        document: Some(footnote::document),
    },
    RuleCheck {
        rule: Rule::Count,
        local: None,
        document: Some(count::document),
    },
    RuleCheck {
        rule: Rule::Period,
        local: None,
        document: Some(period::document),
    },
    RuleCheck {
        rule: Rule::Heading,
        local: None,
        document: Some(heading::document),
    },
    RuleCheck {
        rule: Rule::Date,
        local: Some(date::local),
        document: Some(date::document),
    },
    RuleCheck {
        rule: Rule::NumberFormat,
        local: Some(number_format::local),
        document: Some(number_format::document),
    },
    RuleCheck {
        rule: Rule::Abbreviation,
        local: None,
        document: Some(abbreviation::document),
    },
    RuleCheck {
        rule: Rule::Structure,
        local: None,
        document: Some(structure::document),
    },
    RuleCheck {
        rule: Rule::Stale,
        local: None,
        document: Some(stale::document),
    },
    RuleCheck {
        rule: Rule::EmptySection,
        local: None,
        document: Some(empty_section::document),
    },
];

/// The local findings of every rule in one unit, in the order of [`RULES`].
fn local_findings(unit: &Unit) -> Vec<Local> {
    let mut out = Vec::new();
    for r in &RULES {
        if let Some(local) = r.local {
            local(unit, &mut out);
        }
    }
    out
}

/// Runs one rule: its local findings of every unit (given by `locals`, unit
/// by unit: the local findings of every rule in that unit) and its document
/// findings, in reading order.
fn run_rule<'a>(
    r: &RuleCheck,
    units: &[Unit],
    ranks: &[usize],
    report: &Report,
    locals: &dyn Fn(usize) -> &'a [Local],
    out: &mut Vec<Finding>,
) {
    let mut placed = Vec::new();
    if r.local.is_some() {
        for (i, unit) in units.iter().enumerate() {
            for l in locals(i).iter().filter(|l| l.rule == r.rule) {
                placed.push(Placed {
                    at: i,
                    finding: unit.finding_with(
                        l.rule,
                        l.severity,
                        l.span.clone(),
                        l.message.clone(),
                        l.fix.clone(),
                    ),
                });
            }
        }
    }
    if let Some(document) = r.document {
        document(units, report, &mut placed);
    }
    baocao_model::order::sort_stable_by_key(&mut placed, |p| {
        ranks.get(p.at).copied().unwrap_or(p.at)
    });
    out.extend(placed.into_iter().map(|p| p.finding));
}

/// Runs the rule `rule` alone over the units, as [`run`] does (for the rules'
/// `check` functions and their tests).
fn check_rule(rule: Rule, units: &[Unit], report: &Report, out: &mut Vec<Finding>) {
    for r in RULES.iter().filter(|r| r.rule == rule) {
        let locals: Vec<Vec<Local>> = units
            .iter()
            .map(|u| {
                let mut l = Vec::new();
                if let Some(local) = r.local {
                    local(u, &mut l);
                }
                l
            })
            .collect();
        let ranks = text::reading_ranks(units);
        run_rule(r, units, &ranks, report, &|i| &locals[i], out);
    }
}

/// Runs every rule over the report; findings come in reading order within
/// each rule, rules in the order of [`Rule::ALL`].
pub fn run(report: &Report) -> Vec<Finding> {
    let units = units(report);
    let ranks = text::reading_ranks(&units);
    // Each unit's local findings of every rule, found once (a local check
    // reads its unit alone, so the order of the calls does not matter).
    let locals: Vec<Vec<Local>> = units.iter().map(local_findings).collect();
    let mut out = Vec::new();
    for r in &RULES {
        run_rule(r, &units, &ranks, report, &|i| &locals[i], &mut out);
    }
    out
}

/// One rule's findings in an imported text, for the rules' tests.
#[cfg(test)]
pub(crate) fn findings_of(
    check: fn(&[Unit], &Report, &mut Vec<Finding>),
    text: &str,
) -> Vec<Finding> {
    let report = baocao_import::import_text(text).expect("test text is not empty");
    let mut out = Vec::new();
    check(&units(&report), &report, &mut out);
    out
}

/// The findings as the official reads them: errors first, then warnings,
/// then hints; within each, in the order of their places in the report (the
/// header, tên loại, the trích yếu, the body with each footnote after the
/// text that refers to it, Nơi nhận, the signature) and, in one place, by
/// where in its text. Findings that tie keep the order of [`run`].
pub fn in_reading_order(report: &Report, findings: &[Finding]) -> Vec<Finding> {
    // Only the places matter here: skip the scanners.
    let blank = std::sync::Arc::new(Scan::default());
    let units = text::units_with(report, &mut |_, _| blank.clone());
    let ranks = text::reading_ranks(&units);
    // Before the units: the document as a whole, the header's fields, the kind.
    const BEFORE: usize = 10;
    let after = BEFORE + units.len();
    let unit_rank =
        |keep: &dyn Fn(&Unit) -> bool| units.iter().position(keep).map(|i| BEFORE + ranks[i]);
    let rank = |place: &Place| -> usize {
        use baocao_model::HeaderField as H;
        match place {
            Place::Document => 0,
            Place::Header(H::NationalName) => 1,
            Place::Header(H::Motto) => 2,
            Place::Header(H::ParentAgency) => 3,
            Place::Header(H::IssuingAgency) => 4,
            Place::Header(H::NumberCode) => 5,
            Place::Header(H::PlaceDate) => 6,
            Place::Kind => 7,
            Place::Table { table, .. } => unit_rank(&|u| u.block == Some(*table)).unwrap_or(after),
            Place::Recipients => {
                unit_rank(&|u| matches!(u.kind, UnitKind::Recipient(_))).unwrap_or(after)
            }
            Place::Signature(_) => after + 1,
            other => unit_rank(&|u| u.place == *other).unwrap_or(after),
        }
    };
    let mut keyed: Vec<(Severity, usize, usize, &Finding)> = findings
        .iter()
        .map(|f| {
            let start = f.span.as_ref().map_or(0, |s| s.start);
            (f.severity, rank(&f.place), start, f)
        })
        .collect();
    baocao_model::order::sort_stable_by_key(&mut keyed, |(severity, rank, start, _)| {
        (*severity, *rank, *start)
    });
    keyed.into_iter().map(|(_, _, _, f)| f.clone()).collect()
}

/// Whether any finding is an error (the CLI's exit status 1).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The registry the Checker runs is in the order `run` calls the rules.
    #[test]
    fn rules_are_registered_in_contract_order() {
        let registered: Vec<Rule> = RULES.iter().map(|r| r.rule).collect();
        assert_eq!(registered, Rule::ALL);
    }

    #[test]
    fn findings_come_grouped_by_rule_in_contract_order() {
        let text = baocao_testdata::MAR_2025.replacen("chiếm 2,34%", "chiếm 2,43%", 1);
        let findings = run(&baocao_import::import_text(&text).unwrap());
        let ranks: Vec<usize> = findings
            .iter()
            .map(|f| Rule::ALL.iter().position(|r| *r == f.rule).unwrap_or(0))
            .collect();
        assert!(ranks.windows(2).all(|w| w[0] <= w[1]));
        assert_eq!(findings[0].rule, Rule::Percent);
    }
}
