//! "Kiểm tra trước khi gửi": the one screen between "Tải về .docx" and the
//! file, listing what `baocao_checks::presend` found, each with a way to its
//! place (and "Xác nhận" for last month's figures), then "Vẫn tải về" or
//! "Quay lại sửa". A modal <dialog>: focus moves into it, Esc closes it, and
//! focus goes back to the download button.

use super::dom;
use super::findings::dom_target;
use super::state::{AppState, View};
use baocao_checks::presend::{Item, Kind};
use baocao_checks::{Finding, Rule, Severity};
use baocao_model::{Place, TextTarget};
use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How many items of a group show before "Hiện tất cả".
const SHOWN: usize = 8;

/// The id of the toolbar's download button, where focus returns.
pub const DOWNLOAD_BUTTON_ID: &str = "download-docx";

fn focus_id(id: &str) {
    if let Some(el) = document()
        .get_element_by_id(id)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = el.focus();
    }
}

/// Closes the list; focus goes back to the download button.
fn close(state: AppState) {
    state.presend.set(None);
    request_animation_frame(|| focus_id(DOWNLOAD_BUTTON_ID));
}

/// Closes the list and leads to an item's place: its text field, or the
/// form field where it is fixed.
fn go_to(state: AppState, place: &Place) {
    let probe = Finding::at(
        Rule::Structure,
        Severity::Warning,
        None,
        place.clone(),
        "",
        String::new(),
    );
    let Some(target) = dom_target(&probe) else {
        return;
    };
    state.presend.set(None);
    state.view.set(View::Edit);
    let text = match place {
        Place::Heading { section, .. } => Some(TextTarget::Heading(*section)),
        Place::Paragraph { block, .. } => Some(TextTarget::Paragraph(*block)),
        Place::Footnote(n) => Some(TextTarget::Footnote(*n)),
        _ => None,
    };
    // Once the dialog is gone (closing it gives the focus back to where it
    // was opened from), the place takes the focus.
    request_animation_frame(move || {
        dom::reveal(&target);
        dom::focus_field(&target);
        if let Some(t) = text {
            state.focus_later(t, None);
        }
    });
}

/// The dialog, while the list is open.
#[component]
pub fn PreSendDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let node = NodeRef::<Dialog>::new();
    // "Vẫn tải về" was pressed and the file is being built: the button says
    // so (the first file waits for the document worker to start).
    let building = RwSignal::new(false);
    Effect::new(move |_| {
        if let Some(d) = node.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
            focus_id("presend-back");
        }
    });
    let total = move || {
        state
            .presend
            .with(|p| p.as_ref().map_or(0, |p| p.items.len()))
    };
    let intro = move || {
        state.presend.with(|p| {
            let Some(p) = p else { return String::new() };
            if p.is_clear() {
                return "Không còn gì cần xem lại. Có thể tải về.".to_string();
            }
            let mut parts = Vec::new();
            for kind in Kind::ALL {
                let n = p.count(kind);
                if n == 0 {
                    continue;
                }
                parts.push(match kind {
                    Kind::Error => format!("{n} lỗi"),
                    Kind::Stale => format!(
                        "{} số liệu chép từ tháng trước chưa cập nhật ({n} đoạn/bảng)",
                        p.stale_figures
                    ),
                    Kind::EmptySection => format!("{n} mục chưa có nội dung"),
                    Kind::Missing => format!("{n} thông tin còn thiếu"),
                });
            }
            format!(
                "Báo cáo còn {} trước khi gửi. Sửa ngay, hoặc vẫn tải về nếu đã biết.",
                parts.join(", ")
            )
        })
    };
    let kinds = move || {
        state.presend.with(|p| {
            p.as_ref()
                .map(|p| {
                    Kind::ALL
                        .iter()
                        .copied()
                        .filter(|k| p.count(*k) > 0)
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <dialog class="presend" node_ref=node aria-labelledby="presend-title"
            aria-describedby="presend-intro" data-testid="presend"
            on:cancel=move |ev: web_sys::Event| {
                // Esc: closed by us, so focus goes back where it was.
                ev.prevent_default();
                close(state);
            }>
            <h2 id="presend-title" tabindex="-1">"Kiểm tra trước khi gửi"</h2>
            <p id="presend-intro" class="presend-intro" aria-live="polite">{intro}</p>
            <div class="presend-groups">
                <For each=kinds key=|k| *k children=move |k| view! { <Group kind=k /> } />
            </div>
            <div class="presend-actions">
                <button type="button" id="presend-back" data-testid="presend-back"
                    on:click=move |_| close(state)>"Quay lại sửa"</button>
                <button type="button" class="primary" data-testid="presend-download"
                    aria-busy=move || building.get().then_some("true")
                    on:click=move |_| {
                        // The list stays open while the file is built and
                        // closes once it is handed over: closing a modal
                        // dialog has the browser restyle the whole report
                        // (about 50 ms on 100 pages), which would hold the
                        // document worker's answer back that long.
                        // One file per click, however often it is pressed meanwhile.
                        if building.get_untracked() {
                            return;
                        }
                        building.set(true);
                        state.download_docx_then(move || {
                            building.set(false);
                            // Unless the official closed it meanwhile.
                            if state.presend.with_untracked(Option::is_some) {
                                close(state);
                            }
                        });
                    }>
                    {move || if building.get() {
                        "Đang tạo tệp .docx…"
                    } else if total() == 0 {
                        "Tải về"
                    } else {
                        "Vẫn tải về"
                    }}
                </button>
            </div>
        </dialog>
    }
}

/// One group of the list: its title and count, its first items, and the
/// rest on demand.
#[component]
fn Group(kind: Kind) -> impl IntoView {
    let state = expect_context::<AppState>();
    let all = RwSignal::new(false);
    let items = move || {
        state.presend.with(|p| {
            p.as_ref()
                .map(|p| p.of(kind).cloned().enumerate().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let count = move || items().len();
    let shown = move || {
        let mut v = items();
        if !all.get() {
            v.truncate(SHOWN);
        }
        v
    };
    let title_id = format!("presend-{}", kind.id());
    let labelled_by = title_id.clone();
    view! {
        <section class=format!("presend-group presend-{}", kind.id()) aria-labelledby=labelled_by
            data-kind=kind.id()>
            <h3 id=title_id>{kind.title_vi()} " (" {count} ")"</h3>
            <ul>
                <For each=shown
                    key=|(n, item)| (*n, item.place.to_string(), item.message.clone())
                    children=move |(_, item)| view! { <PreSendItem item=item /> } />
            </ul>
            {move || (count() > SHOWN && !all.get()).then(|| view! {
                <button type="button" class="quiet" on:click=move |_| all.set(true)>
                    {format!("Hiện tất cả {} mục", count())}
                </button>
            })}
        </section>
    }
}

/// One item: what to fix, where, and the way there.
#[component]
fn PreSendItem(item: Item) -> impl IntoView {
    let state = expect_context::<AppState>();
    let place = item.place.clone();
    let where_ = match &place {
        Place::Document => String::new(),
        p => p.to_string(),
    };
    let can_go = !matches!(place, Place::Document);
    let go_label = format!("Đến {where_} để sửa");
    let confirm = item
        .finding
        .clone()
        .filter(|f| f.rule == Rule::Stale)
        .map(|f| {
            let label = format!("Xác nhận số liệu ở {} vẫn đúng", f.place);
            view! {
                <button type="button" class="confirm" aria-label=label
                    on:click=move |_| {
                        state.confirm_finding(&f);
                        state.refresh_presend();
                        focus_id("presend-title");
                    }>"Xác nhận vẫn đúng"</button>
            }
        });
    view! {
        <li class="presend-item" data-kind=item.kind.id()>
            <span class="presend-message">{item.message.clone()}</span>
            {(!where_.is_empty()).then(|| view! { <span class="presend-place">{where_.clone()}</span> })}
            <span class="presend-item-actions">
                {can_go.then(|| view! {
                    <button type="button" class="quiet" aria-label=go_label.clone()
                        on:click=move |_| go_to(state, &place)>"Đến chỗ sửa"</button>
                })}
                {confirm}
            </span>
        </li>
    }
}
