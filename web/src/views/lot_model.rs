//! "How this lot is evaluated" (issue 15): per lot, the evaluation model the protocol allows
//! (weighted total, price per quality point, quality then price, quality only at a fixed
//! price, price only), the price formula where the protocol leaves a choice, the benchmark's
//! figures when benchmark price scoring is chosen, and the lot's basket of rates.
//!
//! Every field is bound by JSON pointer to the tender's `lots[i].evaluation`,
//! `lots[i].price_benchmark` and `lots[i].rates` (the shapes agreed in the contract),
//! so the core's problems land on the field they are about. The weighted total is the default:
//! choosing it removes the `evaluation` object (unless a formula is chosen), so a tender that
//! never chose a model keeps the bytes it had.

use crate::app::{dispatch, Ctx};
use crate::engine::LotChoices;
use crate::pointer::{self, field_id};
use crate::state::{Action, Doc};
use crate::views::fields::{Field, Kind, Radios, Select};
use crate::views::form::{value_of, Bind};
use serde_json::{json, Map, Value};
use yew::prelude::*;

/// A model's name and what it means, in plain words.
pub fn model_words(model: &str) -> (&'static str, &'static str) {
    match model {
        "weighted" => (
            "Weighted total",
            "Each criterion's marks, by its published weight, added up. The highest total wins.",
        ),
        "price_per_quality_point" => (
            "Price per quality point",
            "The price divided by the quality marks. The lowest cost per quality point wins.",
        ),
        "sequential" => (
            "Quality first, then price",
            "Bids that reach the quality pass mark go on to a second stage, decided on price or on the weighted total.",
        ),
        "quality_only" => (
            "Quality only, at a fixed price",
            "Every bid offers the published price, and quality alone decides.",
        ),
        "price_only" => (
            "Price only",
            "Quality is not scored. The lowest price (or whole-life cost) wins; pass/fail conditions still apply.",
        ),
        _ => ("Another model", "A model this app does not describe."),
    }
}

/// A price formula's name, in plain words.
pub fn formula_words(formula: &str) -> &'static str {
    match formula {
        "lowest_price_ratio" => {
            "Relative to the lowest price (lowest price ÷ this price × the marks)"
        }
        "linear_ceiling_floor" => {
            "A straight line: full marks at the price floor, none at the affordability ceiling"
        }
        "benchmark" => "Against a published benchmark price",
        _ => "Another formula",
    }
}

/// The kinds of rate, in plain words.
const RATE_KINDS: [(&str, &str); 6] = [
    ("day", "Day"),
    ("night", "Night"),
    ("weekend", "Weekend"),
    ("sleep_in", "Sleep-in"),
    ("waking_night", "Waking night"),
    ("other", "Other"),
];

/// Whether a model scores price by a formula (so that a lot may choose its formula).
fn scores_price(model: &str, then: &str) -> bool {
    matches!(model, "weighted" | "price_only") || (model == "sequential" && then == "weighted")
}

/// The `evaluation` object to write when the lot's model becomes `model`: its own settings
/// kept where they still apply, the chosen formula kept, and nothing at all for the weighted
/// total without a formula (the default).
pub fn evaluation_for(current: Option<&Value>, model: &str) -> Option<Value> {
    let keep = |k: &str| current.and_then(|c| c.get(k)).cloned();
    let mut e = Map::new();
    e.insert("model".into(), Value::String(model.into()));
    let own: &[&str] = match model {
        "price_per_quality_point" => &["quality_threshold_percent"],
        "sequential" => &["pass_mark_percent", "then"],
        "quality_only" => &["fixed_price"],
        "price_only" => &["basis"],
        _ => &[],
    };
    for k in own {
        if let Some(v) = keep(k) {
            e.insert((*k).into(), v);
        }
    }
    // The contract's defaults, written out so that the form and the file agree.
    if model == "sequential" && !e.contains_key("then") {
        e.insert("then".into(), json!("lowest_price"));
    }
    if model == "price_only" && !e.contains_key("basis") {
        e.insert("basis".into(), json!("price"));
    }
    let then = e.get("then").and_then(Value::as_str).unwrap_or("");
    if scores_price(model, then) {
        if let Some(f) = keep("price_formula") {
            e.insert("price_formula".into(), f);
        }
    }
    if model == "weighted" && e.len() == 1 {
        return None;
    }
    Some(Value::Object(e))
}

fn set(ctx: &Ctx, pointer: String, value: Option<Value>) {
    dispatch(
        ctx,
        Action::Set {
            doc: Doc::Tender,
            pointer,
            value,
        },
    );
}

/// The part of a lot's fieldset that says how the lot is evaluated.
pub fn lot_evaluation(ctx: &Ctx, bind: &Bind, choices: &LotChoices, i: usize, lot: &Value) -> Html {
    let base = format!("/lots/{i}");
    let eval = lot.get("evaluation");
    let model = eval
        .and_then(|e| e.get("model"))
        .and_then(Value::as_str)
        .unwrap_or("weighted")
        .to_string();
    let then = eval
        .and_then(|e| e.get("then"))
        .and_then(Value::as_str)
        .unwrap_or("lowest_price")
        .to_string();
    let f = |p: &str, l: &str, h: Option<&str>, k: Kind, c: Option<&'static str>| {
        bind.field(&format!("{base}{p}"), l, h, k, c)
    };
    let radios = |p: &str,
                  legend: &str,
                  options: Vec<(String, String, Option<String>)>,
                  selected: &str,
                  default: &str| {
        let pointer = format!("{base}{p}");
        let ctx = ctx.clone();
        let p2 = pointer.clone();
        let onchange =
            Callback::from(move |v: String| set(&ctx, p2.clone(), Some(Value::String(v))));
        html! {
            <Radios id={field_id("tender", &pointer)} legend={legend.to_string()} {options}
                selected={if selected.is_empty() { default.to_string() } else { selected.to_string() }}
                error={bind.error(&pointer)} inline={true} {onchange} />
        }
    };

    // The fields that belong to the chosen model, revealed under its radio.
    let reveal = match model.as_str() {
        "price_per_quality_point" => f(
            "/evaluation/quality_threshold_percent",
            "Quality threshold (%)",
            Some("A bid scoring below this share of the quality marks is excluded, with the reason. Leave empty for none."),
            Kind::Decimal,
            Some("w-5"),
        ),
        "sequential" => html! { <>
            { f("/evaluation/pass_mark_percent", "Quality pass mark (%)", Some("The share of the quality marks a bid needs to go on to the second stage."), Kind::Decimal, Some("w-5")) }
            { radios("/evaluation/then", "Then, among the bids that pass", vec![
                ("lowest_price".into(), "The lowest price wins".into(), None),
                ("weighted".into(), "The weighted total ranks them".into(), None),
            ], &then, "lowest_price") }
        </> },
        "quality_only" => f(
            "/evaluation/fixed_price",
            "The fixed price (GBP)",
            Some("Every bid must offer this price; a bid at another price is excluded, with the reason."),
            Kind::Decimal,
            Some("w-10"),
        ),
        "price_only" => radios(
            "/evaluation/basis",
            "What the price stands for",
            vec![
                ("price".into(), "The price".into(), None),
                ("whole_life_cost".into(), "The whole-life cost".into(), None),
            ],
            &pointer::text(lot, "/evaluation/basis"),
            "price",
        ),
        _ => Html::default(),
    };

    let model_radios = if choices.models.len() > 1 || model != "weighted" {
        let mut offered = choices.models.clone();
        if !offered.contains(&model) {
            // A model the protocol no longer allows is still shown, so the core's problem with
            // it has a field to point at.
            offered.push(model.clone());
        }
        let options: Vec<_> = offered
            .iter()
            .map(|m| {
                let (l, h) = model_words(m);
                (m.clone(), l.to_string(), Some(h.to_string()))
            })
            .collect();
        let ctx2 = ctx.clone();
        let pointer = format!("{base}/evaluation");
        let current = eval.cloned();
        let onchange = Callback::from(move |m: String| {
            set(&ctx2, pointer.clone(), evaluation_for(current.as_ref(), &m));
        });
        html! {
            <Radios id={field_id("tender", &format!("{base}/evaluation/model"))} legend="How this lot is evaluated"
                hint={Some(AttrValue::from("The protocol allows these models. The tender must publish the one chosen and apply it as published."))}
                {options} selected={model.clone()} error={bind.error(&format!("{base}/evaluation/model"))}
                reveal={reveal} {onchange} />
        }
    } else {
        Html::default()
    };

    // The formula: the lot's own choice, else the protocol's.
    let chosen_formula = pointer::text(lot, "/evaluation/price_formula");
    let formula = if chosen_formula.is_empty() {
        choices.own_formula.clone().unwrap_or_default()
    } else {
        chosen_formula.clone()
    };
    let formula_select = if scores_price(&model, &then)
        && (!choices.formulas.is_empty() || !chosen_formula.is_empty())
    {
        let own = choices
            .own_formula
            .as_deref()
            .map(|f| format!("The protocol's own: {}", formula_words(f).to_lowercase()))
            .unwrap_or_else(|| "The protocol's own".into());
        let mut options = vec![(String::new(), own)];
        for f in &choices.formulas {
            if Some(f.as_str()) != choices.own_formula.as_deref() {
                options.push((f.clone(), formula_words(f).to_string()));
            }
        }
        if !chosen_formula.is_empty() && !options.iter().any(|(v, _)| *v == chosen_formula) {
            options.push((
                chosen_formula.clone(),
                formula_words(&chosen_formula).into(),
            ));
        }
        let ctx2 = ctx.clone();
        let pointer = format!("{base}/evaluation");
        let current = eval.cloned();
        let m = model.clone();
        let onchange = Callback::from(move |v: String| {
            let mut e =
                evaluation_for(current.as_ref(), &m).unwrap_or_else(|| json!({"model": m.clone()}));
            if let Some(o) = e.as_object_mut() {
                if v.is_empty() {
                    o.remove("price_formula");
                } else {
                    o.insert("price_formula".into(), Value::String(v));
                }
            }
            let e = if e == json!({"model": "weighted"}) {
                None
            } else {
                Some(e)
            };
            set(&ctx2, pointer.clone(), e);
        });
        html! {
            <Select id={field_id("tender", &format!("{base}/evaluation/price_formula"))} label="How price is scored in this lot"
                hint={Some(AttrValue::from("The protocol lets each lot choose its price formula."))}
                options={options} selected={chosen_formula.clone()}
                error={bind.error(&format!("{base}/evaluation/price_formula"))} {onchange} />
        }
    } else {
        Html::default()
    };

    let benchmark = if formula == "benchmark" && scores_price(&model, &then) {
        html! {
            <fieldset class="fieldset" id={field_id("tender", &format!("{base}/price_benchmark"))}>
                <legend class="legend">{ "The benchmark price" }</legend>
                <p class="hint">{ "A bid at the benchmark earns the share of the price marks given here; each 1% below it earns more, each 1% above it less, never below none or above full marks." }</p>
                { f("/price_benchmark/price", "Benchmark price (GBP)", Some("The published benchmark or budget for the lot."), Kind::Decimal, Some("w-10")) }
                { f("/price_benchmark/marks_at_benchmark_percent", "Share of the price marks at the benchmark (%)", Some("Such as 50."), Kind::Decimal, Some("w-5")) }
                { f("/price_benchmark/gain_per_percent_below", "Percentage points gained for each 1% below the benchmark", Some("Such as 1."), Kind::Decimal, Some("w-5")) }
                { f("/price_benchmark/loss_per_percent_above", "Percentage points lost for each 1% above the benchmark", Some("Such as 2."), Kind::Decimal, Some("w-5")) }
            </fieldset>
        }
    } else {
        Html::default()
    };

    html! {
        <div class="lot-model">
            { model_radios }
            { formula_select }
            { benchmark }
            { rates_table(ctx, bind, i, lot) }
        </div>
    }
}

/// A rate's field in the table: a text box whose label, read by assistive technology, names
/// the rate and the column ("Rate 2, volume"), shown visually by the column heading.
fn rate_cell(bind: &Bind, pointer: String, label: String, kind: Kind) -> Html {
    let set = bind.set.clone();
    let p = pointer.clone();
    let onchange = Callback::from(move |text: String| set.emit((p.clone(), value_of(kind, &text))));
    html! {
        <Field id={field_id("tender", &pointer)} label={label} label_hidden={true}
            value={pointer::text(&bind.doc, &pointer)} error={bind.error(&pointer)} {kind}
            class={Some("w-full")} defer={bind.defer} {onchange} />
    }
}

/// The lot's basket of rates: each rate with its reference, title, kind, unit, indicative
/// volume and optional ceiling; add, edit, remove. With rates, a bid's price for the lot is the
/// basket (each rate times its volume, added up), which the core works out.
fn rates_table(ctx: &Ctx, bind: &Bind, i: usize, lot: &Value) -> Html {
    let base = format!("/lots/{i}/rates");
    let rates = lot
        .get("rates")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let add = {
        let ctx = ctx.clone();
        let base = base.clone();
        let n = rates.len() + 1;
        let id = crate::views::tender::unused_id(&rates, "rate-", n);
        Callback::from(move |_: MouseEvent| {
            // No title or volume yet: an empty figure would be an error the user did not make.
            let value = json!({"id": id, "kind": "day", "unit": "hour"});
            if n == 1 {
                set(&ctx, base.clone(), Some(json!([value])));
            } else {
                dispatch(
                    &ctx,
                    Action::Push {
                        doc: Doc::Tender,
                        pointer: base.clone(),
                        value,
                    },
                );
            }
            ctx.announce.emit(format!(
                "Rate {n} added to lot {}. Give its title and volume in the table.",
                i + 1
            ));
        })
    };
    let rows = rates.iter().enumerate().map(|(k, r)| {
        let who = format!("Rate {}", k + 1);
        let kind_now = r.get("kind").and_then(Value::as_str).unwrap_or("day").to_string();
        let set_kind = {
            let ctx = ctx.clone();
            let pk = format!("/lots/{i}/rates/{k}/kind");
            Callback::from(move |v: String| set(&ctx, pk.clone(), Some(Value::String(v))))
        };
        let remove = {
            let ctx = ctx.clone();
            let base = base.clone();
            let title = r.get("title").and_then(Value::as_str).unwrap_or("").to_string();
            let last = rates.len() == 1;
            Callback::from(move |_: MouseEvent| {
                if last {
                    set(&ctx, base.clone(), None);
                } else {
                    set(&ctx, format!("/lots/{i}/rates/{k}"), None);
                }
                let name = if title.trim().is_empty() { format!("Rate {}", k + 1) } else { format!("The rate \"{title}\"") };
                ctx.announce.emit(format!("{name} removed from lot {}.", i + 1));
            })
        };
        html! {
            <tr>
                <td data-label="Reference">{ rate_cell(bind, format!("/lots/{i}/rates/{k}/id"), format!("{who}, reference"), Kind::Text) }</td>
                <td data-label="Title">{ rate_cell(bind, format!("/lots/{i}/rates/{k}/title"), format!("{who}, title"), Kind::Text) }</td>
                <td data-label="Kind">
                    <Select id={field_id("tender", &format!("/lots/{i}/rates/{k}/kind"))} label={format!("{who}, kind")} label_hidden={true}
                        options={RATE_KINDS.iter().map(|(v, l)| (v.to_string(), l.to_string())).collect::<Vec<_>>()}
                        selected={kind_now} error={bind.error(&format!("/lots/{i}/rates/{k}/kind"))} onchange={set_kind} />
                </td>
                <td data-label="Unit">{ rate_cell(bind, format!("/lots/{i}/rates/{k}/unit"), format!("{who}, unit"), Kind::Text) }</td>
                <td data-label="Volume" class="num">{ rate_cell(bind, format!("/lots/{i}/rates/{k}/volume"), format!("{who}, indicative volume"), Kind::Decimal) }</td>
                <td data-label="Ceiling" class="num">{ rate_cell(bind, format!("/lots/{i}/rates/{k}/ceiling"), format!("{who}, ceiling (GBP)"), Kind::Decimal) }</td>
                <td class="actions">
                    <button type="button" class="button button--link" id={format!("remove-rate-{i}-{k}")} onclick={remove}>
                        { "Remove" }<span class="visually-hidden">{ format!(" rate {} of lot {}", k + 1, i + 1) }</span>
                    </button>
                </td>
            </tr>
        }
    });
    let caption_id = format!("rates-caption-{i}");
    html! {
        <div class="rates" id={field_id("tender", &base)}>
            <h3 class="heading-s">{ format!("Lot {}: basket of rates", i + 1) }</h3>
            <p class="hint">{ "Optional. Where the price is a set of rates (per hour of day, night, weekend or sleep-in support), list each with its indicative volume in the rate's unit (hours, nights) and, if there is one, its ceiling: a bid's price is then each rate times its volume, added up." }</p>
            if !rates.is_empty() {
                <div class="scroll" role="region" tabindex="0" aria-labelledby={caption_id.clone()}>
                    <table class="table table--reflow rates__table">
                        <caption id={caption_id}>{ format!("Rates for lot {}", i + 1) }</caption>
                        <thead><tr>
                            <th scope="col">{ "Reference" }</th>
                            <th scope="col">{ "Title" }</th>
                            <th scope="col">{ "Kind" }</th>
                            <th scope="col">{ "Unit" }</th>
                            <th scope="col" class="num">{ "Volume" }</th>
                            <th scope="col" class="num">{ "Ceiling (£)" }</th>
                            <th scope="col">{ "Actions" }</th>
                        </tr></thead>
                        <tbody>{ for rows }</tbody>
                    </table>
                </div>
            }
            <button type="button" class="button button--secondary" onclick={add}>{ format!("Add a rate to lot {}", i + 1) }</button>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::evaluation_for;
    use serde_json::json;

    #[test]
    fn choosing_a_model_keeps_what_still_applies_and_the_weighted_total_writes_nothing() {
        let ppqp = json!({"model": "price_per_quality_point", "quality_threshold_percent": "60"});
        assert_eq!(evaluation_for(Some(&ppqp), "weighted"), None);
        assert_eq!(
            evaluation_for(Some(&ppqp), "price_per_quality_point"),
            Some(ppqp.clone())
        );
        assert_eq!(
            evaluation_for(Some(&ppqp), "sequential"),
            Some(json!({"model": "sequential", "then": "lowest_price"}))
        );
        assert_eq!(
            evaluation_for(None, "price_only"),
            Some(json!({"model": "price_only", "basis": "price"}))
        );
        let with_formula = json!({"model": "weighted", "price_formula": "benchmark"});
        assert_eq!(
            evaluation_for(Some(&with_formula), "weighted"),
            Some(with_formula.clone())
        );
        // Price per quality point divides the price itself: no formula to keep.
        assert_eq!(
            evaluation_for(Some(&with_formula), "price_per_quality_point"),
            Some(json!({"model": "price_per_quality_point"}))
        );
        assert_eq!(
            evaluation_for(Some(&with_formula), "price_only"),
            Some(json!({"model": "price_only", "basis": "price", "price_formula": "benchmark"}))
        );
    }
}
