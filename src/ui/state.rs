//! The page's state and the effects that touch storage: one place where drafts
//! are read and written (as in Leptos's todomvc), so components stay thin.

use crate::drafts::local::LocalStore;
use crate::drafts::{Draft, DraftError, DraftId, Library, Listing, StoreError};
use crate::report::Report;
use leptos::prelude::*;
use std::time::Duration;

/// Whether the open draft is saved.
#[derive(Clone, Debug, PartialEq)]
pub enum SaveStatus {
    /// Nothing to save yet.
    Idle,
    /// A change waits for the autosave.
    Pending,
    /// Saved at this time ("14:32").
    Saved(String),
    /// Not saved: the reason, in Vietnamese. The work stays in memory.
    Failed(String),
    /// Another tab saved this draft in the meantime.
    Conflict,
}

/// Everything the components share.
#[derive(Clone, Copy)]
pub struct AppState {
    pub listing: RwSignal<Listing>,
    pub current: RwSignal<Option<Draft>>,
    pub status: RwSignal<SaveStatus>,
    /// A message for the user (errors of storage, import, …).
    pub notice: RwSignal<Option<String>>,
    autosave: StoredValue<Option<TimeoutHandle>>,
}

/// Milliseconds since 1970, from the browser's clock.
pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// "14:32" for a time in milliseconds.
pub fn clock(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    format!("{:02}:{:02}", d.get_hours(), d.get_minutes())
}

fn library() -> Library<LocalStore> {
    Library::new(LocalStore)
}

/// How long after the last change the draft is saved.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(600);

impl AppState {
    /// Reads the drafts from storage.
    pub fn new() -> Self {
        let state = AppState {
            listing: RwSignal::new(Listing::default()),
            current: RwSignal::new(None),
            status: RwSignal::new(SaveStatus::Idle),
            notice: RwSignal::new(None),
            autosave: StoredValue::new(None),
        };
        state.refresh();
        state
    }

    /// Reloads the list of drafts from storage.
    pub fn refresh(&self) {
        match library().list() {
            Ok(listing) => self.listing.set(listing),
            Err(e) => self.notice.set(Some(e.to_string())),
        }
    }

    /// Creates a draft and opens it.
    pub fn create(&self, name: &str, report: Report) {
        self.flush();
        match library().create(name, report, now_ms()) {
            Ok(draft) => {
                self.status.set(SaveStatus::Saved(clock(draft.updated_ms)));
                self.current.set(Some(draft));
            }
            Err(e) => self.notice.set(Some(e.to_string())),
        }
        self.refresh();
    }

    /// Opens a stored draft.
    pub fn open(&self, id: &DraftId) {
        self.flush();
        match library().load(id) {
            Ok(draft) => {
                self.status.set(SaveStatus::Saved(clock(draft.updated_ms)));
                self.current.set(Some(draft));
                self.notice.set(None);
            }
            Err(e) => self.notice.set(Some(e.to_string())),
        }
    }

    /// Renames a draft (the open one too, if it is that one).
    pub fn rename(&self, id: &DraftId, name: &str) {
        if name.trim().is_empty() {
            self.notice
                .set(Some("Tên bản nháp không được để trống.".into()));
            return;
        }
        self.flush();
        match library().rename(id, name, now_ms()) {
            Ok(renamed) => {
                self.current.update(|c| {
                    if let Some(d) = c.as_mut().filter(|d| d.id == *id) {
                        d.name = renamed.name.clone();
                        d.revision = renamed.revision;
                        d.updated_ms = renamed.updated_ms;
                    }
                });
            }
            Err(e) => self.notice.set(Some(e.to_string())),
        }
        self.refresh();
    }

    /// Deletes a draft; returns it so the list can offer to undo.
    pub fn delete(&self, id: &DraftId) -> Option<Draft> {
        if self
            .current
            .with_untracked(|c| c.as_ref().is_some_and(|d| d.id == *id))
        {
            self.cancel_autosave();
            self.current.set(None);
            self.status.set(SaveStatus::Idle);
        }
        let removed = match library().delete(id) {
            Ok(d) => Some(d),
            Err(e) => {
                self.notice.set(Some(e.to_string()));
                None
            }
        };
        self.refresh();
        removed
    }

    /// Puts a deleted draft back.
    pub fn undo_delete(&self, draft: &Draft) {
        if let Err(e) = library().restore(draft) {
            self.notice.set(Some(e.to_string()));
        }
        self.refresh();
    }

    /// Applies a change to the open draft and schedules the autosave.
    pub fn edit(&self, change: impl FnOnce(&mut Report)) {
        let mut changed = false;
        self.current.update(|c| {
            if let Some(d) = c.as_mut() {
                change(&mut d.report);
                changed = true;
            }
        });
        if changed {
            self.schedule_save();
        }
    }

    fn cancel_autosave(&self) {
        if let Some(handle) = self.autosave.get_value() {
            handle.clear();
        }
        self.autosave.set_value(None);
    }

    fn schedule_save(&self) {
        self.cancel_autosave();
        if self.status.get_untracked() != SaveStatus::Conflict {
            self.status.set(SaveStatus::Pending);
        }
        let state = *self;
        let handle = set_timeout_with_handle(move || state.save_now(), AUTOSAVE_DELAY).ok();
        self.autosave.set_value(handle);
    }

    /// Saves a pending change at once (before switching drafts, on Ctrl+S).
    pub fn flush(&self) {
        if self.autosave.get_value().is_some() {
            self.save_now();
        }
    }

    /// Saves the open draft now, unless another tab saved it meanwhile.
    pub fn save_now(&self) {
        self.cancel_autosave();
        if self.status.get_untracked() == SaveStatus::Conflict {
            return;
        }
        let Some(mut draft) = self.current.get_untracked() else {
            return;
        };
        let result = library().save(&mut draft, now_ms());
        self.after_save(result, draft);
    }

    /// Saves the open draft over the other tab's version (the user chose so).
    pub fn keep_mine(&self) {
        let Some(mut draft) = self.current.get_untracked() else {
            return;
        };
        self.status.set(SaveStatus::Pending);
        let result = library().save_over(&mut draft, now_ms());
        self.after_save(result, draft);
    }

    /// Drops the changes made here and opens the other tab's version.
    pub fn take_theirs(&self) {
        if let Some(id) = self
            .current
            .with_untracked(|c| c.as_ref().map(|d| d.id.clone()))
        {
            self.cancel_autosave();
            self.status.set(SaveStatus::Idle);
            self.open(&id);
        }
    }

    fn after_save(&self, result: Result<(), DraftError>, saved: Draft) {
        match result {
            Ok(()) => {
                // Keep edits made while saving; take the new revision and time.
                self.current.update(|c| {
                    if let Some(d) = c.as_mut().filter(|d| d.id == saved.id) {
                        d.revision = saved.revision;
                        d.updated_ms = saved.updated_ms;
                    }
                });
                self.status.set(SaveStatus::Saved(clock(saved.updated_ms)));
                self.refresh();
            }
            Err(DraftError::Conflict { .. }) => self.status.set(SaveStatus::Conflict),
            Err(DraftError::Store(StoreError::Full)) => self
                .status
                .set(SaveStatus::Failed(StoreError::Full.to_string())),
            Err(e) => self.status.set(SaveStatus::Failed(e.to_string())),
        }
    }
}
