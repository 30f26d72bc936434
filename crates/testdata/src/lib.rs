//! The seeds: two real monthly reports of TP. Lạng Sơn, as text with their
//! conversion artifacts, shared by the tests of every crate.

/// Report of 11/2021 (markdown conversion, with its artifacts).
pub const NOV_2021: &str = include_str!("../../../tests/seeds/000_28b43714a13a73f1.txt");
/// Report of 3/2025 (text extraction, with its artifacts).
pub const MAR_2025: &str = include_str!("../../../tests/seeds/001_1a00eb9240ccd3d2.txt");
/// The folder of the seed files, for tests that read them as files.
pub const SEEDS_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/seeds");
/// The folder of the real .docx samples and the hand-made hard files.
pub const SAMPLES_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/samples");
