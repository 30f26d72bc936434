use super::*;
use baocao_model::Report;

fn report(summary: &str) -> Report {
    let mut r = Report::new();
    r.title.summary = summary.to_string();
    r
}

#[test]
fn create_list_open_rename_delete() {
    let mut lib = Library::new(MemoryStore::new());
    let a = lib
        .create("Tháng 3", report("tình hình tháng 3/2025"), 1000.0)
        .unwrap();
    let b = lib
        .create("Tháng 4", report("tình hình tháng 4/2025"), 2000.0)
        .unwrap();
    assert_ne!(a.id, b.id);
    let listing = lib.list().unwrap();
    let names: Vec<&str> = listing.drafts.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["Tháng 4", "Tháng 3"]);
    assert_eq!(listing.drafts[1].period.as_deref(), Some("3/2025"));
    assert_eq!(
        lib.load(&a.id).unwrap().report.title.summary,
        "tình hình tháng 3/2025"
    );
    lib.rename(&a.id, "  Báo cáo tháng 3 ", 3000.0).unwrap();
    assert_eq!(lib.list().unwrap().drafts[0].name, "Báo cáo tháng 3");
    let removed = lib.delete(&b.id).unwrap();
    assert_eq!(lib.list().unwrap().drafts.len(), 1);
    lib.restore(&removed).unwrap();
    assert_eq!(lib.list().unwrap().drafts.len(), 2);
}

#[test]
fn a_save_from_a_stale_tab_is_refused() {
    let mut lib = Library::new(MemoryStore::new());
    let mut here = lib.create("A", report("x"), 1.0).unwrap();
    let mut there = lib.load(&here.id).unwrap();
    there.report.title.summary = "sửa ở thẻ khác".into();
    lib.save(&mut there, 2.0).unwrap();
    here.report.title.summary = "sửa ở thẻ này".into();
    let err = lib.save(&mut here, 3.0).unwrap_err();
    assert!(matches!(err, DraftError::Conflict { stored_revision: 2 }));
    assert_eq!(
        lib.load(&here.id).unwrap().report.title.summary,
        "sửa ở thẻ khác"
    );
    lib.save_over(&mut here, 4.0).unwrap();
    assert_eq!(
        lib.load(&here.id).unwrap().report.title.summary,
        "sửa ở thẻ này"
    );
}

#[test]
fn a_full_store_refuses_and_keeps_the_old_copy() {
    let mut lib = Library::new(MemoryStore::with_quota(4_000));
    let mut d = lib.create("A", report("ngắn"), 1.0).unwrap();
    d.report.title.summary = "x".repeat(10_000);
    let err = lib.save(&mut d, 2.0).unwrap_err();
    assert_eq!(err, DraftError::Store(StoreError::Full));
    assert!(err.to_string().contains("đầy"));
    assert_eq!(lib.load(&d.id).unwrap().report.title.summary, "ngắn");
}

#[test]
fn damaged_entries_are_reported_and_kept() {
    let mut lib = Library::new(MemoryStore::new());
    lib.create("Tốt", report("x"), 1.0).unwrap();
    lib.store
        .set("baocao/draft/hong", "{\"schema_version\": 1, \"id\"")
        .unwrap();
    let listing = lib.list().unwrap();
    assert_eq!(listing.drafts.len(), 1);
    assert_eq!(listing.damaged.len(), 1);
    assert_eq!(listing.damaged[0].key, "baocao/draft/hong");
    assert!(listing.damaged[0].reason.contains("hỏng"));
    // Still there, untouched.
    assert_eq!(
        lib.store.get("baocao/draft/hong").unwrap().unwrap(),
        "{\"schema_version\": 1, \"id\""
    );
}
