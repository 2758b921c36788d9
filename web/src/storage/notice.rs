//! Autosave for an entry, and what it tells the user: the hook [`use_saving`] saves after every
//! change while this tab is the one that saves and nothing unusable is waiting for the user's
//! choice, and draws the notices (GOV.UK notification banners; an alert where saving has
//! stopped) with the buttons that get work back or take it over.

use super::{open_at, save_at, tabs, Opened, Saved, Unusable};
use gloo::events::EventListener;
use std::rc::Rc;
use yew::prelude::*;

/// Whether this tab saves.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Tab {
    /// Asking the browser for the lock: nothing is saved yet.
    Waiting,
    /// This tab saves.
    Writer,
    /// Another tab held the lock when this one opened.
    Elsewhere,
    /// Another tab took over, or saved over this one's work: this tab no longer saves.
    Stopped,
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Saves `value` after every change, while this tab is the one that saves; restores through
/// `restore` (on taking over, or on starting again); says what happened through `announce`.
/// Gives the notices to show at the top of the page.
#[hook]
pub fn use_saving<T: Saved>(
    opened: Rc<Opened<T>>,
    value: T,
    restore: Callback<T>,
    announce: Callback<String>,
) -> Html {
    use_saving_at(Some(Rc::from(T::KEY)), opened, value, restore, announce).notices
}

/// What saving gives an entry to show.
pub struct Saving {
    /// The notices for the top of the page.
    pub notices: Html,
    /// When the work was last saved (ISO 8601, UTC), once it has been.
    pub saved_at: Option<String>,
}

/// [`use_saving`] for work kept under `key` (`None`: nothing is open, so nothing is saved),
/// also giving when it was last saved. The key is fixed for the life of the component: an
/// entry that moves to other work draws a new one (a keyed component), and the lock on the
/// work left is let go when this one goes.
#[hook]
pub fn use_saving_at<T: Saved>(
    key: Option<Rc<str>>,
    opened: Rc<Opened<T>>,
    value: T,
    restore: Callback<T>,
    announce: Callback<String>,
) -> Saving {
    let saved_at = use_state_eq(|| opened.saved_at.clone());
    // The locks this component asked for, let go when it goes.
    let holdings = use_mut_ref(Vec::<tabs::Holding>::new);
    let tab = use_state_eq(|| Tab::Waiting);
    // The same, for the browser's callbacks, which outlive a render.
    let now = use_mut_ref(|| Tab::Waiting);
    // Which request for the lock is this tab's latest: losing an older one means nothing.
    let generation = use_mut_ref(|| 0u32);
    let unusable = use_state_eq(|| opened.unusable.clone());
    let downloaded = use_state_eq(|| false);
    let w = &T::WORDS;

    let set_tab: Rc<dyn Fn(Tab)> = {
        let tab = tab.clone();
        let now = now.clone();
        Rc::new(move |t| {
            *now.borrow_mut() = t;
            tab.set(t);
        })
    };

    // On opening: ask for the lock, and listen for saves made elsewhere.
    {
        let set_tab = set_tab.clone();
        let now = now.clone();
        let generation = generation.clone();
        let holdings = holdings.clone();
        let key = key.clone();
        use_effect_with((), move |_| {
            let Some(key) = key else {
                // Nothing open: nothing to save, and no lock to hold.
                return Box::new(|| ()) as Box<dyn FnOnce()>;
            };
            let listener = {
                let set_tab = set_tab.clone();
                let now = now.clone();
                let ours_key = key.clone();
                EventListener::new(&gloo::utils::window(), "storage", move |e| {
                    // A `null` key means the storage was cleared.
                    let key = js_sys::Reflect::get(e.as_ref(), &"key".into())
                        .ok()
                        .and_then(|k| k.as_string());
                    let ours = key.as_deref().is_none_or(|k| k == ours_key.as_ref());
                    let current = *now.borrow();
                    if ours && matches!(current, Tab::Writer | Tab::Waiting) {
                        set_tab(Tab::Stopped);
                    }
                })
            };
            let g = *generation.borrow();
            let answer = {
                let set_tab = set_tab.clone();
                let now = now.clone();
                move |got: bool| {
                    let current = *now.borrow();
                    if current == Tab::Waiting {
                        set_tab(if got { Tab::Writer } else { Tab::Elsewhere });
                    }
                }
            };
            let lost = {
                let set_tab = set_tab.clone();
                let generation = generation.clone();
                move || {
                    let latest = *generation.borrow() == g;
                    if latest {
                        set_tab(Tab::Stopped);
                    }
                }
            };
            match tabs::hold(&key, false, answer, lost) {
                Some(h) => holdings.borrow_mut().push(h),
                // No locks in this browser: save, and rely on the storage event.
                None => set_tab(Tab::Writer),
            }
            Box::new(move || {
                drop(listener);
                for h in holdings.borrow_mut().drain(..) {
                    h.release();
                }
            }) as Box<dyn FnOnce()>
        });
    }

    // Autosave after every change, once this tab saves and nothing waits for the user.
    let held = matches!(*unusable, Some(Unusable::NoRoom { .. }));
    {
        let announce = announce.clone();
        let key = key.clone();
        let opened = opened.clone();
        let saved_at = saved_at.clone();
        use_effect_with((value, *tab, held), move |(v, t, held)| {
            if let (Some(key), Tab::Writer, false) = (key, t, held) {
                // Work saved before and not changed since keeps its time, so that "last
                // changed" stays true when it is only opened.
                let at = match &opened.saved_at {
                    Some(at) if *v == opened.value => at.clone(),
                    _ => super::now(),
                };
                match save_at(&key, v, &at) {
                    Ok(()) => saved_at.set(Some(at)),
                    Err(why) => announce.emit(why),
                }
            }
        });
    }

    let take_over = {
        let key = key.clone().unwrap_or_else(|| Rc::from(T::KEY));
        let holdings = holdings.clone();
        let set_tab = set_tab.clone();
        let generation = generation.clone();
        let unusable = unusable.clone();
        let restore = restore.clone();
        let announce = announce.clone();
        Callback::from(move |_: MouseEvent| {
            let g = {
                let mut n = generation.borrow_mut();
                *n += 1;
                *n
            };
            let granted = {
                let key = key.clone();
                let set_tab = set_tab.clone();
                let unusable = unusable.clone();
                let restore = restore.clone();
                let announce = announce.clone();
                move |got: bool| {
                    if !got {
                        return;
                    }
                    // The other tab may have saved since this one opened: start from its save.
                    let latest = open_at::<T>(&key);
                    if latest.found {
                        restore.emit(latest.value);
                    }
                    announce.emit(match (&latest.unusable, latest.message) {
                        (None, _) => format!(
                            "This tab now saves {}: the latest save has been opened here, and the other tab has stopped saving.",
                            T::WORDS.plain
                        ),
                        (Some(_), Some(m)) => m,
                        (Some(_), None) => String::new(),
                    });
                    unusable.set(latest.unusable);
                    set_tab(Tab::Writer);
                }
            };
            let lost = {
                let set_tab = set_tab.clone();
                let generation = generation.clone();
                move || {
                    let latest = *generation.borrow() == g;
                    if latest {
                        set_tab(Tab::Stopped);
                    }
                }
            };
            match tabs::hold(&key, true, granted.clone(), lost) {
                Some(h) => holdings.borrow_mut().push(h),
                None => granted(true),
            }
        })
    };

    let download = {
        let unusable = unusable.clone();
        let downloaded = downloaded.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(Unusable::KeptAside { text, .. } | Unusable::NoRoom { text, .. }) =
                &*unusable
            {
                crate::download::offer(T::WORDS.file, "text/plain", text);
                downloaded.set(true);
            }
        })
    };

    let replace = {
        let unusable = unusable.clone();
        let restore = restore.clone();
        let announce = announce.clone();
        Callback::from(move |_: MouseEvent| {
            restore.emit(T::fresh());
            unusable.set(None);
            announce.emit(format!(
                "The unreadable save has been replaced by {}, and {} is saved again after every change.",
                T::WORDS.fresh,
                T::WORDS.plain
            ));
        })
    };

    let download_button = html! {
        <button type="button" class="button button--secondary" id="storage-download" onclick={download}>
            { "Download the unreadable save" }
        </button>
    };
    let downloaded_note = downloaded.then(|| html! {
        <p id="storage-downloaded">{ format!("Downloaded as \"{}\": look in your downloads folder.", w.file) }</p>
    });

    let unusable_notice = match &*unusable {
        None => html! {},
        Some(Unusable::KeptAside { why, spare, .. }) => html! {
            <div class="notice" role="region" aria-labelledby="storage-unusable-title" id="storage-unusable">
                <h2 class="notice__title" id="storage-unusable-title">{ format!("{} could not be read", w.yours) }</h2>
                <p>{ format!(
                    "ulo could not read what was saved in this browser ({why}). A copy has been kept, unchanged, in this browser's storage under \"{spare}\", and {} is shown instead. To get it back, download it.",
                    w.fresh
                ) }</p>
                <div class="button-group">{ download_button }</div>
                { downloaded_note }
            </div>
        },
        Some(Unusable::NoRoom { why, .. }) => html! {
            <div class="warning-panel" role="alert" aria-labelledby="storage-unusable-title" id="storage-unusable">
                <h2 class="notice__title" id="storage-unusable-title">{ format!("{} could not be read, and has been left as it was", w.yours) }</h2>
                <p>{ format!(
                    "ulo could not read what is saved in this browser under \"{}\" ({why}). There is no room left in this browser's storage to keep a copy of it, so it has not been changed, and nothing will be saved until you choose what to do. {} is shown meanwhile; changes you make to it are not kept.",
                    key.as_deref().unwrap_or(T::KEY),
                    capital(w.fresh)
                ) }</p>
                <p>{ "Download the unreadable save to keep it as a file. Starting again writes over it in this browser, so download it first if you may need it." }</p>
                <div class="button-group">
                    { download_button }
                    <button type="button" class="button button--warning" id="storage-replace" onclick={replace}>{ w.replace }</button>
                </div>
                { downloaded_note }
            </div>
        },
    };

    // The two states a tab cannot save in share one notice; only the words differ.
    let tab_words = match *tab {
        Tab::Waiting | Tab::Writer => None,
        Tab::Elsewhere => Some((
            "Open in another tab",
            "is open in another tab or window of this browser, and that tab saves it. So that one does not write over the other, this tab does not save: changes you make here are not kept.",
            "To work here instead, take it over: this tab opens the latest save and saves from then on, and the other tab stops saving.",
            "Use it in this tab instead",
        )),
        Tab::Stopped => Some((
            "Now saved from another tab",
            "has been opened or saved in another tab or window, which now saves it. This tab has stopped saving, so that it cannot write over that work: changes you make here are not kept.",
            "To work here again, take it back: this tab opens the latest save, and the other tab stops saving.",
            "Use it in this tab again",
        )),
    };
    let tab_notice = match tab_words {
        None => html! {},
        Some((title, situation, remedy, button)) => html! {
            <div class="notice notice--warning" role="alert" aria-labelledby="storage-tab-title" id="storage-tab">
                <h2 class="notice__title" id="storage-tab-title">{ title }</h2>
                <p>{ format!("{} {situation}", w.yours) }</p>
                <p>{ remedy }</p>
                <div class="button-group">
                    <button type="button" class="button" id="storage-take-over" onclick={take_over}>{ button }</button>
                </div>
            </div>
        },
    };

    Saving {
        notices: html! { <>{ unusable_notice }{ tab_notice }</> },
        saved_at: (*saved_at).clone(),
    }
}
