//! The findings beside the text, grouped by rule; each one leads to its place.

use super::dom;
use super::state::{AppState, View};
use baocao_checks::{Finding, Rule, Severity};
use baocao_model::{HeaderField, Place, SignatureField};
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

/// The findings of the open report.
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
    let rules = move || {
        findings.with(|f| {
            Rule::ALL
                .iter()
                .filter(|rule| f.iter().any(|x| x.rule == **rule))
                .copied()
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="findings" aria-labelledby="findings-title" data-testid="findings">
            <h2 id="findings-title">"Kiểm tra số liệu"</h2>
            <p class="findings-summary" aria-live="polite">{summary}</p>
            <For each=rules key=|rule| *rule children=|rule| view! { <FindingGroup rule=rule /> } />
        </section>
    }
}

/// The findings of one rule. Keyed by place and message, so a new check
/// run redraws only the findings that changed.
#[component]
fn FindingGroup(rule: Rule) -> impl IntoView {
    let state = expect_context::<AppState>();
    let findings = state.findings;
    let items = move || {
        findings.with(|f| {
            let mut seen: Vec<(String, String)> = Vec::new();
            f.iter()
                .filter(|x| x.rule == rule)
                .map(|x| {
                    let key = (x.place.to_string(), x.message.clone());
                    let nth = seen.iter().filter(|k| **k == key).count();
                    seen.push(key);
                    (nth, x.clone())
                })
                .collect::<Vec<_>>()
        })
    };
    let count = move || findings.with(|f| f.iter().filter(|x| x.rule == rule).count());
    view! {
        <details class="finding-group" open data-rule=rule.id()>
            <summary>{rule.title_vi()} " (" {count} ")"</summary>
            <ul>
                <For
                    each=items
                    key=|(nth, f)| (f.place.to_string(), f.message.clone(), *nth)
                    children=|(_, f)| view! { <FindingItem finding=f /> }
                />
            </ul>
        </details>
    }
}

/// One finding: a button that leads to its place, and for carried-over
/// figures the "Xác nhận" that keeps them as they are.
#[component]
fn FindingItem(finding: Finding) -> impl IntoView {
    let state = expect_context::<AppState>();
    let class = format!("finding finding-{}", finding.severity.id());
    let target = dom_target(&finding);
    let go = {
        let target = target.clone();
        move |_| {
            if let Some(t) = &target {
                state.view.set(View::Edit);
                dom::reveal(t);
                dom::focus_field(t);
            }
        }
    };
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
            {confirm}
        </li>
    }
}
