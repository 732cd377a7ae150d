//! Generated specs for property tests: valid token sequences with random
//! whitespace and comments between the tokens. Every spec has no syntax
//! error (its names may not resolve, and a cluster may have a misspelled
//! field: those are the checker's, not the parser's). Used by `ecospec
//! fmt`'s properties (`compiler/tests/fmt_props.rs`) and by the
//! tree-sitter grammar's agreement with the project's parser.

use proptest::prelude::*;

const NAMES: &[&str] = &[
    "a",
    "b",
    "c",
    "çevre_derneği",
    "lawyers-guild",
    "a_rather_long_capability_name",
    "another_rather_long_cluster_name",
];

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(NAMES).prop_map(str::to_string)
}

fn label() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::sample::select(&["\"A label\"", "\"é \\\"quoted\\\" \"", "\"\"", "\"tab\\t\""][..]),
        0..3,
    )
    .prop_map(|parts| parts.into_iter().map(str::to_string).collect())
}

fn list(min: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(name(), min..9).prop_map(|names| {
        let mut tokens = Vec::new();
        for (i, n) in names.into_iter().enumerate() {
            if i > 0 {
                tokens.push(",".to_string());
            }
            tokens.push(n);
        }
        tokens
    })
}

fn field(names: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
    (
        prop::sample::select(names),
        prop::bool::ANY,
        list(1),
        label(),
    )
        .prop_map(|(field, text, list, label)| {
            let mut tokens = vec![field.to_string(), ":".to_string()];
            if text && !label.is_empty() {
                tokens.extend(label);
            } else {
                tokens.extend(list);
            }
            tokens
        })
}

fn block(names: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(field(names), 0..4).prop_map(|fields| {
        let mut tokens = vec!["{".to_string()];
        tokens.extend(fields.into_iter().flatten());
        tokens.push("}".to_string());
        tokens
    })
}

const CLUSTER_FIELDS: &[&str] = &["bets_on", "needs", "cohesion", "strategy", "nedds"];
const ACTOR_FIELDS: &[&str] = &["in", "serves", "provides", "organizes"];
const BRIDGE_FIELDS: &[&str] = &["via", "through", "form", "unity"];
const ON_FIELDS: &[&str] = &["activate", "support"];

fn member() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        (
            prop::sample::select(&["capability", "scenario", "cluster"][..]),
            name(),
            label(),
            prop::option::of(block(CLUSTER_FIELDS))
        )
            .prop_map(|(kw, n, l, b)| [vec![kw.to_string(), n], l, b.unwrap_or_default()].concat()),
        (
            name(),
            prop::option::of(prop::sample::select(&["campaign", "union", "gang"][..])),
            label(),
            prop::option::of(block(ACTOR_FIELDS))
        )
            .prop_map(|(n, kind, l, b)| {
                let mut t = vec!["actor".to_string(), n];
                if let Some(kind) = kind {
                    t.push(":".to_string());
                    t.push(kind.to_string());
                }
                [t, l, b.unwrap_or_default()].concat()
            }),
        (
            name(),
            name(),
            name(),
            prop::bool::ANY,
            list(2),
            prop::option::of(block(BRIDGE_FIELDS))
        )
            .prop_map(|(n, x, y, between, among, b)| {
                let ends = if between {
                    vec!["between".to_string(), x, "and".to_string(), y]
                } else {
                    [vec!["among".to_string()], among].concat()
                };
                [vec!["bridge".to_string(), n], ends, b.unwrap_or_default()].concat()
            }),
        (name(), block(ON_FIELDS)).prop_map(|(n, b)| [vec!["on".to_string(), n], b].concat()),
    ]
}

fn attributes() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::sample::select(&["orphan-actor", "critical-bridge", "W0403", "no-such-lint"][..]),
        0..3,
    )
    .prop_map(|lints| {
        if lints.is_empty() {
            return Vec::new();
        }
        let mut t = vec!["@".to_string(), "allow".to_string(), "(".to_string()];
        for (i, lint) in lints.into_iter().enumerate() {
            if i > 0 {
                t.push(",".to_string());
            }
            t.push(lint.to_string());
        }
        t.push(")".to_string());
        t
    })
}

fn item() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        (attributes(), member()).prop_map(|(a, m)| [a, m].concat()),
        (
            name(),
            label(),
            prop::collection::vec((attributes(), member()), 0..3),
            prop::collection::vec((name(), block(ACTOR_FIELDS)), 0..2)
        )
            .prop_map(|(n, l, members, extends)| {
                let mut t = [
                    vec!["intervention".to_string(), n],
                    l,
                    vec![
                        "{".to_string(),
                        "goal".to_string(),
                        ":".to_string(),
                        "\"g\"".to_string(),
                    ],
                ]
                .concat();
                for (a, m) in members {
                    t.extend(a);
                    t.extend(m);
                }
                for (n, b) in extends {
                    t.extend(["extend".to_string(), "actor".to_string(), n]);
                    t.extend(b);
                }
                t.push("}".to_string());
                t
            }),
        label().prop_map(|l| [
            vec!["ecosystem".to_string()],
            l,
            vec!["{".to_string(), "}".to_string()]
        ]
        .concat()),
    ]
}

const SEPARATORS: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n",
    "\n    ",
    "\n\n",
    "\n\n\n",
    "\t",
    " // trailing\n",
    "   // aligned\n",
    "\n// own line\n",
    "\n\n// after a blank\n\n",
    "\n/// doc\n",
    "\r\n",
];

/// A whole spec: up to 8 top-level items (declarations, with attributes;
/// interventions holding members and `extend actor`; `ecosystem`), an
/// optional header comment, and a separator after every token.
pub fn spec() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(item(), 0..8),
        prop::collection::vec(prop::sample::select(SEPARATORS), 64),
        prop::option::of(prop::sample::select(
            &["// header\n\n", "/// doc first\n"][..],
        )),
    )
        .prop_map(|(items, seps, header)| {
            let mut text = header.unwrap_or_default().to_string();
            for (i, token) in items.into_iter().flatten().enumerate() {
                text.push_str(&token);
                text.push_str(seps[i % seps.len()]);
            }
            text
        })
}
