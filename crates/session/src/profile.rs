//! The unit profile: what an office writes the same way in every report
//! (cơ quan chủ quản, cơ quan ban hành, địa danh, ký hiệu, Nơi nhận, quyền
//! hạn, chức vụ, người ký), saved once in the browser and used by every new
//! report made from a template.
//!
//! The page keeps it as JSON in localStorage. Reading it back is tolerant:
//! a field of the wrong type is left empty, an unknown field is ignored, a
//! profile written by a later version keeps the fields this one knows, and
//! text that is not a profile at all is reported so the page can say so and
//! start from an empty profile without losing the stored text.

use baocao_drafts::backup::Backup;
use baocao_drafts::{Draft, Library, Store, StoreError};
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// The version of the stored profile this build writes.
pub const PROFILE_VERSION: u32 = 1;

/// The localStorage key of the unit profile (outside the drafts' prefixes).
pub const PROFILE_KEY: &str = "baocao/profile";

/// Where a damaged profile is set aside, so nothing the official typed is lost.
pub const DAMAGED_PROFILE_KEY: &str = "baocao/profile-damaged";

/// Which kind of office issues the report. Since 1 July 2025 local
/// government has two levels: the province (UBND tỉnh and its sở, ban,
/// ngành) and the commune level (UBND xã, phường, đặc khu).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    /// UBND tỉnh (or thành phố trực thuộc trung ương).
    #[default]
    Province,
    /// A sở, ban, ngành of the province, under "UBND TỈNH …".
    Department,
    /// UBND xã (and đặc khu).
    Commune,
    /// UBND phường.
    Ward,
}

impl UnitKind {
    /// Every kind, in the order the page lists them.
    pub const ALL: [UnitKind; 4] = [
        UnitKind::Province,
        UnitKind::Department,
        UnitKind::Commune,
        UnitKind::Ward,
    ];

    /// The name the page shows.
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Province => "UBND tỉnh",
            UnitKind::Department => "Sở, ban, ngành thuộc tỉnh",
            UnitKind::Commune => "UBND xã, đặc khu",
            UnitKind::Ward => "UBND phường",
        }
    }

    /// A short ASCII key (form values, storage).
    pub fn key(self) -> &'static str {
        match self {
            UnitKind::Province => "province",
            UnitKind::Department => "department",
            UnitKind::Commune => "commune",
            UnitKind::Ward => "ward",
        }
    }

    /// The kind with this key.
    pub fn from_key(key: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.key() == key)
    }

    /// Whether an Ủy ban nhân dân (a collective body, signed "TM.") issues it.
    pub fn is_people_committee(self) -> bool {
        self != UnitKind::Department
    }
}

/// What an office writes the same way in every report. Every field may be
/// empty: the template then leaves that field empty (with a placeholder on
/// the page) or, for conventions of the unit kind (quyền hạn, chức vụ, ký
/// hiệu of an UBND, the usual Nơi nhận), writes the convention.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitProfile {
    pub version: u32,
    pub unit: UnitKind,
    /// Cơ quan chủ quản, e.g. "UBND TỈNH LÂM ĐỒNG" above a sở.
    pub parent_agency: String,
    /// Cơ quan ban hành, one printed line per '\n'.
    pub issuing_agency: String,
    /// Địa danh, e.g. "Lâm Đồng".
    pub place: String,
    /// Ký hiệu, e.g. "BC-UBND", "BC-SNV".
    pub code: String,
    /// Nơi nhận, one line each.
    pub recipients: Vec<String>,
    /// Quyền hạn ký, one printed line each ("TM. ỦY BAN NHÂN DÂN").
    pub authority: Vec<String>,
    /// Chức vụ ("CHỦ TỊCH", "PHÓ GIÁM ĐỐC").
    pub position: String,
    /// Họ và tên người ký.
    pub signer: String,
}

/// Why a stored profile could not be read at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DamagedProfile;

impl std::fmt::Display for DamagedProfile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Hồ sơ đơn vị lưu trong trình duyệt bị hỏng, không đọc được. Đã mở hồ sơ trống; dữ liệu cũ được giữ riêng trong trình duyệt.")
    }
}

impl UnitProfile {
    /// An empty profile of a unit kind.
    pub fn new(unit: UnitKind) -> Self {
        UnitProfile {
            version: PROFILE_VERSION,
            unit,
            ..UnitProfile::default()
        }
    }

    /// The profile with the unit kind's conventions filled in where it is
    /// empty (quyền hạn, chức vụ, ký hiệu, Nơi nhận), as the profile form
    /// offers them for editing. Names (cơ quan, địa danh, người ký) stay as
    /// the official wrote them.
    pub fn with_conventions(&self) -> UnitProfile {
        let mut p = self.clone();
        let c = conventions(self.unit);
        if p.authority.is_empty() {
            p.authority = c.authority;
        }
        if p.position.trim().is_empty() {
            p.position = c.position;
        }
        if p.code.trim().is_empty() {
            p.code = c.code;
        }
        if p.recipients.is_empty() {
            p.recipients = c.recipients;
        }
        p
    }

    /// Whether the official has written any of the unit's own values.
    pub fn is_set(&self) -> bool {
        [
            &self.parent_agency,
            &self.issuing_agency,
            &self.place,
            &self.signer,
        ]
        .iter()
        .any(|s| !s.trim().is_empty())
    }

    /// The profile as stored.
    pub fn to_json(&self) -> String {
        let mut p = self.clone();
        p.version = PROFILE_VERSION;
        serde_json::to_string(&p).unwrap_or_default()
    }

    /// Reads a stored profile, keeping every field that can be read.
    pub fn from_json(text: &str) -> Result<UnitProfile, DamagedProfile> {
        let value: Value = serde_json::from_str(text).map_err(|_| DamagedProfile)?;
        let Value::Object(map) = value else {
            return Err(DamagedProfile);
        };
        let string = |key: &str| match map.get(key) {
            Some(Value::String(s)) => s.clone(),
            _ => String::new(),
        };
        let lines = |key: &str| match map.get(key) {
            Some(Value::Array(items)) => items
                .iter()
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            _ => Vec::new(),
        };
        let unit = match map.get("unit") {
            Some(Value::String(s)) => serde_json::from_value(Value::String(s.clone())).ok(),
            _ => None,
        };
        Ok(UnitProfile {
            version: PROFILE_VERSION,
            unit: unit.unwrap_or_default(),
            parent_agency: string("parent_agency"),
            issuing_agency: string("issuing_agency"),
            place: string("place"),
            code: string("code"),
            recipients: lines("recipients"),
            authority: lines("authority"),
            position: string("position"),
            signer: string("signer"),
        })
    }
}

/// What a unit kind writes by convention, whoever the unit is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conventions {
    pub authority: Vec<String>,
    pub position: String,
    /// Ký hiệu; empty for a sở, whose letters are its own ("BC-SNV", "BC-STC").
    pub code: String,
    pub recipients: Vec<String>,
}

/// The conventions of a unit kind: an UBND signs "TM. ỦY BAN NHÂN DÂN /
/// CHỦ TỊCH" under "BC-UBND"; a sở's report is usually signed by a deputy
/// "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC". Nơi nhận lists the bodies above the unit
/// "(b/c)", its own leaders and units, and ends with "Lưu: VT, …".
pub fn conventions(unit: UnitKind) -> Conventions {
    let lines = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    match unit {
        UnitKind::Province => Conventions {
            authority: lines(&["TM. ỦY BAN NHÂN DÂN"]),
            position: "CHỦ TỊCH".to_string(),
            code: "BC-UBND".to_string(),
            recipients: lines(&[
                "Văn phòng Chính phủ (b/c);",
                "Thường trực Tỉnh ủy (b/c);",
                "Thường trực HĐND tỉnh (b/c);",
                "CT, các PCT UBND tỉnh;",
                "Các sở, ban, ngành thuộc tỉnh;",
                "UBND các xã, phường, đặc khu;",
                "Lưu: VT, TH.",
            ]),
        },
        UnitKind::Department => Conventions {
            authority: lines(&["KT. GIÁM ĐỐC"]),
            position: "PHÓ GIÁM ĐỐC".to_string(),
            code: String::new(),
            recipients: lines(&[
                "UBND tỉnh (b/c);",
                "Giám đốc, các Phó Giám đốc Sở;",
                "Các phòng, đơn vị thuộc Sở;",
                "Lưu: VT, VP.",
            ]),
        },
        UnitKind::Commune | UnitKind::Ward => {
            let level = if unit == UnitKind::Ward {
                "phường"
            } else {
                "xã"
            };
            Conventions {
                authority: lines(&["TM. ỦY BAN NHÂN DÂN"]),
                position: "CHỦ TỊCH".to_string(),
                code: "BC-UBND".to_string(),
                recipients: vec![
                    "UBND tỉnh (b/c);".to_string(),
                    format!("Thường trực Đảng ủy {level} (b/c);"),
                    format!("Thường trực HĐND {level};"),
                    format!("CT, các PCT UBND {level};"),
                    format!("Các cơ quan, đơn vị thuộc {level};"),
                    "Lưu: VT, VP.".to_string(),
                ],
            }
        }
    }
}

/// A backup of every draft (see [`baocao_drafts::backup`]) with the unit
/// profile as stored in `lib`'s store, so a new PC gets the office's
/// profile back with its drafts.
pub fn backup_with_profile<S: Store>(
    lib: &Library<S>,
    open: Option<&Draft>,
    now_ms: f64,
) -> Result<Backup, StoreError> {
    let mut b = lib.backup(open, now_ms)?;
    b.profile = lib.store.get(PROFILE_KEY)?;
    Ok(b)
}

/// What importing a backup did with the unit profile it carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProfileMerge {
    /// The file has no profile (made before profiles were backed up, or in
    /// a browser without one).
    Absent,
    /// The file has a profile that cannot be read (edited by hand, cut
    /// short): nothing is stored from it, the drafts still come in.
    Damaged,
    /// This browser had no profile of its own: the file's is now stored.
    Taken,
    /// The file's profile is the one stored here.
    Same,
    /// This browser has a profile of its own that differs: it is kept (the
    /// file has no date to tell which is newer, and nothing is overwritten).
    KeptOwn,
    /// Storage refused to store the file's profile.
    Failed(StoreError),
}

impl ProfileMerge {
    /// What to add to the message after an import, if anything.
    pub fn note(&self) -> String {
        match self {
            ProfileMerge::Absent | ProfileMerge::Same => String::new(),
            ProfileMerge::Taken => " Đã nhập hồ sơ đơn vị từ tệp.".to_string(),
            ProfileMerge::Damaged => " Hồ sơ đơn vị trong tệp bị hỏng nên không dùng; hồ sơ ở trình duyệt này giữ nguyên (nhập lại ở «Hồ sơ đơn vị» nếu cần).".to_string(),
            ProfileMerge::KeptOwn => " Hồ sơ đơn vị trong tệp khác hồ sơ đang dùng ở trình duyệt này nên giữ hồ sơ đang dùng (sửa ở «Hồ sơ đơn vị» nếu cần).".to_string(),
            ProfileMerge::Failed(e) => format!(" Chưa lưu được hồ sơ đơn vị trong tệp: {e}."),
        }
    }
}

/// Brings the unit profile of a backup file (its text) into `lib`'s store
/// when this browser has none of its own (see [`ProfileMerge`]). The
/// profile is stored as the file has it, so fields of a later version stay.
pub fn merge_backup_profile<S: Store>(lib: &mut Library<S>, text: &str) -> ProfileMerge {
    let Some(incoming_text) = serde_json::from_str::<Value>(text)
        .ok()
        .and_then(|v| v.get("profile").and_then(Value::as_str).map(str::to_string))
    else {
        return ProfileMerge::Absent;
    };
    let Ok(incoming) = UnitProfile::from_json(&incoming_text) else {
        return ProfileMerge::Damaged;
    };
    let own = lib
        .store
        .get(PROFILE_KEY)
        .ok()
        .flatten()
        .and_then(|t| UnitProfile::from_json(&t).ok())
        .filter(UnitProfile::is_set);
    match own {
        Some(own) if own == incoming => ProfileMerge::Same,
        Some(_) => ProfileMerge::KeptOwn,
        None if !incoming.is_set() => ProfileMerge::Absent,
        None => match lib.store.set(PROFILE_KEY, &incoming_text) {
            Ok(()) => ProfileMerge::Taken,
            Err(e) => ProfileMerge::Failed(e),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lam_dong_department() -> UnitProfile {
        UnitProfile {
            unit: UnitKind::Department,
            parent_agency: "UBND TỈNH LÂM ĐỒNG".into(),
            issuing_agency: "SỞ NỘI VỤ".into(),
            place: "Lâm Đồng".into(),
            code: "BC-SNV".into(),
            recipients: vec!["UBND tỉnh (b/c);".into(), "Lưu: VT, VP.".into()],
            authority: vec!["KT. GIÁM ĐỐC".into()],
            position: "PHÓ GIÁM ĐỐC".into(),
            signer: "Trần Thị B".into(),
            ..UnitProfile::new(UnitKind::Department)
        }
    }

    #[test]
    fn a_profile_is_read_back_as_written() {
        let p = lam_dong_department();
        let back = UnitProfile::from_json(&p.to_json()).unwrap();
        assert_eq!(back, p);
        assert!(back.is_set());
        assert!(!UnitProfile::new(UnitKind::Ward).is_set());
    }

    #[test]
    fn a_damaged_profile_keeps_what_can_be_read() {
        // Wrong types, an unknown unit kind, unknown fields, a later version.
        let text = r#"{"version": 9, "unit": "county", "place": "Lâm Đồng",
            "issuing_agency": 12, "recipients": ["UBND tỉnh (b/c);", 3, null],
            "authority": "TM. ỦY BAN NHÂN DÂN", "colour": "blue", "signer": "Nguyễn Văn C"}"#;
        let p = UnitProfile::from_json(text).unwrap();
        assert_eq!(p.version, PROFILE_VERSION);
        assert_eq!(p.unit, UnitKind::Province);
        assert_eq!(p.place, "Lâm Đồng");
        assert_eq!(p.issuing_agency, "");
        assert_eq!(p.recipients, ["UBND tỉnh (b/c);"]);
        assert!(p.authority.is_empty());
        assert_eq!(p.signer, "Nguyễn Văn C");
        // Not a profile at all: reported, nothing invented.
        assert_eq!(
            UnitProfile::from_json("{\"place\": \"Lâm"),
            Err(DamagedProfile)
        );
        assert_eq!(UnitProfile::from_json("[1, 2]"), Err(DamagedProfile));
        assert_eq!(UnitProfile::from_json(""), Err(DamagedProfile));
        assert!(DamagedProfile.to_string().contains("bị hỏng"));
    }

    #[test]
    fn each_unit_kind_has_its_conventions() {
        let dep = UnitProfile::new(UnitKind::Department).with_conventions();
        assert_eq!(dep.authority, ["KT. GIÁM ĐỐC"]);
        assert_eq!(dep.position, "PHÓ GIÁM ĐỐC");
        assert_eq!(dep.code, "", "a sở's letters are its own");
        assert_eq!(dep.recipients.last().unwrap(), "Lưu: VT, VP.");
        let ward = UnitProfile::new(UnitKind::Ward).with_conventions();
        assert_eq!(ward.authority, ["TM. ỦY BAN NHÂN DÂN"]);
        assert_eq!(ward.code, "BC-UBND");
        assert!(ward
            .recipients
            .contains(&"Thường trực HĐND phường;".to_string()));
        // What the official wrote is kept.
        let mine = lam_dong_department().with_conventions();
        assert_eq!(mine.code, "BC-SNV");
        assert_eq!(mine.recipients.len(), 2);
        for k in UnitKind::ALL {
            assert_eq!(UnitKind::from_key(k.key()), Some(k));
            // The names are never invented.
            let p = UnitProfile::new(k).with_conventions();
            assert!(p.issuing_agency.is_empty() && p.place.is_empty() && p.signer.is_empty());
        }
    }

    mod backups {
        use super::*;
        use baocao_drafts::backup::{read_backup, BACKUP_KIND};
        use baocao_drafts::MemoryStore;
        use baocao_model::Report;

        fn library_with_draft() -> Library<MemoryStore> {
            let mut lib = Library::new(MemoryStore::new());
            let mut r = Report::new();
            r.title.summary = "Tình hình tháng 3/2025".into();
            lib.create("Tháng 3", r, 1_000.0).unwrap();
            lib
        }

        /// A backup of a browser that keeps a department's profile.
        fn backup_of_department() -> String {
            let mut lib = library_with_draft();
            lib.store
                .set(PROFILE_KEY, &lam_dong_department().to_json())
                .unwrap();
            backup_with_profile(&lib, None, 2_000.0)
                .unwrap()
                .to_json()
                .unwrap()
        }

        #[test]
        fn a_backup_carries_the_stored_profile_as_it_is() {
            let mut lib = library_with_draft();
            // A later version's field is kept through the backup.
            let mut stored: Value = serde_json::from_str(&lam_dong_department().to_json()).unwrap();
            stored["fax"] = Value::String("0263 000".into());
            lib.store.set(PROFILE_KEY, &stored.to_string()).unwrap();
            let b = backup_with_profile(&lib, None, 2_000.0).unwrap();
            let json: Value = serde_json::from_str(&b.to_json().unwrap()).unwrap();
            assert_eq!(json["kind"], BACKUP_KIND);
            assert_eq!(json["drafts"].as_array().unwrap().len(), 1);
            let profile: Value = serde_json::from_str(json["profile"].as_str().unwrap()).unwrap();
            assert_eq!(profile, stored);
            assert_eq!(profile["issuing_agency"], "SỞ NỘI VỤ");
            // Without a profile, the backup has no "profile" field at all,
            // as backups made before it.
            let bare = backup_with_profile(&library_with_draft(), None, 2_000.0).unwrap();
            assert!(!bare.to_json().unwrap().contains("\"profile\""));

            // Another browser without a profile takes the file's, with the
            // later field.
            let text = b.to_json().unwrap();
            let mut other = Library::new(MemoryStore::new());
            other.merge_backup(&text, 3_000.0).unwrap();
            assert_eq!(merge_backup_profile(&mut other, &text), ProfileMerge::Taken);
            let got = other.store.get(PROFILE_KEY).unwrap().unwrap();
            assert_eq!(
                UnitProfile::from_json(&got),
                UnitProfile::from_json(&lam_dong_department().to_json())
            );
            assert_eq!(
                serde_json::from_str::<Value>(&got).unwrap()["fax"],
                "0263 000"
            );
            assert_eq!(merge_backup_profile(&mut other, &text), ProfileMerge::Same);
        }

        #[test]
        fn a_browser_s_own_profile_is_never_overwritten() {
            let text = backup_of_department();
            let mut other = Library::new(MemoryStore::new());
            let mut own = UnitProfile::new(UnitKind::Commune);
            own.issuing_agency = "ỦY BAN NHÂN DÂN\nXÃ AN PHÚ".into();
            other.store.set(PROFILE_KEY, &own.to_json()).unwrap();
            assert_eq!(
                merge_backup_profile(&mut other, &text),
                ProfileMerge::KeptOwn
            );
            assert_eq!(
                UnitProfile::from_json(&other.store.get(PROFILE_KEY).unwrap().unwrap()).unwrap(),
                own
            );
            assert!(ProfileMerge::KeptOwn.note().contains("giữ hồ sơ đang dùng"));
        }

        #[test]
        fn a_damaged_profile_in_a_backup_is_said_and_changes_nothing() {
            let text = backup_of_department();
            let mut json: Value = serde_json::from_str(&text).unwrap();
            json["profile"] = Value::String("{\"unit\": \"sở".into());
            let damaged = json.to_string();
            let mut other = Library::new(MemoryStore::new());
            other.merge_backup(&damaged, 3_000.0).unwrap();
            assert_eq!(
                merge_backup_profile(&mut other, &damaged),
                ProfileMerge::Damaged
            );
            assert_eq!(other.store.get(PROFILE_KEY).unwrap(), None);
            assert!(ProfileMerge::Damaged.note().contains("bị hỏng"));
        }

        #[test]
        fn an_older_backup_without_a_profile_still_imports() {
            // A backup file as the page wrote it before the profile was
            // included (no "profile" field).
            let text = format!(
                r#"{{"kind": "{BACKUP_KIND}", "schema_version": 2, "exported_ms": 5.0, "drafts": [], "damaged": []}}"#
            );
            let lib = library_with_draft();
            let old_draft = lib.list().unwrap().drafts[0].id.clone();
            let mut text_with_draft: Value = serde_json::from_str(&text).unwrap();
            text_with_draft["drafts"] = serde_json::json!([lib.load(&old_draft).unwrap()]);
            let text = text_with_draft.to_string();
            let (drafts, unreadable) = read_backup(&text).unwrap();
            assert_eq!((drafts.len(), unreadable), (1, 0));
            let mut other = Library::new(MemoryStore::new());
            let merged = other.merge_backup(&text, 6.0).unwrap();
            assert_eq!(merged.added, ["Tháng 3"]);
            assert_eq!(
                merge_backup_profile(&mut other, &text),
                ProfileMerge::Absent
            );
            assert_eq!(other.store.get(PROFILE_KEY).unwrap(), None);
        }
    }
}
