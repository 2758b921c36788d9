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

fn tokens(pointer: &str) -> Vec<String> {
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
