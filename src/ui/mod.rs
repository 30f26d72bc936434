//! The web page (wasm32 only): Leptos components over the library. They hold
//! no parsing, checking or formatting of their own; they call the core crates
//! (`baocao-import`, `-checks`, `-docx`, `-drafts`, `-session`).

mod app;
mod body;
mod documents;
mod dom;
mod download;
mod draft_list;
mod editor;
mod figure_walk;
mod findings;
mod header_form;
mod pages;
mod presend;
mod preview;
mod reference;
mod rich_text;
mod state;
mod templates;

pub use app::App;

/// Starts the page: mounts the app on <body>.
pub fn mount() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(App);
    // The .docx writer and reader load once the page is idle, so the first
    // download does not wait for them.
    leptos::prelude::set_timeout(documents::start, std::time::Duration::from_secs(3));
}
