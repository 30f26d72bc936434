//! Checks of a report's figures and form. Each rule is its own file with its
//! own tests; all read the report through the text units of [`text`], in which
//! numbers are found once for every rule ([`numbers`]).

pub mod numbers;
mod percent;
pub mod stale;
pub mod text;

use crate::report::{BlockId, Report};
use serde::Serialize;
use std::fmt;
pub use text::{units, Unit, UnitKind};

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
}

impl Rule {
    /// Every rule, in the order findings are grouped for display.
    pub const ALL: [Rule; 11] = [
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
    /// Where it stands in the report's structure, e.g. "I › 2 › đoạn 3".
    pub path: String,
    /// The section or block it is about, for the editor to scroll to.
    pub block: Option<BlockId>,
}

/// Runs every rule over the report; findings come in reading order within
/// each rule, rules in the order of [`Rule::ALL`].
pub fn run(report: &Report) -> Vec<Finding> {
    let units = units(report);
    let mut out = Vec::new();
    percent::check(&units, &mut out);
    stale::check(report, &mut out);
    out.sort_by_key(|f| Rule::ALL.iter().position(|r| *r == f.rule));
    out
}

/// Whether any finding is an error (the CLI's exit status 1).
pub fn has_errors(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Error)
}
