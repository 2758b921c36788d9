//! Pages addressed by the location hash (`#/tender`). The hash is the apps' only router: a page
//! can be bookmarked, reloaded and reached with the browser's back button, and the static
//! server is never asked for anything but the app itself.

use yew::{Callback, MouseEvent};

/// The pages an app moves between, each named in the address by a slug. The page shown when
/// the address names none (or one the app does not have) is the `Default`.
pub trait Page: Copy + PartialEq + Default + 'static {
    /// Every page, in the order the app lists them.
    const ALL: &'static [Self];

    /// The page's name in the address.
    fn slug(self) -> &'static str;

    /// The page's address, for a link's `href`, so that a link still works when opened in a
    /// new tab or copied.
    fn href(self) -> String {
        format!("#/{}", self.slug())
    }

    /// The page an address names, if the app has it.
    fn from_hash(hash: &str) -> Option<Self> {
        let slug = hash.strip_prefix("#/")?;
        Self::ALL.iter().copied().find(|p| p.slug() == slug)
    }
}

/// The page the address names now, if any.
pub(super) fn in_address<P: Page>() -> Option<P> {
    P::from_hash(&gloo::utils::window().location().hash().unwrap_or_default())
}

/// Writes a page into the address, so that back and forward and a reload find it.
pub fn to_address<P: Page>(page: P) {
    let _ = gloo::utils::window()
        .location()
        .set_hash(&format!("/{}", page.slug()));
}

/// The click handler of a link to `to`: the app moves there itself (and so can move focus to
/// the new page's heading) rather than leaving it to the browser.
pub fn follow<P: Page>(go: &Callback<P>, to: P) -> Callback<MouseEvent> {
    let go = go.clone();
    Callback::from(move |e: MouseEvent| {
        e.prevent_default();
        go.emit(to);
    })
}
