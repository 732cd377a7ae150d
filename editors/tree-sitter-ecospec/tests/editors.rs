//! The editors' copies of the queries are the grammar's queries, byte for
//! byte: Helix's runtime layout (`editors/helix/runtime/queries/ecospec/`)
//! and Neovim's (`editors/neovim/queries/ecospec/`) hold no file of their
//! own. `BLESS=1 cargo test -p tree-sitter-ecospec --test editors` copies
//! them again after a query changed. And Helix's `languages.toml` gives
//! the language the grammar, with the file types and scope of the
//! grammar's `tree-sitter.json`.
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::path::Path;

use test_support::{golden, repo_root};

/// The queries Helix reads (it has no folds query).
const HELIX: [&str; 4] = ["highlights", "indents", "locals", "textobjects"];

/// The queries Neovim and nvim-treesitter (with its text objects) read.
const NEOVIM: [&str; 5] = ["folds", "highlights", "indents", "locals", "textobjects"];

/// Every copy in `folder` equals the grammar's query, and the folder holds
/// those copies only.
fn copies_are_the_grammars(folder: &str, queries: &[&str]) {
    let root = repo_root();
    let grammar = root.join("editors/tree-sitter-ecospec/queries");
    let folder = root.join(folder);
    let mut problems = Vec::new();
    for query in queries {
        let file = format!("{query}.scm");
        let source = std::fs::read_to_string(grammar.join(&file)).unwrap();
        if let Err(problem) = golden(&folder.join(&file), &source) {
            problems.push(problem);
        }
    }
    let mut found: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    found.sort();
    let expected: Vec<String> = queries.iter().map(|q| format!("{q}.scm")).collect();
    assert_eq!(found, expected, "{}", folder.display());
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn helix_has_the_grammars_queries() {
    copies_are_the_grammars("editors/helix/runtime/queries/ecospec", &HELIX);
}

#[test]
fn neovim_has_the_grammars_queries() {
    copies_are_the_grammars("editors/neovim/queries/ecospec", &NEOVIM);
}

/// The one table of the array `array` of `table` whose `name` is
/// `name`.
fn named<'a>(table: &'a toml::Table, array: &str, name: &str) -> &'a toml::Table {
    let entries = table[array].as_array().unwrap();
    let found: Vec<&toml::Table> = entries
        .iter()
        .filter_map(|entry| entry.as_table())
        .filter(|entry| entry.get("name").and_then(|n| n.as_str()) == Some(name))
        .collect();
    assert_eq!(found.len(), 1, "one [[{array}]] named {name}");
    found[0]
}

#[test]
fn helix_languages_toml_gives_eco_files_the_grammar() {
    let root = repo_root();
    let text = std::fs::read_to_string(root.join("editors/helix/languages.toml")).unwrap();
    let config: toml::Table = toml::from_str(&text).unwrap();
    let grammar_config: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("editors/tree-sitter-ecospec/tree-sitter.json"))
            .unwrap(),
    )
    .unwrap();
    let grammar_config = &grammar_config["grammars"][0];

    let language = named(&config, "language", "ecospec");
    assert_eq!(language["grammar"].as_str(), Some("ecospec"));
    assert_eq!(language["scope"].as_str(), grammar_config["scope"].as_str());
    let file_types = |value: &toml::Value| -> Vec<String> {
        value
            .as_array()
            .unwrap()
            .iter()
            .map(|t| t.as_str().unwrap().to_string())
            .collect()
    };
    let grammar_types: Vec<String> = grammar_config["file-types"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap().to_string())
        .collect();
    assert_eq!(file_types(&language["file-types"]), grammar_types);
    assert_eq!(grammar_types, ["eco"]);
    assert_eq!(
        language["language-servers"].as_array().unwrap()[0].as_str(),
        Some("ecospec-lsp")
    );
    assert!(config["language-server"]
        .as_table()
        .unwrap()
        .contains_key("ecospec-lsp"));

    // The grammar: the folder of this crate, from a checkout (`path`) or
    // from the repository (`git` with `subpath`, commented out).
    let grammar = named(&config, "grammar", "ecospec");
    let source = grammar["source"].as_table().unwrap();
    let path = source["path"].as_str().unwrap();
    assert!(
        path.ends_with("/editors/tree-sitter-ecospec"),
        "{path}: the grammar's folder"
    );
    assert!(Path::new(env!("CARGO_MANIFEST_DIR")).ends_with("editors/tree-sitter-ecospec"));
    assert!(text.contains("subpath = \"editors/tree-sitter-ecospec\""));
}
