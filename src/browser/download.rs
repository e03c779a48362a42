//! Downloads made by the user's own click: a Blob, an object URL and a clicked `<a download>`.
//! Works under the strictest CSP, over plain HTTP and from file://.

use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// How long the object URL stays alive: the click must have started the download by then.
const KEEP_URL_MS: u32 = 60_000;

/// Offers `contents` as a file named `file_name`. Returns false when the browser refused.
pub fn download(file_name: &str, mime: &str, contents: &str) -> bool {
    try_download(file_name, object_url(contents, mime)).is_some()
}

/// Offers binary `contents` as a file named `file_name`. Returns false when the browser refused.
pub fn download_bytes(file_name: &str, mime: &str, contents: &[u8]) -> bool {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(contents));
    try_download(file_name, blob_url(&parts, mime)).is_some()
}

/// An object URL for `contents` as a Blob of type `mime`; the caller revokes it when done.
pub fn object_url(contents: &str, mime: &str) -> Option<String> {
    blob_url(&js_sys::Array::of1(&contents.into()), mime)
}

fn blob_url(parts: &js_sys::Array, mime: &str) -> Option<String> {
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(parts, &options).ok()?;
    Url::create_object_url_with_blob(&blob).ok()
}

fn try_download(file_name: &str, url: Option<String>) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let url = url?;
    let anchor: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document.body()?;
    body.append_child(&anchor).ok()?;
    anchor.click();
    anchor.remove();
    gloo_timers::callback::Timeout::new(KEEP_URL_MS, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Some(())
}
