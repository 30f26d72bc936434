//! The page: the list of drafts beside the open draft, the messages, and the
//! page-wide listeners (Ctrl+S, leaving the page, another tab, printing).

use super::draft_list::{open_file, DraftList};
use super::editor::Editor;
use super::preview::fill_print_root;
use super::state::{AppState, SaveStatus, Tone};
use baocao_session::{history_command, KeyCommand, KeyPress};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    // Ctrl+S saves at once instead of opening the browser's "save page".
    // Ctrl+Z / Ctrl+Y outside a text field undo and redo structural changes
    // (in a form field they are the browser's own undo of its text; in a
    // field of the report, rich_text decides).
    let _ = window_event_listener(ev::keydown, move |e| {
        if e.default_prevented() {
            return;
        }
        if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("s") {
            e.prevent_default();
            state.save_now();
            return;
        }
        let key = e.key();
        let press = KeyPress {
            key: &key,
            ctrl: e.ctrl_key() || e.meta_key(),
            alt: e.alt_key(),
            shift: e.shift_key(),
        };
        let Some(command) = history_command(press) else {
            return;
        };
        let in_text = e
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .is_some_and(|el| {
                matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
                    || el
                        .closest("[contenteditable=true]")
                        .ok()
                        .flatten()
                        .is_some()
            });
        if in_text || state.presend.with_untracked(Option::is_some) {
            return;
        }
        e.prevent_default();
        match command {
            KeyCommand::Undo => state.undo(),
            _ => state.redo(),
        }
    });
    // Leaving, closing or hiding the tab writes what is pending.
    let _ = window_event_listener(ev::pagehide, move |_| state.flush());
    let _ = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            state.flush();
        }
    });
    // Work that storage refused lives only on this page: say so before leaving.
    let _ = window_event_listener(ev::beforeunload, move |e| {
        state.flush();
        if matches!(
            state.status.get_untracked(),
            SaveStatus::Failed(_) | SaveStatus::Conflict
        ) {
            e.prevent_default();
            e.set_return_value("Nội dung chưa được lưu vào trình duyệt.");
        }
    });
    // Another tab wrote to storage.
    let _ = window_event_listener(ev::storage, move |e: web_sys::StorageEvent| {
        state.storage_changed(e.key());
    });
    let _ = window_event_listener_untyped("beforeprint", move |_| fill_print_root(state));
    // A file dragged onto the page opens as "Mở tệp" would; the browser
    // must not navigate to it instead.
    let dragging = RwSignal::new(false);
    let carries_files = |e: &web_sys::DragEvent| {
        e.data_transfer()
            .is_some_and(|d| d.types().includes(&"Files".into(), 0))
    };
    let _ = window_event_listener(ev::dragover, move |e| {
        if carries_files(&e) {
            e.prevent_default();
            dragging.set(true);
        }
    });
    let _ = window_event_listener(ev::dragleave, move |e| {
        // Leaving the window, not moving between elements inside it.
        if e.related_target().is_none() {
            dragging.set(false);
        }
    });
    let _ = window_event_listener(ev::drop, move |e| {
        if !carries_files(&e) {
            return;
        }
        e.prevent_default();
        dragging.set(false);
        if let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            open_file(state, file);
        }
    });
    let open_id = Memo::new(move |_| state.current.with(|c| c.as_ref().map(|d| d.id.clone())));
    view! {
        <a class="skip" href="#main">"Bỏ qua danh sách bản nháp"</a>
        <header class="app-header">
            <button type="button" class="drafts-toggle" aria-controls="drafts-panel"
                aria-expanded=move || state.drafts_open.get().to_string()
                on:click=move |_| state.drafts_open.update(|o| *o = !*o)>
                "☰ Bản nháp"
            </button>
            <h1>"baocao"</h1>
            <p>"Báo cáo tình hình kinh tế - xã hội hằng tháng theo Nghị định 30/2020/NĐ-CP"</p>
        </header>
        // One live region that is always on the page, so every message is
        // announced; it floats at the foot of the window, beside whatever
        // the official just did, not at the top of a long page.
        <div class="notice-region" aria-live="polite" aria-atomic="true" data-testid="notice-region">
            {move || state.notice.get().map(|n| {
                let class = match n.tone {
                    Tone::Error => "notice notice-error",
                    Tone::Info => "notice notice-info",
                };
                let role = match n.tone {
                    Tone::Error => Some("alert"),
                    Tone::Info => None,
                };
                view! {
                    <div class=class role=role data-testid="notice">
                        <span>{n.text}</span>
                        <button type="button" class="icon" on:click=move |_| state.notice.set(None) aria-label="Đóng thông báo">"×"</button>
                    </div>
                }
            })}
        </div>
        {move || state.storage_full.get().then(|| view! {
            <div class="notice notice-error" role="alert" data-testid="storage-full">
                <span>
                    "Bộ nhớ của trình duyệt đã đầy nên chưa lưu được. Nội dung vẫn còn trên trang này — đừng đóng thẻ: hãy tải bản sao lưu ngay, rồi xoá bớt bản nháp cũ hoặc dữ liệu của trang khác."
                </span>
                <button type="button" class="primary" on:click=move |_| state.download_backup() data-testid="backup-now">"Tải bản sao lưu ngay"</button>
            </div>
        })}
        <div class="app-body">
            <DraftList />
            <main id="main" tabindex="-1">
                {move || match open_id.get() {
                    Some(_) => view! { <Editor /> }.into_any(),
                    None => view! {
                        <div class="welcome">
                            <h2>"Chào mừng"</h2>
                            <p>"Tạo báo cáo tháng từ mẫu, mở một bản nháp ở danh sách, hoặc mở tệp báo cáo (.docx, .txt, .md) đã có."</p>
                            <p>"Mọi thứ chạy ngay trong trình duyệt này: không gửi dữ liệu đi đâu, dùng được cả khi không có mạng."</p>
                        </div>
                    }.into_any(),
                }}
            </main>
        </div>
        {move || dragging.get().then(|| view! {
            <div class="drop-hint" aria-hidden="true">"Thả tệp (.docx, .txt, .md, .json) vào đây để mở thành bản nháp mới"</div>
        })}
        <div id="print-root" class="print-root" aria-hidden="true"></div>
    }
}
