//! The incremental checker: the page re-checks the report as the official
//! types, so the work done for text that did not change is kept.

use super::text::{reading_ranks, units_with, Scan};
use super::{local_findings, run_rule, Finding, Local, UnitKind, RULES};
use baocao_model::Report;
use std::collections::HashMap;
use std::sync::Arc;

/// What is kept of one unit's text: its scan and the rules' local findings,
/// both of which depend on the text and the kind of unit alone.
struct Entry {
    scan: Arc<Scan>,
    locals: Vec<Local>,
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

type Cache = [HashMap<String, Arc<Entry>>; CATEGORIES];

/// Checks a report again and again as it is edited, with the same findings
/// as [`super::run`]. It keeps, per text of a unit, what the scanners and the
/// local parts of the rules found; the document-level parts (footnotes,
/// numbering, period, totals across paragraphs, abbreviations, structure) run
/// on every check, over those kept results.
#[derive(Default)]
pub struct Checker {
    cache: Cache,
}

impl Checker {
    /// A checker with nothing kept yet.
    pub fn new() -> Self {
        Checker::default()
    }

    /// The findings of every rule, as [`super::run`] gives them.
    pub fn check(&mut self, report: &Report) -> Vec<Finding> {
        let mut old = std::mem::take(&mut self.cache);
        let mut kept: Cache = Default::default();
        let mut entries: Vec<Option<Arc<Entry>>> = Vec::new();
        let units = units_with(report, &mut |kind, text| {
            let c = category(kind);
            let entry = match old[c].remove_entry(text) {
                Some((key, entry)) => {
                    kept[c].insert(key, entry.clone());
                    Some(entry)
                }
                None => kept[c].get(text).cloned(),
            };
            let scan = match &entry {
                Some(e) => e.scan.clone(),
                None => Arc::new(Scan::new(text)),
            };
            entries.push(entry);
            scan
        });
        let entries: Vec<Arc<Entry>> = entries
            .into_iter()
            .zip(&units)
            .map(|(entry, unit)| match entry {
                Some(e) => e,
                None => {
                    let e = Arc::new(Entry {
                        scan: unit.scan.clone(),
                        locals: local_findings(unit),
                    });
                    kept[category(unit.kind)].insert(unit.text.clone(), e.clone());
                    e
                }
            })
            .collect();
        self.cache = kept;
        let ranks = reading_ranks(&units);
        let mut out = Vec::new();
        for r in &RULES {
            let locals = |i: usize| entries[i].locals.clone();
            run_rule(r, &units, &ranks, report, &locals, &mut out);
        }
        out
    }

    /// How many distinct unit texts are kept (for tests and measurements).
    pub fn kept(&self) -> usize {
        self.cache.iter().map(HashMap::len).sum()
    }
}
