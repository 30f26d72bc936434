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
//! after typing stops; the autosave when typing pauses. Both then wait
//! for the browser's next idle moment (at most 0.3 s more), so that on a
//! slow PC they run between two keys rather than in the middle of one.

use super::documents;
use super::dom;
use super::download;
use crate::local_store::LocalStore;
use baocao_checks::presend::{before_sending, PreSend};
use baocao_checks::{self, Checker, Finding, Rule};
use baocao_drafts::backup;
use baocao_drafts::migrate::read_draft;
use baocao_drafts::{
    Draft, DraftError, DraftId, DraftMeta, Library, Listing, PreviousTasks, StoreError,
    DRAFT_PREFIX, META_PREFIX,
};
use baocao_model::{BlockId, FigurePlace, Inline, Period, Report, TextTarget};
use baocao_session::carry::confirm_place;
use baocao_session::carry::walk::{FigureWalk, Step, WalkError};
use baocao_session::edit::Caret;
use baocao_session::html::{moved_title, HtmlMark};
use baocao_session::input::{is_draft_file, open_draft_file, Opened};
use baocao_session::profile::{
    backup_with_profile, merge_backup_profile, ProfileMerge, UnitProfile, PROFILE_KEY,
};
use baocao_session::template::{blank_report, draft_name, report_from, Template};
use baocao_session::typing::{type_text, Typed};
use baocao_session::History;
use baocao_session::{ReportEdit, StaleMarks};
use leptos::prelude::*;
use std::cell::Cell;
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
    /// Where the deleted draft stood in the list (its message stands there).
    pub deleted_at: RwSignal<usize>,
    /// What the last structural change was, while it can be undone.
    pub undo_label: RwSignal<Option<String>>,
    /// What the last undone change was, while it can be redone.
    pub redo_label: RwSignal<Option<String>>,
    /// "Kiểm tra trước khi gửi": the list shown before a download, while open.
    pub presend: RwSignal<Option<PreSend>>,
    pub view: RwSignal<View>,
    /// Whether the list of drafts is shown on a narrow screen.
    pub drafts_open: RwSignal<bool>,
    /// "Cập nhật số liệu", while it is open: where the official is in it.
    pub walk: RwSignal<Option<FigureWalk>>,
    /// The stored unit profile changed from outside the profile form
    /// (another tab, a backup imported): the template chooser reads it again.
    pub profile_changed: RwSignal<u64>,
    editors: StoredValue<HashMap<TextTarget, RwSignal<u64>>>,
    autosave: StoredValue<Option<TimeoutHandle>>,
    settle: StoredValue<Option<TimeoutHandle>>,
    /// Keeps the findings of paragraphs that did not change, so a keystroke
    /// re-checks one paragraph and the document-level rules, not everything.
    checker: StoredValue<Checker>,
    undo: StoredValue<History>,
    /// Whether the last change was structural (not typing): Ctrl+Z in a
    /// field then undoes the structure rather than the browser's typing.
    structural_last: StoredValue<bool>,
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

/// The autosave runs when typing pauses this long, at the next idle moment:
/// a save of a forty-page report costs as much as a key on a slow PC, and
/// in a pause it delays no key.
const AUTOSAVE_DELAY: Duration = Duration::from_millis(700);
/// Typing without a pause still saves this long after the first unsaved
/// change: the most a crash can lose (leaving the page saves at once).
const AUTOSAVE_MAX_WAIT: f64 = 4_000.0;
/// The checks and the preview run this long after typing stops.
const SETTLE_DELAY: Duration = Duration::from_millis(250);
/// How long the autosave and the checks wait at most for an idle moment
/// once their delay is over (an idle moment comes right after a frame; a
/// page that draws nothing may not have one).
const IDLE_WAIT: Duration = Duration::from_millis(300);
thread_local! {
    /// When the oldest change not saved yet was made (`dom::now`): set
    /// while a save is due. Plain cells rather than `StoredValue`s (the
    /// page has one state): a stored `Option<f64>` brought 0.6 KB of
    /// generic code into the page.
    static UNSAVED_SINCE: Cell<Option<f64>> = const { Cell::new(None) };
    /// An idle callback will save (see `save_when_idle`).
    static SAVE_QUEUED: Cell<bool> = const { Cell::new(false) };
}

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
            deleted_at: RwSignal::new(0),
            undo_label: RwSignal::new(None),
            redo_label: RwSignal::new(None),
            presend: RwSignal::new(None),
            view: RwSignal::new(View::Edit),
            drafts_open: RwSignal::new(false),
            walk: RwSignal::new(None),
            profile_changed: RwSignal::new(0),
            editors: StoredValue::new(HashMap::new()),
            autosave: StoredValue::new(None),
            settle: StoredValue::new(None),
            checker: StoredValue::new(Checker::new()),
            undo: StoredValue::new(History::new()),
            structural_last: StoredValue::new(false),
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

    /// Creates a report from a template (unit, kind, period), filled from
    /// the unit profile.
    pub fn create_from_template(&self, t: Template, profile: &UnitProfile) {
        self.create(&draft_name(t.kind, t.period), report_from(t, profile), None);
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
        self.focus_first_field();
        match result {
            Ok(()) => self.status.set(SaveStatus::Saved(clock(draft.updated_ms))),
            Err(e) => self.save_failed(e),
        }
        self.refresh();
    }

    /// Puts the keyboard in the report just created: its trích yếu (the
    /// first thing a new report asks for), as soon as the editor is drawn.
    fn focus_first_field(&self) {
        fn focus() -> bool {
            let Some(el) = document().get_element_by_id("summary") else {
                return false;
            };
            let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) else {
                return false;
            };
            let _ = el.focus();
            true
        }
        leptos::task::spawn_local(async move {
            if !focus() {
                request_animation_frame(move || {
                    if !focus() {
                        request_animation_frame(move || {
                            focus();
                        });
                    }
                });
            }
        });
    }

    /// Shows a draft in the editor.
    fn show(&self, draft: Draft) {
        self.cancel_autosave();
        self.undo.update_value(History::clear);
        self.undo_label.set(None);
        self.redo_label.set(None);
        self.structural_last.set_value(false);
        self.presend.set(None);
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
            self.cancel_autosave();
            self.current.set(None);
            self.status.set(SaveStatus::Idle);
        }
        let at = self
            .listing
            .with_untracked(|l| l.drafts.iter().position(|d| d.id == *id))
            .unwrap_or(0);
        match library().delete(id) {
            Ok(d) => {
                self.deleted_at.set(at);
                self.deleted.set(Some(d));
            }
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

    /// "Tạo báo cáo kỳ sau": the next period's draft from this one.
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
        // Made in the document worker, which carries the carrying-over code
        // (the page loads without it); nothing changes here until it answers.
        let json = match serde_json::to_string(&source.report) {
            Ok(json) => json,
            Err(e) => {
                self.say(Tone::Error, format!("Không tạo được báo cáo kỳ sau: {e}"));
                return;
            }
        };
        let fallback = this_month();
        let request = js_sys::Object::new();
        documents::put(&request, "kind", "next");
        documents::put(&request, "report", json);
        documents::put(&request, "month", fallback.month);
        documents::put(&request, "year", fallback.year);
        let state = *self;
        let from = source.name;
        documents::ask(request, js_sys::Array::new(), move |answer| {
            let made = answer.and_then(|a| {
                let json = documents::field(&a, "draft")
                    .as_string()
                    .unwrap_or_default();
                let draft = read_draft(&json).map_err(|e| e.to_string())?;
                let period = documents::field(&a, "period")
                    .as_string()
                    .unwrap_or_default();
                let moved = documents::field(&a, "moved").as_f64().unwrap_or(0.0) as usize;
                Ok((draft, period, moved))
            });
            match made {
                Ok((draft, period, moved)) => state.next_made(draft, &period, moved, &from),
                Err(e) => state.say(Tone::Error, format!("Không tạo được báo cáo kỳ sau: {e}")),
            }
        });
    }

    /// The next period's draft the worker made: stored, opened and told.
    fn next_made(&self, draft: Draft, period: &str, moved: usize, from: &str) {
        let figures = draft.report.stale.len();
        self.create(&draft.name, draft.report, draft.previous_tasks);
        // Where each moved mention is: marked in the text and listed beside it.
        let moved = match moved {
            0 => String::new(),
            n => format!(" Đã chuyển {n} chỗ ghi kỳ báo cáo sang kỳ mới: gạch chân xanh trong bài, liệt kê ở «Đã chuyển sang kỳ mới» (ngày tháng và văn bản trích dẫn giữ nguyên)."),
        };
        self.say(
            Tone::Info,
            format!(
                "Đã tạo báo cáo {period} từ «{from}».{moved} {figures} số liệu chép từ kỳ trước được tô vàng cho đến khi anh/chị sửa hoặc xác nhận; nhiệm vụ đã đề ra cho kỳ này ở cột bên phải."
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
                let mut lib = library();
                match lib.merge_backup(text, now_ms()) {
                    Ok(report) => {
                        let profile = merge_backup_profile(&mut lib, text);
                        if profile == ProfileMerge::Taken {
                            self.profile_changed.update(|n| *n += 1);
                        }
                        let tone = if report.stopped.is_some()
                            || matches!(profile, ProfileMerge::Failed(_))
                        {
                            Tone::Error
                        } else {
                            Tone::Info
                        };
                        if report.stopped == Some(StoreError::Full) {
                            self.storage_full.set(true);
                        }
                        self.say(tone, format!("{report}{}", profile.note()));
                    }
                    Err(e) => self.say(Tone::Error, format!("Không nhập được bản sao lưu: {e}")),
                }
                self.refresh();
                return;
            }
        }
        // A stored draft is read here; a Word file or text in the document
        // worker, which has the .docx reader and the text importer.
        if is_draft_file(name, bytes) {
            match open_draft_file(name, bytes) {
                Ok(opened) => self.opened(name, opened),
                Err(e) => self.say(Tone::Error, format!("Không đọc được tệp «{name}»: {e}")),
            }
            return;
        }
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
                // Read as stored drafts are (through a JSON value), so the
                // page carries one reader of the report, not two.
                let report =
                    baocao_drafts::migrate::read_report(&json).map_err(|e| e.to_string())?;
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
        match backup_with_profile(&library(), open.as_ref(), now_ms()) {
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

    /// "Tải về .docx": first the check before sending. With nothing to see
    /// to, the file goes at once (a clean report costs no extra click) and
    /// the message says the check found nothing; otherwise the list opens
    /// and the official chooses "Vẫn tải về" or "Quay lại sửa".
    pub fn request_docx(&self) {
        self.flush();
        // The findings of this very moment, not of the last pause in typing.
        self.cancel_timer(self.settle);
        self.run_checks();
        let Some(list) = self
            .findings
            .with_untracked(|f| self.with_report(|r| before_sending(r, f)))
        else {
            return;
        };
        if list.is_clear() {
            self.presend.set(None);
            self.download_docx();
            self.say(
                Tone::Info,
                "Đã kiểm tra trước khi gửi: không còn lỗi, số liệu cũ, mục trống hay thông tin thiếu. Tệp .docx đang được tải về.",
            );
        } else {
            self.presend.set(Some(list));
        }
    }

    /// The list before sending again, after a fix made from it.
    pub fn refresh_presend(&self) {
        if self.presend.with_untracked(Option::is_none) {
            return;
        }
        self.cancel_timer(self.settle);
        self.run_checks();
        let list = self
            .findings
            .with_untracked(|f| self.with_report(|r| before_sending(r, f)));
        self.presend.set(list);
    }

    /// The .docx of the open draft, named after the report.
    pub fn download_docx(&self) {
        self.download_docx_then(|| ());
    }

    /// The .docx of the open draft; `then` runs once the file is handed to
    /// the browser, or the message of why not is shown.
    pub fn download_docx_then(&self, then: impl FnOnce() + 'static) {
        if self.save_due() {
            self.autosave_now();
        }
        // The draft as it is now, on screen (the worker takes the report it
        // read after the autosave only if this is the very same JSON: the
        // draft saved is the draft in memory, revision and time included).
        // Unchanged since the autosave told it to the worker, it is that
        // very string, not serialized again.
        let draft = self.current.with_untracked(|c| {
            c.as_ref()
                .map(|d| match documents::told_draft(&d.id.0, d.revision) {
                    Some(told) => Ok(told),
                    None => serde_json::to_string(d).map(wasm_bindgen::JsValue::from),
                })
        });
        let json = match draft {
            None => return,
            Some(Ok(json)) => json,
            Some(Err(e)) => {
                self.say(Tone::Error, format!("Không tạo được tệp .docx: {e}"));
                return;
            }
        };
        // Built in the document worker: the page stays responsive meanwhile.
        let t0 = dom::now();
        let request = js_sys::Object::new();
        documents::put(&request, "kind", "docx");
        documents::put(&request, "draft", json);
        let state = *self;
        documents::ask(request, js_sys::Array::new(), move |answer| {
            let answer = match answer {
                Ok(a) => a,
                Err(message) => {
                    then();
                    state.say(Tone::Error, message);
                    return;
                }
            };
            let bytes: js_sys::Uint8Array = documents::field(&answer, "bytes").unchecked_into();
            let name = documents::field(&answer, "name")
                .as_string()
                .unwrap_or_else(|| "bao-cao.docx".to_string());
            let mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
            let offered = download::offer_array(&bytes, &name, mime);
            dom::record_timing("docx", dom::now() - t0);
            then();
            if let Err(message) = offered {
                state.say(Tone::Error, message);
            }
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
            self.structural_last.set_value(false);
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
            self.structural_last.set_value(true);
            self.history_labels();
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
        self.step_history(true);
    }

    /// Makes again the last change taken back.
    pub fn redo(&self) {
        self.step_history(false);
    }

    /// Whether the last change was structural, so Ctrl+Z in a field is the
    /// structure's undo (after typing it is the browser's undo of the typing).
    pub fn structural_last(&self) -> bool {
        self.structural_last.get_value()
    }

    fn history_labels(&self) {
        let (undo, redo) = self.undo.with_value(|h| {
            (
                h.last_label().map(str::to_string),
                h.next_redo_label().map(str::to_string),
            )
        });
        self.undo_label.set(undo);
        self.redo_label.set(redo);
    }

    fn step_history(&self, back: bool) {
        let mut label = None;
        self.current.update_untracked(|c| {
            if let Some(d) = c.as_mut() {
                label = self
                    .undo
                    .try_update_value(|h| {
                        if back {
                            h.undo(&mut d.report)
                        } else {
                            h.redo(&mut d.report)
                        }
                    })
                    .flatten();
            }
        });
        let Some(label) = label else {
            return;
        };
        self.structural_last.set_value(true);
        self.history_labels();
        self.structure.update(|n| *n += 1);
        self.notes.update(|n| *n += 1);
        self.reload.update(|n| *n += 1);
        self.touched();
        let verb = if back {
            "Đã hoàn tác"
        } else {
            "Đã làm lại"
        };
        self.say(Tone::Info, format!("{verb}: {label}."));
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
            let place = FigurePlace::Text(target);
            let mut marks: Vec<HtmlMark> = r
                .stale_at(place)
                .iter()
                .map(|s| HtmlMark::stale(s.span()))
                .collect();
            marks.extend(
                r.moved
                    .iter()
                    .filter(|m| m.place == place)
                    .map(HtmlMark::moved),
            );
            baocao_session::html::inlines_html_marked(&inlines, &marks)
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

    /// The spans of moved mentions of the period still marked in a field.
    pub fn moved_spans(&self, target: TextTarget) -> Vec<(usize, String)> {
        self.with_report(|r| {
            r.moved
                .iter()
                .filter(|m| m.place == FigurePlace::Text(target))
                .map(|m| (m.start, m.text.clone()))
                .collect()
        })
        .unwrap_or_default()
    }

    /// The tooltip of the moved mention in a cell or the trích yếu, if one
    /// is still marked there.
    pub fn moved_note(&self, place: FigurePlace) -> Option<String> {
        self.with_report(|r| {
            let notes: Vec<String> = r
                .moved
                .iter()
                .filter(|m| m.place == place)
                .map(moved_title)
                .collect();
            (!notes.is_empty()).then(|| notes.join("\n"))
        })
        .flatten()
    }

    /// "Đã xem, bỏ đánh dấu": the moved mentions are seen; their marks go
    /// (Ctrl+Z brings them back).
    pub fn clear_moved(&self) {
        let n = self
            .restructure("Bỏ đánh dấu kỳ đã chuyển", |r| r.clear_moved())
            .unwrap_or(0);
        if n > 0 {
            self.reload.update(|n| *n += 1);
            self.say(
                Tone::Info,
                format!(
                    "Đã bỏ đánh dấu {n} chỗ ghi kỳ đã chuyển sang kỳ mới (Ctrl+Z để hoàn tác)."
                ),
            );
        }
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
                FigurePlace::Summary => self.reload.update(|n| *n += 1),
            }
        }
        if done {
            self.touched();
            self.run_checks();
        }
    }

    /// Applies a finding's certain fix (undoable, as a change of structure
    /// is) and shows the result at once.
    pub fn apply_fix(&self, finding: &Finding) {
        let Some(fix) = finding.fix.clone() else {
            return;
        };
        let place = finding.place.clone();
        let label = fix.label.clone();
        let done = self.restructure(&label, |r| {
            baocao_session::fix::replace_at(r, &place, fix.span.clone(), &fix.with)
        });
        if done != Some(true) {
            self.say(
                Tone::Error,
                "Không sửa được: đoạn văn đã thay đổi. Hãy sửa trực tiếp trong báo cáo.",
            );
            return;
        }
        match baocao_session::fix::text_target(&place) {
            Some(t) => self.refresh_field(t),
            // A form field shows the model again.
            None => self.reload.update(|n| *n += 1),
        }
        self.run_checks();
        self.say(Tone::Info, format!("Đã sửa ({label}). Ctrl+Z để hoàn tác."));
    }

    // ----- Cập nhật số liệu --------------------------------------------------

    /// Opens the figure-by-figure walk over the figures still marked.
    pub fn open_walk(&self) {
        self.walk.set(Some(FigureWalk::new()));
    }

    /// Closes the walk; what was done stays done.
    pub fn close_walk(&self) {
        self.walk.set(None);
    }

    /// The figure the walk shows now (tracks the walk and the checks).
    pub fn walk_step(&self) -> Option<Step> {
        self.findings.track();
        let walk = self.walk.get()?;
        self.with_report(|r| walk.current(r)).flatten()
    }

    /// Where the walk's current figure stands.
    fn walk_place(&self, walk: FigureWalk) -> Option<FigurePlace> {
        self.with_report(|r| walk.current(r).map(|s| s.figure.place))
            .flatten()
    }

    /// Redraws the place of a figure the walk changed, and the checks.
    fn walk_changed(&self, place: FigurePlace) {
        match place {
            FigurePlace::Text(t) => self.refresh_field(t),
            FigurePlace::Cell { .. } => self.structure.update(|n| *n += 1),
            FigurePlace::Summary => self.reload.update(|n| *n += 1),
        }
        self.touched();
        self.run_checks();
    }

    /// Enter in the walk: the figure is still right.
    pub fn walk_keep(&self) -> Result<(), WalkError> {
        let mut walk = self.walk.get_untracked().ok_or(WalkError::Gone)?;
        let place = self.walk_place(walk);
        let mut result = Err(WalkError::Gone);
        self.current.update_untracked(|c| {
            if let Some(d) = c.as_mut() {
                result = walk.keep(&mut d.report);
            }
        });
        if let (Ok(()), Some(place)) = (&result, place) {
            self.walk_changed(place);
        }
        self.walk.set(Some(walk));
        result
    }

    /// A value typed in the walk replaces the figure (undoable).
    pub fn walk_replace(&self, typed: &str) -> Result<(), WalkError> {
        let mut walk = self.walk.get_untracked().ok_or(WalkError::Gone)?;
        let place = self.walk_place(walk);
        let result = self
            .restructure("Cập nhật số liệu", |r| walk.replace(r, typed))
            .unwrap_or(Err(WalkError::Gone));
        if let (Ok(()), Some(place)) = (&result, place) {
            self.walk_changed(place);
        }
        self.walk.set(Some(walk));
        result
    }

    /// Passes the figure by; it stays marked.
    pub fn walk_skip(&self) {
        let Some(mut walk) = self.walk.get_untracked() else {
            return;
        };
        self.with_report(|r| walk.skip(r));
        self.walk.set(Some(walk));
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

    /// No save is due any more (it is done, or the draft was left).
    fn cancel_autosave(&self) {
        self.cancel_timer(self.autosave);
        UNSAVED_SINCE.set(None);
        documents::forget_draft();
    }

    fn schedule_save(&self) {
        // Set once, not on every key: each set redraws what shows it.
        if !matches!(
            self.status.get_untracked(),
            SaveStatus::Conflict | SaveStatus::Pending
        ) {
            self.status.set(SaveStatus::Pending);
        }
        documents::forget_draft();
        // Each change puts the save back until typing pauses. Typing on
        // without a pause still saves AUTOSAVE_MAX_WAIT after the first
        // unsaved change: right after this key's frame, when the next key
        // is furthest away.
        let now = dom::now();
        let since = UNSAVED_SINCE.get().unwrap_or(now);
        UNSAVED_SINCE.set(Some(since));
        self.cancel_timer(self.autosave);
        if now - since >= AUTOSAVE_MAX_WAIT {
            self.save_when_idle();
            return;
        }
        let state = *self;
        let handle = set_timeout_with_handle(move || state.save_when_idle(), AUTOSAVE_DELAY).ok();
        self.autosave.set_value(handle);
    }

    /// Saves at the browser's next idle moment (right after a frame), if a
    /// save is still due then; once, however many changes asked for it.
    fn save_when_idle(&self) {
        if SAVE_QUEUED.replace(true) {
            return;
        }
        let state = *self;
        dom::when_idle(
            Box::new(move || {
                SAVE_QUEUED.set(false);
                if UNSAVED_SINCE.get().is_some() {
                    state.autosave_now();
                }
            }),
            IDLE_WAIT,
        );
    }

    fn schedule_settle(&self) {
        self.cancel_timer(self.settle);
        let state = *self;
        let handle = set_timeout_with_handle(
            move || {
                state.settle.set_value(None);
                // Typing again before the idle moment comes sets a new
                // timer: these checks would be stale at once, so they wait.
                dom::when_idle(
                    Box::new(move || {
                        if state.settle.get_value().is_none() {
                            state.run_checks();
                        }
                    }),
                    IDLE_WAIT,
                );
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
                // Errors, then warnings, then hints, each in reading order.
                baocao_checks::in_reading_order(report, &findings)
            })
            .unwrap_or_default();
        dom::record_timing("checks", dom::now() - t0);
        self.findings.set(findings);
        self.settled.update(|n| *n += 1);
    }

    /// Saves a pending change at once (before leaving, switching drafts, Ctrl+S).
    pub fn flush(&self) {
        if self.save_due() {
            self.save_now();
        }
    }

    /// Whether a change waits for the autosave.
    fn save_due(&self) -> bool {
        UNSAVED_SINCE.get().is_some() || self.status.get_untracked() == SaveStatus::Pending
    }

    /// Saves the open draft now, unless another tab saved it meanwhile.
    pub fn save_now(&self) {
        self.save_now_returning();
    }

    /// The autosave: saves, then hands the draft's JSON to the document
    /// worker, which reads it while nobody waits, so that «Tải .docx» need
    /// not read it again (see `download_docx`). The click saves a due
    /// change this way too, and then sends that very string.
    fn autosave_now(&self) {
        let Some(json) = self.save_now_returning() else {
            return;
        };
        if let Some((id, revision)) = self
            .current
            .with_untracked(|c| c.as_ref().map(|d| (d.id.0.clone(), d.revision)))
        {
            documents::tell_draft(json, &id, revision);
        }
    }

    /// Saves the open draft and returns the JSON stored.
    fn save_now_returning(&self) -> Option<String> {
        self.cancel_autosave();
        if self.status.get_untracked() == SaveStatus::Conflict {
            return None;
        }
        let t0 = dom::now();
        let mut saved = None;
        // In place: the draft is neither copied for the save nor changed by
        // anything else while it is written.
        self.current.update_untracked(|c| {
            if let Some(draft) = c.as_mut() {
                saved = Some((library().save(draft, now_ms()), draft.meta()));
            }
        });
        let (result, meta) = saved?;
        let json = self.after_save(result, meta);
        dom::record_timing("save", dom::now() - t0);
        json
    }

    /// Saves the open draft over the other tab's version (the official chose so).
    pub fn keep_mine(&self) {
        self.status.set(SaveStatus::Pending);
        let mut saved = None;
        self.current.update_untracked(|c| {
            if let Some(draft) = c.as_mut() {
                saved = Some((library().save_over(draft, now_ms()), draft.meta()));
            }
        });
        let Some((result, meta)) = saved else {
            return;
        };
        self.after_save(result, meta);
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
        self.cancel_autosave();
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

    /// Shows how a save went; returns the JSON stored if it went well.
    fn after_save(&self, result: Result<String, DraftError>, saved: DraftMeta) -> Option<String> {
        match result {
            Ok(json) => {
                self.storage_full.set(false);
                self.status.set(SaveStatus::Saved(clock(saved.updated_ms)));
                // Only this draft's entry changed: the list is not read back.
                self.listing.update(|l| l.put(saved));
                Some(json)
            }
            Err(e) => {
                self.save_failed(e);
                None
            }
        }
    }

    /// Another tab wrote to storage (the `storage` event).
    pub fn storage_changed(&self, key: Option<String>) {
        let Some(key) = key else {
            // localStorage.clear() in another tab.
            self.profile_changed.update(|n| *n += 1);
            self.refresh();
            return;
        };
        if key == PROFILE_KEY {
            // The unit profile saved in another tab.
            self.profile_changed.update(|n| *n += 1);
            return;
        }
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
            self.cancel_autosave();
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
