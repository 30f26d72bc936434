//! The document worker's entry point (see `doc_worker`), built for wasm32 by
//! Trunk as a Web Worker (index.html names it with data-type="worker").

#[cfg(target_arch = "wasm32")]
fn main() {
    baocao_web::doc_worker::serve();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("baocao-worker chạy trong trình duyệt, cùng trang baocao-web.");
    std::process::exit(2);
}
