//! The book (`docs/`, built by `mdbook build docs`): every relative link and
//! `#anchor` of its pages resolves to a page of the book and a heading of
//! that page, and every page is a chapter of `SUMMARY.md`. mdBook itself
//! only warns about some of these, and tests/run-all.sh builds it apart.
//! The language reference is complete: every keyword, every field of every
//! declaration and every value a field or an actor's kind accepts, as the
//! library's own tables list them, is documented in it. Every ```eco block
//! says what it is: `eco,expect=clean` (checked, no finding),
//! `eco,expect=W0403` (checked, exactly these codes; `expect=` may repeat)
//! or `eco,fragment` (a part of a spec: only parsed, without a syntax
//! error). The diagnostics chapter is generated from the explanations,
//! whose examples compiler/tests/explain.rs checks. The pages before the
//! chapter "For contributors" name none of the code's insides (crates,
//! source folders, modules), since organizers read them.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

use ecospec::check::{check, Options};
use ecospec::load::Input;
use ecospec::memfs::MemFs;
use ecospec::resolve::schema::{fields, FieldType, ACTOR_KINDS};
use ecospec_syntax::{DeclKind, TokenKind};
use test_support::repo_root;

/// A page of the book: its path under `docs/src` and its text, with its
/// `{{#include FILE}}` lines replaced by the file they name (as mdBook does).
struct Page {
    path: PathBuf,
    text: String,
}

fn src() -> PathBuf {
    repo_root().join("docs/src")
}

fn pages() -> Vec<Page> {
    let mut found = Vec::new();
    collect(&src(), &mut found);
    found.sort();
    found
        .into_iter()
        .map(|full| {
            let raw = std::fs::read_to_string(&full).unwrap();
            let dir = full.parent().unwrap().to_path_buf();
            let text = raw
                .lines()
                .map(|line| match included(line) {
                    Some(file) => std::fs::read_to_string(dir.join(file))
                        .unwrap_or_else(|_| panic!("{}: no file {file}", full.display())),
                    None => format!("{line}\n"),
                })
                .collect();
            Page {
                path: full.strip_prefix(src()).unwrap().to_path_buf(),
                text,
            }
        })
        .collect()
}

fn collect(dir: &Path, found: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            collect(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "md") {
            found.push(path);
        }
    }
}

fn included(line: &str) -> Option<&str> {
    line.trim()
        .strip_prefix("{{#include ")?
        .strip_suffix("}}")
        .map(str::trim)
}

/// A code fence as CommonMark reads one: up to three spaces, three or more
/// backticks or tildes (backticks not followed by another on the line), and
/// what follows them.
fn fence(line: &str) -> Option<(char, usize, &str)> {
    let trimmed = line.trim_start_matches(' ');
    if line.len() - trimmed.len() > 3 {
        return None;
    }
    let marker = trimmed
        .chars()
        .next()
        .filter(|ch| *ch == '`' || *ch == '~')?;
    let length = trimmed.chars().take_while(|ch| *ch == marker).count();
    let rest = &trimmed[length..];
    (length >= 3 && !(marker == '`' && rest.contains('`'))).then_some((marker, length, rest))
}

/// The lines of a page outside fenced code blocks, with their numbers.
fn prose(text: &str) -> Vec<(usize, &str)> {
    let mut open: Option<(char, usize)> = None;
    let mut lines = Vec::new();
    for (index, line) in text.lines().enumerate() {
        match (open, fence(line)) {
            (None, Some((marker, length, _))) => open = Some((marker, length)),
            (Some((marker, length)), Some((closing, run, rest)))
                if closing == marker && run >= length && rest.trim().is_empty() =>
            {
                open = None;
            }
            (None, None) => lines.push((index + 1, line)),
            _ => {}
        }
    }
    lines
}

/// The text of a line without its inline code spans (links inside them are
/// code, not links).
fn without_code(line: &str) -> String {
    line.split('`')
        .enumerate()
        .filter(|(index, _)| index % 2 == 0)
        .map(|(_, part)| part)
        .collect()
}

/// A heading's anchor as mdBook makes it: the heading's text (link targets
/// and markup left out), lower case, spaces as `-`, other punctuation
/// dropped.
fn anchor(heading: &str) -> String {
    let mut text = String::new();
    let mut rest = heading;
    // `[text](target)` keeps only `text`.
    while let Some(open) = rest.find("](") {
        text.push_str(&rest[..open]);
        let after = &rest[open + 2..];
        rest = after.find(')').map_or("", |close| &after[close + 1..]);
    }
    text.push_str(rest);
    text.chars()
        .filter_map(|ch| {
            if ch.is_alphanumeric() || ch == '_' || ch == '-' {
                Some(ch.to_lowercase().next().unwrap_or(ch))
            } else if ch.is_whitespace() {
                Some('-')
            } else {
                None
            }
        })
        .collect()
}

/// Every anchor of a page: one per heading, a repeated one numbered
/// `-1`, `-2` as mdBook does.
fn anchors(page: &Page) -> BTreeSet<String> {
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut all = BTreeSet::new();
    for (_, line) in prose(&page.text) {
        let hashes = line.chars().take_while(|ch| *ch == '#').count();
        if !(1..=6).contains(&hashes) || !line[hashes..].starts_with(' ') {
            continue;
        }
        let base = anchor(line[hashes..].trim());
        let count = seen.entry(base.clone()).or_insert(0);
        all.insert(if *count == 0 {
            base.clone()
        } else {
            format!("{base}-{count}")
        });
        *count += 1;
    }
    all
}

/// Every link target of a line: `[text](target "title")` and the
/// definitions `[label]: target`.
fn targets(line: &str) -> Vec<String> {
    let line = without_code(line);
    let mut found = Vec::new();
    let mut rest = line.as_str();
    while let Some(open) = rest.find("](") {
        let after = &rest[open + 2..];
        let end = after.find(')').unwrap_or(after.len());
        if let Some(target) = after[..end].split_whitespace().next() {
            found.push(target.trim_matches(['<', '>']).to_string());
        }
        rest = &after[end..];
    }
    let trimmed = line.trim_start();
    if trimmed.starts_with('[') {
        if let Some((_, target)) = trimmed.split_once("]: ") {
            if let Some(target) = target.split_whitespace().next() {
                found.push(target.to_string());
            }
        }
    }
    found
}

/// `base/../x` as `x`; `None` when it climbs out of the book.
fn normalize(path: &Path) -> Option<PathBuf> {
    let mut parts: Vec<&std::ffi::OsStr> = Vec::new();
    for component in path.components() {
        match component {
            Component::Normal(part) => parts.push(part),
            Component::ParentDir => {
                parts.pop()?;
            }
            Component::CurDir => {}
            Component::RootDir | Component::Prefix(_) => return None,
        }
    }
    Some(parts.iter().collect())
}

#[test]
fn every_relative_link_and_anchor_of_the_book_resolves() {
    let pages = pages();
    let by_path: BTreeMap<&Path, BTreeSet<String>> = pages
        .iter()
        .map(|page| (page.path.as_path(), anchors(page)))
        .collect();
    let mut broken = Vec::new();
    for page in &pages {
        for (number, line) in prose(&page.text) {
            for target in targets(line) {
                if target.contains("://") || target.starts_with("mailto:") {
                    continue;
                }
                let (file, fragment) = target.split_once('#').unwrap_or((&target, ""));
                let resolved = if file.is_empty() {
                    Some(page.path.clone())
                } else {
                    normalize(&page.path.parent().unwrap_or(Path::new("")).join(file))
                };
                let at = format!("docs/src/{}:{number}: `{target}`", page.path.display());
                let Some(resolved) = resolved else {
                    broken.push(format!("{at} leaves the book (docs/src)"));
                    continue;
                };
                if !src().join(&resolved).is_file() {
                    broken.push(format!("{at}: no file docs/src/{}", resolved.display()));
                    continue;
                }
                if fragment.is_empty() {
                    continue;
                }
                match by_path.get(resolved.as_path()) {
                    Some(anchors) if anchors.contains(fragment) => {}
                    Some(_) => broken.push(format!("{at}: no heading makes `#{fragment}`")),
                    None => broken.push(format!("{at}: an anchor into a file that is no page")),
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
}

#[test]
fn every_page_is_a_chapter_of_the_summary() {
    let summary = std::fs::read_to_string(src().join("SUMMARY.md")).unwrap();
    let listed: BTreeSet<String> = summary.lines().flat_map(targets).collect();
    let missing: Vec<String> = pages()
        .iter()
        .map(|page| page.path.display().to_string())
        .filter(|path| path != "SUMMARY.md" && !listed.contains(path))
        .collect();
    assert!(
        missing.is_empty(),
        "pages the book does not show (add them to docs/src/SUMMARY.md): {missing:?}"
    );
}

#[test]
fn anchors_are_made_as_mdbook_makes_them() {
    assert_eq!(
        anchor("E0305: invalid `ecospec.toml`"),
        "e0305-invalid-ecospectoml"
    );
    assert_eq!(anchor("The map: [`graph`](graph.md)"), "the-map-graph");
    let page = Page {
        path: PathBuf::from("x.md"),
        text: "# A\n```\n# not a heading\n```\n## A\n#no\n- ```` ```x ```` code\n## B\n"
            .to_string(),
    };
    assert_eq!(
        anchors(&page),
        BTreeSet::from(["a".to_string(), "a-1".to_string(), "b".to_string()])
    );
    assert_eq!(
        targets("see [x](a.md#b \"t\"), `[y](code.md)` and [z](c.md)"),
        ["a.md#b", "c.md"]
    );
}

/// The reference page of a declaration: `docs/src/reference/KEYWORD.md`.
fn reference_page(kind: DeclKind) -> (String, String) {
    let name = format!("reference/{}.md", kind.keyword());
    let text = std::fs::read_to_string(src().join(&name))
        .unwrap_or_else(|_| panic!("no page docs/src/{name} for `{}`", kind.keyword()));
    (name, text)
}

/// Whether `word` stands in the page's prose as code: `` `word` ``, alone
/// or starting a longer span (`` `word: value` ``).
fn shows(text: &str, word: &str) -> bool {
    prose(text).iter().any(|(_, line)| {
        line.split('`')
            .skip(1)
            .step_by(2)
            .any(|code| code == word || code.starts_with(&format!("{word}:")))
    })
}

#[test]
fn the_reference_documents_every_keyword_field_and_value() {
    let mut missing = Vec::new();
    let mut everything = std::fs::read_to_string(src().join("reference.md")).unwrap();
    for kind in TokenKind::declarations() {
        let (name, text) = reference_page(kind);
        for (field, field_type) in fields(kind) {
            // A field has its own heading: "### `needs`".
            let heading = prose(&text)
                .iter()
                .any(|(_, line)| line.starts_with("### ") && line.contains(&format!("`{field}`")));
            if !heading {
                missing.push(format!(
                    "docs/src/{name}: no heading for the field `{field}`"
                ));
            }
            let values = match field_type {
                FieldType::Enum(values) | FieldType::EnumList(values) => *values,
                FieldType::Text | FieldType::Names(_) => &[],
            };
            for value in values {
                if !shows(&text, value) {
                    missing.push(format!("docs/src/{name}: `{field}: {value}` is not shown"));
                }
            }
        }
        if kind == DeclKind::Actor {
            for actor_kind in ACTOR_KINDS {
                if !shows(&text, actor_kind) {
                    missing.push(format!(
                        "docs/src/{name}: the actor kind `{actor_kind}` is not shown"
                    ));
                }
            }
        }
        everything.push_str(&text);
    }
    for page in ["lexical", "levels"] {
        everything.push_str(
            &std::fs::read_to_string(src().join(format!("reference/{page}.md"))).unwrap(),
        );
    }
    for keyword in TokenKind::keywords() {
        if !shows(&everything, keyword) {
            missing.push(format!(
                "the keyword `{keyword}` is not shown in the reference"
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "the reference is incomplete:\n{}",
        missing.join("\n")
    );
}

#[test]
fn a_word_shows_only_as_code() {
    assert!(shows("use `tight` here", "tight"));
    assert!(shows("write `cohesion: tight`", "cohesion"));
    assert!(!shows("a tight cluster", "tight"));
    assert!(!shows("```\n`tight`\n```\n", "tight"));
}

/// The fenced code blocks of a page: the line of the opening fence, its
/// info string and the block's text.
fn blocks(text: &str) -> Vec<(usize, &str, String)> {
    let mut found: Vec<(usize, &str, String)> = Vec::new();
    let mut open: Option<(char, usize)> = None;
    for (index, line) in text.lines().enumerate() {
        match (open, fence(line)) {
            (None, Some((marker, length, info))) => {
                open = Some((marker, length));
                found.push((index + 1, info.trim(), String::new()));
            }
            (Some((marker, length)), Some((closing, run, rest)))
                if closing == marker && run >= length && rest.trim().is_empty() =>
            {
                open = None;
            }
            (Some(_), _) => {
                if let Some((_, _, body)) = found.last_mut() {
                    body.push_str(line);
                    body.push('\n');
                }
            }
            (None, None) => {}
        }
    }
    found
}

/// What an eco block must report: `None` for a fragment, else the codes
/// (empty: clean).
fn expected(info: &str) -> Result<Option<BTreeSet<String>>, String> {
    let mut codes = BTreeSet::new();
    let mut fragment = false;
    let mut said = false;
    for word in info.split(',').skip(1).map(str::trim) {
        match word.strip_prefix("expect=") {
            Some("clean") => said = true,
            Some(code) => {
                said = true;
                codes.insert(code.to_string());
            }
            None if word == "fragment" => fragment = true,
            None => {
                return Err(format!(
                    "`{word}` means nothing in an eco block's info string"
                ))
            }
        }
    }
    match (fragment, said) {
        (true, false) => Ok(None),
        (false, true) => Ok(Some(codes)),
        _ => Err("say `eco,expect=clean`, `eco,expect=CODE` or `eco,fragment`".to_string()),
    }
}

/// The codes `ecospec check` reports on a spec of one file.
fn reported(spec: &str) -> BTreeSet<String> {
    let mut fs = MemFs::new();
    let path = PathBuf::from("/book/example.eco");
    fs.insert(path.clone(), spec);
    let outcome = check(&fs, &[Input::File(path)], &Options::default()).unwrap();
    outcome
        .diagnostics
        .iter()
        .map(|diagnostic| diagnostic.code.to_string())
        .collect()
}

#[test]
fn every_eco_block_of_the_book_reports_what_it_says() {
    let mut wrong = Vec::new();
    let mut checked = 0;
    for page in pages() {
        if page.path == Path::new("diagnostics.md") {
            continue;
        }
        for (line, info, body) in blocks(&page.text) {
            if info.split(',').next() != Some("eco") {
                continue;
            }
            let at = format!("docs/src/{}:{line}", page.path.display());
            match expected(info) {
                Err(problem) => wrong.push(format!("{at}: {problem}")),
                Ok(None) => {
                    let errors = ecospec_syntax::parse(&body).errors;
                    if !errors.is_empty() {
                        wrong.push(format!("{at}: the fragment does not parse: {errors:?}"));
                    }
                }
                Ok(Some(codes)) => {
                    let got = reported(&body);
                    if got != codes {
                        wrong.push(format!("{at}: it says {codes:?}, ecospec reports {got:?}"));
                    }
                }
            }
            checked += 1;
        }
    }
    assert!(
        wrong.is_empty(),
        "eco blocks of the book:\n{}",
        wrong.join("\n")
    );
    assert!(checked > 0);
}

#[test]
fn an_eco_block_says_what_it_is() {
    assert_eq!(expected("eco,fragment"), Ok(None));
    assert_eq!(expected("eco,expect=clean"), Ok(Some(BTreeSet::new())));
    assert_eq!(
        expected("eco,expect=W0403,expect=W0404"),
        Ok(Some(BTreeSet::from([
            "W0403".to_string(),
            "W0404".to_string()
        ])))
    );
    assert!(expected("eco").is_err());
    assert!(expected("eco,fragment,expect=W0403").is_err());
    assert!(expected("eco,expected=W0403").is_err());
    assert_eq!(
        reported("cluster c { needs: x }\n"),
        BTreeSet::from(["E0201".to_string()])
    );
    let page = "text\n```eco,fragment\nactor a\n```\n";
    assert_eq!(blocks(page), [(2, "eco,fragment", "actor a\n".to_string())]);
}

/// Words that name the code's insides (crates, folders of the source,
/// modules, the parser generator), which only the chapter "For
/// contributors" may use: the other chapters are written for organizers.
const INTERNAL_NAMES: &[&str] = &[
    "ecospec-syntax",
    "ecospec-cli",
    "test_support",
    "test-support",
    "compiler/",
    "grammar/",
    "cli/src",
    "cli/tests",
    "lsp/src",
    "lsp/tests",
    "ecospec::",
    "resolve::",
    "lalrpop",
    "codespan",
    ".rs`",
    "cargo test",
    "cargo run",
];

/// The pages a reader meets before the chapter "For contributors" in
/// `SUMMARY.md`.
fn user_pages() -> BTreeSet<String> {
    let summary = std::fs::read_to_string(src().join("SUMMARY.md")).unwrap();
    summary
        .lines()
        .take_while(|line| !line.contains("[For contributors]"))
        .flat_map(targets)
        .collect()
}

/// The text a reader sees: HTML comments (`<!-- … -->`) left out.
fn without_comments(text: &str) -> String {
    let mut shown = String::new();
    let mut rest = text;
    while let Some(open) = rest.find("<!--") {
        shown.push_str(&rest[..open]);
        rest = rest[open..]
            .find("-->")
            .map_or("", |close| &rest[open + close + 3..]);
    }
    shown.push_str(rest);
    shown
}

/// The internal names a line uses. An install command may name the
/// package it installs (`cargo install --git URL ecospec-cli`).
fn internal_names(line: &str) -> Vec<&'static str> {
    let lower = line.to_lowercase();
    INTERNAL_NAMES
        .iter()
        .copied()
        .filter(|name| lower.contains(name))
        .filter(|name| !(*name == "ecospec-cli" && lower.contains("cargo install")))
        .collect()
}

#[test]
fn no_page_outside_for_contributors_names_the_code_s_insides() {
    let users = user_pages();
    assert!(users.contains("reference/lexical.md") && !users.contains("architecture.md"));
    let mut found = Vec::new();
    for page in pages() {
        if !users.contains(&page.path.display().to_string()) {
            continue;
        }
        for (index, line) in without_comments(&page.text).lines().enumerate() {
            for name in internal_names(line) {
                found.push(format!(
                    "docs/src/{} (line {} with includes): `{name}`",
                    page.path.display(),
                    index + 1
                ));
            }
        }
    }
    assert!(
        found.is_empty(),
        "internal names outside \"For contributors\" (say it in the movement's \
         words, or move it to a contributors' page):\n{}",
        found.join("\n")
    );
}

#[test]
fn internal_names_are_found_outside_comments_and_install_commands() {
    assert_eq!(internal_names("see `resolve::order`"), ["resolve::"]);
    assert_eq!(internal_names("The LALRPOP parser"), ["lalrpop"]);
    assert!(internal_names("cargo install --git URL ecospec-cli").is_empty());
    assert_eq!(internal_names("the crate ecospec-cli"), ["ecospec-cli"]);
    assert_eq!(
        without_comments("a <!-- compiler/src\nx --> b <!-- c"),
        "a  b "
    );
}
