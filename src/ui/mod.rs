//! The web page (wasm32 only).
