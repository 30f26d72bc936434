//! The findings of the checks beside the text, grouped by rule.

use crate::checks::{Finding, Rule, Severity};
use leptos::prelude::*;

/// The list of findings for the open report.
#[component]
pub fn Findings(findings: Memo<Vec<Finding>>) -> impl IntoView {
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
                            <div class="finding-group">
                                <h3>{rule.title_vi()} " (" {items.len()} ")"</h3>
                                <ul>
                                    {items
                                        .into_iter()
                                        .map(|f| {
                                            let class = format!("finding finding-{}", f.severity.id());
                                            view! {
                                                <li class=class data-rule=f.rule.id()>
                                                    <span class="finding-severity">{f.severity.name_vi()}</span>
                                                    " "
                                                    <span class="finding-message">{f.message.clone()}</span>
                                                    <span class="finding-place">{f.path.clone()}</span>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            </div>
                        }
                    })
                    .collect_view()
            }}
        </section>
    }
}
