//! Form parts in the manner of the GOV.UK Design System: every field labelled, hints and errors
//! tied to it with `aria-describedby`, radios in fieldsets with legends, and an error summary
//! that links to each field.

use crate::engine::{Problem, ProblemKind, Problems};
use crate::pointer::field_id;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

/// A sentence for people: the core's lowercase message with a capital and a full stop.
pub fn sentence(text: &str) -> String {
    let mut c = text.chars();
    let mut s = c
        .next()
        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default();
    if !s.ends_with('.') && !s.ends_with('?') {
        s.push('.');
    }
    s
}

/// The legal forms for a drop-down list, the first option meaning "not given".
pub fn legal_form_options(first: &str) -> Vec<(String, String)> {
    use crate::engine::{Choice, LegalForm};
    std::iter::once((String::new(), first.to_string()))
        .chain(LegalForm::ALL.iter().map(|(w, f)| {
            let d = f.describe();
            let bare = d
                .strip_prefix("an ")
                .or_else(|| d.strip_prefix("a "))
                .unwrap_or(d);
            (
                w.to_string(),
                sentence(bare).trim_end_matches('.').to_string(),
            )
        }))
        .collect()
}

/// Lists edited as one text field (the CPV codes, separated by commas): a problem with any
/// item is about that field.
const LISTS_IN_ONE_FIELD: [&str; 1] = ["/procurement/cpv"];

/// The pointer of the field a problem is about (for a missing field, the field itself).
pub fn target_pointer(p: &Problem) -> String {
    if let Some(list) = LISTS_IN_ONE_FIELD.iter().find(|l| {
        p.pointer
            .strip_prefix(**l)
            .is_some_and(|rest| rest.starts_with('/'))
    }) {
        return (*list).to_string();
    }
    match &p.kind {
        ProblemKind::MissingField { field } => {
            format!("{}/{}", p.pointer, crate::pointer::escape(field))
        }
        _ => p.pointer.clone(),
    }
}

/// The error message for the field at `pointer`, if a problem is about it: in the form's own
/// words (the field's label is beside it, so the message need not name it).
pub fn error_at(problems: Option<&Problems>, pointer: &str) -> Option<String> {
    problems?
        .iter()
        .find(|p| target_pointer(p) == pointer)
        .map(|p| plain(p, None))
}

/// Whether a problem is only that a field is not given yet: not an error while the user is
/// filling the form in, only once they ask for a check or a result needs it.
pub fn not_given(p: &Problem) -> bool {
    matches!(p.kind, ProblemKind::MissingField { .. })
}

/// The problems to show as errors: those with what was typed, and the fields not given yet
/// only once the user has asked (`asked`).
pub fn shown(problems: Option<&Problems>, asked: bool) -> Option<Problems> {
    let kept: Vec<Problem> = problems?
        .iter()
        .filter(|p| asked || !not_given(p))
        .cloned()
        .collect();
    (!kept.is_empty()).then_some(Problems(kept))
}

/// The core's words with the developer's words taken out: how JSON writes a value ("written
/// as text", "(not in quotes)") is the file format's business, not the form's, and an amount
/// may be typed with commas and a pound sign.
fn scrub(text: &str) -> String {
    let mut t = text
        .replace(" written as text", "")
        .replace(" (not in quotes)", "")
        .replace(" in double quotes", "")
        .replace(
            " (no commas or symbols, at most 2 decimal places)",
            " (at most 2 decimal places)",
        )
        .replace(
            "such as \"250000\" or \"1250.50\"",
            "such as 185,000 or £1,250.50",
        );
    if let Some(rest) = t.strip_prefix("the text ") {
        t = rest.to_string();
    }
    t
}

/// A problem as a sentence for the person at the form: `label` names the field ("Lot 1's
/// value") where the message stands away from it (a summary, the results); the field's place
/// in the file (its JSON pointer) and the format's own words are never shown.
pub fn plain(p: &Problem, label: Option<&str>) -> String {
    let field = label.map(str::to_string);
    let this = field.clone().unwrap_or_else(|| "This".to_string());
    let text = match &p.kind {
        ProblemKind::MissingField { .. } => format!("{this} is not given yet"),
        ProblemKind::WrongType { expected, .. } => format!("{this} must be {}", scrub(expected)),
        ProblemKind::InvalidValue { found, expected } if field.is_some() => {
            format!("{this}: {} is not {}", scrub(found), scrub(expected))
        }
        ProblemKind::InvalidValue { found, expected } => {
            format!("{} is not {}", scrub(found), scrub(expected))
        }
        ProblemKind::OutOfRange { found, expected } => {
            format!(
                "{this} must be {}; {} is not",
                scrub(expected),
                scrub(found)
            )
        }
        ProblemKind::DuplicateId { id, .. } => {
            format!("{this} \"{id}\" is already used: each needs its own")
        }
        ProblemKind::UnknownReference { id, what, .. } => {
            format!("{this}: there is no {what} \"{id}\"")
        }
        ProblemKind::UnknownField { field, .. } => {
            format!("{this}: \"{field}\" is not something this form holds")
        }
        other => match field {
            Some(f) => format!("{f}: {}", scrub(&other.message())),
            None => scrub(&other.message()),
        },
    };
    sentence(&text)
}

/// How to put a problem right, in the form's words (the core's help line speaks of the file
/// format where the form has fields).
pub fn plain_help(p: &Problem) -> String {
    sentence(&match &p.kind {
        ProblemKind::MissingField { .. } => "fill it in: the results need it".to_string(),
        ProblemKind::WrongType { expected, .. } if expected.contains("whole number") => {
            "type a whole number, such as 36".to_string()
        }
        ProblemKind::WrongType { .. } | ProblemKind::InvalidValue { .. } => {
            "type it in the form shown".to_string()
        }
        ProblemKind::DuplicateId { .. } => "give each one a reference of its own".to_string(),
        other => {
            let h = other.help();
            if h.contains("schema") || h.contains("quotes") || h.contains('/') {
                "correct it and the results follow".to_string()
            } else {
                h
            }
        }
    })
}

/// The ids of a control's hint and error message, and its `aria-describedby` naming those
/// present, so assistive technology reads them with the control.
fn described_by(id: &str, hint: bool, error: bool) -> (String, String, Option<String>) {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described: Vec<&str> = [(hint, hint_id.as_str()), (error, error_id.as_str())]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, id)| *id)
        .collect();
    let describedby = (!described.is_empty()).then(|| described.join(" "));
    (hint_id, error_id, describedby)
}

/// A control's hint and error message (GOV.UK order: hint, then error), with the ids that
/// [`described_by`] gave them.
fn hint_and_error(
    hint: &Option<AttrValue>,
    error: &Option<String>,
    hint_id: String,
    error_id: String,
) -> Html {
    html! {
        <>
            if let Some(h) = hint {
                <div id={hint_id} class="hint">{ h }</div>
            }
            if let Some(e) = error {
                <p id={error_id} class="error-message"><span class="visually-hidden">{ "Error: " }</span>{ e }</p>
            }
        </>
    }
}

/// What kind of input a field takes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Free text.
    Text,
    /// An amount or percentage (decimal text).
    Decimal,
    /// A whole number.
    Whole,
    /// A date (YYYY-MM-DD).
    Date,
    /// Several lines of text.
    Area,
}

#[derive(Properties, PartialEq)]
pub struct FieldProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    pub value: AttrValue,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or(Kind::Text)]
    pub kind: Kind,
    #[prop_or_default]
    pub class: Option<&'static str>,
    /// Report a change a moment after the field loses focus (see below); forms that show no
    /// problems until they are saved need not.
    #[prop_or(true)]
    pub defer: bool,
    /// The label is read by assistive technology but not shown (a table's cell, whose column
    /// heading shows it).
    #[prop_or_default]
    pub label_hidden: bool,
    pub onchange: Callback<String>,
}

/// A labelled text field.
#[function_component(Field)]
pub fn field(p: &FieldProps) -> Html {
    let (hint_id, error_id, describedby) = described_by(&p.id, p.hint.is_some(), p.error.is_some());
    // A text field reports its change when it loses focus, which is often the mousedown of a
    // click on another control. Reporting it a moment later lets that click land first: the
    // page may re-render (an error message appearing or going) and must not move the control
    // from under the pointer mid-click.
    let defer = p.defer;
    let later = move |cb: Callback<String>, v: String| {
        if defer {
            gloo::timers::callback::Timeout::new(0, move || cb.emit(v)).forget();
        } else {
            cb.emit(v);
        }
    };
    let onchange_input = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| {
            later(
                cb.clone(),
                e.target_unchecked_into::<HtmlInputElement>().value(),
            )
        })
    };
    let onchange_area = {
        let cb = p.onchange.clone();
        Callback::from(move |e: Event| {
            later(
                cb.clone(),
                e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            )
        })
    };
    // What the user has typed and not yet committed. Yew keeps an input's value in step with
    // its props on every render, so without this a render while someone is typing (another
    // field's change arriving, say) would put back the old value and lose their words.
    let typed = use_state(|| None::<String>);
    {
        let typed = typed.clone();
        use_effect_with(p.value.clone(), move |_| typed.set(None));
    }
    let oninput_input = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            typed.set(Some(e.target_unchecked_into::<HtmlInputElement>().value()))
        })
    };
    let oninput_area = {
        let typed = typed.clone();
        Callback::from(move |e: InputEvent| {
            typed.set(Some(
                e.target_unchecked_into::<HtmlTextAreaElement>().value(),
            ))
        })
    };
    let shown: AttrValue = (*typed)
        .clone()
        .map(AttrValue::from)
        .unwrap_or_else(|| p.value.clone());
    let (inputmode, placeholder_type) = match p.kind {
        Kind::Decimal => (Some("decimal"), "text"),
        Kind::Whole => (Some("numeric"), "text"),
        Kind::Date => (None, "date"),
        _ => (None, "text"),
    };
    let class = classes!("input", p.class, p.error.as_ref().map(|_| "input--error"));
    html! {
        <div class={classes!("field", p.error.as_ref().map(|_| "field--error"))}>
            <label class={classes!("label", p.label_hidden.then_some("visually-hidden"))} for={p.id.clone()}>{ &p.label }</label>
            { hint_and_error(&p.hint, &p.error, hint_id, error_id) }
            if p.kind == Kind::Area {
                <textarea id={p.id.clone()} name={p.id.clone()} class={class} rows="3"
                    aria-describedby={describedby} value={shown.clone()} oninput={oninput_area} onchange={onchange_area} />
            } else {
                <input id={p.id.clone()} name={p.id.clone()} class={class} type={placeholder_type}
                    inputmode={inputmode} spellcheck={ if p.kind == Kind::Text { "true" } else { "false" } }
                    aria-describedby={describedby} value={shown} oninput={oninput_input} onchange={onchange_input} />
            }
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct RadiosProps {
    pub id: AttrValue,
    pub legend: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// (value, label, hint)
    pub options: Vec<(String, String, Option<String>)>,
    pub selected: String,
    #[prop_or_default]
    pub error: Option<String>,
    #[prop_or_default]
    pub inline: bool,
    /// Fields that belong to the selected option, revealed under it (the GOV.UK conditional
    /// reveal); the group is then shown one option a line.
    #[prop_or_default]
    pub reveal: Html,
    pub onchange: Callback<String>,
}

/// A group of radio buttons in a fieldset.
#[function_component(Radios)]
pub fn radios(p: &RadiosProps) -> Html {
    let (hint_id, error_id, describedby) = described_by(&p.id, p.hint.is_some(), p.error.is_some());
    html! {
        <div class={classes!("field", p.error.as_ref().map(|_| "field--error"))}>
            <fieldset class="fieldset" aria-describedby={describedby} id={p.id.clone()}>
                <legend class="legend">{ &p.legend }</legend>
                { hint_and_error(&p.hint, &p.error, hint_id, error_id) }
                <div class={classes!("radios", p.inline.then_some("radios--inline"))}>
                    { for p.options.iter().enumerate().map(|(i, (value, label, hint))| {
                        let id = format!("{}-{}", p.id, i);
                        let item_hint = format!("{id}-hint");
                        let cb = p.onchange.clone();
                        let v = value.clone();
                        html! { <>
                            <div class="radio">
                                <input class="radio__input" type="radio" id={id.clone()} name={p.id.clone()}
                                    value={value.clone()} checked={*value == p.selected}
                                    aria-describedby={hint.as_ref().map(|_| item_hint.clone())}
                                    onchange={Callback::from(move |_: Event| cb.emit(v.clone()))} />
                                <label class="radio__label" for={id.clone()}>{ label }</label>
                                if let Some(h) = hint {
                                    <div id={item_hint} class="hint radio__hint">{ h }</div>
                                }
                            </div>
                            if *value == p.selected && p.reveal != Html::default() {
                                <div class="radios__conditional" id={format!("{id}-conditional")}>{ p.reveal.clone() }</div>
                            }
                        </> }
                    }) }
                </div>
            </fieldset>
        </div>
    }
}

#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub id: AttrValue,
    pub label: AttrValue,
    #[prop_or_default]
    pub hint: Option<AttrValue>,
    /// (value, label)
    pub options: Vec<(String, String)>,
    pub selected: String,
    #[prop_or_default]
    pub error: Option<String>,
    /// The label is read by assistive technology but not shown (a table's cell).
    #[prop_or_default]
    pub label_hidden: bool,
    pub onchange: Callback<String>,
}

/// A labelled drop-down list.
#[function_component(Select)]
pub fn select(p: &SelectProps) -> Html {
    let (hint_id, error_id, describedby) = described_by(&p.id, p.hint.is_some(), p.error.is_some());
    let cb = p.onchange.clone();
    html! {
        <div class={classes!("field", p.error.as_ref().map(|_| "field--error"))}>
            <label class={classes!("label", p.label_hidden.then_some("visually-hidden"))} for={p.id.clone()}>{ &p.label }</label>
            { hint_and_error(&p.hint, &p.error, hint_id, error_id) }
            <select id={p.id.clone()} name={p.id.clone()} class="select" aria-describedby={describedby}
                onchange={Callback::from(move |e: Event| cb.emit(e.target_unchecked_into::<HtmlSelectElement>().value()))}>
                { for p.options.iter().map(|(v, l)| html! {
                    <option value={v.clone()} selected={*v == p.selected}>{ l }</option>
                }) }
            </select>
        </div>
    }
}

/// What a summary needs to name each field by its label: the document as it stands and the
/// criteria's titles by id (see [`crate::pointer::label`]).
#[derive(Clone, PartialEq)]
pub struct Labels {
    /// The document the problems are in.
    pub doc: std::rc::Rc<serde_json::Value>,
    /// Criterion titles by id.
    pub titles: std::rc::Rc<std::collections::BTreeMap<String, String>>,
}

impl Labels {
    /// The label of the field a problem is about.
    pub fn of(&self, doc: &str, p: &Problem) -> Option<String> {
        let title = |c: &str| self.titles.get(c).cloned().unwrap_or_else(|| c.to_string());
        crate::pointer::label(doc, &self.doc, &target_pointer(p), &title)
    }
}

#[derive(Properties, PartialEq)]
pub struct SummaryProps {
    /// Which document the problems are in ("tender", "bids", "protocol"), for field ids.
    pub doc: &'static str,
    pub problems: Problems,
    #[prop_or_default]
    pub title: Option<AttrValue>,
    /// Move focus to the summary when the problems change (GOV.UK, after a form is saved). A
    /// form checked as it is filled in passes false: focus stays where the user put it, and
    /// the summary, an alert, is still announced.
    #[prop_or(true)]
    pub focus: bool,
    /// Counts the user's requests to check the form ("Check the tender"): focus moves to the
    /// summary on each request, and only then (GOV.UK: on submit), where `focus` is false.
    #[prop_or_default]
    pub asked: u32,
    /// Names each field by its label; without it the message stands alone.
    #[prop_or_default]
    pub labels: Option<Labels>,
    /// Where a field is not on this screen (the weights, on the Protocol screen): called with
    /// its pointer, to go there.
    #[prop_or_default]
    pub elsewhere: Option<Callback<String>>,
}

/// The error summary: "There is a problem", each problem a link to its field.
#[function_component(ErrorSummary)]
pub fn error_summary(p: &SummaryProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        let count = p.problems.len();
        let focus = p.focus;
        use_effect_with(count, move |_| {
            if let Some(el) = node.cast::<web_sys::HtmlElement>().filter(|_| focus) {
                let _ = el.focus();
            }
            || ()
        });
    }
    {
        let node = node.clone();
        use_effect_with(p.asked, move |asked| {
            if let Some(el) = node.cast::<web_sys::HtmlElement>().filter(|_| *asked > 0) {
                let _ = el.focus();
            }
            || ()
        });
    }
    html! {
        <div class="error-summary" role="alert" tabindex="-1" ref={node} aria-labelledby={format!("summary-{}", p.doc)}>
            <h2 class="error-summary__title" id={format!("summary-{}", p.doc)}>
                { p.title.clone().unwrap_or_else(|| AttrValue::from("There is a problem")) }
            </h2>
            <ul class="error-summary__list">
                { for p.problems.iter().map(|pr| {
                    let target = target_pointer(pr);
                    let id = field_id(p.doc, &target);
                    let href = format!("#{id}");
                    let label = match &p.labels {
                        Some(l) => l.of(p.doc, pr),
                        None => crate::pointer::label(p.doc, &serde_json::Value::Null, &target, &|c| c.to_string()),
                    };
                    let elsewhere = p.elsewhere.clone();
                    // Move focus to the field itself, as the GOV.UK error summary does, rather
                    // than only scrolling to it (and leave the page's own address alone); a
                    // field on another screen is reached there.
                    let onclick = Callback::from(move |e: MouseEvent| {
                        if let Some(el) = gloo::utils::document().get_element_by_id(&id) {
                            e.prevent_default();
                            el.scroll_into_view();
                            if let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                                let _ = h.focus();
                            }
                        } else if let Some(go) = &elsewhere {
                            e.prevent_default();
                            go.emit(target.clone());
                        }
                    });
                    html! {
                        <li>
                            <a href={href} {onclick}>{ plain(pr, label.as_deref()) }</a>
                            <span class="hint">{ " " }{ plain_help(pr) }</span>
                        </li>
                    }
                }) }
            </ul>
        </div>
    }
}
