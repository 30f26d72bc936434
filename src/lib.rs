//! baocao's web page: the Leptos components (`ui`) and the browser's
//! localStorage as a draft store (`local_store`), both wasm32 only. Every rule
//! about the report lives in the core crates under `crates/` (see
//! ARCHITECTURE.md); this layer keeps signals, DOM work and timers.

#[cfg(target_arch = "wasm32")]
pub mod doc_worker;
#[cfg(target_arch = "wasm32")]
pub mod local_store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
