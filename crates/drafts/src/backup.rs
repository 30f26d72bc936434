//! A backup of every draft in one JSON file, and merging such a file back:
//! what the official downloads before clearing the browser, before moving to
//! another PC, or when the browser's storage is full.
//!
//! Merging never loses a draft: one that is missing comes back, an older
//! stored copy is brought up to the backup's, and a stored copy newer than
//! the backup's is kept, the backup's being added beside it as a copy.

use super::{migrate, Draft, DraftError, DraftId, Library, Store, StoreError};
use baocao_model::SCHEMA_VERSION;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::fmt;

/// What a backup file says it is, so a report file is not taken for one.
pub const BACKUP_KIND: &str = "baocao-sao-luu";

/// Every draft of the browser, as one file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Backup {
    pub kind: String,
    pub schema_version: u32,
    /// Milliseconds since 1970 when the file was made.
    pub exported_ms: f64,
    pub drafts: Vec<Draft>,
    /// Stored entries that could not be read, as they were, so a backup
    /// keeps even what this page cannot open.
    #[serde(default)]
    pub damaged: Vec<DamagedCopy>,
    /// The unit profile's JSON text exactly as the page stored it (see
    /// `baocao_session::profile`), so a later version's fields survive;
    /// absent in backups made before it was included, and when the browser
    /// had none. Text rather than a JSON object: the page then carries no
    /// code to write arbitrary JSON.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile: Option<String>,
}

impl Backup {
    /// The backup file's text: pretty JSON, so an official's IT staff can
    /// read it. Written compact, then laid out from its `Value` (keys in
    /// alphabetical order): the page's wasm then carries the serialiser of
    /// the report once, not a second time for the pretty layout.
    pub fn to_json(&self) -> Result<String, serde_json::Error> {
        let compact = serde_json::to_string(self)?;
        let value: Value = serde_json::from_str(&compact)?;
        serde_json::to_string_pretty(&value)
    }
}

/// A stored entry that could not be read, kept in the backup as it was.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DamagedCopy {
    pub key: String,
    pub reason: String,
    pub raw: String,
}

/// Whether a file's text is a backup (rather than a report or a draft).
pub fn is_backup(text: &str) -> bool {
    serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| {
            v.get("kind")
                .and_then(Value::as_str)
                .map(|k| k == BACKUP_KIND)
        })
        .unwrap_or(false)
}

/// The file name of a backup made on a day: "baocao-sao-luu-2025-03-14.json".
pub fn file_name(year: u32, month: u32, day: u32) -> String {
    format!("baocao-sao-luu-{year:04}-{month:02}-{day:02}.json")
}

/// What merging a backup did, to tell the official.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MergeReport {
    /// Drafts that were not in the browser and came back.
    pub added: Vec<String>,
    /// Drafts whose stored copy was older than the backup's.
    pub updated: Vec<String>,
    /// Drafts changed in the browser after the backup was made: kept, and
    /// the backup's version added beside them as a copy.
    pub kept_newer: Vec<String>,
    /// Drafts identical in the browser and in the file.
    pub unchanged: usize,
    /// Entries of the file that could not be read.
    pub unreadable: usize,
    /// Why the merge stopped early, if it did.
    pub stopped: Option<StoreError>,
}

impl fmt::Display for MergeReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if !self.added.is_empty() {
            parts.push(format!(
                "thêm {} bản nháp ({})",
                self.added.len(),
                self.added.join(", ")
            ));
        }
        if !self.updated.is_empty() {
            parts.push(format!(
                "cập nhật {} bản nháp cũ hơn bản trong tệp ({})",
                self.updated.len(),
                self.updated.join(", ")
            ));
        }
        if !self.kept_newer.is_empty() {
            parts.push(format!(
                "giữ nguyên {} bản nháp đã sửa sau khi sao lưu ({}) và thêm bản trong tệp thành bản sao bên cạnh",
                self.kept_newer.len(),
                self.kept_newer.join(", ")
            ));
        }
        if self.unchanged > 0 {
            parts.push(format!("{} bản nháp không thay đổi", self.unchanged));
        }
        if parts.is_empty() {
            parts.push("không có bản nháp nào để nhập".to_string());
        }
        write!(f, "Đã nhập bản sao lưu: {}.", parts.join("; "))?;
        if self.unreadable > 0 {
            write!(
                f,
                " {} mục trong tệp bị hỏng nên không nhập được (tệp vẫn giữ nguyên).",
                self.unreadable
            )?;
        }
        if let Some(e) = &self.stopped {
            write!(f, " Dừng giữa chừng: {e}")?;
        }
        Ok(())
    }
}

/// Reads a backup file: its drafts brought to the current schema, and how
/// many of its entries could not be read.
pub fn read_backup(text: &str) -> Result<(Vec<Draft>, usize), DraftError> {
    let value: Value = serde_json::from_str(text).map_err(|_| {
        DraftError::Damaged("tệp sao lưu không phải JSON hợp lệ (có thể bị cắt cụt)".to_string())
    })?;
    if value.get("kind").and_then(Value::as_str) != Some(BACKUP_KIND) {
        return Err(DraftError::Damaged(
            "tệp này không phải bản sao lưu của baocao".to_string(),
        ));
    }
    let version = value
        .get("schema_version")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    if version > u64::from(SCHEMA_VERSION) {
        return Err(DraftError::TooNew(version as u32));
    }
    let entries = value
        .get("drafts")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let mut drafts = Vec::new();
    let mut unreadable = value
        .get("damaged")
        .and_then(Value::as_array)
        .map_or(0, Vec::len);
    for entry in entries {
        match migrate::upgrade(entry).and_then(|v| migrate::parse_draft(&v.to_string())) {
            Ok(d) if !d.id.0.is_empty() => drafts.push(d),
            _ => unreadable += 1,
        }
    }
    Ok((drafts, unreadable))
}

impl<S: Store> Library<S> {
    /// A backup of every draft; `open` is the page's copy of the open draft,
    /// which replaces the stored one (it may hold changes storage refused).
    pub fn backup(&self, open: Option<&Draft>, now_ms: f64) -> Result<Backup, StoreError> {
        let listing = self.list()?;
        let mut drafts = Vec::new();
        for meta in &listing.drafts {
            match open.filter(|d| d.id == meta.id) {
                Some(d) => drafts.push(d.clone()),
                None => match self.load(&meta.id) {
                    Ok(d) => drafts.push(d),
                    Err(DraftError::Store(e)) => return Err(e),
                    Err(_) => {}
                },
            }
        }
        if let Some(d) = open {
            if !drafts.iter().any(|x| x.id == d.id) {
                drafts.push(d.clone());
            }
        }
        Ok(Backup {
            kind: BACKUP_KIND.to_string(),
            schema_version: SCHEMA_VERSION,
            exported_ms: now_ms,
            drafts,
            damaged: listing
                .damaged
                .into_iter()
                .map(|d| DamagedCopy {
                    key: d.key,
                    reason: d.reason,
                    raw: d.raw,
                })
                .collect(),
            profile: None,
        })
    }

    /// Merges a backup file into the stored drafts (see the module
    /// documentation for the rules).
    pub fn merge_backup(&mut self, text: &str, now_ms: f64) -> Result<MergeReport, DraftError> {
        let (drafts, unreadable) = read_backup(text)?;
        let mut report = MergeReport {
            unreadable,
            ..MergeReport::default()
        };
        for incoming in drafts {
            if let Err(e) = self.merge_one(incoming, now_ms, &mut report) {
                match e {
                    DraftError::Store(e) => {
                        report.stopped = Some(e);
                        break;
                    }
                    _ => report.unreadable += 1,
                }
            }
        }
        Ok(report)
    }

    fn merge_one(
        &mut self,
        mut incoming: Draft,
        now_ms: f64,
        report: &mut MergeReport,
    ) -> Result<(), DraftError> {
        let name = incoming.name.clone();
        match self.load(&incoming.id) {
            Err(DraftError::NotFound(_)) => {
                self.restore(&incoming)?;
                report.added.push(name);
            }
            Ok(stored) => {
                if stored.report == incoming.report && stored.name == incoming.name {
                    report.unchanged += 1;
                } else if stored.updated_ms < incoming.updated_ms {
                    let when = incoming.updated_ms;
                    incoming.revision = stored.revision;
                    self.write(&mut incoming, when)?;
                    report.updated.push(name);
                } else {
                    self.add_copy(incoming, now_ms)?;
                    report.kept_newer.push(name);
                }
            }
            // A damaged entry under that id stays as it is; the backup's
            // draft comes in beside it.
            Err(DraftError::Damaged(_) | DraftError::TooNew(_)) => {
                self.add_copy(incoming, now_ms)?;
                report.added.push(name);
            }
            Err(e) => return Err(e),
        }
        Ok(())
    }

    fn add_copy(&mut self, incoming: Draft, now_ms: f64) -> Result<(), DraftError> {
        let mut copy = incoming;
        copy.id = self.fresh_id(now_ms)?;
        copy.name = format!("{} (bản sao lưu)", copy.name);
        copy.revision = 0;
        let when = copy.updated_ms;
        self.write(&mut copy, when).map(drop)
    }

    /// The stored text of a damaged entry, to download it as it is.
    pub fn raw(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.store.get(key)
    }

    /// Whether a draft with this id is stored.
    pub fn contains(&self, id: &DraftId) -> Result<bool, StoreError> {
        Ok(self.store.get(&super::draft_key(id))?.is_some())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::MemoryStore;
    use baocao_model::Report;

    fn report(summary: &str) -> Report {
        let mut r = Report::new();
        r.title.summary = summary.to_string();
        r
    }

    #[test]
    fn the_backup_file_is_pretty_json_that_reads_back_the_same_drafts() {
        let mut lib = Library::new(MemoryStore::new());
        let a = lib
            .create("Tháng 3", report("tháng 3/2025"), 1_000.0)
            .unwrap();
        let backup = lib.backup(None, 4_000.0).unwrap();
        let text = backup.to_json().unwrap();
        assert!(text.lines().count() > 20, "one field a line: {text}");
        assert!(text.contains("\n  \"drafts\": ["), "indented: {text}");
        assert!(text.contains("tháng 3/2025"));
        let (drafts, damaged) = read_backup(&text).unwrap();
        assert_eq!(damaged, 0);
        assert_eq!(drafts, vec![lib.load(&a.id).unwrap()]);
    }

    #[test]
    fn a_backup_round_trips_and_never_overwrites_newer_work() {
        let mut lib = Library::new(MemoryStore::new());
        let a = lib
            .create("Tháng 3", report("tháng 3/2025"), 1_000.0)
            .unwrap();
        let b = lib
            .create("Tháng 4", report("tháng 4/2025"), 2_000.0)
            .unwrap();
        let c = lib
            .create("Tháng 5", report("tháng 5/2025"), 3_000.0)
            .unwrap();
        lib.store
            .set("baocao/draft/hong", "{\"schema_version\":1,")
            .unwrap();
        let file = serde_json::to_string(&lib.backup(None, 4_000.0).unwrap()).unwrap();
        assert!(is_backup(&file));
        assert!(
            file.contains("{\\\"schema_version\\\":1,"),
            "damaged raw kept"
        );

        // After the backup: a is deleted, b is changed (newer), c goes back
        // to an older state (e.g. another PC).
        lib.delete(&a.id).unwrap();
        let mut b_now = lib.load(&b.id).unwrap();
        b_now.report.title.summary = "tháng 4/2025, đã sửa sau khi sao lưu".into();
        lib.save(&mut b_now, 5_000.0).unwrap();
        let mut c_old = lib.load(&c.id).unwrap();
        c_old.report.title.summary = "bản cũ".into();
        c_old.updated_ms = 500.0;
        lib.restore(&c_old).unwrap();

        let merged = lib.merge_backup(&file, 6_000.0).unwrap();
        assert_eq!(merged.added, ["Tháng 3"]);
        assert_eq!(merged.kept_newer, ["Tháng 4"]);
        assert_eq!(merged.updated, ["Tháng 5"]);
        assert_eq!(merged.unreadable, 1);
        assert!(
            merged.to_string().contains("giữ nguyên 1 bản nháp"),
            "{merged}"
        );

        assert_eq!(
            lib.load(&a.id).unwrap().report.title.summary,
            "tháng 3/2025"
        );
        assert_eq!(
            lib.load(&b.id).unwrap().report.title.summary,
            "tháng 4/2025, đã sửa sau khi sao lưu"
        );
        assert_eq!(
            lib.load(&c.id).unwrap().report.title.summary,
            "tháng 5/2025"
        );
        let listing = lib.list().unwrap();
        let copy = listing
            .drafts
            .iter()
            .find(|d| d.name == "Tháng 4 (bản sao lưu)")
            .expect("the backup's version of b is kept beside it");
        assert_eq!(
            lib.load(&copy.id).unwrap().report.title.summary,
            "tháng 4/2025"
        );
        // The damaged entry is still there, untouched.
        assert_eq!(listing.damaged.len(), 1);

        // Merging the same file again changes nothing more.
        let again = lib.merge_backup(&file, 7_000.0).unwrap();
        assert_eq!(again.unchanged, 2);
        assert_eq!(again.kept_newer, ["Tháng 4"]);
    }

    #[test]
    fn the_open_draft_in_memory_goes_into_the_backup() {
        let mut lib = Library::new(MemoryStore::with_quota(3_000));
        let mut d = lib.create("A", report("ngắn"), 1.0).unwrap();
        d.report.title.summary = "x".repeat(5_000);
        assert!(lib.save(&mut d, 2.0).is_err(), "storage is full");
        let backup = lib.backup(Some(&d), 3.0).unwrap();
        assert_eq!(backup.drafts.len(), 1);
        assert_eq!(backup.drafts[0].report.title.summary.len(), 5_000);
    }

    #[test]
    fn files_that_are_not_backups_are_refused_clearly() {
        let mut lib = Library::new(MemoryStore::new());
        let err = lib
            .merge_backup("{\"schema_version\": 2}", 1.0)
            .unwrap_err();
        assert!(err.to_string().contains("không phải bản sao lưu"), "{err}");
        let err = lib
            .merge_backup("{\"kind\": \"baocao-sao-luu\", \"dr", 1.0)
            .unwrap_err();
        assert!(err.to_string().contains("cắt cụt"), "{err}");
        let too_new = format!(
            "{{\"kind\": \"{BACKUP_KIND}\", \"schema_version\": {}, \"exported_ms\": 0, \"drafts\": []}}",
            SCHEMA_VERSION + 1
        );
        assert!(matches!(
            lib.merge_backup(&too_new, 1.0),
            Err(DraftError::TooNew(_))
        ));
        assert_eq!(file_name(2025, 3, 4), "baocao-sao-luu-2025-03-04.json");
    }

    #[test]
    fn a_full_store_stops_the_merge_and_says_so() {
        let mut big = Library::new(MemoryStore::new());
        big.create("A", report(&"a".repeat(2_000)), 1.0).unwrap();
        big.create("B", report(&"b".repeat(2_000)), 2.0).unwrap();
        let file = serde_json::to_string(&big.backup(None, 3.0).unwrap()).unwrap();
        let mut small = Library::new(MemoryStore::with_quota(3_000));
        let merged = small.merge_backup(&file, 4.0).unwrap();
        assert_eq!(merged.stopped, Some(StoreError::Full));
        assert!(merged.to_string().contains("đầy"), "{merged}");
    }
}
