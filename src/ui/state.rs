//! The page's state and its effects: the one place where drafts are read and
//! written, the autosave, the checks and the editing operations, so the
//! components stay thin.
//!
//! Speed on a long report comes from how changes are announced. Typing
//! changes the open draft without notifying its readers (`update_untracked`);
//! then the one text field that changed is already right on screen, and only
//! cheap counters move: `structure` when sections or blocks come and go,
//! `notes` when footnotes are renumbered, per-field versions when a field's
//! content changed from outside. The checks and the preview run shortly
//! after typing stops; the autosave at most a second after a change.

use super::documents;
use super::dom;
use super::download;
use crate::local_store::LocalStore;
use baocao_checks::{self, Checker, Finding, Rule};
use baocao_drafts::backup;
use baocao_drafts::{
    Draft, DraftError, DraftId, Library, Listing, PreviousTasks, StoreError, DRAFT_PREFIX,
    META_PREFIX,
};
use baocao_model::{BlockId, FigurePlace, Inline, Period, Report, TextTarget};
use baocao_session::carry::{confirm_place, next_month};
use baocao_session::edit::Caret;
use baocao_session::input::{is_word_file, open_plain_as_draft, Opened};
use baocao_session::template::{blank_report, monthly_report, period_draft_name};
use baocao_session::typing::{type_text, Typed};
use baocao_session::History;
use baocao_session::{ReportEdit, StaleMarks};
use leptos::prelude::*;
use std::collections::HashMap;
use std::time::Duration;
use wasm_bindgen::JsCast;

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
    /// Another tab saved or deleted this draft in the meantime; nothing is
    /// written until the official chooses.
    Conflict,
}

/// How a message to the official looks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tone {
    Error,
    Info,
}

/// A message at the top of the page.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub tone: Tone,
    pub text: String,
}

/// What the main column shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Edit,
    Preview,
}

/// Everything the components share.
#[derive(Clone, Copy)]
pub struct AppState {
    pub listing: RwSignal<Listing>,
    /// The open draft. Edits change it without notifying (see the module
    /// documentation); it notifies when another draft is opened.
    pub current: RwSignal<Option<Draft>>,
    pub status: RwSignal<SaveStatus>,
    pub notice: RwSignal<Option<Notice>>,
    /// Storage refused a write because it is full: offer the backup.
    pub storage_full: RwSignal<bool>,
    /// Sections or blocks of the open draft came, went or moved.
    pub structure: RwSignal<u64>,
    /// The footnotes were added, removed or renumbered.
    pub notes: RwSignal<u64>,
    /// The whole draft was replaced (another tab's version, an undo):
    /// every field shows the model again.
    pub reload: RwSignal<u64>,
    /// Findings of the open draft, shortly after the last change.
    pub findings: RwSignal<Vec<Finding>>,
    /// Moves with the findings: the preview redraws on it.
    pub settled: RwSignal<u64>,
    /// The text field the official is in, for the toolbar.
    pub focused: RwSignal<Option<TextTarget>>,
    /// A deleted draft, while its deletion can be undone.
    pub deleted: RwSignal<Option<Draft>>,
    /// What the last structural change was, while it can be undone.
    pub undo_label: RwSignal<Option<String>>,
    pub view: RwSignal<View>,
    /// Whether the list of drafts is shown on a narrow screen.
    pub drafts_open: RwSignal<bool>,
    editors: StoredValue<HashMap<TextTarget, RwSignal<u64>>>,
    autosave: StoredValue<Option<TimeoutHandle>>,
    settle: StoredValue<Option<TimeoutHandle>>,
    /// Keeps the findings of paragraphs that did not change, so a keystroke
    /// re-checks one paragraph and the document-level rules, not everything.
    checker: StoredValue<Checker>,
    undo: StoredValue<History>,
    caret: StoredValue<Option<Caret>>,
    /// The last selection in a text field (target, anchor, focus), for the
    /// formatting buttons used from the keyboard.
    selection: StoredValue<Option<(TextTarget, usize, usize)>>,
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

/// "14:32, 05/03/2025" for a time in milliseconds (the list's last change).
pub fn clock_and_day(ms: f64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms));
    let today = js_sys::Date::new_0();
    let same_day = d.get_date() == today.get_date()
        && d.get_month() == today.get_month()
        && d.get_full_year() == today.get_full_year();
    if same_day {
        format!("{} hôm nay", clock(ms))
    } else {
        format!(
            "{}, {:02}/{:02}/{}",
            clock(ms),
            d.get_date(),
            d.get_month() + 1,
            d.get_full_year()
        )
    }
}

/// The month the browser's clock is in.
pub fn this_month() -> Period {
    let d = js_sys::Date::new_0();
    Period::new((d.get_month() + 1) as u8, d.get_full_year() as u16).unwrap_or(Period {
        year: 2025,
        month: 1,
    })
}

fn library() -> Library<LocalStore> {
    Library::new(LocalStore)
}

/// The autosave runs this long after the first unsaved change (not after
/// the last: typing for an hour still saves every second).
const AUTOSAVE_DELAY: Duration = Duration::from_millis(700);
/// The checks and the preview run this long after typing stops.
const SETTLE_DELAY: Duration = Duration::from_millis(250);
/// Where the page remembers which draft was open, to reopen it on reload.
const LAST_OPEN_KEY: &str = "baocao/ui/last-open";

impl AppState {
    /// Reads the drafts from storage and reopens the draft open last time.
    pub fn new() -> Self {
        let state = AppState {
            listing: RwSignal::new(Listing::default()),
            current: RwSignal::new(None),
            status: RwSignal::new(SaveStatus::Idle),
            notice: RwSignal::new(None),
            storage_full: RwSignal::new(false),
            structure: RwSignal::new(0),
            notes: RwSignal::new(0),
            reload: RwSignal::new(0),
            findings: RwSignal::new(Vec::new()),
            settled: RwSignal::new(0),
            focused: RwSignal::new(None),
            deleted: RwSignal::new(None),
            undo_label: RwSignal::new(None),
            view: RwSignal::new(View::Edit),
            drafts_open: RwSignal::new(false),
            editors: StoredValue::new(HashMap::new()),
            autosave: StoredValue::new(None),
            settle: StoredValue::new(None),
            checker: StoredValue::new(Checker::new()),
            undo: StoredValue::new(History::new()),
            caret: StoredValue::new(None),
            selection: StoredValue::new(None),
        };
        state.refresh();
        let last = library()
            .store
            .get_raw(LAST_OPEN_KEY)
            .map(DraftId)
            .filter(|id| {
                state
                    .listing
                    .with_untracked(|l| l.drafts.iter().any(|d| d.id == *id))
            });
        if let Some(id) = last {
            state.open(&id);
        }
        state
    }

    /// Shows a message.
    pub fn say(&self, tone: Tone, text: impl Into<String>) {
        self.notice.set(Some(Notice {
            tone,
            text: text.into(),
        }));
    }

    /// Reloads the list of drafts from storage.
    pub fn refresh(&self) {
        match library().list() {
            Ok(listing) => self.listing.set(listing),
            Err(e) => self.say(Tone::Error, e.to_string()),
        }
    }

    // ----- Drafts -----------------------------------------------------------

    /// Creates the monthly report of the current month from the template.
    pub fn create_from_template(&self) {
        let period = this_month();
        self.create(&period_draft_name(period), monthly_report(period), None);
    }

    /// Creates an empty draft.
    pub fn create_blank(&self) {
        let n = self.listing.with_untracked(|l| l.drafts.len()) + 1;
        self.create(&format!("Bản nháp {n}"), blank_report(), None);
    }

    /// Stores a new draft and opens it. When storage refuses it (full), the
    /// draft opens anyway and lives in memory until it can be saved.
    pub fn create(&self, name: &str, report: Report, previous_tasks: Option<PreviousTasks>) {
        self.flush();
        let now = now_ms();
        let mut lib = library();
        let mut draft = match lib.new_draft(name, report, now) {
            Ok(d) => d,
            Err(e) => {
                self.say(Tone::Error, e.to_string());
                return;
            }
        };
        draft.previous_tasks = previous_tasks;
        let result = lib.insert(&mut draft, now);
        self.show(draft.clone());
        match result {
            Ok(()) => self.status.set(SaveStatus::Saved(clock(draft.updated_ms))),
            Err(e) => self.save_failed(e),
        }
        self.refresh();
    }

    /// Shows a draft in the editor.
    fn show(&self, draft: Draft) {
        self.cancel_timer(self.autosave);
        self.undo.update_value(History::clear);
        self.undo_label.set(None);
        self.focused.set(None);
        self.caret.set_value(None);
        let _ = LocalStore.set_raw(LAST_OPEN_KEY, &draft.id.0);
        self.current.set(Some(draft));
        self.drafts_open.set(false);
        self.run_checks();
    }

    /// Opens a stored draft (a draft of an older version is migrated).
    pub fn open(&self, id: &DraftId) {
        if self
            .current
            .with_untracked(|c| c.as_ref().is_some_and(|d| d.id == *id))
        {
            self.drafts_open.set(false);
            return;
        }
        self.flush();
        let t0 = dom::now();
        match library().load(id) {
            Ok(draft) => {
                self.status.set(SaveStatus::Saved(clock(draft.updated_ms)));
                self.show(draft);
                self.notice.set(None);
                // Measured once the page has drawn the draft.
                request_animation_frame(move || dom::record_timing("open", dom::now() - t0));
            }
            Err(e) => self.say(Tone::Error, e.to_string()),
        }
    }

    /// Renames a draft (the open one too, if it is that one).
    pub fn rename(&self, id: &DraftId, name: &str) {
        if name.trim().is_empty() {
            self.say(Tone::Error, "Tên bản nháp không được để trống.");
            return;
        }
        self.flush();
        match library().rename(id, name, now_ms()) {
            Ok(renamed) => {
                // Notifies: the editor's title shows the new name.
                self.current.update(|c| {
                    if let Some(d) = c.as_mut().filter(|d| d.id == *id) {
                        d.name = renamed.name.clone();
                        d.revision = renamed.revision;
                        d.updated_ms = renamed.updated_ms;
                    }
                });
            }
            Err(e) => self.say(Tone::Error, e.to_string()),
        }
        self.refresh();
    }

    /// Deletes a draft, keeping it for the undo.
    pub fn delete(&self, id: &DraftId) {
        if self
            .current
            .with_untracked(|c| c.as_ref().is_some_and(|d| d.id == *id))
        {
            self.flush();
            self.cancel_timer(self.autosave);
            self.current.set(None);
            self.status.set(SaveStatus::Idle);
        }
        match library().delete(id) {
            Ok(d) => self.deleted.set(Some(d)),
            Err(e) => self.say(Tone::Error, e.to_string()),
        }
        self.refresh();
    }

    /// Puts the deleted draft back.
    pub fn undo_delete(&self) {
        if let Some(d) = self.deleted.get_untracked() {
            if let Err(e) = library().restore(&d) {
                self.say(Tone::Error, e.to_string());
            }
        }
        self.deleted.set(None);
        self.refresh();
    }

    /// A copy of a draft, opened.
    pub fn duplicate(&self, id: &DraftId) {
        self.flush();
        let name = self
            .listing
            .with_untracked(|l| {
                l.drafts
                    .iter()
                    .find(|d| d.id == *id)
                    .map(|d| d.name.clone())
            })
            .unwrap_or_default();
        match library().duplicate(id, &format!("{name} (bản sao)"), now_ms()) {
            Ok(copy) => {
                self.status.set(SaveStatus::Saved(clock(copy.updated_ms)));
                self.show(copy);
            }
            Err(e) => self.say(Tone::Error, e.to_string()),
        }
        self.refresh();
    }

    /// "Tạo báo cáo tháng sau": next month's draft from this one.
    pub fn next_month(&self, id: &DraftId) {
        self.flush();
        let open = self
            .current
            .with_untracked(|c| c.as_ref().filter(|d| d.id == *id).cloned());
        let source = match open {
            Some(d) => d,
            None => match library().load(id) {
                Ok(d) => d,
                Err(e) => {
                    self.say(Tone::Error, e.to_string());
                    return;
                }
            },
        };
        let next = next_month(&source.report, this_month());
        let previous_tasks = next.previous_tasks.map(|section| PreviousTasks {
            month: next.period.month,
            year: next.period.year,
            section,
        });
        let figures = next.report.stale.len();
        self.create(&period_draft_name(next.period), next.report, previous_tasks);
        self.say(
            Tone::Info,
            format!(
                "Đã tạo báo cáo tháng {} từ «{}». {figures} số liệu chép từ tháng trước được tô vàng cho đến khi anh/chị sửa hoặc xác nhận; nhiệm vụ đã đề ra cho tháng này ở cột bên phải.",
                next.period, source.name
            ),
        );
    }

    // ----- Files ------------------------------------------------------------

    /// A file the official chose: a backup is merged, a report text or a
    /// single draft becomes a new draft.
    pub fn import_file(&self, name: &str, bytes: &[u8]) {
        self.flush();
        if let Ok(text) = std::str::from_utf8(bytes) {
            if backup::is_backup(text) {
                match library().merge_backup(text, now_ms()) {
                    Ok(report) => {
                        let tone = if report.stopped.is_some() {
                            Tone::Error
                        } else {
                            Tone::Info
                        };
                        if report.stopped == Some(StoreError::Full) {
                            self.storage_full.set(true);
                        }
                        self.say(tone, report.to_string());
                    }
                    Err(e) => self.say(Tone::Error, format!("Không nhập được bản sao lưu: {e}")),
                }
                self.refresh();
                return;
            }
        }
        if !is_word_file(name, bytes) {
            match open_plain_as_draft(name, bytes) {
                Ok(opened) => self.opened(name, opened),
                Err(e) => self.say(Tone::Error, format!("Không đọc được tệp «{name}»: {e}")),
            }
            return;
        }
        // A Word file is read in the document worker, which has the reader.
        let request = js_sys::Object::new();
        documents::put(&request, "kind", "open");
        documents::put(&request, "name", name);
        let array = js_sys::Uint8Array::from(bytes);
        let transfer = js_sys::Array::of1(&array.buffer());
        documents::put(&request, "bytes", array);
        let state = *self;
        let file = name.to_string();
        documents::ask(request, transfer, move |answer| {
            let read = answer.and_then(|a| {
                let json = documents::field(&a, "report")
                    .as_string()
                    .unwrap_or_default();
                let report: Report = serde_json::from_str(&json).map_err(|e| e.to_string())?;
                Ok(Opened {
                    report,
                    name: documents::field(&a, "name").as_string().unwrap_or_default(),
                    left_out: documents::field(&a, "leftOut").as_string(),
                })
            });
            match read {
                Ok(opened) => state.opened(&file, opened),
                Err(e) => state.say(Tone::Error, format!("Không đọc được tệp «{file}»: {e}")),
            }
        });
    }

    /// A file read as a report becomes a new draft.
    fn opened(&self, name: &str, opened: Opened) {
        let Opened {
            report,
            name: title,
            left_out,
        } = opened;
        let parts = report.body.sections.len();
        let notes = report.footnotes.len();
        self.create(&title, report, None);
        // What a Word file held that a report does not, in one line.
        let left_out = left_out.map(|m| format!(" {m}")).unwrap_or_default();
        self.say(
            Tone::Info,
            format!("Đã đọc tệp «{name}»: {parts} phần, {notes} chú thích.{left_out}"),
        );
    }

    /// Downloads every draft as one backup file (the open one as it is in
    /// memory, even if storage refused it).
    pub fn download_backup(&self) {
        let open = self.current.get_untracked();
        match library().backup(open.as_ref(), now_ms()) {
            Ok(b) => match b.to_json() {
                Ok(json) => {
                    let d = js_sys::Date::new_0();
                    let name =
                        backup::file_name(d.get_full_year(), d.get_month() + 1, d.get_date());
                    if let Err(e) = download::offer(json.as_bytes(), &name, "application/json") {
                        self.say(Tone::Error, e);
                    }
                }
                Err(e) => self.say(Tone::Error, format!("Không tạo được bản sao lưu: {e}")),
            },
            Err(e) => self.say(Tone::Error, e.to_string()),
        }
    }

    /// Downloads a damaged entry exactly as stored.
    pub fn download_damaged(&self, key: &str) {
        match library().raw(key) {
            Ok(Some(raw)) => {
                let name = format!(
                    "baocao-ban-nhap-hong-{}.json",
                    key.rsplit('/').next().unwrap_or("x")
                );
                if let Err(e) = download::offer(raw.as_bytes(), &name, "application/json") {
                    self.say(Tone::Error, e);
                }
            }
            Ok(None) => self.refresh(),
            Err(e) => self.say(Tone::Error, e.to_string()),
        }
    }

    /// Removes a damaged entry for good (after the official downloaded it
    /// and confirmed).
    pub fn discard_damaged(&self, key: &str) {
        let sure = window()
            .confirm_with_message(
                "Bỏ hẳn bản nháp hỏng này khỏi trình duyệt? Nếu chưa tải dữ liệu gốc về, dữ liệu sẽ mất.",
            )
            .unwrap_or(false);
        if !sure {
            return;
        }
        if let Err(e) = LocalStore.remove_raw(key) {
            self.say(Tone::Error, e.to_string());
        }
        let meta = key.replacen(DRAFT_PREFIX, META_PREFIX, 1);
        let _ = LocalStore.remove_raw(&meta);
        self.refresh();
    }

    /// The .docx of the open draft, named after the report.
    pub fn download_docx(&self) {
        self.flush();
        let Some(report) = self
            .current
            .with_untracked(|c| c.as_ref().map(|d| d.report.clone()))
        else {
            return;
        };
        let json = match serde_json::to_string(&report) {
            Ok(json) => json,
            Err(e) => {
                self.say(Tone::Error, format!("Không tạo được tệp .docx: {e}"));
                return;
            }
        };
        // Built in the document worker: the page stays responsive meanwhile.
        let t0 = dom::now();
        let request = js_sys::Object::new();
        documents::put(&request, "kind", "docx");
        documents::put(&request, "report", json);
        let state = *self;
        documents::ask(request, js_sys::Array::new(), move |answer| {
            let answer = match answer {
                Ok(a) => a,
                Err(message) => {
                    state.say(Tone::Error, message);
                    return;
                }
            };
            let bytes: js_sys::Uint8Array = documents::field(&answer, "bytes").unchecked_into();
            let name = documents::field(&answer, "name")
                .as_string()
                .unwrap_or_else(|| "bao-cao.docx".to_string());
            let mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            if let Err(message) = download::offer_array(&bytes, &name, mime) {
                state.say(Tone::Error, message);
            }
            dom::record_timing("docx", dom::now() - t0);
        });
    }

    // ----- Editing ----------------------------------------------------------

    /// Reads the open report.
    pub fn with_report<T>(&self, f: impl FnOnce(&Report) -> T) -> Option<T> {
        self.current
            .with_untracked(|c| c.as_ref().map(|d| f(&d.report)))
    }

    /// Changes a field of the open report (header, Nơi nhận, signature).
    pub fn edit(&self, change: impl FnOnce(&mut Report)) {
        let mut changed = false;
        self.current.update_untracked(|c| {
            if let Some(d) = c.as_mut() {
                change(&mut d.report);
                changed = true;
            }
        });
        if changed {
            self.touched();
        }
    }

    /// The official typed in a text field. A footnote marker deleted with
    /// the text renumbers the footnotes at once, as in Word (its footnote
    /// text is kept, listed as having no marker, until deleted).
    pub fn text_input(&self, target: TextTarget, inlines: Vec<Inline>) -> bool {
        let mut typed = Typed::default();
        self.current.update_untracked(|c| {
            if let Some(d) = c.as_mut() {
                typed = type_text(&mut d.report, target, inlines);
            }
        });
        if typed.markers_changed {
            // The footnotes list shows which notes lost their marker.
            self.notes.update(|n| *n += 1);
        }
        if typed.renumbered {
            self.refresh_marked_fields();
        }
        if typed.found {
            self.touched();
        }
        typed.found
    }

    /// The official typed in a table cell; returns whether a carried-over
    /// figure is still waiting in it.
    pub fn cell_input(&self, table: BlockId, row: usize, col: usize, text: String) -> bool {
        let mut stale = false;
        self.current.update_untracked(|c| {
            if let Some(d) = c.as_mut() {
                // A cell of a table deleted meanwhile changes nothing.
                let _ = d.report.set_cell(table, row, col, text);
                stale = d.report.stale.iter().any(|s| {
                    s.place
                        == FigurePlace::Cell {
                            table,
                            row: row as u32,
                            col: col as u32,
                        }
                });
            }
        });
        self.touched();
        stale
    }

    /// A change that reshapes the report (outline, blocks, footnotes): kept
    /// for the undo if it changed anything, then the structure redraws.
    /// Returns the change's result (None when no draft is open).
    pub fn restructure<T>(&self, label: &str, change: impl FnOnce(&mut Report) -> T) -> Option<T> {
        let mut out = None;
        let mut notes_before = 0;
        let mut notes_after = 0;
        self.current.update_untracked(|c| {
            if let Some(d) = c.as_mut() {
                notes_before = footnote_fingerprint(&d.report);
                let applied = self
                    .undo
                    .try_update_value(|h| h.apply(&mut d.report, label, change));
                notes_after = footnote_fingerprint(&d.report);
                out = applied;
            }
        });
        let out = out?;
        if out.changed {
            self.undo_label
                .set(self.undo.with_value(|h| h.last_label().map(str::to_string)));
            self.structure.update(|n| *n += 1);
            if notes_before != notes_after {
                self.notes.update(|n| *n += 1);
                self.refresh_marked_fields();
            }
            self.touched();
        }
        Some(out.value)
    }

    /// Takes back the last structural change.
    pub fn undo(&self) {
        let mut label = None;
        self.current.update_untracked(|c| {
            if let Some(d) = c.as_mut() {
                label = self
                    .undo
                    .try_update_value(|h| h.undo(&mut d.report))
                    .flatten();
            }
        });
        let Some(label) = label else {
            return;
        };
        self.undo_label
            .set(self.undo.with_value(|h| h.last_label().map(str::to_string)));
        self.structure.update(|n| *n += 1);
        self.notes.update(|n| *n += 1);
        self.reload.update(|n| *n += 1);
        self.touched();
        self.say(Tone::Info, format!("Đã hoàn tác: {label}."));
    }

    /// Registers a text field, so a change from outside can redraw it.
    pub fn register_editor(&self, target: TextTarget) -> RwSignal<u64> {
        let version = RwSignal::new(0u64);
        self.editors.update_value(|m| {
            m.insert(target, version);
        });
        let editors = self.editors;
        on_cleanup(move || {
            editors.update_value(|m| {
                if m.get(&target) == Some(&version) {
                    m.remove(&target);
                }
            });
        });
        version
    }

    /// Redraws one text field from the model.
    pub fn refresh_field(&self, target: TextTarget) {
        if let Some(v) = self.editors.with_value(|m| m.get(&target).copied()) {
            v.update(|n| *n += 1);
        }
    }

    /// Redraws every field holding a footnote marker (after renumbering).
    fn refresh_marked_fields(&self) {
        let targets: Vec<TextTarget> = self
            .with_report(|r| {
                let mut t = Vec::new();
                for f in r.footnote_order() {
                    t.extend(r.note_targets(f));
                }
                t
            })
            .unwrap_or_default();
        for t in targets {
            self.refresh_field(t);
        }
    }

    /// The HTML a text field shows for its target now.
    pub fn field_html(&self, target: TextTarget) -> String {
        self.with_report(|r| {
            let inlines = r.inlines(target).cloned().unwrap_or_default();
            let stale: Vec<std::ops::Range<usize>> = r
                .stale_at(FigurePlace::Text(target))
                .iter()
                .map(|s| s.span())
                .collect();
            baocao_session::html::inlines_html(&inlines, &stale)
        })
        .unwrap_or_default()
    }

    /// The spans of carried-over figures still waiting in a field.
    pub fn stale_spans(&self, target: TextTarget) -> Vec<(usize, String)> {
        self.with_report(|r| {
            r.stale_at(FigurePlace::Text(target))
                .iter()
                .map(|s| (s.start, s.text.clone()))
                .collect()
        })
        .unwrap_or_default()
    }

    /// Remembers where the caret is, for the toolbar's actions.
    pub fn set_caret(&self, caret: Caret) {
        self.caret.set_value(Some(caret));
        if self.focused.get_untracked() != Some(caret.target) {
            self.focused.set(Some(caret.target));
        }
    }

    /// Remembers the selection in a text field.
    pub fn set_selection(&self, target: TextTarget, anchor: usize, focus: usize) {
        self.selection.set_value(Some((target, anchor, focus)));
    }

    /// The selection last seen in a text field.
    pub fn selection(&self) -> Option<(TextTarget, usize, usize)> {
        self.selection.get_value()
    }

    /// The caret last seen in a text field.
    pub fn caret(&self) -> Option<Caret> {
        self.caret.get_value()
    }

    /// Focuses a field as soon as the page has it: right after the pending
    /// updates (a microtask, before the next key is handled), else on the
    /// next frames.
    pub fn focus_later(&self, target: TextTarget, offset: Option<usize>) {
        leptos::task::spawn_local(async move {
            if !dom::focus_at(target, offset) {
                request_animation_frame(move || {
                    if !dom::focus_at(target, offset) {
                        request_animation_frame(move || {
                            dom::focus_at(target, offset);
                        });
                    }
                });
            }
        });
    }

    /// Confirms the carried-over figures a stale finding lists.
    pub fn confirm_finding(&self, finding: &Finding) {
        if finding.rule != Rule::Stale {
            return;
        }
        let mut done = false;
        let mut place = None;
        self.current.update_untracked(|c| {
            if let Some(d) = c.as_mut() {
                place = confirm_place(&mut d.report, &finding.place);
                done = place.is_some();
            }
        });
        if let Some(place) = place {
            match place {
                FigurePlace::Text(t) => self.refresh_field(t),
                FigurePlace::Cell { .. } => self.structure.update(|n| *n += 1),
            }
        }
        if done {
            self.touched();
            self.run_checks();
        }
    }

    /// Confirms the figures of the field the official is in.
    pub fn confirm_focused(&self) {
        let Some(target) = self.focused.get_untracked() else {
            return;
        };
        self.edit(|r| r.confirm_figures(FigurePlace::Text(target)));
        self.refresh_field(target);
        self.run_checks();
    }

    // ----- Saving -----------------------------------------------------------

    /// Something changed: save soon, check soon.
    fn touched(&self) {
        self.schedule_save();
        self.schedule_settle();
    }

    fn cancel_timer(&self, timer: StoredValue<Option<TimeoutHandle>>) {
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        timer.set_value(None);
    }

    fn schedule_save(&self) {
        if self.status.get_untracked() != SaveStatus::Conflict {
            self.status.set(SaveStatus::Pending);
        }
        if self.autosave.get_value().is_some() {
            return;
        }
        let state = *self;
        let handle = set_timeout_with_handle(move || state.save_now(), AUTOSAVE_DELAY).ok();
        self.autosave.set_value(handle);
    }

    fn schedule_settle(&self) {
        self.cancel_timer(self.settle);
        let state = *self;
        let handle = set_timeout_with_handle(
            move || {
                state.settle.set_value(None);
                state.run_checks();
            },
            SETTLE_DELAY,
        )
        .ok();
        self.settle.set_value(handle);
    }

    /// Runs the checks over the open report now.
    pub fn run_checks(&self) {
        let t0 = dom::now();
        let checker = self.checker;
        let findings = self
            .with_report(|report| {
                let mut findings = Vec::new();
                checker.update_value(|c| findings = c.check(report));
                findings
            })
            .unwrap_or_default();
        dom::record_timing("checks", dom::now() - t0);
        self.findings.set(findings);
        self.settled.update(|n| *n += 1);
    }

    /// Saves a pending change at once (before leaving, switching drafts, Ctrl+S).
    pub fn flush(&self) {
        if self.autosave.get_value().is_some() || self.status.get_untracked() == SaveStatus::Pending
        {
            self.save_now();
        }
    }

    /// Saves the open draft now, unless another tab saved it meanwhile.
    pub fn save_now(&self) {
        self.cancel_timer(self.autosave);
        if self.status.get_untracked() == SaveStatus::Conflict {
            return;
        }
        let t0 = dom::now();
        let Some(mut draft) = self.current.get_untracked() else {
            return;
        };
        let result = library().save(&mut draft, now_ms());
        self.after_save(result, draft);
        dom::record_timing("save", dom::now() - t0);
    }

    /// Saves the open draft over the other tab's version (the official chose so).
    pub fn keep_mine(&self) {
        let Some(mut draft) = self.current.get_untracked() else {
            return;
        };
        self.status.set(SaveStatus::Pending);
        let result = library().save_over(&mut draft, now_ms());
        self.after_save(result, draft);
        if self.status.get_untracked() != SaveStatus::Conflict {
            self.notice.set(None);
        }
    }

    /// Drops the changes made here and opens the other tab's version.
    pub fn take_theirs(&self) {
        let Some(id) = self
            .current
            .with_untracked(|c| c.as_ref().map(|d| d.id.clone()))
        else {
            return;
        };
        self.cancel_timer(self.autosave);
        match library().load(&id) {
            Ok(draft) => {
                self.status.set(SaveStatus::Saved(clock(draft.updated_ms)));
                self.current.update_untracked(|c| *c = Some(draft));
                self.structure.update(|n| *n += 1);
                self.notes.update(|n| *n += 1);
                self.reload.update(|n| *n += 1);
                self.notice.set(None);
                self.run_checks();
            }
            Err(DraftError::NotFound(_)) => {
                self.say(Tone::Error, "Bản nháp đã bị xoá ở thẻ kia. Bấm «Giữ bản ở thẻ này» để lưu lại nội dung đang có ở đây.");
            }
            Err(e) => self.say(Tone::Error, e.to_string()),
        }
    }

    fn save_failed(&self, e: DraftError) {
        match e {
            DraftError::Conflict { .. } => self.status.set(SaveStatus::Conflict),
            DraftError::Store(StoreError::Full) => {
                self.storage_full.set(true);
                self.status
                    .set(SaveStatus::Failed(StoreError::Full.to_string()));
            }
            e => self.status.set(SaveStatus::Failed(e.to_string())),
        }
    }

    fn after_save(&self, result: Result<(), DraftError>, saved: Draft) {
        match result {
            Ok(()) => {
                // Keep edits made while saving; take the new revision and time.
                self.current.update_untracked(|c| {
                    if let Some(d) = c.as_mut().filter(|d| d.id == saved.id) {
                        d.revision = saved.revision;
                        d.updated_ms = saved.updated_ms;
                        d.schema_version = saved.schema_version;
                    }
                });
                self.storage_full.set(false);
                self.status.set(SaveStatus::Saved(clock(saved.updated_ms)));
                self.refresh();
            }
            Err(e) => self.save_failed(e),
        }
    }

    /// Another tab wrote to storage (the `storage` event).
    pub fn storage_changed(&self, key: Option<String>) {
        let Some(key) = key else {
            // localStorage.clear() in another tab.
            self.refresh();
            return;
        };
        if !key.starts_with("baocao/") || key == LAST_OPEN_KEY {
            return;
        }
        self.refresh();
        let Some((id, revision)) = self
            .current
            .with_untracked(|c| c.as_ref().map(|d| (d.id.clone(), d.revision)))
        else {
            return;
        };
        let ours =
            key == format!("{DRAFT_PREFIX}{}", id.0) || key == format!("{META_PREFIX}{}", id.0);
        if !ours {
            return;
        }
        let stored = library().stored_revision(&id).unwrap_or(0);
        if stored != revision && self.status.get_untracked() != SaveStatus::Conflict {
            self.cancel_timer(self.autosave);
            self.status.set(SaveStatus::Conflict);
            let text = if stored == 0 {
                "Bản nháp đang mở vừa bị xoá ở một thẻ (tab) khác. Nội dung vẫn còn ở đây và chưa bị ghi đè: chọn «Giữ bản ở thẻ này» để lưu lại."
            } else {
                "Bản nháp đang mở vừa được sửa ở một thẻ (tab) khác. Để không ghi đè lên nội dung đó, trang này tạm dừng lưu: chọn «Mở bản mới nhất» (bỏ thay đổi ở đây) hoặc «Giữ bản ở thẻ này» (ghi đè bản kia)."
            };
            self.say(Tone::Error, text);
        }
    }
}

/// Which footnotes there are and what they say, to notice a renumbering.
fn footnote_fingerprint(r: &Report) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    for f in &r.footnotes {
        f.id.hash(&mut h);
    }
    r.footnote_order().hash(&mut h);
    h.finish()
}

/// Raw access to keys outside the drafts (the page's own settings).
trait RawKeys {
    fn get_raw(&self, key: &str) -> Option<String>;
    fn set_raw(&self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove_raw(&self, key: &str) -> Result<(), StoreError>;
}

impl RawKeys for LocalStore {
    fn get_raw(&self, key: &str) -> Option<String> {
        use baocao_drafts::Store;
        self.get(key).ok().flatten()
    }
    fn set_raw(&self, key: &str, value: &str) -> Result<(), StoreError> {
        use baocao_drafts::Store;
        let mut s = *self;
        s.set(key, value)
    }
    fn remove_raw(&self, key: &str) -> Result<(), StoreError> {
        use baocao_drafts::Store;
        let mut s = *self;
        s.remove(key)
    }
}
