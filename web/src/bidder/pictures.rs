//! The simple pictures of the easy read: one symbol per kind of news (stop, yes, no, not sure,
//! marks, more marks, take care, questions), drawn inline as SVG so that nothing is fetched, each
//! with its words as the text alternative. The shapes differ as well as the words, so a reader
//! who does not read well tells a stop from a tick at a glance; colour is never the only cue.

use crate::engine::Picture;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub picture: Picture,
}

/// One picture, 2.5 em square, with its words for screen readers.
#[function_component(PictureView)]
pub fn picture_view(p: &Props) -> Html {
    let shape = match p.picture {
        // An octagon, like a road sign, with a bar across.
        Picture::Stop => html! { <>
            <polygon points="11,2 29,2 38,11 38,29 29,38 11,38 2,29 2,11" fill="#d4351c" stroke="#0b0c0c" stroke-width="2" />
            <rect x="9" y="17" width="22" height="6" fill="#fff" />
        </> },
        Picture::Yes => html! { <>
            <circle cx="20" cy="20" r="17" fill="#fff" stroke="#00703c" stroke-width="3" />
            <polyline points="11,21 17,27 29,13" fill="none" stroke="#00703c" stroke-width="4" />
        </> },
        Picture::No => html! { <>
            <circle cx="20" cy="20" r="17" fill="#fff" stroke="#0b0c0c" stroke-width="3" />
            <path d="M13 13 L27 27 M27 13 L13 27" stroke="#0b0c0c" stroke-width="4" />
        </> },
        Picture::Unsure => html! { <>
            <circle cx="20" cy="20" r="17" fill="#fff" stroke="#505a5f" stroke-width="3" stroke-dasharray="5 3" />
            <path d="M15 15 Q15 10 20 10 Q25 10 25 15 Q25 19 20 20 L20 24" fill="none" stroke="#0b0c0c" stroke-width="3" />
            <circle cx="20" cy="29" r="2" fill="#0b0c0c" />
        </> },
        // Three bars, like a chart of marks.
        Picture::Marks => html! { <>
            <rect x="5" y="22" width="8" height="14" fill="#1d70b8" />
            <rect x="16" y="14" width="8" height="22" fill="#1d70b8" />
            <rect x="27" y="6" width="8" height="30" fill="#1d70b8" />
            <line x1="3" y1="37" x2="37" y2="37" stroke="#0b0c0c" stroke-width="2" />
        </> },
        // An arrow going up.
        Picture::Gain => html! { <>
            <polygon points="20,3 35,19 26,19 26,37 14,37 14,19 5,19" fill="#00703c" stroke="#0b0c0c" stroke-width="2" />
        </> },
        Picture::Warning => html! { <>
            <polygon points="20,3 38,36 2,36" fill="#ffdd00" stroke="#0b0c0c" stroke-width="2" />
            <rect x="18" y="13" width="4" height="13" fill="#0b0c0c" />
            <circle cx="20" cy="31" r="2" fill="#0b0c0c" />
        </> },
        // A speech bubble with a question mark.
        Picture::Question => html! { <>
            <path d="M4 5 H36 V28 H17 L9 36 V28 H4 Z" fill="#fff" stroke="#1d70b8" stroke-width="3" />
            <path d="M16 12 Q16 8 20 8 Q24 8 24 12 Q24 15 20 16 L20 19" fill="none" stroke="#0b0c0c" stroke-width="2.5" />
            <circle cx="20" cy="23" r="1.6" fill="#0b0c0c" />
        </> },
    };
    html! {
        <svg class="picture" viewBox="0 0 40 40" width="40" height="40" role="img" aria-label={p.picture.words()} focusable="false">
            { shape }
        </svg>
    }
}
