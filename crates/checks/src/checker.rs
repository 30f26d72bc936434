//! The incremental checker: the page re-checks the report as the official
//! types, so the work done for text that did not change is kept.

use super::text::{reading_ranks, units_with, Scan, TextHasher};
use super::{local_findings, run_rule, Finding, Local, UnitKind, RULES};
use baocao_model::Report;
use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::Arc;

/// What is kept of one unit's text: its scan and the rules' local findings,
/// both of which depend on the text and the kind of unit alone.
struct Entry {
    scan: Arc<Scan>,
    locals: Vec<Local>,
}

/// An entry of the cache and the last check that met its text.
struct Kept {
    entry: Arc<Entry>,
    check: u64,
}

/// The kinds of unit whose text the local rules read alike.
fn category(kind: UnitKind) -> usize {
    match kind {
        UnitKind::Summary => 0,
        UnitKind::Heading(level) => 1 + usize::from(level.depth() - 1),
        UnitKind::Paragraph => 5,
        UnitKind::TableCell => 6,
        UnitKind::Footnote(_) => 7,
        UnitKind::Recipient(_) => 8,
    }
}

const CATEGORIES: usize = 9;

type Cache = [HashMap<String, Kept, BuildHasherDefault<TextHasher>>; CATEGORIES];

/// Checks a report again and again as it is edited, with the same findings
/// as [`super::run`]. It keeps, per text of a unit, what the scanners and the
/// local parts of the rules found; the document-level parts (footnotes,
/// numbering, period, totals across paragraphs, abbreviations, structure) run
/// on every check, over those kept results.
///
/// A check of a report equal to the last one checked (the page re-checks
/// after a keystroke that changed nothing, or after a change undone) gives
/// the last findings again at the cost of comparing the two reports: the
/// checker keeps a copy of the last report and its findings. Any other check
/// builds every unit (the plain text of each paragraph, its place), finds
/// each text in the cache by its hash, runs every document-level part and
/// turns the kept local findings into findings.
#[derive(Default)]
pub struct Checker {
    cache: Cache,
    /// The last report checked and its findings.
    last: Option<(Report, Vec<Finding>)>,
    /// How many checks have run: the texts a check did not meet are dropped
    /// at its end.
    checks: u64,
}

impl Checker {
    /// A checker with nothing kept yet.
    pub fn new() -> Self {
        Checker::default()
    }

    /// The findings of every rule, as [`super::run`] gives them.
    pub fn check(&mut self, report: &Report) -> Vec<Finding> {
        if let Some((last, findings)) = &self.last {
            if last == report {
                return findings.clone();
            }
        }
        let findings = self.check_again(report);
        self.last = Some((report.clone(), findings.clone()));
        findings
    }

    /// The findings of every rule, from the units kept and the new ones.
    fn check_again(&mut self, report: &Report) -> Vec<Finding> {
        self.checks += 1;
        let now = self.checks;
        let cache = &mut self.cache;
        let mut entries: Vec<Option<Arc<Entry>>> = Vec::new();
        let units = units_with(
            report,
            &mut |kind, text| match cache[category(kind)].get_mut(text) {
                Some(kept) => {
                    kept.check = now;
                    let scan = kept.entry.scan.clone();
                    entries.push(Some(kept.entry.clone()));
                    scan
                }
                None => {
                    entries.push(None);
                    Arc::new(Scan::new(text))
                }
            },
        );
        let entries: Vec<Arc<Entry>> = entries
            .into_iter()
            .zip(&units)
            .map(|(entry, unit)| match entry {
                Some(e) => e,
                None => {
                    let map = &mut cache[category(unit.kind)];
                    // A text met twice in this check is scanned once.
                    if let Some(kept) = map.get(unit.text.as_str()) {
                        return kept.entry.clone();
                    }
                    let e = Arc::new(Entry {
                        scan: unit.scan.clone(),
                        locals: local_findings(unit),
                    });
                    map.insert(
                        unit.text.clone(),
                        Kept {
                            entry: e.clone(),
                            check: now,
                        },
                    );
                    e
                }
            })
            .collect();
        for map in cache.iter_mut() {
            map.retain(|_, kept| kept.check == now);
        }
        let ranks = reading_ranks(&units);
        let mut out = Vec::new();
        for r in &RULES {
            run_rule(r, &units, &ranks, report, &|i| &entries[i].locals, &mut out);
        }
        out
    }

    /// How many distinct unit texts are kept (for tests and measurements).
    pub fn kept(&self) -> usize {
        self.cache.iter().map(HashMap::len).sum()
    }
}
