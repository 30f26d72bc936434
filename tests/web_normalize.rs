//! In the page, NFC comes from the browser's String.normalize instead of the
//! Unicode tables compiled in natively: the importer must compose the same.
#![cfg(target_arch = "wasm32")]

use baocao_import::{import_text, normalize};
use baocao_model::plain_text;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn browser_nfc_composes_vietnamese_letters() {
    // "Việt Nam" with ệ as e + combining circumflex + combining dot below.
    assert_eq!(
        normalize("Vi\u{65}\u{302}\u{323}t Nam\u{1}\r\n"),
        "Việt Nam\n"
    );
    let r = import_text(
        "BÁO CÁO\n\nTi\u{300}nh hi\u{300}nh tha\u{301}ng 3/2025\n\nI. KÊ\u{301}T QUA\u{309}\n",
    )
    .unwrap();
    assert_eq!(r.title.summary, "Tình hình tháng 3/2025");
    assert_eq!(plain_text(&r.body.sections[0].heading.title), "KẾT QUẢ");
}
