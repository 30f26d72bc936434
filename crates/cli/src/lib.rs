//! The command-line tool over the same core as the page:
//! `baocao check FILE [--format text|json]` and `baocao docx FILE -o OUT.docx`.

use baocao_checks as checks;
use baocao_checks::{Finding, Rule, Severity};
use baocao_session::input::{read_report, Source};
use std::io::Write;

const USAGE: &str = "baocao: kiểm tra số liệu và xuất .docx cho báo cáo định kỳ của UBND

Cách dùng:
  baocao check TỆP [--format text|json]   liệt kê các vấn đề của báo cáo
  baocao docx TỆP -o RA.docx              xuất báo cáo theo thể thức Nghị định 30

TỆP là bản nháp đã lưu (.json), văn bản báo cáo (.txt, .md) hoặc tệp Word (.docx).
Mã thoát của check: 0 khi không có lỗi, 1 khi có lỗi, 2 khi không đọc được đầu vào.";

/// The result of a run: what to print where, and the exit status.
pub struct Outcome {
    pub stdout: Vec<u8>,
    pub stderr: String,
    pub status: i32,
}

impl Outcome {
    fn usage_error(message: &str) -> Self {
        Outcome {
            stdout: Vec::new(),
            stderr: format!("baocao: {message}\n\n{USAGE}\n"),
            status: 2,
        }
    }

    fn input_error(path: &str, message: &str) -> Self {
        Outcome {
            stdout: Vec::new(),
            stderr: format!("baocao: {path}: {message}\n"),
            status: 2,
        }
    }
}

/// Runs the tool on its arguments (without the program name).
pub fn run(args: &[String]) -> Outcome {
    let Some(command) = args.first() else {
        return Outcome::usage_error("thiếu lệnh (check hoặc docx).");
    };
    match command.as_str() {
        "-h" | "--help" | "help" => Outcome {
            stdout: format!("{USAGE}\n").into_bytes(),
            stderr: String::new(),
            status: 0,
        },
        "-V" | "--version" => Outcome {
            stdout: format!("baocao {}\n", env!("CARGO_PKG_VERSION")).into_bytes(),
            stderr: String::new(),
            status: 0,
        },
        "check" => check(&args[1..]),
        "docx" => docx(&args[1..]),
        other => Outcome::usage_error(&format!("lệnh không có: «{other}».")),
    }
}

/// The input path and the named options given with it.
type Parsed<'a> = (String, Vec<(&'a str, &'a str)>);

/// Splits arguments into the input path and named options.
fn parse<'a>(args: &'a [String], options: &[&str]) -> Result<Parsed<'a>, String> {
    let mut path = None;
    let mut named = Vec::new();
    let mut i = 0;
    while i < args.len() {
        let a = args[i].as_str();
        if let Some((k, v)) = a.split_once('=').filter(|(k, _)| options.contains(k)) {
            named.push((k, v));
        } else if options.contains(&a) {
            let v = args
                .get(i + 1)
                .ok_or(format!("tuỳ chọn {a} cần một giá trị."))?;
            named.push((a, v.as_str()));
            i += 1;
        } else if a.starts_with('-') && a.len() > 1 {
            return Err(format!("tuỳ chọn không có: «{a}»."));
        } else if path.is_none() {
            path = Some(a.to_string());
        } else {
            return Err(format!("thừa đối số «{a}»: mỗi lần chỉ xử lý một tệp."));
        }
        i += 1;
    }
    let path = path.ok_or("thiếu tên tệp báo cáo.")?;
    Ok((path, named))
}

fn load(path: &str) -> Result<(baocao_model::Report, Source), Outcome> {
    let bytes = std::fs::read(path).map_err(|e| {
        let why = match e.kind() {
            std::io::ErrorKind::NotFound => "không có tệp này.".to_string(),
            std::io::ErrorKind::PermissionDenied => "không có quyền đọc tệp.".to_string(),
            std::io::ErrorKind::IsADirectory => "đây là thư mục, không phải tệp.".to_string(),
            _ => format!("không đọc được tệp ({e})."),
        };
        Outcome::input_error(path, &why)
    })?;
    read_report(path, &bytes).map_err(|e| Outcome::input_error(path, &e.to_string()))
}

fn check(args: &[String]) -> Outcome {
    let (path, named) = match parse(args, &["--format"]) {
        Ok(p) => p,
        Err(m) => return Outcome::usage_error(&m),
    };
    let format = named
        .iter()
        .rev()
        .find(|(k, _)| *k == "--format")
        .map(|(_, v)| *v)
        .unwrap_or("text");
    if format != "text" && format != "json" {
        return Outcome::usage_error(&format!(
            "định dạng «{format}» không có; dùng text hoặc json."
        ));
    }
    let (report, source) = match load(&path) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let findings = checks::run(&report);
    let stderr = left_out(&source);
    let stdout = if format == "json" {
        let mut s = findings_json(&findings, source);
        s.push('\n');
        s
    } else {
        findings_text(&path, &findings, source)
    };
    Outcome {
        stdout: stdout.into_bytes(),
        stderr,
        status: i32::from(checks::has_errors(&findings)),
    }
}

/// The line that says what a Word file held that the report does not
/// ("Đã bỏ 2 hình ảnh và 1 hộp văn bản."), for stderr; empty otherwise.
fn left_out(source: &Source) -> String {
    match source {
        Source::Docx(dropped) => dropped
            .message_vi()
            .map(|m| format!("{m}\n"))
            .unwrap_or_default(),
        _ => String::new(),
    }
}

/// The `check --format json` contract: `{"findings": [{rule, severity,
/// message, line, excerpt}]}`, with `path` instead of a line for drafts.
pub fn findings_json(findings: &[Finding], source: Source) -> String {
    let items: Vec<serde_json::Value> = findings
        .iter()
        .map(|f| {
            let mut v = serde_json::json!({
                "rule": f.rule.id(),
                "severity": f.severity.id(),
                "message": f.message,
                "line": match source { Source::Text => serde_json::json!(f.line), Source::Draft | Source::Docx(_) => serde_json::Value::Null },
                "excerpt": f.excerpt,
            });
            if source != Source::Text {
                v["path"] = serde_json::json!(f.place.to_string());
            }
            v
        })
        .collect();
    serde_json::json!({ "findings": items }).to_string()
}

/// Findings as an official reads them: a count first, then the findings
/// grouped by rule (the rules with errors first), each with its line (or its
/// place in a draft), how serious it is and what to do; the words it is about
/// when the message does not already quote them.
pub fn findings_text(path: &str, findings: &[Finding], source: Source) -> String {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    if findings.is_empty() {
        return format!("{path}: không thấy vấn đề nào.\n");
    }
    let mut out = format!(
        "{path}: {} lỗi, {} cảnh báo, {} gợi ý.\n",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
    let mut rules: Vec<Rule> = Rule::ALL
        .iter()
        .copied()
        .filter(|r| findings.iter().any(|f| f.rule == *r))
        .collect();
    let worst = |r: &Rule| {
        findings
            .iter()
            .filter(|f| f.rule == *r)
            .map(|f| f.severity)
            .min()
    };
    rules.sort_by_key(worst);
    for rule in rules {
        let group: Vec<&Finding> = findings.iter().filter(|f| f.rule == rule).collect();
        let tally: Vec<String> = [Severity::Error, Severity::Warning, Severity::Info]
            .iter()
            .filter_map(|s| {
                let n = group.iter().filter(|f| f.severity == *s).count();
                (n > 0).then(|| format!("{n} {}", s.name_vi()))
            })
            .collect();
        out.push_str(&format!(
            "\n{} [{}]: {}\n",
            rule.title_vi(),
            rule.id(),
            tally.join(", ")
        ));
        for f in group {
            let place = match (source, f.line) {
                (Source::Text, Some(line)) => format!("dòng {line}"),
                _ => f.place.to_string(),
            };
            out.push_str(&format!(
                "  {place} · {}: {}\n",
                f.severity.name_vi(),
                f.message
            ));
            if !f.excerpt.is_empty() && !f.message.contains(&f.excerpt) {
                out.push_str(&format!("      «{}»\n", f.excerpt));
            }
        }
    }
    out
}

fn docx(args: &[String]) -> Outcome {
    let (path, named) = match parse(args, &["-o", "--output"]) {
        Ok(p) => p,
        Err(m) => return Outcome::usage_error(&m),
    };
    let Some(out_path) = named
        .iter()
        .rev()
        .find(|(k, _)| *k == "-o" || *k == "--output")
        .map(|(_, v)| *v)
    else {
        return Outcome::usage_error("thiếu tệp ra: thêm -o TÊN.docx.");
    };
    let (report, source) = match load(&path) {
        Ok(r) => r,
        Err(o) => return o,
    };
    let bytes = baocao_docx::write(&report);
    let written = std::fs::File::create(out_path).and_then(|mut f| f.write_all(&bytes));
    match written {
        Ok(()) => Outcome {
            stdout: Vec::new(),
            stderr: format!(
                "{}Đã ghi {out_path} ({} byte).\n",
                left_out(&source),
                bytes.len()
            ),
            status: 0,
        },
        Err(e) => Outcome::input_error(out_path, &format!("không ghi được tệp ({e}).")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(args: &[&str]) -> (String, i32) {
        let args: Vec<String> = args.iter().map(|a| a.to_string()).collect();
        let o = run(&args);
        (String::from_utf8(o.stdout).unwrap(), o.status)
    }

    #[test]
    fn check_prints_findings_grouped_by_rule_with_lines() {
        let dir = std::env::temp_dir().join(format!("baocao-cli-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let file = dir.join("bc.txt");
        std::fs::write(
            &file,
            "BÁO CÁO\n\nTình hình tháng 11/2021, nhiệm vụ công tác tháng 12/2021\n\nI. KẾT QUẢ\n\nTỷ lệ tiêm: 73.566/75.706 = 92,1%; thu NSNN đạt 82%./.",
        )
        .unwrap();
        let path = file.to_string_lossy().to_string();
        let (out, status) = text_of(&["check", &path]);
        assert_eq!(status, 1);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[0].ends_with(": 1 lỗi, 5 cảnh báo, 1 gợi ý."), "{out}");
        // The rule with an error comes first, with its line and the fix.
        assert_eq!(lines[2], "Tỷ lệ phần trăm [percent]: 1 lỗi");
        assert!(
            lines[3].starts_with("  dòng 7 · lỗi: 73.566/75.706 = 97,17%, không phải 92,1%"),
            "{out}"
        );
        assert!(out.contains("Thể thức [structure]: 5 cảnh báo"), "{out}");
        assert!(
            out.contains("Chữ viết tắt [abbreviation]: 1 gợi ý\n  dòng 7 · gợi ý: «NSNN»"),
            "{out}"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }
}
