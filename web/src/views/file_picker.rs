//! Choosing a file: read as text in the browser (never uploaded), with a size cap and a clear
//! message when the file is too big or not text.

use gloo::file::callbacks::FileReader;
use web_sys::HtmlInputElement;
use yew::prelude::*;

/// The largest file accepted (16 MiB).
pub const MAX_FILE_BYTES: u64 = 16 * 1024 * 1024;

/// A file read as text.
pub struct Picked {
    /// The file's name.
    pub name: String,
    /// Its text, or why it could not be read.
    pub text: Result<String, String>,
}

#[derive(Properties, PartialEq)]
pub struct Props {
    pub id: AttrValue,
    pub label: AttrValue,
    pub hint: AttrValue,
    pub on_pick: Callback<Picked>,
    /// The kinds of file offered first in the browser's chooser.
    #[prop_or(AttrValue::Static(".json,application/json"))]
    pub accept: AttrValue,
}

#[function_component(FilePicker)]
pub fn file_picker(p: &Props) -> Html {
    let reader = use_mut_ref(|| None::<FileReader>);
    let onchange = {
        let on_pick = p.on_pick.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|l| l.get(0)) else {
                return;
            };
            input.set_value("");
            let file = gloo::file::File::from(file);
            let name = file.name();
            if file.size() > MAX_FILE_BYTES {
                on_pick.emit(Picked {
                    text: Err(format!(
                        "The file \"{name}\" is {} MB; ulo reads files of up to 16 MB. Nothing was changed.",
                        file.size().div_ceil(1024 * 1024)
                    )),
                    name,
                });
                return;
            }
            let on_pick = on_pick.clone();
            let task = gloo::file::callbacks::read_as_text(&file, move |res| {
                let text = res.map_err(|_| {
                    format!("The file \"{name}\" could not be read as text. Nothing was changed.")
                });
                on_pick.emit(Picked { name, text });
            });
            *reader.borrow_mut() = Some(task);
        })
    };
    let hint_id = format!("{}-hint", p.id);
    html! {
        <div class="import">
            <label class="label" for={p.id.clone()}>{ &p.label }</label>
            <div class="hint" id={hint_id.clone()}>{ &p.hint }</div>
            <input type="file" id={p.id.clone()} class="file-upload" accept={p.accept.clone()} aria-describedby={hint_id} {onchange} />
        </div>
    }
}
