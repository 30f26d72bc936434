//! Handing bytes built in the page to the user as a downloaded file.

use std::time::Duration;
use wasm_bindgen::JsCast;

/// Offers `bytes` for download under `file_name`. Returns a Vietnamese
/// message if the browser refuses.
pub fn offer(bytes: &[u8], file_name: &str, mime: &str) -> Result<(), String> {
    offer_array(&js_sys::Uint8Array::from(bytes), file_name, mime)
}

/// [`offer`] for bytes already in a JavaScript array (from the worker).
pub fn offer_array(array: &js_sys::Uint8Array, file_name: &str, mime: &str) -> Result<(), String> {
    let fail = |what: &str| {
        format!("Không tải được tệp về ({what}). Hãy thử lại hoặc dùng trình duyệt khác.")
    };
    let parts = js_sys::Array::of1(array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
        .map_err(|_| fail("Blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("URL"))?;
    let document = leptos::prelude::document();
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| fail("a"))?
        .dyn_into()
        .map_err(|_| fail("a"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(10),
    );
    Ok(())
}
