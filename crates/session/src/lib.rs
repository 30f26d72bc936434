//! What an official does to a report, as plain Rust tested natively: the
//! edits that keep a report's invariants ([`edit::ReportEdit`], [`typing`],
//! [`paste`], [`outline`]), the undo history of structural changes
//! ([`history`]), next month's report from this month's ([`carry`]) and the
//! mentions of the period it moved on, listed ([`moved`]), the
//! templates and the unit profile they fill in ([`template`], [`profile`]), opening a file of any kind the page or the CLI
//! is given ([`input`]), the HTML preview ([`html`]) and its pages ([`pages`]). The page (`src/ui`)
//! only wires these to signals and the DOM.

pub mod carry;
pub mod edit;
pub mod fix;
pub mod history;
pub mod html;
pub mod input;
pub mod keys;
pub mod moved;
pub mod outline;
pub mod pages;
pub mod paste;
pub mod profile;
pub mod table;
pub mod template;
pub mod typing;

pub use carry::StaleMarks;
pub use edit::{Caret, Pasted, ReportEdit, TableChange};
pub use history::{Applied, History};
pub use keys::{heading_command, history_command, KeyCommand, KeyPress};
