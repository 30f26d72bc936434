//! Reading stored drafts of any schema version this page knows, oldest first
//! brought up to [`SCHEMA_VERSION`] one step at a time.

use super::{Draft, DraftError};
use baocao_model::{Report, SCHEMA_VERSION};
use serde::Deserialize;
use serde_json::Value;

/// Reads a stored draft, upgrading it from an older schema if need be.
///
/// A draft of the current schema is read straight from its text. An older
/// one is upgraded as a `Value` and written out again before it is read:
/// the typed draft is read from text only, so the page's wasm carries one
/// reader of the model (reading it from a `Value` as well cost 1.2 KB
/// gzipped), and the common case builds no `Value` tree.
pub fn read_draft(raw: &str) -> Result<Draft, DraftError> {
    if claims_current_schema(raw) {
        return parse_draft(raw);
    }
    let value: Value = serde_json::from_str(raw).map_err(|e| damaged(&e))?;
    parse_draft(&upgrade(value)?.to_string())
}

/// Reads a report file (a bare report or a stored draft), upgrading it.
pub fn read_report(raw: &str) -> Result<Report, DraftError> {
    let value: Value = serde_json::from_str(raw).map_err(|e| damaged(&e))?;
    // Read once as a Value (a file, opened rarely): a stored draft as it
    // is, a bare report wrapped as one.
    let draft = if value.get("report").is_some() {
        value
    } else {
        serde_json::json!({
            "schema_version": value.get("schema_version").cloned().unwrap_or(Value::Null),
            "id": "",
            "name": "",
            "updated_ms": 0.0,
            "revision": 0,
            "report": value,
        })
    };
    parse_draft(&upgrade(draft)?.to_string()).map(|d| d.report)
}

/// Reads a draft of the current schema from its JSON text.
pub fn parse_draft(json: &str) -> Result<Draft, DraftError> {
    serde_json::from_str(json).map_err(|e| damaged(&e))
}

fn damaged(e: &serde_json::Error) -> DraftError {
    DraftError::Damaged(describe_json_error(e))
}

/// Whether a stored draft's text says it is of the current schema, as
/// [`version_of`] reads it (the draft's own number, else its report's).
/// Reads the two numbers only; any doubt (a number missing, not a number,
/// text that is not JSON) answers false, and the full reading says why.
fn claims_current_schema(raw: &str) -> bool {
    #[derive(Deserialize)]
    struct Claimed {
        schema_version: Option<u64>,
        report: Option<ClaimedReport>,
    }
    #[derive(Deserialize)]
    struct ClaimedReport {
        schema_version: Option<u64>,
    }
    let Ok(claimed) = serde_json::from_str::<Claimed>(raw) else {
        return false;
    };
    let version = claimed
        .schema_version
        .or_else(|| claimed.report.and_then(|r| r.schema_version));
    version == Some(u64::from(SCHEMA_VERSION))
}

/// The schema version a stored value claims.
fn version_of(value: &Value) -> Result<u32, DraftError> {
    let v = value
        .get("schema_version")
        .or_else(|| value.get("report").and_then(|r| r.get("schema_version")))
        .ok_or_else(|| {
            DraftError::Damaged("thiếu số phiên bản dữ liệu (schema_version)".to_string())
        })?;
    v.as_u64()
        .and_then(|v| u32::try_from(v).ok())
        .ok_or_else(|| DraftError::Damaged(format!("số phiên bản dữ liệu không hợp lệ: {v}")))
}

/// A migration step: a stored draft of one version brought to the next.
type Step = fn(Value) -> Result<Value, DraftError>;

/// `STEPS[n - 1]` brings a draft of version n to version n + 1.
const STEPS: [Step; (SCHEMA_VERSION - 1) as usize] = [v1_to_v2];

/// Brings a stored draft value up to the current schema, one step at a time.
pub fn upgrade(value: Value) -> Result<Value, DraftError> {
    let version = version_of(&value)?;
    if version > SCHEMA_VERSION {
        return Err(DraftError::TooNew(version));
    }
    if version == 0 {
        return Err(DraftError::Damaged(
            "số phiên bản dữ liệu 0 không tồn tại".to_string(),
        ));
    }
    STEPS[(version - 1) as usize..]
        .iter()
        .try_fold(value, |value, step| step(value))
}

/// Schema 1 → 2. Version 2 keeps the figures carried over from last month
/// that nobody has updated yet (`report.stale`) and last month's tasks part
/// (`previous_tasks`). A version-1 page could not carry figures over, so a
/// version-1 draft has none of either; the step writes both down explicitly
/// and moves both version numbers on.
fn v1_to_v2(mut value: Value) -> Result<Value, DraftError> {
    let draft = value
        .as_object_mut()
        .ok_or_else(|| DraftError::Damaged("dữ liệu không phải một bản nháp".to_string()))?;
    draft.insert("schema_version".to_string(), Value::from(2));
    draft.entry("previous_tasks").or_insert(Value::Null);
    let report = draft
        .get_mut("report")
        .and_then(Value::as_object_mut)
        .ok_or_else(|| DraftError::Damaged("bản nháp không có nội dung báo cáo".to_string()))?;
    report.insert("schema_version".to_string(), Value::from(2));
    report
        .entry("stale")
        .or_insert_with(|| Value::Array(Vec::new()));
    Ok(value)
}

/// A JSON error in words an official can act on.
fn describe_json_error(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Eof => "dữ liệu bị cắt cụt giữa chừng".to_string(),
        Category::Syntax => format!(
            "dữ liệu sai cú pháp ở dòng {}, cột {}",
            e.line(),
            e.column()
        ),
        Category::Data => format!("dữ liệu không đúng cấu trúc bản nháp: {e}"),
        Category::Io => format!("lỗi đọc dữ liệu: {e}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newer_schema_is_refused_clearly() {
        let raw = format!(r#"{{"schema_version": {}, "id": "x"}}"#, SCHEMA_VERSION + 1);
        assert_eq!(
            read_draft(&raw).unwrap_err(),
            DraftError::TooNew(SCHEMA_VERSION + 1)
        );
    }

    #[test]
    fn truncated_json_is_damaged_not_a_panic() {
        let err = read_draft(r#"{"schema_version": 1, "id": "x", "na"#).unwrap_err();
        assert!(
            matches!(err, DraftError::Damaged(ref m) if m.contains("cắt cụt")),
            "{err:?}"
        );
    }

    /// A draft exactly as version 1 of the page stored it (made by the
    /// version-1 code from the start of seed 001).
    const V1_DRAFT: &str = include_str!("../../../tests/fixtures/draft-v1.json");

    #[test]
    fn a_version_1_draft_is_brought_to_version_2() {
        let raw: Value = serde_json::from_str(V1_DRAFT).unwrap();
        assert_eq!(raw["schema_version"], 1);
        assert!(raw.get("previous_tasks").is_none());
        assert!(raw["report"].get("stale").is_none());
        let upgraded = upgrade(raw.clone()).unwrap();
        assert_eq!(upgraded["schema_version"], 2);
        assert_eq!(upgraded["report"]["schema_version"], 2);
        assert_eq!(upgraded["previous_tasks"], Value::Null);
        assert_eq!(upgraded["report"]["stale"], serde_json::json!([]));
        let draft = read_draft(V1_DRAFT).unwrap();
        assert_eq!(draft.schema_version, SCHEMA_VERSION);
        assert_eq!(draft.name, "Báo cáo tháng 3/2025");
        assert_eq!(draft.revision, 7);
        // Nothing of the content is lost on the way.
        assert_eq!(draft.report.header, {
            let r = raw["report"]["header"].clone();
            serde_json::from_value(r).unwrap()
        });
        assert_eq!(
            serde_json::to_value(&draft.report.body).unwrap(),
            raw["report"]["body"]
        );
        assert_eq!(
            serde_json::to_value(&draft.report.footnotes).unwrap(),
            raw["report"]["footnotes"]
        );
        assert!(draft.report.footnotes.len() >= 5);
        assert_eq!(draft.report.period(), baocao_model::Period::new(3, 2025));
    }

    #[test]
    fn a_migrated_draft_is_saved_as_version_2_and_reads_back_the_same() {
        use crate::{DraftId, Library, MemoryStore, Store};
        let mut lib = Library::new(MemoryStore::new());
        lib.store.set("baocao/draft/cu", V1_DRAFT).unwrap();
        let listing = lib.list().unwrap();
        assert_eq!(listing.drafts.len(), 1);
        assert!(listing.damaged.is_empty());
        let id = DraftId("cu".into());
        let mut draft = lib.load(&id).unwrap();
        let before = draft.report.clone();
        lib.save(&mut draft, 5.0).unwrap();
        let stored: Value =
            serde_json::from_str(&lib.store.get("baocao/draft/cu").unwrap().unwrap()).unwrap();
        assert_eq!(stored["schema_version"], 2);
        assert_eq!(stored["report"]["schema_version"], 2);
        assert_eq!(lib.load(&id).unwrap().report, before);
    }

    #[test]
    fn drafts_stored_before_appendices_load_with_none_and_keep_their_shape() {
        use crate::{DraftId, Library, MemoryStore, Store};
        // A draft stored by an older page: no "appendices" anywhere.
        assert!(!V1_DRAFT.contains("appendices"));
        let draft = read_draft(V1_DRAFT).unwrap();
        assert!(draft.report.body.appendices.is_empty());
        assert!(!draft.report.body.sections.is_empty());
        // None is not stored: a draft without appendices keeps its shape.
        let body = serde_json::to_value(&draft.report.body).unwrap();
        assert!(body.get("appendices").is_none(), "{body}");
        // One with an appendix keeps it through the store.
        let mut lib = Library::new(MemoryStore::new());
        lib.store.set("baocao/draft/cu", V1_DRAFT).unwrap();
        let id = DraftId("cu".into());
        let mut draft = lib.load(&id).unwrap();
        let next_id = draft.report.body.max_id().0 + 1;
        draft.report.body.appendices.push(baocao_model::Appendix {
            id: baocao_model::BlockId(next_id),
            label: "Phụ lục I".into(),
            title: "KẾT QUẢ THU NGÂN SÁCH".into(),
            reference: "(Kèm theo Báo cáo số      /BC-UBND)".into(),
            blocks: vec![baocao_model::empty_paragraph(baocao_model::BlockId(
                next_id + 1,
            ))],
            origin: None,
        });
        let before = draft.report.clone();
        lib.save(&mut draft, 6.0).unwrap();
        let back = lib.load(&id).unwrap().report;
        assert_eq!(back, before);
        assert_eq!(back.body.appendices[0].label, "Phụ lục I");
    }

    #[test]
    fn drafts_stored_before_moved_marks_load_unchanged_and_keep_their_shape() {
        use crate::{DraftId, Library, MemoryStore, Store};
        use baocao_model::{FigurePlace, MovedMark};
        // A version-2 draft as the page stored it before moved mentions were
        // marked: stale figures, no "moved".
        let mut raw = upgrade(serde_json::from_str(V1_DRAFT).unwrap()).unwrap();
        raw["report"]["stale"] = serde_json::json!([
            {"place": {"text": {"kind": "paragraph", "id": 3}}, "start": 0, "text": "10.595"}
        ]);
        assert!(raw["report"].get("moved").is_none());
        let old = serde_json::to_string(&raw).unwrap();
        let draft = read_draft(&old).unwrap();
        assert!(draft.report.moved.is_empty());
        assert_eq!(draft.report.stale.len(), 1);
        let mut lib = Library::new(MemoryStore::new());
        lib.store.set("baocao/draft/cu", &old).unwrap();
        let id = DraftId("cu".into());
        let mut draft = lib.load(&id).unwrap();
        lib.save(&mut draft, 5.0).unwrap();
        let stored: Value =
            serde_json::from_str(&lib.store.get("baocao/draft/cu").unwrap().unwrap()).unwrap();
        assert!(
            stored["report"].get("moved").is_none(),
            "no marks, no field"
        );
        assert_eq!(stored["report"]["stale"], raw["report"]["stale"]);
        // With marks, they go through the store.
        draft.report.moved.push(MovedMark {
            place: FigurePlace::Summary,
            start: 0,
            text: "tháng 4/2025".into(),
            was: "tháng 3/2025".into(),
        });
        let before = draft.report.clone();
        lib.save(&mut draft, 6.0).unwrap();
        assert_eq!(lib.load(&id).unwrap().report, before);
    }

    #[test]
    fn a_version_1_value_that_is_not_a_draft_is_damaged() {
        let err = read_draft(r#"{"schema_version": 1, "id": "x"}"#).unwrap_err();
        assert!(
            matches!(err, DraftError::Damaged(ref m) if m.contains("nội dung")),
            "{err:?}"
        );
        assert!(matches!(read_draft("[1, 2]"), Err(DraftError::Damaged(_))));
    }

    /// A stored draft of the current schema, as the page writes it.
    fn current_draft_json() -> String {
        let mut report = baocao_model::Report::new();
        report.title.summary = "Tình hình kinh tế - xã hội tháng 10/2026".to_string();
        let draft = Draft {
            schema_version: SCHEMA_VERSION,
            id: crate::DraftId("hien-tai".to_string()),
            name: "Tháng 10".to_string(),
            updated_ms: 1.0,
            revision: 3,
            report,
            previous_tasks: None,
        };
        serde_json::to_string(&draft).unwrap()
    }

    #[test]
    fn a_current_draft_is_read_as_written() {
        let json = current_draft_json();
        assert!(claims_current_schema(&json));
        let draft = read_draft(&json).unwrap();
        assert_eq!(draft.name, "Tháng 10");
        assert_eq!(draft.revision, 3);
        assert_eq!(
            draft.report.title.summary,
            "Tình hình kinh tế - xã hội tháng 10/2026"
        );
    }

    /// The stored draft above with one change made to its JSON.
    fn current_draft_with(change: impl FnOnce(&mut Value)) -> String {
        let mut value: Value = serde_json::from_str(&current_draft_json()).unwrap();
        change(&mut value);
        value.to_string()
    }

    /// What reading `json` says is damaged (it must be damaged).
    fn damage_of(json: &str) -> String {
        match read_draft(json) {
            Err(DraftError::Damaged(message)) => message,
            other => panic!("not damaged: {other:?}"),
        }
    }

    #[test]
    fn a_version_only_the_report_states_is_read_as_version_of_reads_it() {
        // As `version_of`: the report's number stands in for the draft's.
        // The draft still lacks its own field, and is damaged either way.
        let json = current_draft_with(|v| {
            v.as_object_mut().unwrap().remove("schema_version");
        });
        assert!(claims_current_schema(&json));
        let value: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(version_of(&value).unwrap(), SCHEMA_VERSION);
        assert!(damage_of(&json).contains("schema_version"));
    }

    #[test]
    fn a_version_written_as_text_goes_the_long_way_and_is_named() {
        let json = current_draft_with(|v| v["schema_version"] = Value::from("hai"));
        assert!(!claims_current_schema(&json));
        assert!(damage_of(&json).contains("không hợp lệ"));
    }

    #[test]
    fn a_current_draft_with_a_field_of_the_wrong_kind_is_damaged() {
        let json = current_draft_with(|v| v["revision"] = Value::from("ba"));
        assert!(claims_current_schema(&json));
        assert!(damage_of(&json).contains("không đúng cấu trúc"));
    }

    #[test]
    fn bare_report_file_is_read() {
        let report = baocao_model::Report::new();
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(read_report(&json).unwrap(), report);
    }
}
