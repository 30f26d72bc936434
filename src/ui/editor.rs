//! The open draft: its header fields, its body as text, the findings beside
//! it and the .docx download.

use super::download;
use super::findings::Findings;
use super::state::{AppState, SaveStatus};
use crate::checks;
use crate::import::import_fragment;
use crate::report::{Header, Report};
use leptos::prelude::*;

/// A text field of the report, bound to the open draft.
#[component]
fn Field(
    label: &'static str,
    id: &'static str,
    get: fn(&Report) -> String,
    set: fn(&mut Report, String),
    #[prop(optional)] placeholder: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <label class="field" for=id>
            <span>{label}</span>
            <input
                id=id
                type="text"
                placeholder=placeholder
                prop:value=move || state.current.with(|c| c.as_ref().map(|d| get(&d.report)).unwrap_or_default())
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    state.edit(|r| set(r, v));
                }
            />
        </label>
    }
}

/// A number field of the date (blank allowed: the clerk fills it in).
#[component]
fn DateField(
    label: &'static str,
    id: &'static str,
    get: fn(&Header) -> Option<u16>,
    set: fn(&mut Header, Option<u16>),
    max: u16,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <label class="field field-small" for=id>
            <span>{label}</span>
            <input
                id=id
                type="number"
                min="1"
                max=max
                inputmode="numeric"
                prop:value=move || {
                    state
                        .current
                        .with(|c| c.as_ref().and_then(|d| get(&d.report.header)).map(|n| n.to_string()).unwrap_or_default())
                }
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    let n = v.trim().parse::<u16>().ok().filter(|n| *n <= max);
                    state.edit(|r| set(&mut r.header, n));
                }
            />
        </label>
    }
}

/// The editor of the open draft.
#[component]
pub fn Editor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let body_text = RwSignal::new(String::new());
    // Load the body text when another draft is opened (not on every edit, so
    // the text area keeps the cursor where the official types).
    let open_id = Memo::new(move |_| {
        state
            .current
            .with(|c| c.as_ref().map(|d| (d.id.clone(), d.revision == 0)))
    });
    Effect::new(move |_| {
        open_id.track();
        let text = state
            .current
            .with_untracked(|c| c.as_ref().map(|d| d.report.body_text()).unwrap_or_default());
        body_text.set(text);
    });
    let findings = Memo::new(move |_| {
        state.current.with(|c| {
            c.as_ref()
                .map(|d| checks::run(&d.report))
                .unwrap_or_default()
        })
    });
    let on_body = move |ev| {
        let text = event_target_value(&ev);
        body_text.set(text.clone());
        state.edit(move |r| {
            let fragment = import_fragment(&text, 1);
            r.body = fragment.body;
            r.footnotes = fragment.footnotes;
        });
    };
    let download = move |_| {
        let Some(report) = state
            .current
            .with_untracked(|c| c.as_ref().map(|d| d.report.clone()))
        else {
            return;
        };
        state.flush();
        let bytes = crate::docx::write(&report);
        let name = crate::docx::file_name(&report);
        let mime = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
        if let Err(message) = download::offer(&bytes, &name, mime) {
            state.notice.set(Some(message));
        }
    };
    let status = move || match state.status.get() {
        SaveStatus::Idle => String::new(),
        SaveStatus::Pending => "Đang lưu…".to_string(),
        SaveStatus::Saved(at) => format!("Đã lưu lúc {at}"),
        SaveStatus::Failed(why) => why,
        SaveStatus::Conflict => {
            "Bản nháp vừa được sửa ở một thẻ khác: chưa lưu để không ghi đè.".to_string()
        }
    };
    view! {
        <div class="editor">
            <div class="toolbar">
                <span class="save-status" role="status" aria-live="polite" data-testid="save-status">{status}</span>
                <Show when=move || state.status.get() == SaveStatus::Conflict>
                    <button on:click=move |_| state.keep_mine()>"Giữ bản ở thẻ này"</button>
                    <button on:click=move |_| state.take_theirs()>"Mở bản ở thẻ kia"</button>
                </Show>
                <button class="primary" on:click=download data-testid="download-docx">"Tải về .docx"</button>
            </div>
            <div class="editor-columns">
                <form class="report-form" on:submit=|ev| ev.prevent_default()>
                    <fieldset>
                        <legend>"Phần đầu văn bản"</legend>
                        <Field label="Cơ quan chủ quản" id="parent-agency"
                            get=|r| r.header.parent_agency.clone() set=|r, v| r.header.parent_agency = v />
                        <Field label="Cơ quan ban hành" id="issuing-agency" placeholder="ỦY BAN NHÂN DÂN THÀNH PHỐ …"
                            get=|r| r.header.issuing_agency.clone() set=|r, v| r.header.issuing_agency = v />
                        <div class="row">
                            <Field label="Số" id="doc-number" placeholder="để trống khi chưa cấp số"
                                get=|r| r.header.number.clone() set=|r, v| r.header.number = v />
                            <Field label="Ký hiệu" id="doc-code" placeholder="BC-UBND"
                                get=|r| r.header.code.clone() set=|r, v| r.header.code = v />
                        </div>
                        <div class="row">
                            <Field label="Địa danh" id="place" placeholder="Lạng Sơn"
                                get=|r| r.header.place.clone() set=|r, v| r.header.place = v />
                            <DateField label="Ngày" id="date-day" max=31
                                get=|h| h.date.day.map(u16::from) set=|h, v| h.date.day = v.map(|n| n as u8) />
                            <DateField label="Tháng" id="date-month" max=12
                                get=|h| h.date.month.map(u16::from) set=|h, v| h.date.month = v.map(|n| n as u8) />
                            <DateField label="Năm" id="date-year" max=9999
                                get=|h| h.date.year set=|h, v| h.date.year = v />
                        </div>
                        <Field label="Trích yếu" id="summary"
                            placeholder="Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng …"
                            get=|r| r.title.summary.clone() set=|r, v| r.title.summary = v />
                    </fieldset>
                    <label class="field body-field" for="body-text">
                        <span>"Nội dung báo cáo"</span>
                        <textarea
                            id="body-text"
                            data-testid="body-text"
                            rows="24"
                            spellcheck="false"
                            prop:value=move || body_text.get()
                            on:input=on_body
                        ></textarea>
                    </label>
                </form>
                <Findings findings=findings />
            </div>
        </div>
    }
}
