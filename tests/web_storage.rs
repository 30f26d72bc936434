//! The storage layer against the real localStorage of headless Chromium
//! (`make test-wasm`): the same Library the page uses, with the browser's own
//! quota and errors.
#![cfg(target_arch = "wasm32")]

use baocao_drafts::{DraftError, Library, Store, StoreError};
use baocao_model::Report;
use baocao_web::local_store::LocalStore;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

#[wasm_bindgen_test]
fn local_store_reads_back_what_it_wrote() {
    clear();
    let mut s = LocalStore;
    s.set("baocao/test", "Tình hình tháng 3/2025").unwrap();
    assert_eq!(
        s.get("baocao/test").unwrap().as_deref(),
        Some("Tình hình tháng 3/2025")
    );
    assert!(s.keys().unwrap().contains(&"baocao/test".to_string()));
    s.remove("baocao/test").unwrap();
    assert_eq!(s.get("baocao/test").unwrap(), None);
}

#[wasm_bindgen_test]
fn drafts_survive_in_local_storage() {
    clear();
    let mut lib = Library::new(LocalStore);
    let mut report = Report::new();
    report.title.summary = "Tình hình tháng 3/2025, nhiệm vụ tháng 4/2025".into();
    let draft = lib.create("Tháng 3", report, 1000.0).unwrap();
    let again = Library::new(LocalStore);
    let listing = again.list().unwrap();
    assert_eq!(listing.drafts.len(), 1);
    assert_eq!(listing.drafts[0].period.as_deref(), Some("3/2025"));
    assert_eq!(
        again.load(&draft.id).unwrap().report.title.summary,
        "Tình hình tháng 3/2025, nhiệm vụ tháng 4/2025"
    );
}

#[wasm_bindgen_test]
fn a_full_local_storage_is_reported_as_full() {
    clear();
    let mut s = LocalStore;
    // Fill the quota (5 MB in Chromium) with 1 MB values until it refuses.
    let chunk = "x".repeat(1 << 20);
    let mut refused = None;
    for i in 0..64 {
        if let Err(e) = s.set(&format!("filler/{i}"), &chunk) {
            refused = Some(e);
            break;
        }
    }
    assert_eq!(refused, Some(StoreError::Full));
    let mut lib = Library::new(LocalStore);
    let mut report = Report::new();
    report.title.summary = "y".repeat(2 << 20);
    let err = lib.create("Quá lớn", report, 1.0).unwrap_err();
    assert_eq!(err, DraftError::Store(StoreError::Full));
    clear();
}

/// A draft exactly as version 1 of the page stored it (tests/fixtures/README.md).
const V1_DRAFT: &str = include_str!("fixtures/draft-v1.json");

#[wasm_bindgen_test]
fn a_version_1_draft_in_local_storage_is_migrated_and_saved_as_version_2() {
    clear();
    let mut s = LocalStore;
    s.set("baocao/draft/cu", V1_DRAFT).unwrap();
    let mut lib = Library::new(LocalStore);
    let listing = lib.list().unwrap();
    assert_eq!(listing.drafts.len(), 1);
    assert!(listing.damaged.is_empty());
    assert_eq!(listing.drafts[0].period.as_deref(), Some("3/2025"));
    let id = listing.drafts[0].id.clone();
    let mut draft = lib.load(&id).unwrap();
    assert_eq!(draft.schema_version, baocao_model::SCHEMA_VERSION);
    assert_eq!(draft.revision, 7);
    lib.save(&mut draft, 2.0).unwrap();
    let stored = s.get("baocao/draft/cu").unwrap().unwrap();
    assert!(
        stored.starts_with("{\"schema_version\":2,"),
        "{}",
        &stored[..40]
    );
    assert!(stored.contains("\"stale\":[]"));
    clear();
}

#[wasm_bindgen_test]
fn a_backup_round_trips_through_local_storage() {
    clear();
    let mut lib = Library::new(LocalStore);
    let mut report = Report::new();
    report.title.summary = "Tình hình tháng 3/2025".into();
    let a = lib.create("Tháng 3", report.clone(), 1_000.0).unwrap();
    lib.create("Tháng 4", report, 2_000.0).unwrap();
    let file = serde_json::to_string(&lib.backup(None, 3_000.0).unwrap()).unwrap();
    lib.delete(&a.id).unwrap();
    let merged = lib.merge_backup(&file, 4_000.0).unwrap();
    assert_eq!(merged.added, ["Tháng 3"]);
    assert_eq!(merged.unchanged, 1);
    assert_eq!(lib.list().unwrap().drafts.len(), 2);
    clear();
}

#[wasm_bindgen_test]
fn a_damaged_entry_in_local_storage_is_listed_apart_and_kept() {
    clear();
    let mut s = LocalStore;
    s.set("baocao/draft/hong", "{\"schema_version\":2,\"id\":")
        .unwrap();
    let mut lib = Library::new(LocalStore);
    lib.create("Tốt", Report::new(), 1.0).unwrap();
    let listing = lib.list().unwrap();
    assert_eq!(listing.drafts.len(), 1);
    assert_eq!(listing.damaged.len(), 1);
    assert!(listing.damaged[0].reason.contains("cắt cụt"));
    assert_eq!(
        s.get("baocao/draft/hong").unwrap().as_deref(),
        Some("{\"schema_version\":2,\"id\":")
    );
    clear();
}
