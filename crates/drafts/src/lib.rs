//! Drafts kept in the browser: one key per draft plus a small meta key for the
//! list, a revision counter per draft so a second tab's write is noticed, and
//! migrations for drafts written by older versions.
//!
//! All logic here is plain Rust over the [`Store`] trait; the page plugs in
//! localStorage (`LocalStore` in the page's crate), tests plug in memory.

pub mod backup;
pub mod migrate;
mod store;

pub use backup::{Backup, MergeReport};
pub use store::{MemoryStore, Store, StoreError};

use baocao_model::{Period, Report, Section, SCHEMA_VERSION};
use serde::{Deserialize, Serialize};
use std::fmt;

/// Key prefix of a draft's full content.
pub const DRAFT_PREFIX: &str = "baocao/draft/";
/// Key prefix of a draft's list entry (name, period, time), read for the list.
pub const META_PREFIX: &str = "baocao/meta/";

/// The identity of a draft, stable across renames.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct DraftId(pub String);

impl fmt::Display for DraftId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A draft as stored: the report and what the list shows about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub schema_version: u32,
    pub id: DraftId,
    /// The name the official gave it, shown in the list.
    pub name: String,
    /// Milliseconds since 1970 of the last save.
    pub updated_ms: f64,
    /// Incremented by every save; a save expecting another value was
    /// overtaken by another tab.
    pub revision: u64,
    pub report: Report,
    /// Last month's tasks part, shown beside the editor of a report started
    /// with "Tạo báo cáo tháng sau" (since schema 2).
    #[serde(default)]
    pub previous_tasks: Option<PreviousTasks>,
}

/// The report of a draft's JSON as this version stores it, the rest skipped
/// unread: what the document worker needs to build the .docx.
pub fn report_of_draft(json: &str) -> Result<Report, serde_json::Error> {
    #[derive(Deserialize)]
    struct ReportOnly {
        report: Report,
    }
    serde_json::from_str::<ReportOnly>(json).map(|d| d.report)
}

/// The tasks a report set for the month after it, kept as reference for the
/// official writing that month's report.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviousTasks {
    /// The month the tasks were set for (the new report's month; the last
    /// month of a longer period).
    pub month: u8,
    pub year: u16,
    /// The period the tasks were set for, as written ("quý II năm 2026");
    /// empty in drafts made before periods other than months.
    #[serde(default)]
    pub label: String,
    /// The tasks part as it was written.
    pub section: Section,
}

impl PreviousTasks {
    /// The month the tasks were set for.
    pub fn period(&self) -> Option<Period> {
        Period::new(self.month, self.year)
    }

    /// The period the tasks were set for, as the page names it: "quý II năm
    /// 2026", "tháng 4/2026".
    pub fn period_label(&self) -> String {
        if !self.label.is_empty() {
            return self.label.clone();
        }
        self.period()
            .map(|p| format!("tháng {p}"))
            .unwrap_or_default()
    }
}

/// What the list of drafts shows, stored apart so listing reads little.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DraftMeta {
    pub id: DraftId,
    pub name: String,
    /// "3/2025" for a month, else the period as written ("quý I năm 2026"),
    /// from the trích yếu.
    #[serde(default)]
    pub period: Option<String>,
    pub updated_ms: f64,
    pub revision: u64,
    /// How many figures carried over from last month still wait for an update.
    #[serde(default)]
    pub stale: usize,
}

impl Draft {
    /// The list entry of this draft.
    pub fn meta(&self) -> DraftMeta {
        DraftMeta {
            id: self.id.clone(),
            name: self.name.clone(),
            period: self.report.report_period().map(|p| match p.as_month() {
                Some(m) => m.to_string(),
                None => p.to_string(),
            }),
            updated_ms: self.updated_ms,
            revision: self.revision,
            stale: self.report.stale.len(),
        }
    }
}

/// A stored entry that could not be read; it is left in place, untouched.
#[derive(Clone, Debug, PartialEq)]
pub struct Damaged {
    pub key: String,
    /// What is wrong, in Vietnamese.
    pub reason: String,
    /// The stored text as it is, so the user can download and keep it.
    pub raw: String,
}

/// The list of drafts, newest first, and the entries that could not be read.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Listing {
    pub drafts: Vec<DraftMeta>,
    pub damaged: Vec<Damaged>,
}

impl Listing {
    /// The list after one draft was saved: its entry replaced (or added), in
    /// the list's order, without reading every entry back from storage.
    pub fn put(&mut self, meta: DraftMeta) {
        self.drafts.retain(|d| d.id != meta.id);
        let at = self
            .drafts
            .iter()
            .position(|d| newest_first(&meta, d).is_lt())
            .unwrap_or(self.drafts.len());
        self.drafts.insert(at, meta);
    }
}

/// The list's order: newest first; drafts saved in the same millisecond by
/// their ids.
fn newest_first(a: &DraftMeta, b: &DraftMeta) -> std::cmp::Ordering {
    b.updated_ms.total_cmp(&a.updated_ms).then(a.id.cmp(&b.id))
}

/// Why a draft could not be opened or saved.
#[derive(Clone, Debug, PartialEq)]
pub enum DraftError {
    NotFound(DraftId),
    /// The stored text is not a draft (cut off, edited by hand, …).
    Damaged(String),
    /// Written by a newer version of baocao than this page.
    TooNew(u32),
    /// Another tab saved this draft since it was opened here.
    Conflict {
        stored_revision: u64,
    },
    Store(StoreError),
}

impl fmt::Display for DraftError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DraftError::NotFound(id) => write!(f, "Không tìm thấy bản nháp {id}: có thể nó đã bị xoá ở một thẻ khác."),
            DraftError::Damaged(cause) => write!(
                f,
                "Bản nháp bị hỏng, không đọc được ({cause}). Dữ liệu gốc vẫn được giữ nguyên; hãy tải nó về để lưu trữ."
            ),
            DraftError::TooNew(v) => write!(
                f,
                "Bản nháp được tạo bởi phiên bản baocao mới hơn (dữ liệu phiên bản {v}, trang này đọc được đến phiên bản {SCHEMA_VERSION}). Hãy tải lại trang để dùng phiên bản mới nhất."
            ),
            DraftError::Conflict { .. } => f.write_str(
                "Bản nháp này vừa được sửa ở một thẻ (tab) khác. Để không ghi đè lên nội dung đó, chưa lưu: hãy chọn giữ bản ở thẻ này hoặc tải lại bản kia.",
            ),
            DraftError::Store(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for DraftError {}

impl From<StoreError> for DraftError {
    fn from(e: StoreError) -> Self {
        DraftError::Store(e)
    }
}

/// The drafts in a store.
pub struct Library<S: Store> {
    pub store: S,
}

pub(crate) fn draft_key(id: &DraftId) -> String {
    format!("{DRAFT_PREFIX}{}", id.0)
}

fn meta_key(id: &DraftId) -> String {
    format!("{META_PREFIX}{}", id.0)
}

impl<S: Store> Library<S> {
    /// A library over a store.
    pub fn new(store: S) -> Self {
        Library { store }
    }

    /// Every readable draft, newest first, and the damaged entries.
    pub fn list(&self) -> Result<Listing, StoreError> {
        let mut listing = Listing::default();
        for key in self.store.keys()? {
            let Some(id) = key.strip_prefix(DRAFT_PREFIX) else {
                continue;
            };
            let id = DraftId(id.to_string());
            let meta = self
                .store
                .get(&meta_key(&id))?
                .and_then(|m| serde_json::from_str::<DraftMeta>(&m).ok());
            match meta {
                Some(meta) if meta.id == id => listing.drafts.push(meta),
                // No list entry (or a bad one): read the draft itself.
                _ => match self.load(&id) {
                    Ok(draft) => listing.drafts.push(draft.meta()),
                    Err(DraftError::Store(e)) => return Err(e),
                    Err(e) => listing.damaged.push(Damaged {
                        key: key.clone(),
                        reason: e.to_string(),
                        raw: self.store.get(&key)?.unwrap_or_default(),
                    }),
                },
            }
        }
        baocao_model::order::sort_stable_by(&mut listing.drafts, newest_first);
        Ok(listing)
    }

    /// Reads a draft, migrating it from an older schema if need be.
    pub fn load(&self, id: &DraftId) -> Result<Draft, DraftError> {
        let raw = self
            .store
            .get(&draft_key(id))?
            .ok_or_else(|| DraftError::NotFound(id.clone()))?;
        let mut draft = migrate::read_draft(&raw)?;
        draft.id = id.clone();
        Ok(draft)
    }

    /// The revision stored for a draft now (0 if it is not stored).
    pub fn stored_revision(&self, id: &DraftId) -> Result<u64, DraftError> {
        match self.store.get(&meta_key(id))? {
            Some(m) => match serde_json::from_str::<DraftMeta>(&m) {
                Ok(meta) => Ok(meta.revision),
                Err(_) => Ok(self.load(id).map(|d| d.revision).unwrap_or(0)),
            },
            None => match self.load(id) {
                Ok(d) => Ok(d.revision),
                Err(DraftError::NotFound(_)) => Ok(0),
                Err(e) => Err(e),
            },
        }
    }

    /// Saves a draft if nobody else saved it since it was read (its revision
    /// is still the stored one); on success the draft's revision moves on.
    /// Returns the JSON written, for the page to hand to its document worker
    /// without serializing the draft a second time.
    pub fn save(&mut self, draft: &mut Draft, now_ms: f64) -> Result<String, DraftError> {
        let stored = self.stored_revision(&draft.id)?;
        if stored != draft.revision {
            return Err(DraftError::Conflict {
                stored_revision: stored,
            });
        }
        self.write(draft, now_ms)
    }

    /// Saves a draft over whatever is stored (after the user chose to keep it).
    pub fn save_over(&mut self, draft: &mut Draft, now_ms: f64) -> Result<String, DraftError> {
        draft.revision = draft
            .revision
            .max(self.stored_revision(&draft.id).unwrap_or(0));
        self.write(draft, now_ms)
    }

    /// Writes the draft with its revision moved on, and returns its JSON.
    /// The draft is changed in place, not copied: a copy of a forty-page
    /// report costs about as much as its JSON, on every autosave. What was
    /// changed is put back when storage refuses the draft.
    pub(crate) fn write(&mut self, draft: &mut Draft, now_ms: f64) -> Result<String, DraftError> {
        let before = (
            draft.revision,
            draft.updated_ms,
            draft.schema_version,
            draft.report.schema_version,
        );
        draft.revision += 1;
        draft.updated_ms = now_ms;
        draft.schema_version = SCHEMA_VERSION;
        draft.report.schema_version = SCHEMA_VERSION;
        let written = self.write_as_is(draft);
        if written.is_err() {
            (
                draft.revision,
                draft.updated_ms,
                draft.schema_version,
                draft.report.schema_version,
            ) = before;
        }
        written
    }

    fn write_as_is(&mut self, draft: &Draft) -> Result<String, DraftError> {
        let json = serde_json::to_string(draft).map_err(|e| DraftError::Damaged(e.to_string()))?;
        self.store.set(&draft_key(&draft.id), &json)?;
        let meta =
            serde_json::to_string(&draft.meta()).map_err(|e| DraftError::Damaged(e.to_string()))?;
        if let Err(e) = self.store.set(&meta_key(&draft.id), &meta) {
            // The draft itself is saved; without its list entry the list reads the draft.
            let _ = self.store.remove(&meta_key(&draft.id));
            if e != StoreError::Full {
                return Err(e.into());
            }
        }
        Ok(json)
    }

    /// Stores a new draft and returns it.
    pub fn create(&mut self, name: &str, report: Report, now_ms: f64) -> Result<Draft, DraftError> {
        let mut draft = self.new_draft(name, report, now_ms)?;
        self.write(&mut draft, now_ms)?;
        Ok(draft)
    }

    /// A new draft with a fresh id, not stored yet (revision 0): the page
    /// keeps it in memory when storage refuses it, and saves it later.
    pub fn new_draft(&self, name: &str, report: Report, now_ms: f64) -> Result<Draft, StoreError> {
        Ok(Draft {
            schema_version: SCHEMA_VERSION,
            id: self.fresh_id(now_ms)?,
            name: name.trim().to_string(),
            updated_ms: now_ms,
            revision: 0,
            report,
            previous_tasks: None,
        })
    }

    /// Stores a draft made by the caller (with [`Library::new_draft`]).
    pub fn insert(&mut self, draft: &mut Draft, now_ms: f64) -> Result<(), DraftError> {
        self.write(draft, now_ms).map(drop)
    }

    /// A copy of a draft under a new name.
    pub fn duplicate(
        &mut self,
        id: &DraftId,
        name: &str,
        now_ms: f64,
    ) -> Result<Draft, DraftError> {
        let original = self.load(id)?;
        let mut copy = self.new_draft(name, original.report, now_ms)?;
        copy.previous_tasks = original.previous_tasks;
        self.write(&mut copy, now_ms)?;
        Ok(copy)
    }

    /// Renames a stored draft.
    pub fn rename(&mut self, id: &DraftId, name: &str, now_ms: f64) -> Result<Draft, DraftError> {
        let mut draft = self.load(id)?;
        draft.name = name.trim().to_string();
        self.write(&mut draft, now_ms)?;
        Ok(draft)
    }

    /// Removes a draft and returns it, so the caller can offer to undo.
    pub fn delete(&mut self, id: &DraftId) -> Result<Draft, DraftError> {
        let draft = self.load(id)?;
        self.store.remove(&draft_key(id))?;
        self.store.remove(&meta_key(id))?;
        Ok(draft)
    }

    /// Puts back a draft exactly as it was (undo of a delete).
    pub fn restore(&mut self, draft: &Draft) -> Result<(), DraftError> {
        let json = serde_json::to_string(draft).map_err(|e| DraftError::Damaged(e.to_string()))?;
        self.store.set(&draft_key(&draft.id), &json)?;
        let meta =
            serde_json::to_string(&draft.meta()).map_err(|e| DraftError::Damaged(e.to_string()))?;
        let _ = self.store.set(&meta_key(&draft.id), &meta);
        Ok(())
    }

    pub(crate) fn fresh_id(&self, now_ms: f64) -> Result<DraftId, StoreError> {
        let base = format!("{:x}", now_ms.max(0.0) as u64);
        let keys = self.store.keys()?;
        let mut n = 0u32;
        loop {
            let candidate = DraftId(if n == 0 {
                base.clone()
            } else {
                format!("{base}-{n}")
            });
            if !keys.contains(&draft_key(&candidate)) {
                return Ok(candidate);
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests;
