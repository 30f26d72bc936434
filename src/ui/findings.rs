//! The report's check, beside the text: errors first, then warnings, then
//! hints (folded), each group in reading order (the order comes from
//! `baocao_checks::in_reading_order`; this only draws it). Each finding leads
//! to its exact characters, and offers its fix when the fix is certain.

use super::dom;
use super::state::{AppState, View};
use baocao_checks::{Finding, Rule, Severity};
use baocao_model::{FigurePlace, HeaderField, Place, SignatureField, TextTarget};
use baocao_session::moved::{in_reading_order, list_html, MovedEntry};
use leptos::prelude::*;

/// Where on the page a finding is about: its block, its footnote, or the
/// form field where it is fixed (header, trích yếu, Nơi nhận, signature).
pub(super) fn dom_target(f: &Finding) -> Option<String> {
    let field = match &f.place {
        Place::Footnote(n) => return Some(format!("fn-{}", n.0)),
        Place::Recipient(i) => return Some(format!("recipient-{i}")),
        place @ (Place::Heading { .. }
        | Place::Paragraph { .. }
        | Place::Table { .. }
        | Place::Cell { .. }) => return place.block().map(dom::block_dom_id),
        Place::Header(HeaderField::IssuingAgency) => "issuing-agency",
        Place::Header(HeaderField::ParentAgency) => "parent-agency",
        Place::Header(HeaderField::NumberCode) => "doc-code",
        Place::Header(HeaderField::PlaceDate) => "place",
        Place::Summary => "summary",
        Place::Recipients => "closing-form",
        Place::Signature(SignatureField::Position) => "sign-position",
        Place::Signature(SignatureField::Signer) => "sign-name",
        Place::Signature(SignatureField::Authority) => "sign-authority",
        // Fixed by the writer or not a field of the form.
        Place::Header(HeaderField::NationalName | HeaderField::Motto)
        | Place::Kind
        | Place::Document => return None,
    };
    Some(field.to_string())
}

/// The field whose characters a finding selects: a text field's DOM id or
/// a form field's (input, text area, cell).
fn select_target(f: &Finding) -> Option<String> {
    if let Some(t) = baocao_session::fix::text_target(&f.place) {
        return Some(dom::editor_id(t));
    }
    match &f.place {
        Place::Cell {
            table, row, col, ..
        } => Some(format!("c-{}-{row}-{col}", table.0)),
        _ => dom_target(f),
    }
}

/// The group title of a severity, in the panel.
fn group_title(s: Severity) -> &'static str {
    match s {
        Severity::Error => "Lỗi",
        Severity::Warning => "Cảnh báo",
        Severity::Info => "Gợi ý",
    }
}

/// The report's check.
#[component]
pub fn Findings() -> impl IntoView {
    let state = expect_context::<AppState>();
    let findings = state.findings;
    let summary = move || {
        findings.with(|f| {
            let count = |s: Severity| f.iter().filter(|x| x.severity == s).count();
            if f.is_empty() {
                "Không thấy vấn đề nào.".to_string()
            } else {
                format!(
                    "{} lỗi, {} cảnh báo, {} gợi ý",
                    count(Severity::Error),
                    count(Severity::Warning),
                    count(Severity::Info)
                )
            }
        })
    };
    let stale = move || {
        findings.track();
        state.with_report(|r| r.stale.len()).unwrap_or(0)
    };
    view! {
        <section class="findings" aria-labelledby="findings-title" data-testid="findings" id="findings">
            <h2 id="findings-title">"Kiểm tra báo cáo"</h2>
            <p class="findings-summary" aria-live="polite">{summary}</p>
            {move || (stale() > 0).then(|| view! {
                <button type="button" class="walk-open" data-testid="walk-open"
                    on:click=move |_| state.open_walk()>
                    {format!("Cập nhật số liệu ({} số chưa cập nhật)", stale())}
                </button>
            })}
            <MovedList />
            <FindingGroup severity=Severity::Error />
            <FindingGroup severity=Severity::Warning />
            <FindingGroup severity=Severity::Info />
        </section>
    }
}

/// The findings of one severity, in reading order. Keyed by place and
/// message, so a new check run redraws only the findings that changed.
#[component]
fn FindingGroup(severity: Severity) -> impl IntoView {
    let state = expect_context::<AppState>();
    let findings = state.findings;
    let items = move || {
        findings.with(|f| {
            let mut seen: Vec<(String, String)> = Vec::new();
            f.iter()
                .filter(|x| x.severity == severity)
                .map(|x| {
                    let key = (x.place.to_string(), x.message.clone());
                    let nth = seen.iter().filter(|k| **k == key).count();
                    seen.push(key);
                    (nth, x.clone())
                })
                .collect::<Vec<_>>()
        })
    };
    let count = move || findings.with(|f| f.iter().filter(|x| x.severity == severity).count());
    // Hints are folded: they are suggestions, and there may be many.
    let open = severity != Severity::Info;
    let any = move || count() > 0;
    view! {
        <Show when=any>
            <details class="finding-group" open=open data-severity=severity.id()>
                <summary>{group_title(severity)} " (" {count} ")"</summary>
                <ul>
                    <For
                        each=items
                        key=|(nth, f)| (f.place.to_string(), f.message.clone(), *nth, f.fix.clone())
                        children=|(_, f)| view! { <FindingItem finding=f /> }
                    />
                </ul>
            </details>
        </Show>
    }
}

/// One finding: a button that leads to its characters, its certain fix,
/// and for carried-over figures the "Xác nhận" that keeps them as they are.
#[component]
fn FindingItem(finding: Finding) -> impl IntoView {
    let state = expect_context::<AppState>();
    let class = format!("finding finding-{}", finding.severity.id());
    let target = dom_target(&finding);
    let go = {
        let target = target.clone();
        let select = select_target(&finding);
        let span = finding.span.clone();
        move |_| {
            if let Some(t) = &target {
                state.view.set(View::Edit);
                dom::reveal(t);
                match (&select, &span) {
                    (Some(field), Some(span)) => dom::select_in(field, span.clone()),
                    (Some(field), None) => dom::focus_field(field),
                    _ => dom::focus_field(t),
                }
            }
        }
    };
    let fix = finding.fix.clone().map(|fix| {
        let f = finding.clone();
        let label = fix.label.clone();
        view! {
            <button type="button" class="finding-fix" data-testid="finding-fix"
                on:click=move |_| state.apply_fix(&f)
                aria-label=format!("{label} ({})", finding.place)>
                {fix.label.clone()}
            </button>
        }
    });
    let confirm = (finding.rule == Rule::Stale).then(|| {
        let f = finding.clone();
        view! {
            <button type="button" class="confirm" on:click=move |_| state.confirm_finding(&f)
                aria-label=format!("Xác nhận số liệu ở {} vẫn đúng", finding.place)>
                "Xác nhận"
            </button>
        }
    });
    view! {
        <li class=class data-rule=finding.rule.id()>
            <button type="button" class="finding-go" on:click=go disabled=target.is_none()
                title="Đến chỗ này trong báo cáo">
                <span class="finding-severity">{finding.severity.name_vi()}</span>
                " "
                <span class="finding-message">{finding.message.clone()}</span>
                <span class="finding-place">{finding.place.to_string()}</span>
            </button>
            {fix}
            {confirm}
        </li>
    }
}

/// Leads to a moved mention: shows its place and selects its words.
fn go_to_moved(m: &MovedEntry) {
    let span = m.mark.span();
    let (shown, field) = match m.mark.place {
        FigurePlace::Summary => ("field-summary".to_string(), "summary".to_string()),
        FigurePlace::Text(t @ TextTarget::Footnote(id)) => {
            (format!("fn-{}", id.0), dom::editor_id(t))
        }
        FigurePlace::Text(t @ (TextTarget::Paragraph(id) | TextTarget::Heading(id))) => {
            (dom::block_dom_id(id), dom::editor_id(t))
        }
        FigurePlace::Cell { table, row, col } => (
            dom::block_dom_id(table),
            format!("c-{}-{row}-{col}", table.0),
        ),
    };
    // The header's fields may have been folded away.
    if let Some(el) = document().get_element_by_id(&shown) {
        if let Ok(Some(d)) = el.closest("details") {
            let _ = d.set_attribute("open", "");
        }
    }
    dom::reveal(&shown);
    dom::select_in(&field, span);
}

/// "Đã chuyển sang kỳ mới": the mentions of the period that "Tạo báo cáo kỳ
/// sau" moved on, each leading to its words, and "Đã xem, bỏ đánh dấu". The
/// list is drawn as HTML by `baocao_session::moved::list_html` (a plain view
/// keeps the page small); one click handler reads which button it was.
#[component]
fn MovedList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let html = move || {
        state.findings.track();
        state.reload.track();
        state.structure.track();
        state
            .with_report(|r| list_html(&in_reading_order(r)))
            .unwrap_or_default()
    };
    let click = move |ev: leptos::ev::MouseEvent| {
        let Some(button) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|e| e.closest("button").ok().flatten())
        else {
            return;
        };
        if button.has_attribute("data-seen") {
            state.clear_moved();
            return;
        }
        let i = button
            .get_attribute("data-i")
            .and_then(|i| i.parse::<usize>().ok());
        let entry = i.and_then(|i| {
            state
                .with_report(|r| in_reading_order(r).into_iter().nth(i))
                .flatten()
        });
        if let Some(m) = entry {
            state.view.set(View::Edit);
            go_to_moved(&m);
        }
    };
    view! { <div class="moved-box" inner_html=html on:click=click></div> }
}
