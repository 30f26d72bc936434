//! Reading stored drafts of any schema version this page knows, oldest first
//! brought up to [`SCHEMA_VERSION`] one step at a time.

use super::{Draft, DraftError};
use crate::report::{Report, SCHEMA_VERSION};
use serde_json::Value;

/// Reads a stored draft, upgrading it from an older schema if need be.
pub fn read_draft(raw: &str) -> Result<Draft, DraftError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DraftError::Damaged(describe_json_error(&e)))?;
    let value = upgrade(value)?;
    serde_json::from_value(value).map_err(|e| DraftError::Damaged(describe_json_error(&e)))
}

/// Reads a report file (a bare report or a stored draft), upgrading it.
pub fn read_report(raw: &str) -> Result<Report, DraftError> {
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DraftError::Damaged(describe_json_error(&e)))?;
    if value.get("report").is_some() {
        return read_draft(raw).map(|d| d.report);
    }
    let wrapped = serde_json::json!({
        "schema_version": value.get("schema_version").cloned().unwrap_or(Value::Null),
        "id": "",
        "name": "",
        "updated_ms": 0.0,
        "revision": 0,
        "report": value,
    });
    let draft: Draft = serde_json::from_value(upgrade(wrapped)?)
        .map_err(|e| DraftError::Damaged(describe_json_error(&e)))?;
    Ok(draft.report)
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

/// Brings a stored draft value up to the current schema.
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

    #[test]
    fn bare_report_file_is_read() {
        let report = crate::report::Report::new();
        let json = serde_json::to_string(&report).unwrap();
        assert_eq!(read_report(&json).unwrap(), report);
    }
}
