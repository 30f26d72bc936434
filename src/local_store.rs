//! The browser's localStorage as a [`Store`] (wasm32 only).

use baocao_drafts::{Store, StoreError};
use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::{JsCast, JsValue};

/// localStorage of the page's origin.
#[derive(Clone, Copy, Debug, Default)]
pub struct LocalStore;

/// Tells a full quota apart from other refusals.
fn classify(err: JsValue) -> StoreError {
    if let Some(dom) = err.dyn_ref::<web_sys::DomException>() {
        let name = dom.name();
        // Chromium and Firefox name it differently; code 22 is the legacy one.
        if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || dom.code() == 22
        {
            return StoreError::Full;
        }
        return StoreError::Unavailable(format!("{name}: {}", dom.message()));
    }
    StoreError::Unavailable(format!("{err:?}"))
}

fn storage() -> Result<web_sys::Storage, StoreError> {
    // gloo's raw() panics without storage; ask the window first.
    let window = web_sys::window()
        .ok_or_else(|| StoreError::Unavailable("không có cửa sổ trình duyệt".into()))?;
    match window.local_storage() {
        Ok(Some(_)) => Ok(LocalStorage::raw()),
        Ok(None) => Err(StoreError::Unavailable("localStorage bị tắt".into())),
        Err(e) => Err(classify(e)),
    }
}

impl Store for LocalStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        storage()?.get_item(key).map_err(classify)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        storage()?.set_item(key, value).map_err(classify)
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        storage()?.remove_item(key).map_err(classify)
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let s = storage()?;
        let n = s.length().map_err(classify)?;
        let mut keys = Vec::with_capacity(n as usize);
        for i in 0..n {
            if let Some(k) = s.key(i).map_err(classify)? {
                keys.push(k);
            }
        }
        Ok(keys)
    }
}
