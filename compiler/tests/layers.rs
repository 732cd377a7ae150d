//! The house rule of ARCHITECTURE.md: no two files of a crate import each
//! other, directly or around a circle.
//!
//! A file imports another when it names a path into it: `use crate::a::b`,
//! `use super::x`, a bare path into one of its own child modules, or the same
//! paths written inline (`crate::a::f()`). A `mod x;` declaration is not an
//! import, and neither are the crate root's re-exports (`lib.rs` is the
//! crate's facade). A path resolves to the deepest file it reaches.
#![allow(clippy::indexing_slicing)]

use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::{Path, PathBuf};

/// The crates' source folders, from the workspace root.
const CRATES: &[&str] = &[
    "grammar/src",
    "compiler/src",
    "lsp/src",
    "cli/src",
    "studio/src",
    "tests/support/src",
];

type Module = Vec<String>;

#[test]
fn no_file_of_a_crate_imports_itself_around_a_circle() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let mut report = String::new();
    for krate in CRATES {
        let src = root.join(krate);
        if !src.is_dir() {
            continue;
        }
        for cycle in cycles(&imports(&src)) {
            report.push_str(&format!("{krate}: {}\n", cycle.join(", ")));
        }
    }
    assert!(
        report.is_empty(),
        "files that import each other around a circle (move what both need into a file of its own):\n{report}"
    );
}

/// Each `.rs` file under `src`, relative, with the files it imports.
fn imports(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let files = rust_files(src);
    let modules: BTreeMap<Module, String> = files
        .iter()
        .map(|file| (module_of(file), file.clone()))
        .collect();
    let resolve = |path: &[String]| {
        (0..=path.len())
            .rev()
            .find_map(|n| modules.get(path.get(..n).unwrap_or_default()))
            .cloned()
    };
    let mut graph = BTreeMap::new();
    for file in &files {
        let me = module_of(file);
        let is_root = me.is_empty();
        let text = fs::read_to_string(src.join(file)).unwrap_or_default();
        let mut targets = BTreeSet::new();
        for (path, inline_depth) in paths(&code_only(&text)) {
            let Some(target) = absolute(&me, &path, inline_depth, &modules) else {
                continue;
            };
            if is_root {
                continue;
            }
            if let Some(target) = resolve(&target) {
                if &target != file {
                    targets.insert(target);
                }
            }
        }
        graph.insert(file.clone(), targets);
    }
    graph
}

/// `path`, written in the module `me` inside `inline_depth` inline modules
/// (`mod tests { … }`), made absolute; `None` for another crate's, or for a
/// path that stays in the file.
fn absolute(
    me: &[String],
    path: &[String],
    inline_depth: usize,
    modules: &BTreeMap<Module, String>,
) -> Option<Module> {
    let (first, rest) = path.split_first()?;
    match first.as_str() {
        "crate" => Some(rest.to_vec()),
        "self" if inline_depth > 0 => None,
        "self" => Some([me, rest].concat()),
        "super" => {
            let mut base = me.to_vec();
            let mut rest = path;
            let mut inline = inline_depth;
            while let Some(("super", tail)) = rest.split_first().map(|(s, t)| (s.as_str(), t)) {
                if inline > 0 {
                    inline -= 1;
                } else {
                    base.pop();
                }
                rest = tail;
            }
            (inline == 0).then(|| [base.as_slice(), rest].concat())
        }
        _ if inline_depth > 0 => None,
        _ => {
            // A bare path into a child module of this file's module.
            let child: Module = [me, std::slice::from_ref(first)].concat();
            modules.contains_key(&child).then(|| [me, path].concat())
        }
    }
}

fn rust_files(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    let mut folders = vec![src.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let Ok(entries) = fs::read_dir(&folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path: PathBuf = entry.path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                if let Ok(relative) = path.strip_prefix(src) {
                    files.push(relative.to_string_lossy().replace('\\', "/"));
                }
            }
        }
    }
    files.sort();
    files
}

/// `a/b.rs` → `[a, b]`; `a/mod.rs` → `[a]`; `lib.rs` → `[]`.
fn module_of(file: &str) -> Module {
    let stem = file.strip_suffix(".rs").unwrap_or(file);
    let mut parts: Module = stem.split('/').map(str::to_string).collect();
    if matches!(
        parts.last().map(String::as_str),
        Some("mod" | "lib" | "main")
    ) {
        parts.pop();
    }
    parts
}

/// The text without comments, strings and character literals.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '/' if chars.peek() == Some(&'*') => {
                let mut previous = ' ';
                for c in chars.by_ref() {
                    if previous == '*' && c == '/' {
                        break;
                    }
                    previous = c;
                }
                out.push(' ');
            }
            '"' => {
                let mut escaped = false;
                for c in chars.by_ref() {
                    match c {
                        '\\' if !escaped => escaped = true,
                        '"' if !escaped => break,
                        _ => escaped = false,
                    }
                }
                out.push_str("\"\"");
            }
            '\'' => {
                // A character literal ('x', '\n', '"') or a lifetime ('a).
                let literal: String = chars.clone().take(4).collect();
                let len = if literal.starts_with('\\') {
                    literal.find('\'').map(|i| i + 1)
                } else if literal.chars().nth(1) == Some('\'') {
                    Some(literal.chars().take(2).map(char::len_utf8).sum())
                } else {
                    None
                };
                if let Some(len) = len {
                    let mut taken = 0;
                    while taken < len {
                        taken += chars.next().map_or(len, char::len_utf8);
                    }
                }
                out.push(' ');
            }
            _ => out.push(c),
        }
    }
    out
}

/// Every path of two or more segments, `use` trees expanded, each with the
/// number of inline modules (`mod tests { … }`) it is written in.
fn paths(code: &str) -> Vec<(Module, usize)> {
    let tokens = tokens(code);
    let mut found = Vec::new();
    // The brace depth at which each open inline module's body starts.
    let mut inline: Vec<usize> = Vec::new();
    let mut depth = 0;
    let mut i = 0;
    while let Some(token) = tokens.get(i) {
        match token.as_str() {
            "mod" if tokens.get(i + 2).is_some_and(|t| t == "{") => {
                inline.push(depth + 1);
            }
            "{" => depth += 1,
            "}" => {
                if inline.last() == Some(&depth) {
                    inline.pop();
                }
                depth = depth.saturating_sub(1);
            }
            _ => {}
        }
        if token == "use" {
            let mut trees = Vec::new();
            let end = tokens
                .iter()
                .skip(i)
                .position(|t| t == ";")
                .map_or(tokens.len(), |n| i + n);
            let tree = tokens.get(i + 1..end).unwrap_or_default();
            expand(&[], tree, &mut trees);
            found.extend(trees.into_iter().map(|path| (path, inline.len())));
            i = end + 1;
            continue;
        }
        if is_ident(token) && tokens.get(i + 1).is_some_and(|t| t == "::") {
            let mut path = vec![token.clone()];
            let mut j = i + 1;
            while tokens.get(j).is_some_and(|t| t == "::") {
                match tokens.get(j + 1) {
                    Some(next) if is_ident(next) => path.push(next.clone()),
                    _ => break,
                }
                j += 2;
            }
            found.push((path, inline.len()));
            i = j;
            continue;
        }
        i += 1;
    }
    found
}

/// `a::{b, c::d}` → `a::b`, `a::c::d`.
fn expand(prefix: &[String], tree: &[String], found: &mut Vec<Module>) {
    let mut path = prefix.to_vec();
    let mut i = 0;
    while let Some(token) = tree.get(i) {
        match token.as_str() {
            "::" | "pub" => {}
            "{" => {
                let mut depth: usize = 0;
                let mut start = i + 1;
                for (j, t) in tree.iter().enumerate().skip(i) {
                    match t.as_str() {
                        "{" => depth += 1,
                        "}" | "," if depth == 1 => {
                            expand(&path, tree.get(start..j).unwrap_or_default(), found);
                            start = j + 1;
                            if t == "}" {
                                return;
                            }
                        }
                        "}" => depth = depth.saturating_sub(1),
                        _ => {}
                    }
                }
                return;
            }
            "as" => break,
            _ if is_ident(token) => path.push(token.clone()),
            _ => {}
        }
        i += 1;
    }
    if path.len() > prefix.len() {
        found.push(path);
    }
}

fn tokens(code: &str) -> Vec<String> {
    let mut tokens = Vec::new();
    let mut chars = code.char_indices().peekable();
    while let Some((start, c)) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            let mut end = start + c.len_utf8();
            while let Some(&(i, c)) = chars.peek() {
                if !(c.is_alphanumeric() || c == '_') {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            tokens.push(code.get(start..end).unwrap_or_default().to_string());
        } else if c == ':' && chars.peek().is_some_and(|&(_, c)| c == ':') {
            chars.next();
            tokens.push("::".to_string());
        } else if !c.is_whitespace() {
            tokens.push(c.to_string());
        }
    }
    tokens
}

fn is_ident(token: &str) -> bool {
    token
        .chars()
        .next()
        .is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// The strongly connected components of more than one file (Tarjan's).
fn cycles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    struct State<'g> {
        graph: &'g BTreeMap<String, BTreeSet<String>>,
        index: BTreeMap<&'g str, usize>,
        low: BTreeMap<&'g str, usize>,
        stack: Vec<&'g str>,
        found: Vec<Vec<String>>,
    }
    fn visit<'g>(state: &mut State<'g>, v: &'g str) {
        let n = state.index.len();
        state.index.insert(v, n);
        state.low.insert(v, n);
        state.stack.push(v);
        let graph = state.graph;
        for w in graph.get(v).into_iter().flatten() {
            let w = w.as_str();
            if !state.index.contains_key(w) {
                visit(state, w);
                let low = state.low[w].min(state.low[v]);
                state.low.insert(v, low);
            } else if state.stack.contains(&w) {
                let low = state.index[w].min(state.low[v]);
                state.low.insert(v, low);
            }
        }
        if state.low[v] == state.index[v] {
            let mut component = Vec::new();
            while let Some(w) = state.stack.pop() {
                component.push(w.to_string());
                if w == v {
                    break;
                }
            }
            if component.len() > 1 {
                component.sort();
                state.found.push(component);
            }
        }
    }
    let mut state = State {
        graph,
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        found: Vec::new(),
    };
    for v in graph.keys() {
        if !state.index.contains_key(v.as_str()) {
            visit(&mut state, v);
        }
    }
    state.found
}

#[test]
fn a_circle_through_a_mod_file_is_found() {
    let graph: BTreeMap<String, BTreeSet<String>> = [
        ("a/mod.rs", vec!["a/x.rs"]),
        ("a/x.rs", vec!["a/mod.rs"]),
        ("b.rs", vec!["a/x.rs"]),
    ]
    .into_iter()
    .map(|(f, ts)| (f.to_string(), ts.into_iter().map(str::to_string).collect()))
    .collect();
    assert_eq!(
        cycles(&graph),
        vec![vec!["a/mod.rs".to_string(), "a/x.rs".to_string()]]
    );
}

#[test]
fn use_trees_and_inline_paths_are_read() {
    let code = code_only(
        "use crate::a::{b, c::{d, e as f}};\n// use crate::comment;\nfn g() { super::h::i(\"crate::s\"); let c = '\"'; }",
    );
    let found: Vec<String> = paths(&code).iter().map(|(p, _)| p.join("::")).collect();
    assert_eq!(
        found,
        [
            "crate::a::b",
            "crate::a::c::d",
            "crate::a::c::e",
            "super::h::i"
        ]
    );
}

#[test]
fn a_path_in_an_inline_test_module_stays_in_its_file() {
    let code = code_only("mod tests {\n use super::*;\n}\nuse super::x;");
    let found = paths(&code);
    assert_eq!(found.len(), 2);
    let modules = BTreeMap::new();
    let me = vec!["a".to_string(), "b".to_string()];
    let first = found.first().map(|(p, d)| absolute(&me, p, *d, &modules));
    let second = found.get(1).map(|(p, d)| absolute(&me, p, *d, &modules));
    assert_eq!(first, Some(Some(vec!["a".to_string(), "b".to_string()])));
    assert_eq!(second, Some(Some(vec!["a".to_string(), "x".to_string()])));
}
