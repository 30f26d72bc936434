//! The storage layer against the real localStorage of headless Chromium
//! (`make test-wasm`): the same Library the page uses, with the browser's own
//! quota and errors.
#![cfg(target_arch = "wasm32")]

use baocao::drafts::local::LocalStore;
use baocao::drafts::{DraftError, Library, Store, StoreError};
use baocao::report::Report;
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
