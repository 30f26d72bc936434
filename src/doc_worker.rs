//! The document worker: the .docx writer and the .docx reader, in a Web
//! Worker with its own wasm (`baocao-worker`, see index.html). The page's own
//! wasm then carries neither docx-rs nor the reader, so it loads faster, and a
//! long report is built without freezing the page.
//!
//! Messages are plain objects. The page tells
//! `{ kind: "draft", draft: <draft JSON> }` after each autosave (no
//! answer; the very JSON just stored, so the page serializes the draft once):
//! the worker reads it then, while the official is not waiting, and keeps
//! the JSON and the report it read. The page asks
//! `{ id, kind: "docx", draft: <draft JSON> }` (the draft as it is at the
//! click: when its JSON is the very string kept, the worker takes the report
//! it already read, otherwise it reads this one) or
//! `{ id, kind: "open", name, bytes: Uint8Array }` or
//! `{ id, kind: "paste", html, intoNote }` (the clipboard's HTML, whose
//! reader is here too; `{ id, kind: "paste", text }` for pasted text of
//! several lines, read by the text importer) or
//! `{ id, kind: "next", report, month, year }` ("Tạo báo cáo kỳ sau", here
//! too; month and year are the page's today, taken when the report names no
//! period); the worker answers
//! `{ id, ok: true, name, bytes, readMs, writeMs, kept, gotAt, sentAt }`
//! (the .docx, its file name, how long reading the draft and writing the
//! file took, whether the draft read after the autosave served, and when the
//! request came and the answer left, on the clock shared with the page:
//! `performance.timeOrigin + now()`, for the bench),
//! `{ id, ok: true, name, report: <JSON>, leftOut }` (an opened Word file),
//! `{ id, ok: true, paste: <JSON> }` (a `session::paste::ReadHtml`),
//! `{ id, ok: true, draft: <JSON>, period, moved }` (the next period's
//! report as a stored draft with its previous tasks, the period's name and
//! how many mentions were moved),
//! or `{ id, ok: false, message }` in Vietnamese. It says `"ready"` once it
//! listens, so the page holds its requests until then.

use baocao_drafts::report_of_draft;
use baocao_model::Report;
use baocao_session::input::open_as_draft;
use baocao_session::paste::{read_html_paste, read_text_paste};
use js_sys::{Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use std::cell::RefCell;

/// The last draft read: its JSON as the page sent it (a JS string) and the
/// report read from it.
struct Kept {
    json: JsValue,
    report: Report,
}

thread_local! {
    static KEPT: RefCell<Option<Kept>> = const { RefCell::new(None) };
}

/// Runs in the worker: answers every message the page posts.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let reply = scope.clone();
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            let got = clock();
            let data = ev.data();
            if get(&data, "kind").as_string().as_deref() == Some("draft") {
                keep(get(&data, "draft"));
                return;
            }
            let (answer, transfer) = answer(&data);
            if let Some(out) = answer.dyn_ref::<Object>() {
                set(out, "gotAt", got);
                set(out, "sentAt", clock());
            }
            let _ = reply.post_message_with_transfer(&answer, &transfer);
        });
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let _ = scope.post_message(&JsValue::from_str("ready"));
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(obj: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(obj, &JsValue::from_str(key), &value.into());
}

/// The worker's clock in milliseconds (`performance.now()`).
fn now() -> f64 {
    let performance = get(&js_sys::global(), "performance");
    get(&performance, "now")
        .dyn_into::<js_sys::Function>()
        .ok()
        .and_then(|f| f.call0(&performance).ok())
        .and_then(|t| t.as_f64())
        .unwrap_or(0.0)
}

/// `performance.timeOrigin + now()`: the same clock in the page and here.
fn clock() -> f64 {
    let performance = get(&js_sys::global(), "performance");
    get(&performance, "timeOrigin").as_f64().unwrap_or(0.0) + now()
}

/// Reads a draft sent after an autosave and keeps it (a draft that does not
/// read is dropped: the click sends it again and gets the message).
fn keep(json: JsValue) {
    let read = json
        .as_string()
        .and_then(|text| report_of_draft(&text).ok());
    KEPT.with(|k| {
        *k.borrow_mut() = read.map(|report| Kept { json, report });
    });
}

/// The .docx of the draft whose JSON the page sent: the kept report when
/// the JSON is the very string read after the autosave (`===` on the two JS
/// strings), otherwise the JSON read now, kept for the next click.
fn write_docx(json: JsValue, out: &Object, transfer: &js_sys::Array) -> Result<(), String> {
    let start = now();
    let kept = KEPT.with(|k| k.borrow().as_ref().is_some_and(|k| k.json == json));
    if !kept {
        let text = json.as_string().unwrap_or_default();
        let report = report_of_draft(&text)
            .map_err(|e| format!("Không đọc được bản nháp để tạo tệp .docx: {e}"))?;
        KEPT.with(|k| *k.borrow_mut() = Some(Kept { json, report }));
    }
    let read = now();
    KEPT.with(|k| {
        let k = k.borrow();
        let report = &k.as_ref().expect("a draft was just kept").report;
        let bytes = Uint8Array::from(baocao_docx::write(report).as_slice());
        // How long reading the draft and writing took (for the bench).
        set(out, "readMs", read - start);
        set(out, "writeMs", now() - read);
        set(out, "kept", kept);
        transfer.push(&bytes.buffer());
        set(out, "name", baocao_docx::file_name(report));
        set(out, "bytes", bytes);
    });
    Ok(())
}

/// The answer to one request, and the buffers to hand over with it.
fn answer(request: &JsValue) -> (JsValue, js_sys::Array) {
    let out = Object::new();
    let transfer = js_sys::Array::new();
    set(&out, "id", get(request, "id"));
    let kind = get(request, "kind").as_string().unwrap_or_default();
    let done = match kind.as_str() {
        "docx" => write_docx(get(request, "draft"), &out, &transfer),
        "open" => {
            let name = get(request, "name").as_string().unwrap_or_default();
            let bytes = get(request, "bytes")
                .dyn_into::<Uint8Array>()
                .map(|a| a.to_vec())
                .unwrap_or_default();
            match open_as_draft(&name, &bytes) {
                Ok(opened) => match serde_json::to_string(&opened.report) {
                    Ok(json) => {
                        set(&out, "report", json);
                        set(&out, "name", opened.name);
                        if let Some(m) = opened.left_out {
                            set(&out, "leftOut", m);
                        }
                        Ok(())
                    }
                    Err(e) => Err(e.to_string()),
                },
                Err(e) => Err(e.to_string()),
            }
        }
        "paste" => {
            // Pasted text of several lines comes as `text` (its importer is here too).
            let read = match get(request, "text").as_string() {
                Some(text) => read_text_paste(&text),
                None => {
                    let html = get(request, "html").as_string().unwrap_or_default();
                    let into_note = get(request, "intoNote").as_bool().unwrap_or(false);
                    read_html_paste(&html, into_note)
                }
            };
            match serde_json::to_string(&read) {
                Ok(json) => {
                    set(&out, "paste", json);
                    Ok(())
                }
                Err(e) => Err(e.to_string()),
            }
        }
        "next" => {
            let json = get(request, "report").as_string().unwrap_or_default();
            // The page sends its today; without it, the worker's own.
            let today = js_sys::Date::new_0();
            let month = get(request, "month")
                .as_f64()
                .unwrap_or(f64::from(today.get_month() + 1)) as u8;
            let year = get(request, "year")
                .as_f64()
                .unwrap_or(f64::from(today.get_full_year())) as u16;
            match serde_json::from_str::<Report>(&json) {
                Ok(report) => {
                    next_period_draft(&report, month, year).map(|(draft, period, moved)| {
                        set(&out, "draft", draft);
                        set(&out, "period", period);
                        set(&out, "moved", moved as u32);
                    })
                }
                Err(e) => Err(format!(
                    "Không đọc được bản nháp để tạo báo cáo kỳ sau: {e}"
                )),
            }
        }
        other => Err(format!("Yêu cầu không rõ: «{other}».")),
    };
    match done {
        Ok(()) => set(&out, "ok", true),
        Err(message) => {
            set(&out, "ok", false);
            set(&out, "message", message);
        }
    }
    (out.into(), transfer)
}

/// "Tạo báo cáo kỳ sau" (see `baocao_session::carry::next_period`): the
/// new report as a stored draft (JSON, read by the page as it reads its
/// drafts), the period it covers as written, and how many mentions of the
/// period were moved on. `month`/`year`: the period assumed when the report
/// names none.
fn next_period_draft(
    report: &Report,
    month: u8,
    year: u16,
) -> Result<(String, String, usize), String> {
    use baocao_session::template::{dated_month, period_draft_name};
    let fallback = baocao_model::Period::new(month, year).unwrap_or(baocao_model::Period {
        month: 1,
        year: 2025,
    });
    let next =
        baocao_session::carry::next_period(report, baocao_model::ReportPeriod::month(fallback));
    let dated = dated_month(next.period);
    let label = next.period.to_string();
    let previous_tasks = next
        .previous_tasks
        .map(|section| baocao_drafts::PreviousTasks {
            month: dated.month,
            year: dated.year,
            label: label.clone(),
            section,
        });
    let name = match next.period.as_month() {
        Some(m) => period_draft_name(m),
        None => format!("Báo cáo {}", next.period),
    };
    let draft = baocao_drafts::Draft {
        schema_version: baocao_model::SCHEMA_VERSION,
        id: baocao_drafts::DraftId(String::new()),
        name,
        updated_ms: 0.0,
        revision: 0,
        report: next.report,
        previous_tasks,
    };
    let json = serde_json::to_string(&draft).map_err(|e| e.to_string())?;
    Ok((json, label, next.moved.len()))
}
