//! baocao: write a Vietnamese People's Committee's monthly report in its real
//! structure, see every problem with its figures, and get the .docx in the
//! official format of Nghị định 30/2020/NĐ-CP.
//!
//! The core here has no browser dependency and is tested natively; the web
//! page (`ui`, wasm32 only) and the command-line tool are thin layers over it.
//! Data flows one way: text or draft → [`report::Report`] → checks / docx / preview.

pub mod checks;
pub mod cli;
pub mod docx;
pub mod drafts;
pub mod import;
pub mod input;
pub mod report;

#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The seeds: two real monthly reports of TP. Lạng Sơn, for the unit tests.
#[cfg(test)]
pub(crate) mod seeds {
    /// Report of 11/2021 (markdown conversion, with its artifacts).
    pub const NOV_2021: &str = include_str!("../tests/seeds/000_28b43714a13a73f1.txt");
    /// Report of 3/2025 (text extraction, with its artifacts).
    pub const MAR_2025: &str = include_str!("../tests/seeds/001_1a00eb9240ccd3d2.txt");
}
