//! The web page's entry point, built for wasm32 by Trunk (see index.html).

#[cfg(target_arch = "wasm32")]
fn main() {
    baocao_web::ui::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("baocao-web là trang web: hãy chạy `make serve` rồi mở http://127.0.0.1:8080. Công cụ dòng lệnh là `baocao`.");
    std::process::exit(2);
}
