//! The app shell: layout, the workspace, and the announcement of score changes.

use crate::engine;
use crate::state::{Action, Workspace};
use crate::views::ranking::LotRanking;
use crate::views::score_editor::{ScoreChange, ScoreEditor};
use std::rc::Rc;
use yew::prelude::*;

/// What was true of a bid before the user's last change, to announce the difference.
#[derive(Clone, PartialEq)]
struct Before {
    bid: String,
    total: Option<String>,
    rank: Option<u32>,
}

#[function_component(App)]
pub fn app() -> Html {
    let workspace = use_reducer(Workspace::example);
    let before = use_state(|| None::<Before>);

    let scored = {
        let ws = workspace.clone();
        use_memo(ws, |ws| {
            ws.protocol()
                .map(|p| (Rc::new(engine::score(&p, &ws.tender, &ws.bids)), Rc::new(p)))
        })
    };

    let (scored, protocol) = match &*scored {
        Ok((s, p)) => (s.clone(), p.clone()),
        Err(problems) => {
            return html! {
                <main id="main">
                    <h1>{ "The protocol could not be read" }</h1>
                    <ul>{ for problems.iter().map(|p| html!{ <li>{ p.to_string() }</li> }) }</ul>
                </main>
            }
        }
    };

    let result = match &scored.result {
        Ok(r) => r.clone(),
        Err(problems) => {
            return html! {
                <main id="main">
                    <h1>{ "The documents could not be scored" }</h1>
                    <ul>{ for problems.iter().map(|p| html!{ <li>{ p.to_string() }</li> }) }</ul>
                </main>
            }
        }
    };

    let on_change = {
        let workspace = workspace.clone();
        let before = before.clone();
        let result = result.clone();
        Callback::from(move |c: ScoreChange| {
            let old = result.bids.iter().find(|b| b.bid == c.bid);
            before.set(Some(Before {
                bid: c.bid.clone(),
                total: old.and_then(|b| b.total.clone()),
                rank: old.and_then(|b| b.rank),
            }));
            workspace.dispatch(Action::SetScore {
                bid: c.bid,
                criterion: c.criterion,
                evaluator: c.evaluator,
                score: c.score,
            });
        })
    };

    let announcement = before.as_ref().and_then(|b| {
        let now = result.bids.iter().find(|r| r.bid == b.bid)?;
        let total = now.total.clone().unwrap_or_else(|| "not yet scored".into());
        let was = b.total.clone().unwrap_or_else(|| "not scored".into());
        let rank = match now.rank {
            Some(r) if Some(r) == b.rank => format!("still rank {r} in {}", now.lot),
            Some(r) => format!("now rank {r} in {}", now.lot),
            None => format!("not ranked ({})", now.status),
        };
        Some(format!(
            "Score saved. {}: total {total} (was {was}), {rank}.",
            now.bidder
        ))
    });

    html! {
        <>
            <a class="skip-link" href="#main">{ "Skip to main content" }</a>
            <header class="site-header">
                <p class="site-name">{ "ulo" }</p>
                <p class="site-strap">{ "Commissioning that user-led organisations can win. Everything stays on this computer." }</p>
            </header>
            <main id="main" tabindex="-1">
                <h1>{ format!("Scores: {}", result.tender.title) }</h1>
                <p class="lede">
                    { format!("{}. Protocol: {} {}, effective {}.", result.tender.authority, result.protocol.title, result.protocol.version, result.protocol.effective_date) }
                </p>
                <div role="status" aria-live="polite" class="announce" id="announce">
                    { announcement.unwrap_or_default() }
                </div>
                <section aria-labelledby="rankings-heading">
                    <h2 id="rankings-heading">{ "Rankings" }</h2>
                    { for result.lots.iter().map(|lot| html! { <LotRanking lot={lot.clone()} /> }) }
                </section>
                <section aria-labelledby="change-heading">
                    <h2 id="change-heading">{ "Change an evaluator's score" }</h2>
                    <ScoreEditor result={result.clone()} protocol={protocol.clone()} on_change={on_change} />
                </section>
                <footer class="audit">
                    <p>{ format!("Input hash: {}", result.input_hash) }</p>
                </footer>
            </main>
        </>
    }
}
