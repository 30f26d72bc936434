//! The findings beside the text, grouped by rule; each one leads to its place.

use super::dom;
use super::state::{AppState, View};
use crate::checks::{Finding, Rule, Severity};
use leptos::prelude::*;

/// Where on the page a finding is about.
fn dom_target(f: &Finding) -> Option<String> {
    if let Some(n) = f.path.strip_prefix("Chú thích ") {
        if f.rule != Rule::Stale {
            return Some(format!("fn-{}", n.trim()));
        }
    }
    if let Some(b) = f.block {
        return Some(dom::block_dom_id(b));
    }
    let p = f.path.as_str();
    Some(
        if p.starts_with("Trích yếu") {
            "field-summary"
        } else if p.starts_with("Nơi nhận") {
            "closing-form"
        } else {
            return None;
        }
        .to_string(),
    )
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
    let groups = move || {
        findings.with(|f| {
            Rule::ALL
                .iter()
                .filter_map(|rule| {
                    let items: Vec<Finding> =
                        f.iter().filter(|x| x.rule == *rule).cloned().collect();
                    (!items.is_empty()).then_some((*rule, items))
                })
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section class="findings" aria-labelledby="findings-title" data-testid="findings">
            <h2 id="findings-title">"Kiểm tra số liệu"</h2>
            <p class="findings-summary" aria-live="polite">{summary}</p>
            {move || {
                groups()
                    .into_iter()
                    .map(|(rule, items)| {
                        view! {
                            <details class="finding-group" open data-rule=rule.id()>
                                <summary>{rule.title_vi()} " (" {items.len()} ")"</summary>
                                <ul>
                                    {items.into_iter().map(|f| view! { <FindingItem finding=f /> }).collect_view()}
                                </ul>
                            </details>
                        }
                    })
                    .collect_view()
            }}
        </section>
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
            }
        }
    };
    let confirm = (finding.rule == Rule::Stale).then(|| {
        let f = finding.clone();
        view! {
            <button type="button" class="confirm" on:click=move |_| state.confirm_finding(&f)
                aria-label=format!("Xác nhận số liệu ở {} vẫn đúng", finding.path)>
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
                <span class="finding-place">{finding.path.clone()}</span>
            </button>
            {confirm}
        </li>
    }
}
