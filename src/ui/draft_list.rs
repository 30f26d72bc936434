//! The drafts kept in this browser: create from the template, open, start
//! next month's, duplicate, rename, delete with undo; import a file; back up
//! everything; the damaged entries set aside.

use super::state::{clock_and_day, AppState};
use super::templates::TemplateChooser;
use baocao_drafts::{Damaged, DraftMeta};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Reads a file the official chose or dropped on the page, and opens it as a
/// new draft (or merges it, for a backup).
pub fn open_file(state: AppState, file: web_sys::File) {
    let name = file.name();
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => {
                let bytes = js_sys::Uint8Array::new(&buffer).to_vec();
                state.import_file(&name, &bytes);
            }
            Err(_) => state.say(
                super::state::Tone::Error,
                format!("Không đọc được tệp «{name}». Hãy thử lại."),
            ),
        }
    });
}

/// A line of the list: a draft, or the place of the one just deleted.
#[derive(Clone)]
enum Row {
    Draft(DraftMeta),
    /// The deleted draft's id and name.
    Deleted(baocao_drafts::DraftId, String),
}

/// Where a deleted draft stood: "Đã xoá … Hoàn tác" takes its place in the
/// list, so the message is where the action happened, and holds the focus
/// the "Xoá" button had.
#[component]
fn DeletedItem(name: String) -> impl IntoView {
    let state = expect_context::<AppState>();
    let undo = NodeRef::<leptos::html::Button>::new();
    Effect::new(move |_| {
        if let Some(b) = undo.get() {
            let _ = b.focus();
        }
    });
    view! {
        <li class="draft-item undo" role="status" data-testid="deleted-item">
            <span>"Đã xoá «" {name} "». "</span>
            <button type="button" node_ref=undo on:click=move |_| state.undo_delete() data-testid="undo-delete">"Hoàn tác"</button>
            <button type="button" class="icon" aria-label="Đóng thông báo đã xoá" on:click=move |_| state.deleted.set(None)>"×"</button>
        </li>
    }
}

/// The sidebar listing the drafts.
#[component]
pub fn DraftList() -> impl IntoView {
    let state = expect_context::<AppState>();
    let rows = move || {
        let mut rows: Vec<Row> = state
            .listing
            .get()
            .drafts
            .into_iter()
            .map(Row::Draft)
            .collect();
        if let Some(d) = state.deleted.get() {
            let at = state.deleted_at.get().min(rows.len());
            rows.insert(at, Row::Deleted(d.id, d.name));
        }
        rows
    };
    let on_file = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        open_file(state, file);
    };
    view! {
        <nav class="drafts" class:open=move || state.drafts_open.get() aria-labelledby="drafts-title" id="drafts-panel">
            <h2 id="drafts-title">"Bản nháp"</h2>
            <p class="drafts-note">
                "Bản nháp chỉ lưu trong trình duyệt này. Hãy tải bản sao lưu định kỳ để không mất bài khi xoá dữ liệu trình duyệt."
            </p>
            <div class="new-actions">
                <TemplateChooser />
                <button type="button" data-testid="new-draft" on:click=move |_| state.create_blank()>
                    "Tạo bản nháp trống"
                </button>
                <label class="file-button">
                    <span>"Mở tệp (.docx, .txt, .md, .json)…"</span>
                    <input type="file" accept=".docx,.txt,.md,.json,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain,text/markdown,application/json"
                        data-testid="import-file" on:change=on_file />
                </label>
                <button type="button" data-testid="backup" on:click=move |_| state.download_backup()>
                    "Tải bản sao lưu (.json)"
                </button>
            </div>
            <ul class="draft-items" aria-label="Danh sách bản nháp">
                {move || {
                    // The open draft when storage refused it: it lives on this page only.
                    let listed = |id: &baocao_drafts::DraftId| {
                        state.listing.with(|l| l.drafts.iter().any(|d| d.id == *id))
                    };
                    state.current.with(|c| {
                        c.as_ref().filter(|d| !listed(&d.id)).map(|d| {
                            view! {
                                <li class="draft-item open unsaved" data-testid="draft-item-unsaved">
                                    <span class="draft-name">{d.name.clone()}</span>
                                    <span class="draft-unsaved">"Chưa lưu vào trình duyệt: chỉ còn trên trang này"</span>
                                </li>
                            }
                        })
                    })
                }}
                <For
                    each=rows
                    key=|row| match row {
                        Row::Draft(d) => (d.id.clone(), d.name.clone(), d.revision, d.stale),
                        Row::Deleted(id, name) => (id.clone(), format!("deleted: {name}"), 0, 0),
                    }
                    children=move |row: Row| match row {
                        Row::Draft(d) => view! { <DraftItem meta=d /> }.into_any(),
                        Row::Deleted(_, name) => view! { <DeletedItem name=name /> }.into_any(),
                    }
                />
            </ul>
            {move || {
                let empty = state.listing.with(|l| l.drafts.is_empty())
                    && state.current.with(|c| c.is_none());
                empty.then(|| view! { <p class="hint">"Chưa có bản nháp nào. Tạo mới từ mẫu báo cáo tháng, hoặc mở tệp báo cáo đã có."</p> })
            }}
            <DamagedList />
        </nav>
    }
}

/// One draft in the list.
#[component]
fn DraftItem(meta: DraftMeta) -> impl IntoView {
    let state = expect_context::<AppState>();
    let renaming = RwSignal::new(false);
    let name_input = RwSignal::new(meta.name.clone());
    let rename_field = NodeRef::<leptos::html::Input>::new();
    // "Đổi tên" puts the keyboard in the name, all of it selected.
    Effect::new(move |_| {
        if let Some(input) = rename_field.get() {
            let _ = input.focus();
            input.select();
        }
    });
    let id = StoredValue::new(meta.id.clone());
    let is_open = move || {
        state
            .current
            .with(|c| c.as_ref().is_some_and(|d| d.id == id.get_value()))
    };
    let period = meta
        .period
        .clone()
        .map(|p| {
            if p.contains(' ') {
                format!("Kỳ báo cáo: {p}")
            } else {
                format!("Tháng {p}")
            }
        })
        .unwrap_or_else(|| "Chưa có kỳ báo cáo".to_string());
    let when = format!("Sửa lúc {}", clock_and_day(meta.updated_ms));
    let stale = meta.stale;
    let name = meta.name.clone();
    let label = format!("Mở bản nháp {}", meta.name);
    view! {
        <li class="draft-item" class:open=is_open data-testid="draft-item">
            <Show
                when=move || renaming.get()
                fallback={
                    let name = name.clone();
                    let label = label.clone();
                    let period = period.clone();
                    let when = when.clone();
                    move || {
                        view! {
                            <button type="button" class="draft-open" aria-label=label.clone()
                                aria-current=move || is_open().then_some("true")
                                on:click=move |_| state.open(&id.get_value())>
                                <span class="draft-name">{name.clone()}</span>
                                <span class="draft-when">{period.clone()}</span>
                                <span class="draft-when">{when.clone()}</span>
                                {(stale > 0).then(|| view! {
                                    <span class="draft-stale">{format!("{stale} số liệu chưa cập nhật")}</span>
                                })}
                            </button>
                        }
                    }
                }
            >
                <form class="rename" on:submit=move |ev| {
                    ev.prevent_default();
                    state.rename(&id.get_value(), &name_input.get_untracked());
                    renaming.set(false);
                }>
                    <label>
                        <span>"Tên mới"</span>
                        <input type="text" prop:value=move || name_input.get() node_ref=rename_field
                            data-testid="rename-input"
                            on:input=move |ev| name_input.set(event_target_value(&ev))
                            on:keydown=move |ev: web_sys::KeyboardEvent| {
                                if ev.key() == "Escape" {
                                    renaming.set(false);
                                }
                            } />
                    </label>
                    <button type="submit">"Lưu tên"</button>
                    <button type="button" on:click=move |_| renaming.set(false)>"Huỷ"</button>
                </form>
            </Show>
            <div class="draft-actions" role="group" aria-label=format!("Thao tác với {}", meta.name)>
                <button type="button" data-testid="next-month" on:click=move |_| state.next_month(&id.get_value())
                    title="Tạo báo cáo kỳ sau (tháng, quý, năm sau) từ bản này">"Tạo báo cáo kỳ sau"</button>
                <button type="button" on:click=move |_| state.duplicate(&id.get_value())>"Nhân bản"</button>
                <button type="button" data-testid="rename" on:click=move |_| renaming.set(true)>"Đổi tên"</button>
                <button type="button" class="danger" data-testid="delete" on:click=move |_| state.delete(&id.get_value())>"Xoá"</button>
            </div>
        </li>
    }
}

/// Stored entries that could not be read: kept as they are, downloadable.
#[component]
fn DamagedList() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let damaged: Vec<Damaged> = state.listing.with(|l| l.damaged.clone());
        (!damaged.is_empty()).then(|| {
            let count = damaged.len();
            view! {
                <section class="damaged" role="alert" data-testid="damaged">
                    <h3>{format!("{count} bản nháp bị hỏng, đã được để riêng")}</h3>
                    <p>"Các bản nháp khác vẫn mở bình thường. Dữ liệu hỏng được giữ nguyên trong trình duyệt: hãy tải về để lưu trữ hoặc gửi cho bộ phận hỗ trợ."</p>
                    <ul>
                        {damaged.into_iter().map(|d| {
                            let key = StoredValue::new(d.key.clone());
                            view! {
                                <li>
                                    <span class="damaged-reason">{d.reason.clone()}</span>
                                    <button type="button" data-testid="download-damaged"
                                        on:click=move |_| state.download_damaged(&key.get_value())>"Tải dữ liệu gốc"</button>
                                    <button type="button" class="danger"
                                        on:click=move |_| state.discard_damaged(&key.get_value())>"Bỏ hẳn"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </section>
            }
        })
    }
}
