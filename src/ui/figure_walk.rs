//! "Cập nhật số liệu": last month's figures one at a time, each in its
//! sentence. Enter keeps it ("vẫn đúng"), a typed value replaces it, Esc
//! leaves. The order and what each key does are decided by
//! `baocao_session::carry::walk`; this draws the step and reads the keys.

use super::dom;
use super::state::AppState;
use baocao_model::{FigurePlace, TextTarget};
use leptos::html::Input;
use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// Where on the page a figure stands, to show it beside the dialog.
fn figure_dom_id(place: FigurePlace) -> String {
    match place {
        FigurePlace::Text(TextTarget::Footnote(id)) => format!("fn-{}", id.0),
        FigurePlace::Text(TextTarget::Paragraph(id) | TextTarget::Heading(id)) => {
            dom::block_dom_id(id)
        }
        FigurePlace::Cell { table, .. } => dom::block_dom_id(table),
        FigurePlace::Summary => "field-summary".to_string(),
    }
}

/// The walk's dialog, while it is open.
#[component]
pub fn FigureWalkDialog() -> impl IntoView {
    let state = expect_context::<AppState>();
    let input = NodeRef::<Input>::new();
    let message = RwSignal::new(String::new());
    let step = Memo::new(move |_| {
        state
            .walk
            .with(|w| w.is_some())
            .then(|| state.walk_step())
            .flatten()
    });
    let opener = StoredValue::new(None::<web_sys::HtmlElement>);
    // On opening: remember where the keyboard was, and go to the field.
    Effect::new(move |was_open: Option<bool>| {
        let open = state.walk.with(|w| w.is_some());
        if open && was_open != Some(true) {
            let active = document()
                .active_element()
                .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
            opener.set_value(active);
        }
        open
    });
    // Each new figure: shown in the report, the field emptied and focused.
    Effect::new(move |_| {
        let Some(s) = step.get() else {
            return;
        };
        dom::reveal(&figure_dom_id(s.figure.place));
        request_animation_frame(move || {
            if let Some(el) = input.get_untracked() {
                el.set_value("");
                let _ = el.focus();
            }
        });
    });
    let close = move || {
        state.close_walk();
        message.set(String::new());
        if let Some(el) = opener.get_value() {
            let _ = el.focus();
        }
    };
    let answer = move || {
        let typed = input.get_untracked().map(|e| e.value()).unwrap_or_default();
        let result = if typed.trim().is_empty() {
            state.walk_keep()
        } else {
            state.walk_replace(&typed)
        };
        match result {
            Ok(()) => message.set(String::new()),
            Err(e) => message.set(e.to_string()),
        }
    };
    let in_field = move |ev: &KeyboardEvent| {
        let field = input.get_untracked();
        ev.target().is_some_and(|t| {
            field.is_some_and(|f| {
                let f: &web_sys::EventTarget = f.as_ref();
                *f == t
            })
        })
    };
    let keydown = move |ev: KeyboardEvent| match ev.key().as_str() {
        "Enter" if in_field(&ev) => {
            ev.prevent_default();
            answer();
        }
        "Escape" => {
            ev.prevent_default();
            close();
        }
        _ => {}
    };
    view! {
        <Show when=move || state.walk.with(|w| w.is_some())>
            <div class="figure-walk" role="dialog" aria-labelledby="walk-title" data-testid="figure-walk"
                on:keydown=keydown>
                <h2 id="walk-title">"Cập nhật số liệu"</h2>
                {move || match step.get() {
                    None => view! {
                        <p class="walk-done" role="status">"Đã xem hết các số liệu chép từ tháng trước."</p>
                        <div class="walk-actions">
                            <button type="button" class="primary" on:click=move |_| close()>"Đóng"</button>
                        </div>
                    }.into_any(),
                    Some(s) => {
                        let before = s.sentence[..s.within.start].to_string();
                        let figure = s.sentence[s.within.clone()].to_string();
                        let after = s.sentence[s.within.end..].to_string();
                        let old = s.figure.text.clone();
                        view! {
                            <p class="walk-count" aria-live="polite">
                                {if s.nth > 1 {
                                    format!("Còn {} số liệu chưa cập nhật (đã bỏ qua {})", s.of, s.nth - 1)
                                } else {
                                    format!("Còn {} số liệu chưa cập nhật", s.of)
                                }}
                            </p>
                            <p class="walk-sentence" data-testid="walk-sentence">
                                {before}<mark class="stale">{figure}</mark>{after}
                            </p>
                            <label class="field walk-field">
                                <span>{format!("Tháng trước: {old}. Số liệu tháng này")}</span>
                                <input type="text" node_ref=input inputmode="decimal" autocomplete="off"
                                    data-testid="walk-input"
                                    on:input=move |_| message.set(String::new())
                                    placeholder="Gõ số mới, hoặc Enter nếu vẫn đúng" />
                            </label>
                            <p class="walk-help">"Enter: giữ số cũ (vẫn đúng) hoặc ghi số vừa gõ · Esc: thoát"</p>
                            <div class="walk-actions">
                                <button type="button" class="primary" on:click=move |_| answer()>"Ghi nhận (Enter)"</button>
                                <button type="button" on:click=move |_| { message.set(String::new()); state.walk_skip(); }>"Bỏ qua"</button>
                                <button type="button" on:click=move |_| close()>"Thoát (Esc)"</button>
                            </div>
                        }.into_any()
                    }
                }}
                <p class="walk-message" role="alert">{move || message.get()}</p>
            </div>
        </Show>
    }
}
