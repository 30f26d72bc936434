//! The undo history of structural changes (outline, blocks, footnotes,
//! pastes). A change is recorded with its label only if it changed the
//! report: an edit that was refused (moving the first section up) leaves the
//! history as it was, so "Hoàn tác" never names, or undoes, a change that did
//! not happen. An undone change can be redone (Ctrl+Y) until a new change
//! is recorded, as in Word.

use baocao_model::Report;

/// How many structural changes can be undone.
pub const UNDO_DEPTH: usize = 20;

/// The outcome of a change run through [`History::apply`].
#[must_use]
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Applied<T> {
    /// What the change returned.
    pub value: T,
    /// Whether the report is different afterwards (and so can be undone).
    pub changed: bool,
}

/// Snapshots of the report before each recorded change, newest last.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    entries: Vec<(String, Report)>,
    /// Snapshots of the report after each undone change, the next to redo last.
    redone: Vec<(String, Report)>,
}

impl History {
    /// An empty history (a draft just opened).
    pub fn new() -> Self {
        History::default()
    }

    /// Runs `change` on the report and records it under `label` if it
    /// changed anything.
    pub fn apply<T>(
        &mut self,
        report: &mut Report,
        label: &str,
        change: impl FnOnce(&mut Report) -> T,
    ) -> Applied<T> {
        let before = report.clone();
        let value = change(report);
        let changed = *report != before;
        if changed {
            // A new change ends the line of changes that could be redone.
            self.redone.clear();
            self.entries.push((label.to_string(), before));
            if self.entries.len() > UNDO_DEPTH {
                self.entries.remove(0);
            }
        }
        Applied { value, changed }
    }

    /// Puts the report back as it was before the last recorded change;
    /// returns that change's label, or None when there is nothing to undo.
    pub fn undo(&mut self, report: &mut Report) -> Option<String> {
        let (label, before) = self.entries.pop()?;
        let after = std::mem::replace(report, before);
        self.redone.push((label.clone(), after));
        Some(label)
    }

    /// Makes again the change the last [`History::undo`] took back; returns
    /// its label, or None when there is nothing to redo.
    pub fn redo(&mut self, report: &mut Report) -> Option<String> {
        let (label, after) = self.redone.pop()?;
        let before = std::mem::replace(report, after);
        self.entries.push((label.clone(), before));
        if self.entries.len() > UNDO_DEPTH {
            self.entries.remove(0);
        }
        Some(label)
    }

    /// The label of the change that [`History::redo`] would make again.
    pub fn next_redo_label(&self) -> Option<&str> {
        self.redone.last().map(|(l, _)| l.as_str())
    }

    /// The label of the change that [`History::undo`] would take back.
    pub fn last_label(&self) -> Option<&str> {
        self.entries.last().map(|(l, _)| l.as_str())
    }

    /// How many changes can be undone.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether there is nothing to undo.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Forgets every change (another draft was opened).
    pub fn clear(&mut self) {
        self.entries.clear();
        self.redone.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::template::monthly_report;
    use crate::ReportEdit;
    use baocao_model::Period;

    fn report() -> Report {
        monthly_report(Period::new(3, 2026).unwrap())
    }

    #[test]
    fn moving_the_first_section_up_leaves_the_undo_history_as_it_was() {
        let mut r = report();
        let mut h = History::new();
        let second = r.body.sections[1].id;
        let moved = h.apply(&mut r, "Chuyển mục lên", |r| {
            r.body.move_section(second, true)
        });
        assert!(moved.value && moved.changed);
        assert_eq!(h.last_label(), Some("Chuyển mục lên"));
        let before = h.clone();
        let first = r.body.sections[0].id;
        let refused = h.apply(&mut r, "Chuyển mục lên (lần hai)", |r| {
            r.body.move_section(first, true)
        });
        assert!(!refused.value && !refused.changed);
        assert_eq!(h, before, "a refused move records nothing");
        assert_eq!(h.last_label(), Some("Chuyển mục lên"));
    }

    #[test]
    fn undo_takes_back_the_last_change_that_happened() {
        let original = report();
        let mut r = original.clone();
        let mut h = History::new();
        let part = r.body.sections[0].id;
        let _ = h.apply(&mut r, "Xoá mục I", |r| r.remove_section(part));
        let after_delete = r.clone();
        let first = r.body.sections[0].id;
        let _ = h.apply(&mut r, "Chuyển mục lên", |r| {
            r.body.move_section(first, true)
        });
        assert_eq!(r, after_delete);
        assert_eq!(h.undo(&mut r), Some("Xoá mục I".to_string()));
        assert_eq!(r, original);
        assert_eq!(h.undo(&mut r), None);
        assert_eq!(r, original);
    }

    #[test]
    fn redo_makes_again_what_undo_took_back_in_order() {
        let original = report();
        let mut r = original.clone();
        let mut h = History::new();
        let item = r.body.sections[0].children[1].id;
        let _ = h.apply(&mut r, "Hạ cấp mục", |r| r.body.indent_section(item));
        let demoted = r.clone();
        assert_ne!(demoted, original);
        let first = r.body.sections[0].id;
        let _ = h.apply(&mut r, "Xoá mục I", |r| r.remove_section(first));
        let deleted = r.clone();
        assert_eq!(h.redo(&mut r), None, "nothing undone yet");
        assert_eq!(h.undo(&mut r), Some("Xoá mục I".to_string()));
        assert_eq!(h.undo(&mut r), Some("Hạ cấp mục".to_string()));
        assert_eq!(r, original);
        assert_eq!(h.next_redo_label(), Some("Hạ cấp mục"));
        assert_eq!(h.redo(&mut r), Some("Hạ cấp mục".to_string()));
        assert_eq!(r, demoted);
        assert_eq!(h.redo(&mut r), Some("Xoá mục I".to_string()));
        assert_eq!(r, deleted);
        assert_eq!(h.redo(&mut r), None);
        // Redone changes can be undone again.
        assert_eq!(h.undo(&mut r), Some("Xoá mục I".to_string()));
        assert_eq!(r, demoted);
    }

    #[test]
    fn a_new_change_after_an_undo_ends_the_redo() {
        let mut r = report();
        let mut h = History::new();
        let _ = h.apply(&mut r, "Sửa 1", |r| r.title.summary.push('x'));
        assert!(h.undo(&mut r).is_some());
        assert_eq!(h.next_redo_label(), Some("Sửa 1"));
        let _ = h.apply(&mut r, "Sửa 2", |r| r.title.summary.push('y'));
        assert_eq!(h.next_redo_label(), None);
        assert_eq!(h.redo(&mut r), None);
        // A refused change keeps the redo.
        assert!(h.undo(&mut r).is_some());
        let first = r.body.sections[0].id;
        let _ = h.apply(&mut r, "Chuyển mục lên", |r| {
            r.body.move_section(first, true)
        });
        assert_eq!(h.next_redo_label(), Some("Sửa 2"));
        h.clear();
        assert_eq!(h.next_redo_label(), None);
    }

    #[test]
    fn the_history_keeps_the_last_changes_only() {
        let mut r = report();
        let mut h = History::new();
        for i in 0..UNDO_DEPTH + 5 {
            let _ = h.apply(&mut r, &format!("Sửa {i}"), |r| {
                r.title.summary.push('x');
            });
        }
        assert_eq!(h.len(), UNDO_DEPTH);
        assert_eq!(
            h.last_label(),
            Some(format!("Sửa {}", UNDO_DEPTH + 4).as_str())
        );
    }
}
