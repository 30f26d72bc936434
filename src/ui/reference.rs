//! Last month's tasks part beside the editor of a report started with
//! "Tạo báo cáo kỳ sau": what was set for this month, to report against.

use super::state::AppState;
use baocao_session::html::section_html_string;
use leptos::prelude::*;

/// The previous tasks, if the open draft has them.
#[component]
pub fn PreviousTasksPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let tasks = move || {
        state.current.with(|c| {
            c.as_ref().and_then(|d| d.previous_tasks.as_ref()).map(|t| {
                let period = t.period_label();
                (period, section_html_string(&t.section))
            })
        })
    };
    move || {
        tasks().map(|(period, html)| {
            view! {
                <details class="reference" open data-testid="previous-tasks">
                    <summary>{format!("Nhiệm vụ đã đề ra cho {period}")}</summary>
                    <p class="hint">"Phần nhiệm vụ của báo cáo kỳ trước, để đối chiếu khi viết kết quả kỳ này (chỉ đọc)."</p>
                    <div class="reference-text" inner_html=html></div>
                </details>
            }
        })
    }
}
