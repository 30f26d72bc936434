//! The page: the list of drafts beside the open draft.

use super::draft_list::DraftList;
use super::editor::Editor;
use super::state::AppState;
use leptos::ev;
use leptos::prelude::*;

/// The whole page.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::new();
    provide_context(state);
    // Ctrl+S saves at once instead of opening the browser's "save page".
    let _ = window_event_listener(ev::keydown, move |e| {
        if (e.ctrl_key() || e.meta_key()) && e.key().eq_ignore_ascii_case("s") {
            e.prevent_default();
            state.save_now();
        }
    });
    view! {
        <header class="app-header">
            <h1>"baocao"</h1>
            <p>"Soạn báo cáo tình hình kinh tế - xã hội hằng tháng theo Nghị định 30/2020/NĐ-CP"</p>
        </header>
        {move || state.notice.get().map(|n| view! {
            <div class="notice" role="alert">
                <span>{n}</span>
                <button on:click=move |_| state.notice.set(None) aria-label="Đóng thông báo">"×"</button>
            </div>
        })}
        <div class="app-body">
            <DraftList />
            <main>
                <Show
                    when=move || state.current.with(|c| c.is_some())
                    fallback=|| view! {
                        <div class="welcome">
                            <h2>"Chào mừng"</h2>
                            <p>"Tạo một bản nháp mới hoặc mở bản nháp ở danh sách bên trái."</p>
                        </div>
                    }
                >
                    <Editor />
                </Show>
            </main>
        </div>
    }
}
