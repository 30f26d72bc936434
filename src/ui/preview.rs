//! The A4 preview: the report laid out as the .docx is, drawn from the
//! model when the official looks at it, and the same page for printing.

use super::pages::{paginate_sheet, Landscape};
use super::state::{AppState, View};
use baocao_docx::table_is_landscape;
use baocao_model::Density;
use baocao_model::{Block, Report, Visit};
use baocao_session::html::report_html;
use leptos::ev;
use leptos::html::Div;
use leptos::prelude::*;

/// The width of an A4 page in CSS pixels (210 mm at 96 px per inch), and
/// of a landscape one.
const A4_WIDTH_PX: f64 = 210.0 / 25.4 * 96.0;
const A4_LANDSCAPE_WIDTH_PX: f64 = 297.0 / 25.4 * 96.0;

/// What the .docx lays on landscape pages.
fn landscape_blocks(report: &Report) -> Landscape {
    let mut out = Landscape::default();
    report.body.visit(&mut |v| {
        if let Visit::Block(_, Block::Table(t)) = v {
            if table_is_landscape(t) {
                out.tables.push(t.id);
            }
        }
    });
    for a in &report.body.appendices {
        let wide = a
            .blocks
            .iter()
            .any(|b| matches!(b, Block::Table(t) if out.tables.contains(&t.id)));
        if wide {
            out.appendices.push(a.id);
        }
    }
    out
}

/// Shrinks the pages to the column's width (never enlarges them), so a
/// whole page is seen at once on a small screen or at 200% zoom.
fn fit(sheet: NodeRef<Div>) {
    let Some(wrap) = sheet.get_untracked() else {
        return;
    };
    let available = f64::from(wrap.client_width());
    if available <= 0.0 {
        return;
    }
    let pages = wrap.children();
    for page in (0..pages.length()).filter_map(|i| pages.item(i)) {
        let width = if page.class_list().contains("landscape") {
            A4_LANDSCAPE_WIDTH_PX
        } else {
            A4_WIDTH_PX
        };
        let zoom = (available / width).min(1.0);
        let _ = page.set_attribute("style", &format!("zoom: {}", super::dom::fixed(zoom, 3)));
    }
}

/// The preview page, redrawn shortly after each change while it is shown.
#[component]
pub fn Preview() -> impl IntoView {
    let state = expect_context::<AppState>();
    let sheet = NodeRef::<Div>::new();
    let html = Memo::new(move |_| {
        if state.view.get() != View::Preview {
            return String::new();
        }
        state.settled.track();
        state.with_report(report_html).unwrap_or_default()
    });
    Effect::new(move |_| {
        html.track();
        // `data-pages` says the sheet is cut into pages (the tests wait on it).
        if let Some(wrap) = sheet.get_untracked() {
            let _ = wrap.remove_attribute("data-pages");
        }
        request_animation_frame(move || {
            // Cut into pages at the page's natural size, then fit the width.
            if let Some(wrap) = sheet.get_untracked() {
                let landscape = state.with_report(landscape_blocks).unwrap_or_default();
                paginate_sheet(&wrap, &landscape);
            }
            fit(sheet);
        });
    });
    let resize = window_event_listener(ev::resize, move |_| fit(sheet));
    on_cleanup(move || resize.remove());
    // The density of the body, stored with the report; the .docx and this
    // page follow it.
    let density = move || {
        state.settled.track();
        state.with_report(|r| r.density).unwrap_or_default()
    };
    let choose = move |ev: ev::Event| {
        let value = event_target_value(&ev);
        if let Some(d) = Density::ALL.into_iter().find(|d| format!("{d:?}") == value) {
            state.edit(|r| r.density = d);
        }
    };
    view! {
        <div class="preview-wrap" role="region" aria-label="Xem trước bản in khổ A4" data-testid="preview">
            <p class="hint preview-hint">
                "Trang A4 theo Nghị định 30/2020/NĐ-CP: lề trên, dưới 20 mm, trái 30 mm, phải 20 mm; Times New Roman 14. Trang chia như bản .docx: chú thích ở cuối trang có số chú thích, số trang từ trang 2. Bản in của trình duyệt (Ctrl+P) dùng cùng bố cục."
            </p>
            <label class="hint preview-hint">
                "Giãn dòng: "
                <select data-testid="density" on:change=choose>
                    {Density::ALL
                        .into_iter()
                        .map(|d| {
                            let value = format!("{d:?}");
                            view! {
                                <option value=value selected=move || density() == d>
                                    {d.label()}
                                </option>
                            }
                        })
                        .collect_view()}
                </select>
            </label>
            <div class="preview-sheet" node_ref=sheet inner_html=move || html.get()></div>
        </div>
    }
}

/// Fills the print copy of the report (called before the browser prints).
pub fn fill_print_root(state: AppState) {
    let Some(root) = document().get_element_by_id("print-root") else {
        return;
    };
    let html = state.with_report(report_html).unwrap_or_default();
    root.set_inner_html(&html);
}
