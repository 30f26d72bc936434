//! The page's side of the document worker (see `crate::doc_worker`: the
//! .docx writer and reader, the pasted-HTML reader, the text importer and
//! the next period's report): starts
//! it when first needed (or once the page is idle), holds requests until it
//! says it is ready, and hands each answer to the code that asked. If the
//! worker cannot start (its files missing from an old offline copy), every
//! waiting request gets a Vietnamese message and the next one tries again.

use js_sys::{Array, Object, Reflect};
use std::cell::RefCell;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Done = Box<dyn FnOnce(Result<JsValue, String>)>;

#[derive(Default)]
struct Client {
    worker: Option<web_sys::Worker>,
    ready: bool,
    queue: Vec<(JsValue, Array)>,
    waiting: HashMap<u32, Done>,
    next: u32,
    told: Option<Told>,
}

/// The draft last told to the worker after an autosave: its JSON as the JS
/// string posted, and which draft at which revision it is.
struct Told {
    json: JsValue,
    id: String,
    revision: u64,
}

thread_local! {
    static CLIENT: RefCell<Client> = RefCell::new(Client::default());
}

/// Where the worker's loader is: next to the page, unless the page says
/// otherwise (the single-file page builds it from a blob).
fn loader_url() -> String {
    leptos::prelude::document()
        .document_element()
        .and_then(|root| root.get_attribute("data-worker-url"))
        .unwrap_or_else(|| "./baocao-worker_loader.js".to_string())
}

const FAILED: &str =
    "Không khởi động được phần xử lý tệp của trang (tệp Word, văn bản dán nhiều dòng, báo cáo kỳ sau). Hãy tải lại trang (F5) rồi thử lại.";

/// Starts the worker if it is not running.
pub fn start() {
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if c.worker.is_some() {
            return;
        }
        let Ok(worker) = web_sys::Worker::new(&loader_url()) else {
            return;
        };
        let on_message =
            Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                answered(ev.data())
            });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        let on_error =
            Closure::<dyn FnMut(web_sys::Event)>::new(move |_ev: web_sys::Event| failed());
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        c.worker = Some(worker);
        c.ready = false;
    });
}

fn answered(data: JsValue) {
    if data.as_string().as_deref() == Some("ready") {
        CLIENT.with(|c| {
            let mut c = c.borrow_mut();
            c.ready = true;
            let queue = std::mem::take(&mut c.queue);
            if let Some(w) = &c.worker {
                for (message, transfer) in queue {
                    let _ = w.post_message_with_transfer(&message, &transfer);
                }
            }
        });
        return;
    }
    let id = Reflect::get(&data, &JsValue::from_str("id"))
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(-1.0) as u32;
    let done = CLIENT.with(|c| c.borrow_mut().waiting.remove(&id));
    if let Some(done) = done {
        let ok = Reflect::get(&data, &JsValue::from_str("ok"))
            .ok()
            .and_then(|v| v.as_bool())
            .unwrap_or(false);
        if ok {
            done(Ok(data));
        } else {
            let message = Reflect::get(&data, &JsValue::from_str("message"))
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_else(|| FAILED.to_string());
            done(Err(message));
        }
    }
}

/// The worker could not load or stopped: tell everyone waiting, start
/// afresh next time.
fn failed() {
    let waiting = CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if let Some(w) = c.worker.take() {
            w.terminate();
        }
        c.ready = false;
        c.queue.clear();
        std::mem::take(&mut c.waiting)
    });
    for (_, done) in waiting {
        done(Err(FAILED.to_string()));
    }
}

/// Sends `request` (its `id` is set here) with the buffers in `transfer`,
/// and calls `done` with the worker's answer.
pub fn ask(request: Object, transfer: Array, done: impl FnOnce(Result<JsValue, String>) + 'static) {
    start();
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        c.next = c.next.wrapping_add(1);
        let id = c.next;
        let _ = Reflect::set(&request, &JsValue::from_str("id"), &JsValue::from(id));
        c.waiting.insert(id, Box::new(done));
        let message: JsValue = request.into();
        match (&c.worker, c.ready) {
            (Some(w), true) => {
                let _ = w.post_message_with_transfer(&message, &transfer);
            }
            (Some(_), false) => c.queue.push((message, transfer)),
            (None, _) => {}
        }
    });
    // Without a worker at all, say so at once.
    if CLIENT.with(|c| c.borrow().worker.is_none()) {
        failed();
    }
}

/// Posts a draft's JSON just stored to the worker when it is running and
/// listening, with no answer awaited: the worker reads it while nobody
/// waits. Otherwise nothing: this neither starts the worker nor waits for it.
pub fn tell_draft(json: String, id: &str, revision: u64) {
    CLIENT.with(|c| {
        let mut c = c.borrow_mut();
        if let (Some(w), true) = (&c.worker, c.ready) {
            let json = JsValue::from(json);
            let request = Object::new();
            put(&request, "kind", "draft");
            put(&request, "draft", &json);
            let _ = w.post_message(&request);
            c.told = Some(Told {
                json,
                id: id.to_string(),
                revision,
            });
        }
    });
}

/// The JSON last told for this draft at this revision, so that a click
/// sends that very string instead of serializing the draft again. The page
/// forgets it (`forget_draft`) at every change and every save.
pub fn told_draft(id: &str, revision: u64) -> Option<JsValue> {
    CLIENT.with(|c| {
        c.borrow()
            .told
            .as_ref()
            .filter(|t| t.id == id && t.revision == revision)
            .map(|t| t.json.clone())
    })
}

/// The draft changed (or is being saved, or was left): what was told no
/// longer stands for it.
pub fn forget_draft() {
    CLIENT.with(|c| c.borrow_mut().told = None);
}

/// A field of an answer.
pub fn field(answer: &JsValue, key: &str) -> JsValue {
    Reflect::get(answer, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// Sets a field of a request.
pub fn put(request: &Object, key: &str, value: impl Into<JsValue>) {
    let _ = Reflect::set(request, &JsValue::from_str(key), &value.into());
}
