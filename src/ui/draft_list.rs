//! The list of drafts kept in this browser: create, open, rename, delete.

use super::state::{clock, AppState};
use crate::drafts::{Draft, DraftMeta};
use crate::report::Report;
use leptos::prelude::*;

/// The sidebar listing the drafts.
#[component]
pub fn DraftList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let deleted: RwSignal<Option<Draft>> = RwSignal::new(None);
    let new_draft = move |_| {
        let n = state.listing.with_untracked(|l| l.drafts.len()) + 1;
        state.create(&format!("Bản nháp {n}"), Report::new());
    };
    view! {
        <nav class="drafts" aria-labelledby="drafts-title">
            <h2 id="drafts-title">"Bản nháp"</h2>
            <p class="drafts-note">"Bản nháp chỉ lưu trong trình duyệt này."</p>
            <button class="primary" on:click=new_draft data-testid="new-draft">"Tạo bản nháp mới"</button>
            {move || {
                deleted
                    .get()
                    .map(|d| {
                        let name = d.name.clone();
                        view! {
                            <div class="undo" role="status">
                                "Đã xoá «" {name} "». "
                                <button on:click=move |_| {
                                    if let Some(d) = deleted.get_untracked() {
                                        state.undo_delete(&d);
                                    }
                                    deleted.set(None);
                                }>"Hoàn tác"</button>
                            </div>
                        }
                    })
            }}
            <ul class="draft-items">
                <For
                    each=move || state.listing.get().drafts
                    key=|d| (d.id.clone(), d.name.clone(), d.revision)
                    children=move |d: DraftMeta| view! { <DraftItem meta=d deleted=deleted /> }
                />
            </ul>
            {move || {
                let damaged = state.listing.with(|l| l.damaged.len());
                (damaged > 0)
                    .then(|| {
                        view! {
                            <p class="damaged" role="alert">
                                {damaged}
                                " bản nháp bị hỏng không mở được; dữ liệu của chúng vẫn được giữ nguyên trong trình duyệt."
                            </p>
                        }
                    })
            }}
        </nav>
    }
}

/// One draft in the list.
#[component]
fn DraftItem(meta: DraftMeta, deleted: RwSignal<Option<Draft>>) -> impl IntoView {
    let state = expect_context::<AppState>();
    let renaming = RwSignal::new(false);
    let name_input = RwSignal::new(meta.name.clone());
    let id = meta.id.clone();
    let is_open = {
        let id = id.clone();
        move || {
            state
                .current
                .with(|c| c.as_ref().is_some_and(|d| d.id == id))
        }
    };
    let open = {
        let id = id.clone();
        move |_| state.open(&id)
    };
    let save_name = {
        let id = id.clone();
        move || {
            state.rename(&id, &name_input.get_untracked());
            renaming.set(false);
        }
    };
    let delete = {
        let id = id.clone();
        move |_| deleted.set(state.delete(&id))
    };
    let period = meta
        .period
        .clone()
        .map(|p| format!("Tháng {p} · "))
        .unwrap_or_default();
    let when = format!("{period}sửa lúc {}", clock(meta.updated_ms));
    let label = format!("Mở bản nháp {}", meta.name);
    view! {
        <li class="draft-item" class:open=is_open data-testid="draft-item">
            <Show
                when=move || renaming.get()
                fallback={
                    let name = meta.name.clone();
                    move || {
                        view! {
                            <button class="draft-open" on:click=open.clone() aria-label=label.clone()>
                                <span class="draft-name">{name.clone()}</span>
                                <span class="draft-when">{when.clone()}</span>
                            </button>
                        }
                    }
                }
            >
                <form class="rename" on:submit={
                    let save_name = save_name.clone();
                    move |ev| {
                        ev.prevent_default();
                        save_name();
                    }
                }>
                    <label>
                        "Tên mới"
                        <input
                            type="text"
                            prop:value=move || name_input.get()
                            on:input=move |ev| name_input.set(event_target_value(&ev))
                        />
                    </label>
                    <button type="submit">"Lưu tên"</button>
                    <button type="button" on:click=move |_| renaming.set(false)>"Huỷ"</button>
                </form>
            </Show>
            <div class="draft-actions">
                <button on:click=move |_| renaming.set(true)>"Đổi tên"</button>
                <button class="danger" on:click=delete>"Xoá"</button>
            </div>
        </li>
    }
}
