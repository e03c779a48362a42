//! The failure screen: if the app ever panics, the page is replaced by a plain message saying the
//! saved work is safe, with a link that downloads it, instead of a frozen or blank page.

use wasm_bindgen::JsCast;
use web_sys::{Document, HtmlAnchorElement};

use crate::browser::storage::{assessment_key, Store, INDEX_KEY};
use crate::words::words;

/// The URL fragment that makes the app fail on purpose, so the failure screen can be tested end
/// to end. It does nothing else and touches no data.
pub const SIMULATE_FRAGMENT: &str = "#simulate-failure";

/// Installs the panic hook. Call once, before rendering.
pub fn install() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("The app stopped: {info}").into());
        if let Some(document) = web_sys::window().and_then(|w| w.document()) {
            show(&document);
        }
    }));
}

/// Fails on purpose when the page was opened with [`SIMULATE_FRAGMENT`].
pub fn simulate_if_asked() {
    let hash = web_sys::window().and_then(|w| w.location().hash().ok());
    if hash.as_deref() == Some(SIMULATE_FRAGMENT) {
        panic!("failure simulated on request ({SIMULATE_FRAGMENT})");
    }
}

/// Replaces the page with the failure message. Only fixed text is written, never user data.
fn show(document: &Document) -> Option<()> {
    let body = document.body()?;
    body.set_inner_html("");
    let panel = document.create_element("main").ok()?;
    panel.set_class_name("failure");
    panel.set_attribute("role", "alert").ok()?;
    for (tag, words) in [
        ("h1", words().failure_heading()),
        ("p", words().failure_safe()),
        ("p", words().failure_reload()),
    ] {
        let element = document.create_element(tag).ok()?;
        element.set_text_content(Some(words));
        panel.append_child(&element).ok()?;
    }
    if let Some(saved) = saved_work() {
        let link = download_link(document, &saved)?;
        panel.append_child(&link).ok()?;
    }
    body.append_child(&panel).ok()?;
    Some(())
}

/// The stored copy of the assessment that was open, if there is one.
fn saved_work() -> Option<String> {
    let store = Store::open();
    let index = assessment_core::library::Index::from_json(&store.get(INDEX_KEY)?)?;
    store.get(&assessment_key(index.current.as_deref()?))
}

fn download_link(document: &Document, contents: &str) -> Option<HtmlAnchorElement> {
    // Never revoked: the page is finished, and the link must work whenever it is clicked.
    let url = crate::browser::download::object_url(contents, "application/json")?;
    let link: HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download("saved-assessment.json");
    link.set_text_content(Some(words().failure_download()));
    link.set_attribute("data-testid", "failure-download").ok()?;
    Some(link)
}
