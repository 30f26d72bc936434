//! The `baocao` binary as other tools and scripts use it: the `check` contract
//! (JSON shape, exit statuses 0/1/2) and `docx` on good and bad input.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn baocao(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_baocao"))
        .args(args)
        .output()
        .expect("the baocao binary runs")
}

fn temp(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn seed(name: &str) -> String {
    format!("{}/{name}", baocao_testdata::SEEDS_DIR)
}

const WRONG_PERCENT: &str = "BÁO CÁO\n\nTình hình tháng 11/2021, nhiệm vụ tháng 12/2021\n\nI. KẾT QUẢ\n\n1. Y tế\n\nTỷ lệ tiêm: 73.566/75.706 = 92,1%.\n";

#[test]
fn check_json_follows_the_contract_for_text() {
    let input = temp("wrong.txt", WRONG_PERCENT.as_bytes());
    let out = baocao(&["check", input.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(1), "an error finding exits 1");
    let v: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("stdout is one JSON object");
    let findings = v["findings"].as_array().unwrap();
    let percent = findings
        .iter()
        .find(|f| f["rule"] == "percent")
        .expect("a percent finding");
    assert_eq!(percent["severity"], "error");
    assert_eq!(percent["line"], 9);
    assert_eq!(percent["excerpt"], "73.566/75.706 = 92,1%");
    assert!(percent["message"].as_str().unwrap().contains("97,17%"));
    assert!(percent.get("path").is_none());
}

#[test]
fn check_json_gives_a_path_for_drafts() {
    let text_input = temp("wrong2.txt", WRONG_PERCENT.as_bytes());
    let (report, _) =
        baocao_session::input::read_report("x.txt", WRONG_PERCENT.as_bytes()).unwrap();
    let draft = temp(
        "wrong.json",
        serde_json::to_string(&report).unwrap().as_bytes(),
    );
    let out = baocao(&["check", draft.to_str().unwrap(), "--format=json"]);
    assert_eq!(out.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let percent = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["rule"] == "percent")
        .unwrap()
        .clone();
    assert!(percent["line"].is_null());
    assert_eq!(percent["path"], "I › 1 › đoạn 1");
    // Text output names the line for text input.
    let out = baocao(&["check", text_input.to_str().unwrap()]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("dòng 9 · lỗi: 73.566/75.706 = 97,17%"),
        "{text}"
    );
}

#[test]
fn seeds_have_no_error() {
    for name in ["000_28b43714a13a73f1.txt", "001_1a00eb9240ccd3d2.txt"] {
        let out = baocao(&["check", &seed(name), "--format", "json"]);
        assert_eq!(
            out.status.code(),
            Some(0),
            "{name}: {}",
            String::from_utf8_lossy(&out.stdout)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["severity"] != "error"));
    }
}

/// Exit 2, a Vietnamese message on stderr containing `expect`, nothing on stdout.
fn refused(args: &[&str], expect: &str) {
    let out = baocao(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}");
    assert!(out.stdout.is_empty(), "{args:?} printed on stdout");
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(err.contains(expect), "{args:?}: {err}");
}

#[test]
fn unusable_inputs_exit_2_with_a_clear_message() {
    refused(&["check", "/no/such/report.txt"], "không có tệp này");
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"));
    refused(&["check", dir.to_str().unwrap()], "thư mục");
    let latin1 = temp("latin1.txt", b"B\xc1O C\xc1O th\xe1ng 3");
    refused(&["check", latin1.to_str().unwrap()], "UTF-8");
    let empty = temp("empty.txt", b"  \n\n");
    refused(&["check", empty.to_str().unwrap()], "trống");
    let newer = temp("newer.json", br#"{"schema_version": 999, "header": {}}"#);
    refused(
        &["check", newer.to_str().unwrap()],
        "phiên bản baocao mới hơn",
    );
    let broken = temp("broken.json", br#"{"schema_version": 1, "header": {"#);
    refused(&["check", broken.to_str().unwrap()], "hỏng");
    refused(
        &["docx", empty.to_str().unwrap(), "-o", "/tmp/x.docx"],
        "trống",
    );
}

#[test]
fn usage_errors_exit_2() {
    refused(&[], "thiếu lệnh");
    refused(&["frobnicate"], "lệnh không có");
    refused(&["check"], "thiếu tên tệp");
    refused(&["check", "a.txt", "--format", "xml"], "định dạng");
    refused(&["docx", "a.txt"], "-o");
    let ok = baocao(&["--help"]);
    assert_eq!(ok.status.code(), Some(0));
}

#[test]
fn control_characters_still_give_a_docx() {
    let input = temp("control.txt", "BÁO CÁO\n\nTình hình tháng 3/2025\n\nI. KẾT\u{1}QUẢ\n\nThu \u{7}10 triệu\u{1b} đồng\u{b}.\n".as_bytes());
    let out_path = Path::new(env!("CARGO_TARGET_TMPDIR")).join("cli/control.docx");
    let out = baocao(&[
        "docx",
        input.to_str().unwrap(),
        "-o",
        out_path.to_str().unwrap(),
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = std::fs::File::open(&out_path).unwrap();
    let mut zip = zip::ZipArchive::new(file).expect("the .docx is a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("word/document.xml").unwrap(), &mut xml)
        .unwrap();
    assert!(xml.contains("Thu 10 triệu đồng."));
    assert!(!xml
        .chars()
        .any(|c| c < ' ' && c != '\n' && c != '\t' && c != '\r'));
}
