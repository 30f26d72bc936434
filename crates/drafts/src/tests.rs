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
fn a_refused_save_leaves_the_draft_as_it_was() {
    let mut lib = Library::new(MemoryStore::with_quota(4_000));
    let mut d = lib.create("A", report("ngắn"), 1.0).unwrap();
    d.report.title.summary = "x".repeat(10_000);
    let before = d.clone();
    assert!(lib.save(&mut d, 2.0).is_err());
    assert_eq!(
        d, before,
        "revision and time not moved on by a save that failed"
    );
    // Once there is room again, the same draft saves with the next revision.
    d.report.title.summary = "vừa đủ".into();
    lib.save(&mut d, 3.0).unwrap();
    assert_eq!((d.revision, d.updated_ms), (before.revision + 1, 3.0));
}

#[test]
fn a_save_returns_the_json_it_stored() {
    let mut lib = Library::new(MemoryStore::new());
    let mut d = lib
        .create("Tháng 5", report("tình hình tháng 5/2026"), 1.0)
        .unwrap();
    d.report.title.summary = "tình hình tháng 5/2026, nhiệm vụ tháng 6/2026".into();
    let json = lib.save(&mut d, 2.0).unwrap();
    assert_eq!(
        lib.store.get(&draft_key(&d.id)).unwrap().as_deref(),
        Some(json.as_str())
    );
    // The draft in memory is the draft stored, revision and time included.
    assert_eq!(serde_json::to_string(&d).unwrap(), json);
    assert_eq!(lib.load(&d.id).unwrap(), d);
}

#[test]
fn the_report_of_a_stored_draft_reads_without_the_rest() {
    let mut lib = Library::new(MemoryStore::new());
    let mut d = lib
        .create("Tháng 6", report("tình hình tháng 6/2026"), 1.0)
        .unwrap();
    d.previous_tasks = Some(PreviousTasks {
        month: 6,
        year: 2026,
        label: "tháng 6/2026".into(),
        section: serde_json::from_str(
            r#"{"id":7,"heading":{"level":"part","number":"II","title":[{"text":"NHIỆM VỤ THÁNG 6/2026"}]}}"#,
        )
        .unwrap(),
    });
    let json = lib.save(&mut d, 2.0).unwrap();
    assert_eq!(report_of_draft(&json).unwrap(), d.report);
    assert!(report_of_draft("{\"report\":").is_err());
    assert!(report_of_draft("{\"name\":\"không có báo cáo\"}").is_err());
}

#[test]
fn the_listing_takes_a_saved_draft_without_reading_storage() {
    let mut lib = Library::new(MemoryStore::new());
    let mut march = lib
        .create("Tháng 3", report("tháng 3/2025"), 1000.0)
        .unwrap();
    lib.create("Tháng 4", report("tháng 4/2025"), 2000.0)
        .unwrap();
    let mut listing = lib.list().unwrap();
    march.report.title.summary = "tình hình tháng 3/2025".into();
    lib.save(&mut march, 3000.0).unwrap();
    listing.put(march.meta());
    assert_eq!(listing, lib.list().unwrap());
    assert_eq!(
        listing.drafts[0].name, "Tháng 3",
        "the draft just saved comes first"
    );
    // A draft the list did not have yet (kept in memory while storage was full).
    let mut may = lib
        .new_draft("Tháng 5", report("tháng 5/2025"), 4000.0)
        .unwrap();
    lib.insert(&mut may, 4000.0).unwrap();
    listing.put(may.meta());
    assert_eq!(listing, lib.list().unwrap());
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
