//! The body as its structure: parts, items and sub-items whose numbers follow
//! from their place, the paragraphs and detail tables under them, and the
//! footnotes. Lists are keyed by block id, so a structural change redraws
//! only what came or went; typing redraws nothing.

use super::dom;
use super::rich_text::RichText;
use super::state::{AppState, Tone};
use baocao_model::Container;
use baocao_model::{
    Block, BlockId, FigurePlace, FootnoteId, Inline, Level, Report, Section, TextTarget,
};
use baocao_session::edit::TableChange;
use baocao_session::html::moved_title;
use baocao_session::outline;
use baocao_session::table::{self, CellShape, CellStep};
use baocao_session::ReportEdit;
use leptos::prelude::*;

/// The editable body with its footnotes.
#[component]
pub fn DocEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    let parts = move || {
        state.structure.track();
        state
            .with_report(|r| r.body.sections.iter().map(|s| s.id).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let add_part = move |_| {
        let new = state.restructure("Thêm phần", outline::add_part);
        if let Some(Ok(id)) = new {
            state.focus_later(TextTarget::Heading(id), Some(0));
        }
    };
    let appendices = move || {
        state.structure.track();
        state
            .with_report(|r| r.body.appendices.iter().map(|a| a.id).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let add_appendix = move |_| {
        let new = state.restructure("Thêm phụ lục", outline::add_appendix);
        if let Some(id) = new {
            let first = state
                .with_report(|r| {
                    r.body
                        .appendix(id)
                        .and_then(|a| a.blocks.first())
                        .map(|b| b.id())
                })
                .flatten();
            if let Some(p) = first {
                state.focus_later(TextTarget::Paragraph(p), Some(0));
            }
        }
    };
    view! {
        <div class="doc-editor" role="region" aria-label="Nội dung báo cáo">
            <BlockList container=Container::Intro />
            <For each=parts key=|id| *id children=|id| view! { <SectionView id=id /> } />
            <div class="add-row">
                <button type="button" class="quiet" on:click=add_part>"+ Thêm phần (I, II, …)"</button>
            </div>
            <For each=appendices key=|id| *id children=|id| view! { <AppendixView id=id /> } />
            <div class="add-row">
                <button type="button" class="quiet" on:click=add_appendix>"+ Thêm phụ lục (in sau chữ ký)"</button>
            </div>
            <FootnotesEditor />
        </div>
    }
}

/// The blocks of the intro or of a section.
#[component]
fn BlockList(container: Container) -> impl IntoView {
    let state = expect_context::<AppState>();
    let items = move || {
        state.structure.track();
        state
            .with_report(|r| {
                r.body
                    .blocks_of(container)
                    .map(|bs| {
                        bs.iter()
                            .map(|b| (b.id(), matches!(b, Block::Table(_))))
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
            .unwrap_or_default()
    };
    view! {
        <For
            each=items
            key=|(id, _)| *id
            children=move |(id, table)| {
                if table {
                    view! { <TableEditor id=id /> }.into_any()
                } else {
                    view! { <ParagraphView id=id /> }.into_any()
                }
            }
        />
    }
}

fn level_class(level: Level) -> &'static str {
    match level {
        Level::Part => "sec sec-part",
        Level::Item => "sec sec-item",
        Level::SubItem => "sec sec-subitem",
        Level::Point => "sec sec-point",
    }
}

/// About how tall a section is on screen, in rem, before the browser has
/// laid it out. Sections off screen are not laid out (`content-visibility`)
/// and take this height until they are, so the scrollbar of a long report is
/// about right from the start. Measured on seed 001 at 1366 px wide: a line
/// of body text is 1.6 rem and holds about 76 characters, a paragraph adds
/// 1.05 rem, a heading row 2.3 rem.
fn estimated_rem(section: &Section) -> f32 {
    let lines = |chars: usize| chars.div_ceil(76).max(1) as f32;
    let blocks: f32 = section
        .blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) => 1.05 + 1.6 * lines(chars(&p.inlines)),
            Block::Table(t) => 6.0 + 2.2 * (t.rows.len() + 1) as f32,
        })
        .sum();
    let children: f32 = section.children.iter().map(estimated_rem).sum();
    2.3 + blocks + children
}

/// How many characters a field shows (a footnote marker: one or two).
fn chars(inlines: &[Inline]) -> usize {
    inlines
        .iter()
        .map(|i| match i {
            Inline::Text(run) => run.text.chars().count(),
            Inline::Note(_) => 2,
        })
        .sum()
}

/// About how tall the footnotes' list is, in rem, before it is laid out (as
/// [`estimated_rem`]): a footnote's line holds about 66 characters.
fn estimated_notes_rem(report: &Report) -> f32 {
    let notes: f32 = report
        .footnotes
        .iter()
        .map(|n| 0.45 + 1.38 * chars(&n.content).div_ceil(66).max(1) as f32)
        .sum();
    6.0 + notes
}

/// The style that gives an element skipped off screen its estimated height
/// (the height it had once laid out wins: `auto`).
fn intrinsic_size(rem: f32) -> String {
    // Whole rem: formatting a float would bring 12 KB of code to the page.
    format!("contain-intrinsic-size: auto {}rem", rem as u32)
}

/// A section: its numbered title, its blocks and its sub-sections.
#[component]
fn SectionView(id: BlockId) -> AnyView {
    let state = expect_context::<AppState>();
    let height = move || {
        state.structure.track();
        let rem = state
            .with_report(|r| r.body.section(id).map(estimated_rem))
            .flatten()
            .unwrap_or(3.0);
        intrinsic_size(rem)
    };
    let info = Memo::new(move |_| {
        state.structure.track();
        state
            .with_report(|r| {
                r.body
                    .section(id)
                    .map(|s| (s.heading.label(), s.heading.level))
            })
            .flatten()
            .unwrap_or((String::new(), Level::Item))
    });
    let children = move || {
        state.structure.track();
        state
            .with_report(|r| {
                r.body
                    .section(id)
                    .map(|s| s.children.iter().map(|c| c.id).collect::<Vec<_>>())
                    .unwrap_or_default()
            })
            .unwrap_or_default()
    };
    let label = Signal::derive(move || {
        let (number, level) = info.get();
        format!("Tiêu đề {} {}", level.name_vi(), number)
    });
    let heading = TextTarget::Heading(id);
    let outline = move |label: &'static str, up: bool| {
        let result = state.restructure(label, |r| {
            if up {
                r.body.outdent_section(id)
            } else {
                r.body.indent_section(id)
            }
        });
        if let Some(Err(e)) = result {
            state.say(Tone::Error, e.to_string());
        }
        state.focus_later(heading, None);
    };
    let shift = move |label: &'static str, up: bool| {
        state.restructure(label, |r| r.body.move_section(id, up));
        state.focus_later(heading, None);
    };
    let remove = move |_| {
        let name = info.get_untracked().0;
        state.restructure(&format!("Xoá mục {name}"), |r| r.remove_section(id));
        state.say(
            Tone::Info,
            format!("Đã xoá mục {name} cùng nội dung của nó. Bấm «Hoàn tác» trên thanh công cụ nếu xoá nhầm."),
        );
    };
    let add_paragraph = move |_| {
        let new = state.restructure("Thêm đoạn", |r| outline::add_paragraph(r, id));
        if let Some(Ok(p)) = new {
            state.focus_later(TextTarget::Paragraph(p), Some(0));
        }
    };
    let add_table = move |_| {
        let _ = state.restructure("Thêm bảng", |r| outline::add_table(r, id));
    };
    let add_child = move |_| {
        let new = state.restructure("Thêm mục con", |r| outline::add_subsection(r, id));
        match new {
            Some(Ok(sid)) => state.focus_later(TextTarget::Heading(sid), Some(0)),
            Some(Err(e)) => state.say(Tone::Error, e.to_string()),
            None => {}
        }
    };
    let add_sibling = move |_| {
        let new = state.restructure("Thêm mục", |r| outline::add_section_after(r, id));
        if let Some(Ok(sid)) = new {
            state.focus_later(TextTarget::Heading(sid), Some(0));
        }
    };
    let menu = NodeRef::<leptos::html::Details>::new();
    let close_menu = move || {
        if let Some(m) = menu.get_untracked() {
            m.set_open(false);
        }
    };
    view! {
        <section class=move || level_class(info.get().1) id=dom::block_dom_id(id)
            style=height>
            <div class="heading-row">
                <span class="num" aria-hidden="true">{move || info.get().0}</span>
                <RichText target=heading label=label placeholder="Tiêu đề mục" />
                <div class="tools" role="group" aria-label=move || format!("Thao tác với mục {}", info.get().0)>
                    <button type="button" class="icon" title="Lên trên" aria-label="Chuyển mục lên trên"
                        on:click=move |_| shift("Chuyển mục lên", true)>"↑"</button>
                    <button type="button" class="icon" title="Xuống dưới" aria-label="Chuyển mục xuống dưới"
                        on:click=move |_| shift("Chuyển mục xuống", false)>"↓"</button>
                    <button type="button" class="icon" title="Nâng cấp mục (Alt+Shift+←)" aria-label="Nâng cấp mục" aria-keyshortcuts="Alt+Shift+ArrowLeft"
                        on:click=move |_| outline("Nâng cấp mục", true)>"⇤"</button>
                    <button type="button" class="icon" title="Hạ cấp mục (Alt+Shift+→)" aria-label="Hạ cấp mục" aria-keyshortcuts="Alt+Shift+ArrowRight"
                        on:click=move |_| outline("Hạ cấp mục", false)>"⇥"</button>
                    <details class="add-menu" node_ref=menu
                        on:focusout=move |ev: web_sys::FocusEvent| {
                            // Closes when the keyboard or the mouse leaves it.
                            let Some(m) = menu.get_untracked() else { return };
                            let inside = ev
                                .related_target()
                                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Node>(t).ok())
                                .is_some_and(|n| m.contains(Some(&n)));
                            if !inside {
                                m.set_open(false);
                            }
                        }
                        on:keydown=move |ev: web_sys::KeyboardEvent| {
                            if ev.key() == "Escape" {
                                if let Some(m) = menu.get_untracked() {
                                    m.set_open(false);
                                    if let Some(summary) = m.first_element_child() {
                                        if let Ok(summary) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(summary) {
                                            let _ = summary.focus();
                                        }
                                    }
                                }
                            }
                        }>
                        <summary title="Thêm vào mục này" aria-label=move || format!("Thêm vào mục {}", info.get().0)>"+"</summary>
                        <div class="menu" role="group" aria-label="Thêm">
                            <button type="button" on:click=move |ev| { close_menu(); add_paragraph(ev) }>"Đoạn văn cuối mục"</button>
                            <button type="button" on:click=move |ev| { close_menu(); add_table(ev) }>"Bảng chi tiết cuối mục"</button>
                            <button type="button" on:click=move |ev| { close_menu(); add_child(ev) }>"Mục con"</button>
                            <button type="button" on:click=move |ev| { close_menu(); add_sibling(ev) }>"Mục ngang cấp ngay sau"</button>
                        </div>
                    </details>
                    <button type="button" class="icon danger" title="Xoá mục" aria-label="Xoá mục cùng nội dung"
                        on:click=remove>"✕"</button>
                </div>
            </div>
            <BlockList container=Container::Section(id) />
            <For each=children key=|id| *id children=|id| view! { <SectionView id=id /> } />
        </section>
    }
    .into_any()
}

/// An appendix after the signature: its label, title and "(Kèm theo …)"
/// line, then its paragraphs and tables, edited as the body's are.
#[component]
fn AppendixView(id: BlockId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let field = move |get: fn(&baocao_model::Appendix) -> String| {
        move || {
            state.reload.track();
            state
                .with_report(|r| r.body.appendix(id).map(get))
                .flatten()
                .unwrap_or_default()
        }
    };
    let set = move |change: fn(&mut baocao_model::Appendix, String)| {
        move |ev| {
            let v = event_target_value(&ev);
            state.edit(|r| {
                if let Some(a) = r.body.appendix_mut(id) {
                    change(a, v);
                }
            });
        }
    };
    let name = move || {
        state.structure.track();
        state
            .with_report(|r| r.body.appendix(id).map(|a| a.name()))
            .flatten()
            .unwrap_or_default()
    };
    let add = move |table: bool| {
        let label = if table {
            "Thêm bảng vào phụ lục"
        } else {
            "Thêm đoạn vào phụ lục"
        };
        let new = state.restructure(label, |r| outline::add_to_appendix(r, id, table));
        if let (Some(Ok(p)), false) = (new, table) {
            state.focus_later(TextTarget::Paragraph(p), Some(0));
        }
    };
    let remove = move |_| {
        let n = name();
        state.restructure(&format!("Xoá {n}"), |r| outline::remove_appendix(r, id));
        state.say(
            Tone::Info,
            format!(
                "Đã xoá {n} cùng nội dung của nó. Bấm «Hoàn tác» trên thanh công cụ nếu xoá nhầm."
            ),
        );
    };
    let label_id = format!("appendix-{}-label", id.0);
    let title_id = format!("appendix-{}-title", id.0);
    let ref_id = format!("appendix-{}-ref", id.0);
    view! {
        <section class="appendix-edit" id=dom::block_dom_id(id) aria-label=name>
            <div class="appendix-fields">
                <div class="field field-small">
                    <label for=label_id.clone()>"Số phụ lục"</label>
                    <input id=label_id type="text" placeholder="Phụ lục I"
                        prop:value=field(|a| a.label.clone()) on:input=set(|a, v| a.label = v) />
                </div>
                <div class="field">
                    <label for=title_id.clone()>"Tên phụ lục (chữ in hoa)"</label>
                    <textarea id=title_id rows="2" placeholder="KẾT QUẢ …"
                        prop:value=field(|a| a.title.clone()) on:input=set(|a, v| a.title = v)></textarea>
                </div>
                <div class="field">
                    <label for=ref_id.clone()>"Dòng «Kèm theo»"</label>
                    <input id=ref_id type="text" placeholder="(Kèm theo Báo cáo số      /BC-UBND ngày … của …)"
                        prop:value=field(|a| a.reference.clone()) on:input=set(|a, v| a.reference = v) />
                </div>
                <button type="button" class="icon danger" title="Xoá phụ lục"
                    aria-label=move || format!("Xoá {} cùng nội dung", name()) on:click=remove>"✕"</button>
            </div>
            <BlockList container=Container::Appendix(id) />
            <div class="add-row">
                <button type="button" class="quiet" on:click=move |_| add(false)>"+ Đoạn văn"</button>
                <button type="button" class="quiet" on:click=move |_| add(true)>"+ Bảng chi tiết"</button>
            </div>
        </section>
    }
}

/// A paragraph.
#[component]
fn ParagraphView(id: BlockId) -> impl IntoView {
    view! {
        <div class="block para" id=dom::block_dom_id(id)>
            <RichText target=TextTarget::Paragraph(id) label="Đoạn văn" placeholder="Gõ hoặc dán nội dung…" />
        </div>
    }
}

/// A detail table: title, unit, cells; rows and columns added and removed.
#[component]
fn TableEditor(id: BlockId) -> impl IntoView {
    let state = expect_context::<AppState>();
    let change = move |label: &'static str, c: TableChange| {
        state.restructure(label, |r| r.change_table(id, c));
    };
    let remove = move |_| {
        state.restructure("Xoá bảng", |r| r.remove_block(id));
    };
    let grid = move || {
        state.structure.track();
        state.reload.track();
        let Some((table, stale, moved)) = state
            .with_report(|r| match r.body.block(id) {
                Some(Block::Table(t)) => {
                    let stale: Vec<(u32, u32)> = r
                        .stale
                        .iter()
                        .filter_map(|s| match s.place {
                            FigurePlace::Cell { table, row, col } if table == id => {
                                Some((row, col))
                            }
                            _ => None,
                        })
                        .collect();
                    // The moved mention of the period in a cell, as its tooltip.
                    let moved: Vec<((u32, u32), String)> = r
                        .moved
                        .iter()
                        .filter_map(|m| match m.place {
                            FigurePlace::Cell { table, row, col } if table == id => {
                                Some(((row, col), moved_title(m)))
                            }
                            _ => None,
                        })
                        .collect();
                    Some((t.clone(), stale, moved))
                }
                _ => None,
            })
            .flatten()
        else {
            return ().into_any();
        };
        let width = table::width(&table).max(1);
        let header_rows = table::header_rows(&table);
        let rows: Vec<Vec<String>> = std::iter::once(table.columns.clone())
            .chain(table.rows.iter().cloned())
            .collect();
        let title_input = {
            let title = table.title.clone();
            view! {
                <label class="field">
                    <span>"Tên bảng"</span>
                    <input type="text" prop:value=title
                        on:input=move |ev| { let v = event_target_value(&ev); state.edit(|r| if let Some(Block::Table(t)) = r.body.block_mut(id) { t.title = v; }); } />
                </label>
            }
        };
        let unit_input = {
            let unit = table.unit.clone();
            view! {
                <label class="field field-unit">
                    <span>"Đơn vị tính"</span>
                    <input type="text" prop:value=unit placeholder="ĐVT: triệu đồng"
                        on:input=move |ev| { let v = event_target_value(&ev); state.edit(|r| if let Some(Block::Table(t)) = r.body.block_mut(id) { t.unit = v; }); } />
                </label>
            }
        };
        // The columns as wide as the .docx had them, else by their content;
        // the last few percent are the row tools'.
        let columns = table::column_shares(&table)
            .into_iter()
            .map(|share| view! { <col style=format!("width: {}%", dom::fixed(f64::from(share) * 0.94, 1)) /> })
            .collect_view();
        let shapes: Vec<Vec<CellShape>> = (0..rows.len())
            .map(|r| (0..width).map(|c| table::shape(&table, r, c)).collect())
            .collect();
        let body = rows
            .into_iter()
            .enumerate()
            .map(|(r, row)| {
                let cells = (0..width)
                    .filter_map(|c| match shapes[r][c] {
                        CellShape::Drawn { cols, rows } => Some((c, cols, rows)),
                        CellShape::Covered => None,
                    })
                    .map(|(c, cols, rows)| {
                        let value = row.get(c).cloned().unwrap_or_default();
                        let is_stale = stale.contains(&(r as u32, c as u32));
                        let moved_note = moved
                            .iter()
                            .find(|(at, _)| *at == (r as u32, c as u32))
                            .map(|(_, note)| note.clone());
                        let is_moved = moved_note.is_some();
                        let label = if r == 0 {
                            format!("Tiêu đề cột {}", c + 1)
                        } else if r < header_rows {
                            format!("Tiêu đề dòng {}, cột {}", r + 1, c + 1)
                        } else {
                            format!("Dòng {}, cột {}", r + 1 - header_rows, c + 1)
                        };
                        let shown = value.clone();
                        let cell = view! {
                            <div class="cell-wrap" data-value=shown>
                                <textarea class="cell" class:stale=is_stale class:moved=is_moved title=moved_note rows="1" prop:value=value aria-label=label
                                    id=cell_dom_id(id, r, c)
                                    on:input=move |ev| {
                                        let v = event_target_value(&ev);
                                        let el: web_sys::HtmlElement = event_target(&ev);
                                        if let Some(wrap) = el.parent_element() {
                                            // The cell grows with its text (style/main.css).
                                            let _ = wrap.set_attribute("data-value", &v);
                                        }
                                        let still = state.cell_input(id, r, c, v);
                                        let _ = el.class_list().toggle_with_force("stale", still);
                                        if el.class_list().contains("moved") {
                                            let place = FigurePlace::Cell { table: id, row: r as u32, col: c as u32 };
                                            if state.moved_note(place).is_none() {
                                                let _ = el.class_list().remove_1("moved");
                                                let _ = el.remove_attribute("title");
                                            }
                                        }
                                    }
                                    on:change=move |_| resize_columns(state, id)
                                    on:keydown=move |ev: web_sys::KeyboardEvent| cell_key(state, id, r, c, &ev)></textarea>
                            </div>
                        };
                        let colspan = (cols > 1).then(|| cols.to_string());
                        let rowspan = (rows > 1).then(|| rows.to_string());
                        if r < header_rows {
                            view! { <th scope="col" colspan=colspan rowspan=rowspan>{cell}</th> }.into_any()
                        } else {
                            view! { <td colspan=colspan rowspan=rowspan>{cell}</td> }.into_any()
                        }
                    })
                    .collect_view();
                let row_tool = if r == 0 {
                    view! { <th class="row-tool"><span class="visually-hidden">"Thao tác dòng"</span></th> }.into_any()
                } else {
                    view! {
                        <td class="row-tool">
                            <button type="button" class="icon danger" aria-label=if r < header_rows { format!("Xoá dòng tiêu đề {}", r + 1) } else { format!("Xoá dòng {}", r + 1 - header_rows) } title="Xoá dòng"
                                on:click=move |_| change("Xoá dòng", TableChange::RemoveRow(r - 1))>"✕"</button>
                        </td>
                    }
                    .into_any()
                };
                view! { <tr>{cells}{row_tool}</tr> }
            })
            .collect_view();
        let column_tools = (0..width)
            .map(|c| {
                view! {
                    <td>
                        <button type="button" class="icon danger" aria-label=format!("Xoá cột {}", c + 1) title="Xoá cột"
                            on:click=move |_| change("Xoá cột", TableChange::RemoveColumn(c))>"✕"</button>
                    </td>
                }
            })
            .collect_view();
        let rows_now = table.rows.len();
        view! {
            <div class="table-meta">{title_input}{unit_input}</div>
            <div class="table-scroll">
                <table class="edit-table" style=format!("min-width: {}rem", 4 + 5 * width)>
                    <colgroup>{columns}<col /></colgroup>
                    <tbody>{body}<tr class="col-tools">{column_tools}<td></td></tr></tbody>
                </table>
            </div>
            <p class="hint table-hint">
                <kbd>"Tab"</kbd>" sang ô sau (ở ô cuối: thêm dòng), "<kbd>"Enter"</kbd>" xuống dòng trong ô, "<kbd>"Esc"</kbd>" rời bảng."
            </p>
            <div class="table-actions" role="group" aria-label="Thao tác với bảng">
                <button type="button" class="quiet" id=format!("tbl-add-row-{}", id.0) on:click=move |_| change("Thêm dòng", TableChange::InsertRow(rows_now))>"+ Dòng"</button>
                <button type="button" class="quiet" on:click=move |_| change("Thêm cột", TableChange::InsertColumn(width))>"+ Cột"</button>
                <button type="button" class="quiet danger" on:click=remove>"Xoá bảng"</button>
            </div>
        }
        .into_any()
    };
    view! {
        <div class="block table-block" id=dom::block_dom_id(id) role="group" aria-label="Bảng chi tiết">
            {grid}
        </div>
    }
}

/// Columns sized by content follow what was typed, once the official leaves
/// the cell (not at each key, so the column does not move while typing).
fn resize_columns(state: AppState, id: BlockId) {
    let Some(shares) = state
        .with_report(|r| match r.body.block(id) {
            Some(Block::Table(t)) => Some(table::column_shares(t)),
            _ => None,
        })
        .flatten()
    else {
        return;
    };
    let Ok(cols) =
        document().query_selector_all(&format!("#{} colgroup col", dom::block_dom_id(id)))
    else {
        return;
    };
    for (i, share) in shares.into_iter().enumerate() {
        if let Some(col) = cols.item(i as u32) {
            if let Ok(col) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(col) {
                let _ = col.style().set_property(
                    "width",
                    &format!("{}%", dom::fixed(f64::from(share) * 0.94, 1)),
                );
            }
        }
    }
}

/// The id of a cell's text area (rows counted with the header row as 0).
fn cell_dom_id(table: BlockId, row: usize, col: usize) -> String {
    format!("c-{}-{row}-{col}", table.0)
}

/// Tab and Shift+Tab from cell to cell as in Word (a new row after the
/// last cell), Esc out of the table; Enter is left to the text area (a line
/// break in the cell).
fn cell_key(state: AppState, id: BlockId, row: usize, col: usize, ev: &web_sys::KeyboardEvent) {
    let add_row_button = format!("tbl-add-row-{}", id.0);
    match ev.key().as_str() {
        "Escape" => {
            ev.prevent_default();
            dom::focus_element(&add_row_button);
        }
        "Tab" if !(ev.ctrl_key() || ev.alt_key() || ev.meta_key()) => {
            let back = ev.shift_key();
            let step = state
                .with_report(|r| match r.body.block(id) {
                    Some(Block::Table(t)) => Some(table::tab_from(t, row, col, back)),
                    _ => None,
                })
                .flatten();
            match step {
                Some(CellStep::To { row, col }) => {
                    ev.prevent_default();
                    dom::focus_element(&cell_dom_id(id, row, col));
                }
                Some(CellStep::NewRow) => {
                    ev.prevent_default();
                    if let Some(Some(new)) =
                        state.restructure("Thêm dòng", |r| outline::append_row(r, id))
                    {
                        dom::focus_element_later(cell_dom_id(id, new, 0));
                    }
                }
                // Forward out of the table: to its own buttons, not the
                // row's "Xoá dòng".
                Some(CellStep::Leave) if !back => {
                    ev.prevent_default();
                    dom::focus_element(&add_row_button);
                }
                _ => {}
            }
        }
        _ => {}
    }
}

/// The footnotes, numbered by the order of their markers.
#[component]
fn FootnotesEditor() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Keyed by number and by the renumbering that drew them: after a
    // renumbering every field is drawn anew, so none keeps another note's text.
    let notes = move || {
        let generation = (state.notes.get(), state.reload.get());
        state
            .with_report(|r| {
                let order = r.footnote_order();
                r.footnotes
                    .iter()
                    .enumerate()
                    .map(|(i, f)| (i, f.id, order.contains(&f.id), generation))
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default()
    };
    let item = move |(_, n, referenced, _): (usize, FootnoteId, bool, (u64, u64))| {
        let go = move |_| {
            let first = state
                .with_report(|r| r.note_targets(n).first().copied())
                .flatten();
            if let Some(t) = first {
                let block = match t {
                    TextTarget::Paragraph(b) | TextTarget::Heading(b) => b,
                    TextTarget::Footnote(_) => BlockId(0),
                };
                dom::reveal(&dom::block_dom_id(block));
            }
        };
        let delete = move |_| {
            state.restructure(&format!("Xoá chú thích {}", n.0), |r| {
                r.delete_footnote(n)
            });
        };
        view! {
            <li class="fn-item" id=format!("fn-{}", n.0)>
                <span class="fn-num" aria-hidden="true">{n.0}</span>
                <RichText target=TextTarget::Footnote(n) label=format!("Nội dung chú thích {}", n.0) placeholder="Nội dung chú thích" />
                <div class="tools">
                    {(!referenced).then(|| view! { <span class="fn-orphan">"không có chỗ dẫn chiếu"</span> })}
                    <button type="button" class="quiet" on:click=go aria-label=format!("Đến chỗ dẫn chiếu chú thích {}", n.0)>"Đến chỗ dẫn chiếu"</button>
                    <button type="button" class="icon danger" on:click=delete aria-label=format!("Xoá chú thích {}", n.0) title="Xoá chú thích">"✕"</button>
                </div>
            </li>
        }
    };
    let count = move || {
        state.notes.track();
        state.with_report(|r| r.footnotes.len()).unwrap_or(0)
    };
    let height = move || {
        state.notes.track();
        intrinsic_size(state.with_report(estimated_notes_rem).unwrap_or(6.0))
    };
    view! {
        <section class="footnotes-editor" aria-labelledby="fn-title" data-testid="footnotes"
            style=height>
            <h3 id="fn-title">"Chú thích (" {count} ")"</h3>
            <p class="hint">"Chèn chú thích tại con trỏ bằng nút «Chú thích» trên thanh công cụ hoặc Ctrl+Alt+F; số thứ tự tự theo thứ tự xuất hiện."</p>
            <ol class="fn-list">
                <For each=notes key=|(i, n, _, generation)| (*i, *n, *generation) children=item />
            </ol>
        </section>
    }
}
