//! One writer across tabs, with the Web Locks API: the tab that holds the lock named after the
//! saved key saves; any other tab does not. Taking over steals the lock, which makes the tab
//! that held it hear so (its request is rejected) and stop saving.
//!
//! web-sys marks `LockManager` unstable (it needs `--cfg=web_sys_unstable_apis` for the whole
//! build), so the two calls used here are declared by hand.

use js_sys::{Function, Object, Promise, Reflect};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A lock asked for: releasing it lets another tab (or this one, opening the same work again)
/// have it. Each tender has its own lock, so a tab that moves to another tender releases the
/// one it leaves.
#[derive(Clone, Default)]
pub struct Holding(Rc<RefCell<Hold>>);

/// Where a request for a lock is.
#[derive(Default)]
enum Hold {
    /// Asked for; not yet answered.
    #[default]
    Asked,
    /// Held until this is called.
    Held(Function),
    /// Let go (or to be let go as soon as it is granted).
    Released,
}

impl Holding {
    /// Lets the lock go, now if it is held, or as soon as it is granted.
    pub fn release(&self) {
        if let Hold::Held(resolve) = std::mem::replace(&mut *self.0.borrow_mut(), Hold::Released) {
            let _ = resolve.call0(&JsValue::UNDEFINED);
        }
    }
}

#[wasm_bindgen]
extern "C" {
    /// `navigator.locks`.
    type LockManager;

    /// `navigator.locks.request(name, options, callback)`.
    #[wasm_bindgen(method)]
    fn request(this: &LockManager, name: &str, options: &JsValue, callback: &Function) -> Promise;
}

/// The browser's lock manager, if it has one (it needs a secure context: https or localhost).
fn manager() -> Option<LockManager> {
    let locks = Reflect::get(&gloo::utils::window().navigator(), &"locks".into()).ok()?;
    (!locks.is_undefined() && !locks.is_null()).then(|| locks.unchecked_into())
}

/// Asks for the lock `name`, to hold for the life of the page: when it is free, or (`steal`)
/// taking it from whichever tab holds it. `answer` hears whether this tab got it; `lost`, that
/// another tab took it afterwards. Gives `None` if the browser has no locks at all.
pub fn hold(
    name: &str,
    steal: bool,
    answer: impl FnOnce(bool) + 'static,
    lost: impl FnOnce() + 'static,
) -> Option<Holding> {
    let locks = manager()?;
    let options = Object::new();
    let option = if steal { "steal" } else { "ifAvailable" };
    if Reflect::set(&options, &option.into(), &JsValue::TRUE).is_err() {
        return None;
    }
    let holding = Holding::default();
    let slot = holding.0.clone();
    let granted = Closure::once_into_js(move |lock: JsValue| -> JsValue {
        let got = !lock.is_null() && !lock.is_undefined();
        answer(got);
        if got {
            // The lock is held until this promise settles: when released, or with the page.
            Promise::new(&mut |resolve, _| {
                let mut hold = slot.borrow_mut();
                match *hold {
                    Hold::Released => {
                        let _ = resolve.call0(&JsValue::UNDEFINED);
                    }
                    _ => *hold = Hold::Held(resolve),
                }
            })
            .into()
        } else {
            JsValue::UNDEFINED
        }
    });
    let request = locks.request(name, &options, granted.unchecked_ref());
    // The request is rejected (an AbortError) when another tab steals the lock.
    let on_lost = Closure::once(move |_: JsValue| lost());
    let _ = request.catch(&on_lost);
    on_lost.forget();
    Some(holding)
}
