//! One editable text: a paragraph, a heading title or a footnote. The field
//! is drawn once from the model; afterwards the browser edits it and each
//! input is read back into that one target, so typing costs the same in a
//! one-page and in a forty-page report. Enter, Backspace at the start,
//! Alt+Shift+→/← in a heading (Word's outline keys) and paste become
//! operations on the report's structure; Tab is left to the browser, so it
//! moves focus as everywhere else.

use super::state::{AppState, Tone};
use super::{documents, dom};
use baocao_import::normalize;
use baocao_model::edit_text;
use baocao_model::{Block, Inline, TextTarget};
use baocao_session::edit::Caret;
use baocao_session::outline;
use baocao_session::paste::{
    line_inlines, paste_kind, paste_line, paste_line_with_notes, put_read_html, PasteKind, ReadHtml,
};
use baocao_session::ReportEdit;
use baocao_session::{heading_command, KeyCommand, KeyPress, Pasted};
use leptos::html::Div;
use leptos::prelude::*;
use web_sys::{ClipboardEvent, HtmlElement, KeyboardEvent};

/// An editable text of the report.
#[component]
pub fn RichText(
    target: TextTarget,
    /// What the field is, for screen readers ("Đoạn văn", "Tiêu đề mục 2.1").
    #[prop(into)]
    label: Signal<String>,
    /// Shown greyed while the field is empty.
    #[prop(optional)]
    placeholder: &'static str,
) -> impl IntoView {
    let state = expect_context::<AppState>();
    let node = NodeRef::<Div>::new();
    let version = state.register_editor(target);
    let initial = state.field_html(target);
    let empty = initial.is_empty();
    Effect::new(move |drawn: Option<()>| {
        version.track();
        state.reload.track();
        if drawn.is_some() {
            if let Some(el) = node.get_untracked() {
                // Redrawn under the official's caret: keep the caret where it was.
                let focused = document().active_element().is_some_and(|a| a == **el);
                let caret = focused.then(|| dom::caret_in(&el)).flatten();
                let html = state.field_html(target);
                let _ = el.class_list().toggle_with_force("empty", html.is_empty());
                el.set_inner_html(&html);
                if let Some(offset) = caret {
                    dom::set_caret(&el, offset);
                }
            }
        }
    });
    let (kind, id) = match target {
        TextTarget::Paragraph(b) => ("p", b.0),
        TextTarget::Heading(b) => ("h", b.0),
        TextTarget::Footnote(f) => ("f", f.0),
    };
    let remember = move || {
        if let Some(el) = node.get_untracked() {
            let reading = dom::read(&el);
            if let Some(offset) = reading.caret {
                state.set_caret(Caret { target, offset });
                state.set_selection(target, reading.anchor.unwrap_or(offset), offset);
            }
        }
    };
    view! {
        <div
            class="rich"
            class:empty=empty
            contenteditable="true"
            role="textbox"
            aria-multiline="true"
            aria-label=label
            spellcheck="false"
            id=dom::editor_id(target)
            data-kind=kind
            data-id=id
            data-placeholder=placeholder
            node_ref=node
            inner_html=initial
            on:input=move |_| {
                if let Some(el) = node.get_untracked() {
                    on_input(state, target, &el);
                }
            }
            on:keydown=move |ev: KeyboardEvent| {
                if let Some(el) = node.get_untracked() {
                    on_keydown(state, target, &el, &ev);
                }
            }
            on:paste=move |ev: ClipboardEvent| {
                if let Some(el) = node.get_untracked() {
                    on_paste(state, target, &el, &ev);
                }
            }
            on:focus=move |_| {
                state.focused.set(Some(target));
                remember();
            }
            on:keyup=move |ev: KeyboardEvent| {
                // A typed character already told where the caret went (its
                // input event did): reading the field again on every key
                // would cost a long paragraph's walk per keystroke.
                if !types_a_character(&ev) {
                    remember();
                }
            }
            on:mouseup=move |_| remember()
        ></div>
    }
}

/// Reads the field back into the report.
fn on_input(state: AppState, target: TextTarget, el: &HtmlElement) {
    let t0 = dom::now();
    let reading = dom::read(el);
    let _ = el
        .class_list()
        .toggle_with_force("empty", reading.inlines.is_empty());
    if !state.text_input(target, reading.inlines) {
        return;
    }
    if let Some(offset) = reading.caret {
        state.set_caret(Caret { target, offset });
        state.set_selection(target, reading.anchor.unwrap_or(offset), offset);
    }
    // A mark the edit touched is an updated figure (or a rewritten mention
    // of the period): its mark goes at once
    // (a <mark> merely stripped of its class would turn the browser's
    // yellow until the next redraw), and the caret stays where it was.
    if !reading.marks.is_empty() {
        let left = state.stale_spans(target);
        let moved = state.moved_spans(target);
        let mut unwrapped = false;
        for (mark, start, text, is_moved) in reading.marks {
            let still = if is_moved { &moved } else { &left }
                .iter()
                .any(|(s, t)| *s == start && text.starts_with(t.as_str()));
            if !still {
                dom::unwrap(&mark);
                unwrapped = true;
            }
        }
        if unwrapped {
            el.normalize();
            if let Some(offset) = reading.caret {
                dom::set_caret(el, offset);
            }
        }
    }
    dom::record_timing("input", dom::now() - t0);
}

fn caret_of(el: &HtmlElement) -> usize {
    dom::caret_in(el).unwrap_or(0)
}

fn text_len(state: AppState, target: TextTarget) -> usize {
    state
        .with_report(|r| r.inlines(target).map(|i| edit_text(i).len()))
        .flatten()
        .unwrap_or(0)
}

/// Whether a key types a character (and so fires an input event), with no
/// modifier that makes it a shortcut.
fn types_a_character(ev: &KeyboardEvent) -> bool {
    let key = ev.key();
    let mut chars = key.chars();
    chars.next().is_some()
        && chars.next().is_none()
        && !ev.ctrl_key()
        && !ev.meta_key()
        && !ev.alt_key()
}

fn on_keydown(state: AppState, target: TextTarget, el: &HtmlElement, ev: &KeyboardEvent) {
    let key = ev.key();
    let ctrl = ev.ctrl_key() || ev.meta_key();
    if ctrl && ev.shift_key() && (ev.code() == "Equal" || key == "+") {
        ev.prevent_default();
        dom::exec("superscript", None);
        return;
    }
    if ctrl && ev.alt_key() && key.eq_ignore_ascii_case("f") {
        ev.prevent_default();
        insert_footnote(state);
        return;
    }
    let press = KeyPress {
        key: &key,
        ctrl,
        alt: ev.alt_key(),
        shift: ev.shift_key(),
    };
    match heading_command(press) {
        Some(KeyCommand::Demote | KeyCommand::Promote) => {
            if let TextTarget::Heading(id) = target {
                ev.prevent_default();
                let promote = heading_command(press) == Some(KeyCommand::Promote);
                change_level(state, id, promote, Some(caret_of(el)));
            }
            return;
        }
        Some(command @ (KeyCommand::Undo | KeyCommand::Redo)) => {
            // Right after a structural change the field was redrawn and the
            // browser has no text to undo: Ctrl+Z is the structure's undo.
            // After typing, it is the browser's own undo of the typing.
            if state.structural_last() {
                ev.prevent_default();
                if command == KeyCommand::Undo {
                    state.undo();
                } else {
                    state.redo();
                }
            }
            return;
        }
        None => {}
    }
    if ctrl || ev.alt_key() {
        return;
    }
    match key.as_str() {
        "Enter" => {
            ev.prevent_default();
            enter(state, target, el);
        }
        "Backspace" if dom::selection_collapsed() && caret_of(el) == 0 => {
            if let TextTarget::Paragraph(_) = target {
                ev.prevent_default();
                backspace_at_start(state, target);
            }
        }
        "Delete" if dom::selection_collapsed() && caret_of(el) >= text_len(state, target) => {
            if let TextTarget::Paragraph(id) = target {
                ev.prevent_default();
                delete_at_end(state, id, caret_of(el));
            }
        }
        "ArrowUp" | "ArrowLeft" => {
            let at_start = caret_of(el) == 0;
            let leave = if key == "ArrowUp" {
                dom::caret_on_edge_line(el, true)
            } else {
                at_start
            };
            if leave && dom::selection_collapsed() && move_focus(el, -1) {
                ev.prevent_default();
            }
        }
        "ArrowDown" | "ArrowRight" => {
            let at_end = caret_of(el) >= text_len(state, target);
            let leave = if key == "ArrowDown" {
                dom::caret_on_edge_line(el, false)
            } else {
                at_end
            };
            if leave && dom::selection_collapsed() && move_focus(el, 1) {
                ev.prevent_default();
            }
        }
        "Escape" => {
            let _ = el.blur();
        }
        _ => {}
    }
}

/// Moves a heading one level up (promote) or down, keeping the caret (or
/// the focus on the button that asked) where it was; a refusal is said.
fn change_level(state: AppState, id: baocao_model::BlockId, promote: bool, caret: Option<usize>) {
    let result = if promote {
        state.restructure("Nâng cấp mục", |r| r.body.outdent_section(id))
    } else {
        state.restructure("Hạ cấp mục", |r| r.body.indent_section(id))
    };
    if let Some(Err(e)) = result {
        state.say(Tone::Error, e.to_string());
    }
    if let Some(offset) = caret {
        state.focus_later(TextTarget::Heading(id), Some(offset));
    }
}

/// Moves to the field before (-1) or after (+1) in reading order.
fn move_focus(el: &HtmlElement, step: i32) -> bool {
    let fields = dom::body_fields();
    let Some(i) = fields.iter().position(|f| f == el) else {
        return false;
    };
    let j = i as i32 + step;
    let Some(next) = usize::try_from(j).ok().and_then(|j| fields.get(j)) else {
        return false;
    };
    let _ = next.focus();
    dom::set_caret(next, if step < 0 { usize::MAX } else { 0 });
    true
}

fn enter(state: AppState, target: TextTarget, el: &HtmlElement) {
    match target {
        TextTarget::Paragraph(id) => {
            let offset = caret_of(el);
            if let Some(Some(new)) =
                state.restructure("Tách đoạn", |r| r.split_paragraph(id, offset))
            {
                state.refresh_field(target);
                state.focus_later(TextTarget::Paragraph(new), Some(0));
            }
        }
        TextTarget::Heading(id) => {
            // Enter in a title goes to the section's first paragraph.
            let para = state
                .restructure("Thêm đoạn", |r| outline::paragraph_under(r, id))
                .and_then(Result::ok);
            if let Some(p) = para {
                state.focus_later(TextTarget::Paragraph(p), Some(0));
            }
        }
        TextTarget::Footnote(_) => {}
    }
}

fn backspace_at_start(state: AppState, target: TextTarget) {
    let TextTarget::Paragraph(id) = target else {
        return;
    };
    let empty = text_len(state, target) == 0;
    let previous = dom::body_fields()
        .iter()
        .position(|f| f.id() == dom::editor_id(target))
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| dom::body_fields().get(i).and_then(|e| dom::target_of(e)));
    if let Some(Some((prev, at))) =
        state.restructure("Nối đoạn", |r| r.merge_with_previous(id))
    {
        let prev = TextTarget::Paragraph(prev);
        state.refresh_field(prev);
        state.focus_later(prev, Some(at));
        return;
    }
    if empty {
        // Nothing to join with (a heading or a table above): drop the empty line.
        state.restructure("Xoá đoạn trống", |r| r.remove_block(id));
        if let Some(p) = previous {
            state.focus_later(p, None);
        }
    }
}

fn delete_at_end(state: AppState, id: baocao_model::BlockId, caret: usize) {
    let next = state
        .with_report(|r| {
            let (c, i) = r.body.locate_block(id)?;
            match r.body.blocks_of(c)?.get(i + 1)? {
                Block::Paragraph(p) => Some(p.id),
                Block::Table(_) => None,
            }
        })
        .flatten();
    if let Some(next) = next {
        if let Some(Some(_)) = state.restructure("Nối đoạn", |r| r.merge_with_previous(next)) {
            let target = TextTarget::Paragraph(id);
            state.refresh_field(target);
            state.focus_later(target, Some(caret));
        }
    }
}

/// Inserts a footnote at the last caret and moves to its text.
pub fn insert_footnote(state: AppState) {
    let Some(caret) = state.caret() else {
        state.say(
            Tone::Info,
            "Hãy đặt con trỏ vào chỗ cần chú thích trong một đoạn văn, rồi chọn «Chèn chú thích».",
        );
        return;
    };
    match state.restructure("Chèn chú thích", |r| r.insert_footnote(caret.target, caret.offset)) {
        Some(Some(n)) => {
            state.refresh_field(caret.target);
            state.focus_later(TextTarget::Footnote(n), Some(0));
        }
        _ => state.say(
            Tone::Info,
            "Chú thích chỉ chèn được vào đoạn văn hoặc tiêu đề mục, không chèn vào trong một chú thích khác.",
        ),
    }
}

/// A paste: the clipboard's HTML when it holds what the plain text loses
/// (footnotes, bold and italic, tables, as Word, LibreOffice and browsers
/// put them there), else its plain text. The HTML reader is in the document
/// worker (it is not needed to type): a paste with HTML goes in when the
/// worker answers, a few milliseconds later once it runs (it starts when the
/// page is idle, or here). If it cannot answer, the plain text goes in.
fn on_paste(state: AppState, target: TextTarget, el: &HtmlElement, ev: &ClipboardEvent) {
    let Some(data) = ev.clipboard_data() else {
        return;
    };
    let html = data.get_data("text/html").ok().filter(|h| !h.is_empty());
    let text = data.get_data("text/plain").ok();
    if html.is_none() && text.is_none() {
        return;
    }
    let t0 = dom::now();
    ev.prevent_default();
    if !dom::selection_collapsed() {
        // The selection is replaced: delete it first (an input event follows).
        dom::exec("delete", None);
    }
    let at = Caret {
        target,
        offset: caret_of(el),
    };
    let text = text.unwrap_or_default();
    let Some(html) = html else {
        paste_text(state, at, &text, true);
        dom::record_timing("paste", dom::now() - t0);
        return;
    };
    let request = js_sys::Object::new();
    documents::put(&request, "kind", "paste");
    documents::put(&request, "html", html);
    documents::put(
        &request,
        "intoNote",
        matches!(target, TextTarget::Footnote(_)),
    );
    documents::ask(request, js_sys::Array::new(), move |answer| {
        let read = answer.and_then(|a| read_paste_answer(&a));
        match read {
            Ok(ReadHtml::Line { inlines, notes }) => paste_inlines(state, at, inlines, notes),
            Ok(blocks @ ReadHtml::Blocks { .. }) => {
                let pasted = state
                    .restructure("Dán văn bản", |r| put_read_html(r, at, blocks))
                    .flatten();
                after_blocks(state, pasted);
            }
            Ok(ReadHtml::Plain) => paste_text(state, at, &text, false),
            Err(_) => {
                paste_text(state, at, &text, false);
                state.say(
                    Tone::Error,
                    "Không đọc được định dạng của nội dung dán (chữ đậm, chú thích, bảng) nên chỉ dán phần chữ. Hãy tải lại trang (F5) nếu cần dán kèm định dạng.",
                );
            }
        }
        dom::record_timing("paste", dom::now() - t0);
    });
}

/// Pastes plain text at the caret: one line into the text, more as blocks.
/// `in_place` while the paste event runs: a plain line then goes in through
/// the browser, so its undo works; later (after the worker answered) through
/// the report, at the caret the paste had.
fn paste_text(state: AppState, at: Caret, text: &str, in_place: bool) {
    if text.is_empty() {
        return;
    }
    let text = normalize(text);
    if let PasteKind::Line(line) = paste_kind(&text, at.target) {
        paste_inline(state, at, &line, in_place);
        return;
    }
    // Several lines are read by the text importer, in the document worker.
    let request = js_sys::Object::new();
    documents::put(&request, "kind", "paste");
    documents::put(&request, "text", text.as_str());
    documents::ask(request, js_sys::Array::new(), move |answer| {
        let read = answer.and_then(|a| read_paste_answer(&a));
        match read {
            Ok(read) => {
                let pasted = state
                    .restructure("Dán văn bản", |r| put_read_html(r, at, read))
                    .flatten();
                after_blocks(state, pasted);
            }
            // Nothing went in; the clipboard still holds the text.
            Err(e) => state.say(
                Tone::Error,
                format!("Chưa dán được đoạn văn bản nhiều dòng: {e} Nội dung bài chưa thay đổi; nội dung cần dán vẫn còn trong bộ nhớ tạm để dán lại."),
            ),
        }
    });
}

/// What the document worker read of a paste (HTML or lines of text).
fn read_paste_answer(answer: &wasm_bindgen::JsValue) -> Result<ReadHtml, String> {
    let json = documents::field(answer, "paste")
        .as_string()
        .unwrap_or_default();
    serde_json::from_str::<ReadHtml>(&json).map_err(|e| e.to_string())
}

/// Redraws after blocks went in and says what was read.
fn after_blocks(state: AppState, pasted: Option<Pasted>) {
    state.reload.update(|n| *n += 1);
    if let Some(p) = pasted {
        state.say(
            Tone::Info,
            format!(
                "Đã dán và đọc cấu trúc: {} đề mục, {} đoạn/bảng, {} chú thích.",
                p.headings, p.blocks, p.footnotes
            ),
        );
        if let Some(c) = p.caret {
            state.focus_later(c.target, Some(c.offset));
        }
    }
}

/// Pastes one line at the caret: bold, italic, m² and markers as the
/// importer reads them; plain text `in_place` through the browser, so its
/// undo works.
fn paste_inline(state: AppState, at: Caret, line: &str, in_place: bool) {
    let Caret { target, offset } = at;
    let inlines = line_inlines(line);
    let plain = inlines
        .iter()
        .all(|i| matches!(i, Inline::Text(r) if r.style == Default::default()));
    if plain && in_place {
        dom::exec("insertText", Some(line));
        return;
    }
    let inserted_len = edit_text(&inlines).len();
    state.restructure("Dán", |r| paste_line(r, Caret { target, offset }, inlines));
    state.refresh_field(target);
    state.focus_later(target, Some(offset + inserted_len));
}

/// Pastes one paragraph read from HTML at the caret, with the footnotes
/// its markers bring: they take their numbers in reading order, so every
/// field redraws.
fn paste_inlines(state: AppState, at: Caret, inlines: Vec<Inline>, notes: Vec<Vec<Inline>>) {
    let Caret { target, offset } = at;
    let inserted_len = edit_text(&inlines).len();
    let count = notes.len();
    state.restructure("Dán", |r| paste_line_with_notes(r, at, inlines, notes));
    if count == 0 {
        state.refresh_field(target);
    } else {
        state.reload.update(|n| *n += 1);
        state.say(Tone::Info, format!("Đã dán cùng {count} chú thích."));
    }
    state.focus_later(target, Some(offset + inserted_len));
}
