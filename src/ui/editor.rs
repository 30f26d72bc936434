//! The open draft: the toolbar, the report as its structure (or its A4
//! preview), and beside it the findings and last month's tasks.

use super::body::DocEditor;
use super::dom;
use super::figure_walk::FigureWalkDialog;
use super::findings::Findings;
use super::header_form::{ClosingForm, HeaderForm};
use super::presend::{PreSendDialog, DOWNLOAD_BUTTON_ID};
use super::preview::Preview;
use super::reference::PreviousTasksPanel;
use super::rich_text::insert_footnote;
use super::state::{AppState, SaveStatus, View};
use baocao_checks::Severity;
use baocao_model::FigurePlace;
use baocao_session::outline;
use baocao_session::StaleMarks;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// A formatting button that keeps the caret in the text (mouse) and puts
/// it back before acting (keyboard).
#[component]
fn FormatButton(
    command: &'static str,
    label: &'static str,
    title: &'static str,
    children: Children,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <button type="button" class="icon fmt" aria-label=label title=title
            on:mousedown=|ev| ev.prevent_default()
            on:click=move |_| {
                let active_is_field = document()
                    .active_element()
                    .is_some_and(|e| e.class_list().contains("rich"));
                if !active_is_field {
                    // Used from the keyboard: select again what was selected.
                    if let Some((target, anchor, focus)) = state.selection() {
                        if let Some(el) = dom::editor_element(target) {
                            let _ = el.focus();
                            dom::set_selection(&el, anchor, focus);
                        }
                    }
                }
                dom::exec(command, None);
            }>
            {children()}
        </button>
    }
}

/// Brings the findings into view with the keyboard on them: on a narrow
/// screen or at 200% zoom they are below the whole report.
fn go_to_findings() {
    let Ok(Some(panel)) = document().query_selector("[data-testid=findings]") else {
        return;
    };
    let _ = panel.set_attribute("tabindex", "-1");
    panel.scroll_into_view();
    if let Ok(panel) = panel.dyn_into::<web_sys::HtmlElement>() {
        let _ = panel.focus();
    }
}

/// The editor of the open draft.
#[component]
pub fn Editor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = move || match state.status.get() {
        SaveStatus::Idle => String::new(),
        SaveStatus::Pending => "Đang lưu…".to_string(),
        SaveStatus::Saved(at) => format!("Đã lưu lúc {at}"),
        SaveStatus::Failed(_) => "Chưa lưu được: nội dung vẫn ở trên trang".to_string(),
        SaveStatus::Conflict => "Tạm dừng lưu: bản nháp vừa được sửa ở thẻ khác".to_string(),
    };
    let status_class = move || match state.status.get() {
        SaveStatus::Failed(_) | SaveStatus::Conflict => "save-status bad",
        SaveStatus::Pending => "save-status pending",
        _ => "save-status",
    };
    let focused_has_stale = move || {
        state.settled.track();
        state.focused.get().is_some_and(|t| {
            state
                .with_report(|r| !r.stale_at(FigurePlace::Text(t)).is_empty())
                .unwrap_or(false)
        })
    };
    let stale_count = move || {
        state.settled.track();
        state.with_report(|r| r.stale.len()).unwrap_or(0)
    };
    let add_table_here = move |_| {
        let at = state.caret().map(|c| c.target);
        let _ = state.restructure("Thêm bảng", |r| outline::add_table_at(r, at));
    };
    let findings_count = move || {
        state.findings.with(|f| {
            let n = |s: Severity| f.iter().filter(|x| x.severity == s).count();
            format!(
                "{} lỗi, {} cảnh báo, {} gợi ý",
                n(Severity::Error),
                n(Severity::Warning),
                n(Severity::Info)
            )
        })
    };
    let is_edit = move || state.view.get() == View::Edit;
    let name = move || {
        state
            .current
            .with(|c| c.as_ref().map(|d| d.name.clone()))
            .unwrap_or_default()
    };
    view! {
        <div class="editor">
            <div class="editor-title">
                <h2>{name}</h2>
                <span class=status_class role="status" aria-live="polite" data-testid="save-status">{status}</span>
            </div>
            <div class="toolbar" role="toolbar" aria-label="Thanh công cụ soạn thảo">
                <div class="tool-group" role="group" aria-label="Chế độ xem">
                    <button type="button" class:active=is_edit aria-pressed=move || is_edit().to_string()
                        on:click=move |_| state.view.set(View::Edit) data-testid="view-edit">"Soạn thảo"</button>
                    <button type="button" class:active=move || !is_edit() aria-pressed=move || (!is_edit()).to_string()
                        on:click=move |_| { state.flush(); state.view.set(View::Preview); } data-testid="view-preview">"Xem trước A4"</button>
                </div>
                <div class="tool-group" role="group" aria-label="Định dạng chữ" class:hidden=move || !is_edit()>
                    <FormatButton command="bold" label="Chữ đậm (Ctrl+B)" title="Đậm (Ctrl+B)"><b>"B"</b></FormatButton>
                    <FormatButton command="italic" label="Chữ nghiêng (Ctrl+I)" title="Nghiêng (Ctrl+I)"><i>"I"</i></FormatButton>
                    <FormatButton command="superscript" label="Chỉ số trên, như m² (Ctrl+Shift+=)" title="Chỉ số trên (Ctrl+Shift+=)">"x"<sup>"2"</sup></FormatButton>
                </div>
                <div class="tool-group" role="group" aria-label="Chèn" class:hidden=move || !is_edit()>
                    <button type="button" on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| insert_footnote(state) data-testid="insert-footnote"
                        title="Chèn chú thích tại con trỏ (Ctrl+Alt+F)">"Chú thích"</button>
                    <button type="button" on:mousedown=|ev| ev.prevent_default()
                        on:click=add_table_here title="Chèn bảng chi tiết sau đoạn đang soạn">"Bảng"</button>
                </div>
                {move || focused_has_stale().then(|| view! {
                    <button type="button" class="confirm" on:mousedown=|ev| ev.prevent_default()
                        on:click=move |_| state.confirm_focused() data-testid="confirm-focused"
                        title="Các số liệu tô vàng trong đoạn này vẫn đúng">"Xác nhận số liệu đoạn này"</button>
                })}
                {move || (stale_count() > 0).then(|| view! {
                    <button type="button" on:click=move |_| state.open_walk() data-testid="walk-open-toolbar"
                        title="Xem lần lượt từng số liệu chép từ tháng trước">"Cập nhật số liệu"</button>
                })}
                {move || state.undo_label.get().map(|label| view! {
                    <button type="button" on:click=move |_| state.undo() title=format!("Hoàn tác: {label} (Ctrl+Z)")
                        aria-keyshortcuts="Control+Z" data-testid="undo">"Hoàn tác"</button>
                })}
                {move || state.redo_label.get().map(|label| view! {
                    <button type="button" on:click=move |_| state.redo() title=format!("Làm lại: {label} (Ctrl+Y)")
                        aria-keyshortcuts="Control+Y" data-testid="redo">"Làm lại"</button>
                })}
                <span class="spacer"></span>
                <button type="button" class="jump-findings" data-testid="jump-findings"
                    aria-label=move || format!("Đến kết quả kiểm tra: {}", findings_count())
                    title="Đến danh sách kết quả kiểm tra"
                    on:click=move |_| go_to_findings()>
                    "Kiểm tra " <span class="count">{move || state.findings.with(Vec::len)}</span>
                </button>
                <Show when=move || state.status.get() == SaveStatus::Conflict>
                    <button type="button" on:click=move |_| state.take_theirs() data-testid="take-theirs">"Mở bản mới nhất"</button>
                    <button type="button" class="danger" on:click=move |_| state.keep_mine() data-testid="keep-mine">"Giữ bản ở thẻ này"</button>
                </Show>
                <button type="button" on:click=move |_| { state.flush(); let _ = window().print(); } title="In hoặc lưu PDF khổ A4">"In"</button>
                <button type="button" class="primary" id=DOWNLOAD_BUTTON_ID on:click=move |_| state.request_docx()
                    title="Kiểm tra trước khi gửi, rồi tải về tệp Word" data-testid="download-docx">"Tải về .docx"</button>
                <details class="shortcuts">
                    <summary>"Phím tắt"</summary>
                    <ul>
                        <li><kbd>"Ctrl+S"</kbd>" lưu ngay"</li>
                        <li><kbd>"Enter"</kbd>" tách đoạn; "<kbd>"Backspace"</kbd>" ở đầu đoạn nối với đoạn trên"</li>
                        <li><kbd>"Tab"</kbd>" / "<kbd>"Shift+Tab"</kbd>" sang ô hoặc nút tiếp theo / trước đó"</li>
                        <li><kbd>"Alt+Shift+→"</kbd>" / "<kbd>"Alt+Shift+←"</kbd>" trong tiêu đề mục: hạ / nâng cấp mục"</li>
                        <li><kbd>"Ctrl+Z"</kbd>" hoàn tác; "<kbd>"Ctrl+Y"</kbd>" (hoặc "<kbd>"Ctrl+Shift+Z"</kbd>") làm lại"</li>
                        <li><kbd>"Esc"</kbd>" rời ô soạn thảo"</li>
                        <li><kbd>"Ctrl+B"</kbd>", "<kbd>"Ctrl+I"</kbd>", "<kbd>"Ctrl+Shift+="</kbd>" đậm, nghiêng, chỉ số trên"</li>
                        <li><kbd>"Ctrl+Alt+F"</kbd>" chèn chú thích tại con trỏ"</li>
                    </ul>
                </details>
            </div>
            <Show when=move || state.presend.with(Option::is_some)>
                <PreSendDialog />
            </Show>
            <div class="editor-columns">
                <div class="doc-column">
                    <div class="edit-view" class:hidden=move || !is_edit()>
                        <HeaderForm />
                        <DocEditor />
                        <ClosingForm />
                    </div>
                    {move || (!is_edit()).then(|| view! { <Preview /> })}
                </div>
                <aside class="side" aria-label="Kiểm tra và tham chiếu">
                    <PreviousTasksPanel />
                    <Findings />
                </aside>
            </div>
            <FigureWalkDialog />
        </div>
    }
}
