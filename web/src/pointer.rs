//! Reading and writing JSON values by JSON pointer (RFC 6901), and the HTML ids of form fields.
//!
//! Every form field edits one place in a document, named by the same JSON pointer the core uses
//! in its problems; so a problem can link straight to the field it is about.

use serde_json::{Map, Value};

fn unescape(token: &str) -> String {
    token.replace("~1", "/").replace("~0", "~")
}

/// Escapes one token of a pointer.
pub fn escape(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

/// A pointer's reference tokens, unescaped (`~1` is `/`, `~0` is `~`).
pub fn tokens(pointer: &str) -> Vec<String> {
    pointer.split('/').skip(1).map(unescape).collect()
}

/// The value at `pointer`, if there is one.
pub fn get<'v>(value: &'v Value, pointer: &str) -> Option<&'v Value> {
    value.pointer(pointer)
}

/// Text at `pointer`: strings as they are, numbers and booleans written out, else empty.
pub fn text(value: &Value, pointer: &str) -> String {
    match get(value, pointer) {
        Some(Value::String(s)) => s.clone(),
        Some(Value::Number(n)) => n.to_string(),
        Some(Value::Bool(b)) => b.to_string(),
        _ => String::new(),
    }
}

/// Sets (or with `None`, removes) the value at `pointer`, creating objects on the way.
pub fn set(root: &mut Value, pointer: &str, new: Option<Value>) {
    let toks = tokens(pointer);
    let Some((last, parents)) = toks.split_last() else {
        if let Some(v) = new {
            *root = v;
        }
        return;
    };
    let mut here = root;
    for t in parents {
        let next = match here {
            Value::Object(m) => m
                .entry(t.clone())
                .or_insert_with(|| Value::Object(Map::new())),
            Value::Array(a) => match t.parse::<usize>().ok().and_then(|i| a.get_mut(i)) {
                Some(v) => v,
                None => return,
            },
            other => {
                *other = Value::Object(Map::new());
                match other {
                    Value::Object(m) => m
                        .entry(t.clone())
                        .or_insert_with(|| Value::Object(Map::new())),
                    _ => return,
                }
            }
        };
        here = next;
    }
    match (here, new) {
        (Value::Object(m), Some(v)) => {
            m.insert(last.clone(), v);
        }
        (Value::Object(m), None) => {
            m.remove(last);
        }
        (Value::Array(a), Some(v)) => match last.parse::<usize>() {
            Ok(i) if i < a.len() => a[i] = v,
            Ok(i) if i == a.len() => a.push(v),
            _ => {}
        },
        (Value::Array(a), None) => {
            if let Ok(i) = last.parse::<usize>() {
                if i < a.len() {
                    a.remove(i);
                }
            }
        }
        _ => {}
    }
}

/// The HTML id of the field that edits `pointer` in a document (`doc` is "tender", "bids"...).
/// Characters outside letters, digits, `-` and `_` become `_`, so any pointer gives a valid id.
pub fn field_id(doc: &str, pointer: &str) -> String {
    let mut id = format!("f-{doc}");
    for c in pointer.chars() {
        id.push(match c {
            '/' => '-',
            c if c.is_ascii_alphanumeric() || c == '_' || c == '-' => c,
            _ => '_',
        });
    }
    id
}

/// The words of one field of a tender, after "The ".
fn tender_field(path: &[&str]) -> Option<&'static str> {
    Some(match path {
        ["title"] => "title",
        ["authority"] => "contracting authority",
        ["id"] => "tender's reference",
        ["service"] => "description of the service",
        ["published"] => "date published",
        ["response_deadline"] => "deadline for responses",
        ["no_lots_reason"] => "reasons for not dividing into lots",
        ["reserved_for_user_led"] => "answer on reserving the contract",
        ["conditions"] => "conditions of participation",
        ["conditions", "minimum_turnover"] => "minimum yearly turnover",
        ["conditions", "insurance", ..] => "insurance cover asked for",
        ["conditions", "performance_bond"] => "performance bond",
        ["payment"] => "payment terms",
        ["payment", "terms_days"] => "days to pay a valid invoice",
        ["payment", "in_arrears"] => "answer on paying in arrears",
        ["payment", "by_results_percent"] => "share of the price paid on results",
        ["payment", "core_costs_contribution"] => "answer on core costs",
        ["weights"] => "weights",
        ["reservation", ..] => "ground the contract is reserved on",
        _ => return None,
    })
}

/// The words of one field of a lot, after "Lot 1's ".
fn lot_field(path: &[&str]) -> &'static str {
    match path {
        ["title"] => "title",
        ["id"] => "reference",
        ["value"] => "value",
        ["months"] => "contract length",
        ["price_ceiling"] => "affordability ceiling",
        ["price_floor"] => "price floor",
        ["evaluation"] | ["evaluation", "model"] => "evaluation model",
        ["evaluation", "quality_threshold_percent"] => "quality threshold",
        ["evaluation", "pass_mark_percent"] => "quality pass mark",
        ["evaluation", "then"] => "second stage",
        ["evaluation", "fixed_price"] => "fixed price",
        ["evaluation", "basis"] => "answer on what the price stands for",
        ["evaluation", "price_formula"] => "price formula",
        ["price_benchmark"] => "benchmark",
        ["price_benchmark", "price"] => "benchmark price",
        ["price_benchmark", "marks_at_benchmark_percent"] => {
            "share of the price marks at the benchmark"
        }
        ["price_benchmark", "gain_per_percent_below"] => "points gained below the benchmark",
        ["price_benchmark", "loss_per_percent_above"] => "points lost above the benchmark",
        ["rates"] => "basket of rates",
        _ => "details",
    }
}

/// The words of one field of a lot's rate, after "Lot 1's rate 2".
fn rate_field(path: &[&str]) -> &'static str {
    match path {
        [] => "",
        ["id"] => " reference",
        ["title"] => " title",
        ["kind"] => " kind",
        ["unit"] => " unit",
        ["volume"] => " indicative volume",
        ["ceiling"] => " ceiling",
        _ => " details",
    }
}

/// The words of one field of a bid, before " in the bid from ...".
fn bid_field(path: &[&str]) -> String {
    match path {
        ["id"] => "The bid reference".into(),
        ["lot"] => "The lot bid for".into(),
        ["price"] => "The price".into(),
        ["rates", r] => format!("The rate \"{r}\""),
        ["organisation", "name"] => "The bidder's name".into(),
        ["organisation", "legal_form"] => "The legal form".into(),
        ["organisation", "annual_turnover"] => "The annual turnover".into(),
        ["organisation", "board", ..] => "The board figures".into(),
        ["organisation", "staff", ..] => "The staff figures".into(),
        ["organisation", "volunteers", ..] => "The volunteer figures".into(),
        ["organisation", "workforce", ..] => "The workforce figures".into(),
        ["scores", c, e, ..] => format!("{e}'s score for {c}"),
        ["gates", g] => format!("The check \"{g}\""),
        ["facts", f] => format!("The figure \"{f}\""),
        rest => humane(rest.last().copied().unwrap_or("details")),
    }
}

/// A field's own name made readable ("annual_turnover" -> "The annual turnover"), for the few
/// fields without words of their own.
fn humane(token: &str) -> String {
    format!("The {}", token.replace('_', " "))
}

/// The field at `pointer` in a commissioner's document (`doc` is "tender" or "bids"), named as
/// the form labels it: "Lot 1's value", "The price in the bid from Northfield". Problems are
/// shown in these words, never by their JSON pointer; `title` gives a criterion's title by id.
pub fn label(
    doc: &str,
    root: &Value,
    pointer: &str,
    title: &dyn Fn(&str) -> String,
) -> Option<String> {
    let toks = tokens(pointer);
    let t: Vec<&str> = toks.iter().map(String::as_str).collect();
    match (doc, t.as_slice()) {
        (_, []) => None,
        ("tender", ["lots", n, rest @ ..]) => {
            let n = n.parse::<usize>().ok()? + 1;
            Some(match rest {
                [] => format!("Lot {n}"),
                ["rates", k, field @ ..] => {
                    let k = k.parse::<usize>().ok()? + 1;
                    format!("Lot {n}'s rate {k}{}", rate_field(field))
                }
                _ => format!("Lot {n}'s {}", lot_field(rest)),
            })
        }
        ("tender", ["lots"]) => Some("The lots".into()),
        ("tender", ["panel", n, rest @ ..]) => {
            let n = n.parse::<usize>().ok()? + 1;
            Some(match rest {
                [] => format!("Evaluator {n}"),
                ["name"] => format!("Evaluator {n}'s name"),
                ["role"] => format!("Evaluator {n}'s role"),
                ["id"] => format!("Evaluator {n}'s reference"),
                _ => format!("Evaluator {n}'s details"),
            })
        }
        ("tender", ["panel"]) => Some("The evaluation panel".into()),
        ("tender", ["weights", c]) => Some(format!("The weight of {}", title(c))),
        ("tender", ["procurement", field, ..]) => Some(match *field {
            "cpv" => "The CPV codes".to_string(),
            "nation" => "The nation".to_string(),
            "authority_type" => "The type of authority".to_string(),
            "regime" => "The law that applies".to_string(),
            "route" => "The route".to_string(),
            "started" => "The date the procurement began".to_string(),
            "value_including_vat" => "The value including VAT".to_string(),
            "planned_procurement_notice" => {
                "The answer on a planned procurement notice".to_string()
            }
            other => humane(other),
        }),
        ("tender", path) => Some(
            tender_field(path)
                .map(|w| format!("The {w}"))
                .unwrap_or_else(|| humane(path.last().copied().unwrap_or("details"))),
        ),
        ("bids", ["bids", n, rest @ ..]) => {
            let i = n.parse::<usize>().ok()?;
            let name = root
                .pointer(&format!("/bids/{i}/organisation/name"))
                .and_then(Value::as_str)
                .filter(|s| !s.trim().is_empty())
                .map(|s| format!("the bid from {s}"))
                .unwrap_or_else(|| format!("bid {}", i + 1));
            Some(match rest {
                [] => {
                    let mut c = name.chars();
                    c.next()
                        .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                        .unwrap_or_default()
                }
                ["scores", c, e, ..] => format!("{e}'s score for {} in {name}", title(c)),
                _ => format!("{} in {name}", bid_field(rest)),
            })
        }
        (_, path) => Some(humane(
            (path.iter().rev())
                .find(|t| t.parse::<usize>().is_err())
                .copied()
                .unwrap_or("details"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn title(c: &str) -> String {
        format!("<{c}>")
    }

    #[test]
    fn fields_are_named_as_the_form_labels_them() {
        let bids = json!({"bids": [{"organisation": {"name": "Northfield"}}, {}]});
        let l = |doc, p| label(doc, &bids, p, &title);
        assert_eq!(
            l("tender", "/lots/0/value").as_deref(),
            Some("Lot 1's value")
        );
        assert_eq!(l("tender", "/lots/2").as_deref(), Some("Lot 3"));
        assert_eq!(
            l("tender", "/lots/0/rates/1/volume").as_deref(),
            Some("Lot 1's rate 2 indicative volume")
        );
        assert_eq!(
            l("tender", "/lots/1/evaluation/quality_threshold_percent").as_deref(),
            Some("Lot 2's quality threshold")
        );
        assert_eq!(
            l("tender", "/lots/0/price_benchmark/price").as_deref(),
            Some("Lot 1's benchmark price")
        );
        let rate = format!("/bids/0/rates/{}", "night");
        assert_eq!(
            l("bids", &rate).as_deref(),
            Some("The rate \"night\" in the bid from Northfield")
        );
        assert_eq!(l("tender", "/title").as_deref(), Some("The title"));
        let weight = format!("/weights/{}", "price");
        assert_eq!(
            l("tender", &weight).as_deref(),
            Some("The weight of <price>")
        );
        assert_eq!(
            l("tender", "/panel/1/id").as_deref(),
            Some("Evaluator 2's reference")
        );
        assert_eq!(
            l("tender", "/procurement/cpv").as_deref(),
            Some("The CPV codes")
        );
        assert_eq!(
            l("bids", "/bids/0/price").as_deref(),
            Some("The price in the bid from Northfield")
        );
        assert_eq!(
            l("bids", "/bids/1/price").as_deref(),
            Some("The price in bid 2")
        );
        assert_eq!(
            l("bids", "/bids/0").as_deref(),
            Some("The bid from Northfield")
        );
        assert_eq!(l("tender", ""), None);
        for p in [
            "/lots/0/value",
            "/bids/0/price",
            "/conditions/insurance/0/amount",
            "/lots/0/rates/0/ceiling",
            "/lots/0/evaluation/pass_mark_percent",
            "/lots/0/price_benchmark/gain_per_percent_below",
        ] {
            let words = l("tender", p).unwrap_or_default();
            assert!(!words.contains('/') && !words.contains('_'), "{words}");
        }
    }
}
