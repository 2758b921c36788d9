//! The audit trail: a fingerprint of exactly which inputs produced a result.
//!
//! Each document is hashed (SHA-256) in canonical form: object keys sorted, no whitespace,
//! serde_json's string escaping; the bids of a bids document are put in order of their ids
//! first, so the order bids were entered never changes the hash. The result's `input_hash` is
//! the SHA-256 of the text `ulo-inputs/1` followed by one line per document, `<kind>:<hex>`.
//! Anyone can recompute it from the files (for example with `jq -cS` and `sha256sum`).

use crate::json::{sorted_entries, write_canonical, write_string};
use serde_json::Value;
use sha2::{Digest, Sha256};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// SHA-256 of some text, in lowercase hex.
pub fn sha256_hex(text: &str) -> String {
    hex(&Sha256::digest(text.as_bytes()))
}

/// The digest of a document's canonical JSON.
pub fn digest(value: &Value) -> String {
    let mut out = Vec::new();
    write_canonical(value, &mut out);
    hex(&Sha256::digest(&out))
}

/// The digest of a bids document, with its bids put in order of id first.
pub fn bids_digest(value: &Value) -> String {
    let Some(obj) = value.as_object() else {
        return digest(value);
    };
    let bids = match obj.get("bids") {
        Some(Value::Array(items)) => Some(
            items
                .iter()
                .map(|b| {
                    let id = b.get("id").and_then(Value::as_str).unwrap_or("");
                    let mut text = Vec::new();
                    write_canonical(b, &mut text);
                    (id.to_string(), text)
                })
                .collect(),
        ),
        _ => None,
    };
    bids_digest_parts(obj, bids)
}

/// The digest of a bids document given as its top-level fields and, when `bids` is a list,
/// each bid's id and canonical text (the `bids` entry of `obj` then only marks its place): so a
/// document read one bid at a time has the digest of the same document read whole.
pub(crate) fn bids_digest_parts(
    obj: &serde_json::Map<String, Value>,
    mut bids: Option<Vec<(String, Vec<u8>)>>,
) -> String {
    let mut out = vec![b'{'];
    for (i, (k, v)) in sorted_entries(obj).into_iter().enumerate() {
        if i > 0 {
            out.push(b',');
        }
        write_string(k, &mut out);
        out.push(b':');
        match (k.as_str(), bids.as_mut()) {
            ("bids", Some(bids)) => {
                bids.sort();
                out.push(b'[');
                for (j, (_, text)) in bids.iter().enumerate() {
                    if j > 0 {
                        out.push(b',');
                    }
                    out.extend_from_slice(text);
                }
                out.push(b']');
            }
            _ => write_canonical(v, &mut out),
        }
    }
    out.push(b'}');
    hex(&Sha256::digest(&out))
}

/// The combined hash recorded in results: `sha256:<hex>`.
pub fn input_hash(parts: &[(&str, &str)]) -> String {
    let mut text = String::from("ulo-inputs/1\n");
    for (kind, digest) in parts {
        text.push_str(&format!("{kind}:{digest}\n"));
    }
    format!("sha256:{}", sha256_hex(&text))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_vector() {
        assert_eq!(
            sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn bid_order_and_key_order_do_not_change_the_digest() {
        let a: Value = serde_json::from_str(
            r#"{"document":"bids","tender":"t","bids":[{"id":"b","lot":"l"},{"id":"a","lot":"l"}]}"#,
        )
        .unwrap();
        let b: Value = serde_json::from_str(
            r#"{"bids":[{"lot":"l","id":"a"},{"id":"b","lot":"l"}],"tender":"t","document":"bids"}"#,
        )
        .unwrap();
        assert_eq!(bids_digest(&a), bids_digest(&b));
        assert_ne!(digest(&a), digest(&b));
    }
}
