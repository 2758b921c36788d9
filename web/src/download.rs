//! Offering text to the user as a downloaded file. The file is made in the browser; nothing is
//! sent anywhere.

use gloo::file::{Blob, ObjectUrl};
use wasm_bindgen::JsCast;

/// Offers `text` as a file called `name` of type `mime`.
///
/// The browser downloads a link's target when the link has a `download` attribute, so this
/// clicks a hidden one pointing at the text as a blob. The blob's URL is revoked when `url` is
/// dropped, at the end of this function: the browser has taken the file by then.
pub fn offer(name: &str, mime: &str, text: &str) {
    let url = ObjectUrl::from(Blob::new_with_options(text, Some(mime)));
    let document = gloo::utils::document();
    let Some(a) = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok())
    else {
        return;
    };
    a.set_href(&url);
    a.set_download(name);
    a.set_hidden(true);
    if let Some(body) = document.body() {
        let _ = body.append_child(&a);
        a.click();
        let _ = body.remove_child(&a);
    }
}
