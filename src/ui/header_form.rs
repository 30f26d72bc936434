//! The fields around the body: the header block (ô 1–4), the trích yếu, and
//! after the body the Nơi nhận list and the signature block.

use super::state::AppState;
use baocao_model::{Header, Report};
use baocao_session::moved::summary_html;
use baocao_session::ReportEdit;
use leptos::prelude::*;

/// A text field of the report, bound to the open draft. It shows the model
/// when a draft is (re)loaded and writes every keystroke back.
#[component]
fn Field(
    label: &'static str,
    id: &'static str,
    get: fn(&Report) -> String,
    set: fn(&mut Report, String),
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional)] hint: &'static str,
    #[prop(optional)] multiline: bool,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let value = move || {
        state.reload.track();
        state.with_report(get).unwrap_or_default()
    };
    let on_input = move |ev| {
        let v = event_target_value(&ev);
        state.edit(|r| set(r, v));
    };
    let hint_id = format!("{id}-hint");
    let described = (!hint.is_empty()).then(|| hint_id.clone());
    let control = if multiline {
        view! {
            <textarea id=id rows="2" placeholder=placeholder aria-describedby=described.clone()
                prop:value=value on:input=on_input></textarea>
        }
        .into_any()
    } else {
        view! {
            <input id=id type="text" placeholder=placeholder aria-describedby=described.clone()
                prop:value=value on:input=on_input />
        }
        .into_any()
    };
    view! {
        <div class="field" id=format!("field-{id}")>
            <label for=id>{label}</label>
            {control}
            {(!hint.is_empty()).then(|| view! { <small id=hint_id class="hint">{hint}</small> })}
        </div>
    }
}

/// The mentions of the period in the trích yếu that "Tạo báo cáo kỳ sau"
/// moved on, under the field (a text area cannot colour its words), until
/// the official edits them or marks them seen.
#[component]
fn SummaryMoved() -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = move || {
        state.settled.track();
        state.reload.track();
        state.with_report(summary_html).unwrap_or_default()
    };
    view! { <div inner_html=html></div> }
}

/// A number of the date (blank allowed: the clerk fills it in).
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
        <div class="field field-small">
            <label for=id>{label}</label>
            <input
                id=id
                type="text"
                inputmode="numeric"
                maxlength="4"
                prop:value=move || {
                    state.reload.track();
                    state
                        .with_report(|r| get(&r.header))
                        .flatten()
                        .map(|n| n.to_string())
                        .unwrap_or_default()
                }
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    let n = v.trim().parse::<u16>().ok().filter(|n| *n <= max && *n > 0);
                    state.edit(|r| set(&mut r.header, n));
                }
            />
        </div>
    }
}

/// The header block and the trích yếu.
#[component]
pub fn HeaderForm() -> impl IntoView {
    view! {
        <details class="form-block" open>
            <summary>"Phần đầu văn bản"</summary>
            <div class="form-grid">
                <Field label="Cơ quan chủ quản" id="parent-agency" placeholder="UBND TỈNH … (với sở, ban, ngành)" hint="Để trống nếu UBND ban hành trực tiếp"
                    get=|r| r.header.parent_agency.clone() set=|r, v| r.header.parent_agency = v />
                <Field label="Cơ quan ban hành" id="issuing-agency" multiline=true
                    placeholder="ỦY BAN NHÂN DÂN\nXÃ … (hoặc SỞ …)" hint="Mỗi dòng in ra một dòng"
                    get=|r| r.header.issuing_agency.clone() set=|r, v| r.header.issuing_agency = v />
            </div>
            <div class="row">
                <Field label="Số" id="doc-number" placeholder="để trống" hint="Văn thư cấp số khi ban hành"
                    get=|r| r.header.number.clone() set=|r, v| r.header.number = v />
                <Field label="Ký hiệu" id="doc-code" placeholder="BC-UBND"
                    get=|r| r.header.code.clone() set=|r, v| r.header.code = v />
                <Field label="Địa danh" id="place" placeholder="tên tỉnh hoặc xã, phường"
                    get=|r| r.header.place.clone() set=|r, v| r.header.place = v />
                <DateField label="Ngày" id="date-day" max=31
                    get=|h| h.date.day.map(u16::from) set=|h, v| h.date.day = v.and_then(|n| u8::try_from(n).ok()) />
                <DateField label="Tháng" id="date-month" max=12
                    get=|h| h.date.month.map(u16::from) set=|h, v| h.date.month = v.and_then(|n| u8::try_from(n).ok()) />
                <DateField label="Năm" id="date-year" max=9999
                    get=|h| h.date.year set=|h, v| h.date.year = v />
            </div>
            <Field label="Trích yếu" id="summary" multiline=true
                placeholder="Tình hình phát triển kinh tế - xã hội, quốc phòng - an ninh tháng …"
                get=|r| r.title.summary.clone() set=|r, v| r.set_summary(&v) />
            <SummaryMoved />
            <PeriodDates />
        </details>
    }
}

/// The report's date and the usual data cut-off of the period the trích
/// yếu names, as information (nothing enforces them).
#[component]
fn PeriodDates() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.reload.track();
        state.settled.track();
        state.with_report(|r| r.report_period()).flatten().map(|p| {
            view! {
                <p class="hint period-dates" role="note" data-testid="period-dates">
                    {format!("Kỳ báo cáo: {p}. {}", baocao_session::template::deadline_note(p))}
                </p>
            }
        })
    }
}

/// Nơi nhận and the signature block.
#[component]
pub fn ClosingForm() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The list redraws when items come, go or move; typing redraws nothing.
    let shape = RwSignal::new(0u64);
    let reshape = move |change: &dyn Fn(&mut Vec<String>)| {
        state.edit(|r| change(&mut r.recipients));
        shape.update(|n| *n += 1);
    };
    let items = move || {
        shape.track();
        state.reload.track();
        let list = state
            .with_report(|r| r.recipients.clone())
            .unwrap_or_default();
        let count = list.len();
        list.into_iter()
            .enumerate()
            .map(|(i, item)| {
                view! {
                    <li class="recipient-row">
                        <span aria-hidden="true">"- "</span>
                        <input type="text" prop:value=item aria-label=format!("Nơi nhận {}", i + 1)
                            id=format!("recipient-{i}")
                            on:input=move |ev| {
                                let v = event_target_value(&ev);
                                state.edit(|r| if let Some(x) = r.recipients.get_mut(i) { *x = v; });
                            } />
                        <button type="button" class="icon" aria-label=format!("Chuyển nơi nhận {} lên", i + 1) title="Lên"
                            disabled=i == 0
                            on:click=move |_| reshape(&|v| if i > 0 && i < v.len() { v.swap(i, i - 1) })>"↑"</button>
                        <button type="button" class="icon" aria-label=format!("Chuyển nơi nhận {} xuống", i + 1) title="Xuống"
                            disabled=i + 1 == count
                            on:click=move |_| reshape(&|v| if i + 1 < v.len() { v.swap(i, i + 1) })>"↓"</button>
                        <button type="button" class="icon danger" aria-label=format!("Xoá nơi nhận {}", i + 1) title="Xoá"
                            on:click=move |_| reshape(&|v| if i < v.len() { v.remove(i); })>"✕"</button>
                    </li>
                }
            })
            .collect_view()
    };
    let add = move |_| {
        let at = state.with_report(|r| r.recipients.len()).unwrap_or(0);
        // A new line goes before "Lưu: VT." when the list ends with it.
        let before_archive = state
            .with_report(|r| {
                r.recipients
                    .last()
                    .is_some_and(|l| l.trim_start().starts_with("Lưu"))
            })
            .unwrap_or(false);
        let index = if before_archive {
            at.saturating_sub(1)
        } else {
            at
        };
        reshape(&|v| v.insert(index.min(v.len()), String::new()));
        request_animation_frame(move || {
            if let Some(el) = document().get_element_by_id(&format!("recipient-{index}")) {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        });
    };
    view! {
        <div class="closing-form" id="closing-form">
            <fieldset class="form-block">
                <legend>"Nơi nhận"</legend>
                <ul class="recipient-list">{items}</ul>
                <button type="button" class="quiet" on:click=add>"+ Thêm nơi nhận"</button>
            </fieldset>
            <fieldset class="form-block">
                <legend>"Chữ ký"</legend>
                <Field label="Quyền hạn (mỗi dòng một dòng)" id="sign-authority" multiline=true
                    placeholder="TM. ỦY BAN NHÂN DÂN"
                    get=|r| r.signature.authority.join("\n")
                    set=|r, v| r.signature.authority = v.lines().map(str::to_string).filter(|l| !l.trim().is_empty()).collect() />
                <Field label="Chức vụ" id="sign-position" placeholder="CHỦ TỊCH"
                    get=|r| r.signature.position.clone() set=|r, v| r.signature.position = v />
                <Field label="Họ và tên người ký" id="sign-name" placeholder="Nguyễn Văn A"
                    get=|r| r.signature.signer.clone() set=|r, v| r.signature.signer = v />
            </fieldset>
        </div>
    }
}
