//! Robustness (the contract, section 4: "bad input gets a diagnostic, never a
//! panic"): random text, random bytes and mutated examples go through the
//! lexer, the parser and the whole check without a panic; inputs made
//! invalid by construction get their error at the right place; and the
//! extreme cases (empty, binary, 50 MB, 10,000 errors, an import out of the
//! folder, 100k nested braces, a very long line, CRLF) are checked one by one;
//! random `removes` (v1) are checked, judged and applied, and removing
//! everything a spec declares yields findings.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use ecospec::check::{check, Options, Outcome};
use ecospec::load::{Input, RealFs};
use ecospec::render::{self, HumanOptions};
use ecospec_syntax::lexer::{Lexer, Tok};
use ecospec_syntax::{DeclKind, Item};
use proptest::prelude::*;
use test_support::{eco_files, repo_root};

fn check_dir(dir: &Path) -> Outcome {
    check(
        &RealFs,
        &[Input::Folder(dir.to_path_buf())],
        &Options::default(),
    )
    .expect("check without --apply never fails")
}

/// Writes `bytes` as `spec.eco` in a new temporary folder and checks the folder.
fn check_bytes(bytes: &[u8]) -> (tempfile::TempDir, Outcome) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.eco"), bytes).unwrap();
    let outcome = check_dir(dir.path());
    (dir, outcome)
}

/// Lexes, parses and checks a text; also renders it, as the command would.
fn everything(text: &str) -> Outcome {
    let _ = Lexer::new(text).count();
    let _ = ecospec_syntax::parse(text);
    let (_dir, outcome) = check_bytes(text.as_bytes());
    let _ = render::human(&outcome, HumanOptions { color: false });
    let _ = render::short(&outcome);
    let _ = render::json(&outcome);
    outcome
}

fn codes(outcome: &Outcome) -> Vec<&'static str> {
    outcome
        .diagnostics
        .iter()
        .map(|d| d.code.as_str())
        .collect()
}

/// Diagnostics of `code` starting at byte `offset`.
fn has_at(outcome: &Outcome, code: &str, offset: usize) -> bool {
    outcome.diagnostics.iter().any(|d| {
        d.code.as_str() == code
            && d.primary
                .is_some_and(|loc| loc.span.start as usize == offset)
    })
}

fn examples() -> Vec<String> {
    eco_files(&repo_root().join("examples"))
        .iter()
        .map(|f| std::fs::read_to_string(f).unwrap())
        .collect()
}

/// Byte offsets just after a token (so between two tokens), with the token.
fn token_ends(text: &str) -> Vec<(usize, Tok<'_>)> {
    Lexer::new(text)
        .filter_map(Result::ok)
        .map(|(_, tok, end)| (end, tok))
        .collect()
}

const SOUP: &[&str] = &[
    "import",
    "ecosystem",
    "capability",
    "scenario",
    "cluster",
    "actor",
    "bridge",
    "between",
    "and",
    "among",
    "on",
    "intervention",
    "extend",
    "{",
    "}",
    "(",
    ")",
    ":",
    ",",
    "@",
    "@allow",
    "x",
    "y",
    "needs",
    "in",
    "serves",
    "provides",
    "removes",
    "via",
    "through",
    "activate",
    "support",
    "bets_on",
    "\"text\"",
    "\"open",
    "\"\\q\"",
    "// c\n",
    "/// d\n",
    "\n",
    " ",
    "\r\n",
    "$",
    "\u{a0}",
    "é",
    "\t",
];

fn soup() -> impl Strategy<Value = String> {
    proptest::collection::vec(proptest::sample::select(SOUP), 0..200)
        .prop_map(|words| words.join(" "))
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete(usize, usize),
    Duplicate(usize, usize),
    Insert(usize, usize, usize),
    InsertChar(usize, char),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), 0..60usize).prop_map(|(a, n)| Mutation::Delete(a, n)),
        (any::<usize>(), 0..60usize).prop_map(|(a, n)| Mutation::Duplicate(a, n)),
        (any::<usize>(), any::<usize>(), 0..60usize)
            .prop_map(|(a, b, n)| Mutation::Insert(a, b, n)),
        (any::<usize>(), any::<char>()).prop_map(|(a, c)| Mutation::InsertChar(a, c)),
    ]
}

/// Applies mutations to a text, on characters (so the result stays UTF-8).
fn mutate(text: &str, mutations: &[Mutation]) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    for m in mutations {
        let len = chars.len();
        let at = |i: usize| if len == 0 { 0 } else { i % (len + 1) };
        match *m {
            Mutation::Delete(a, n) => {
                let a = at(a);
                let b = (a + n).min(len);
                chars.drain(a..b);
            }
            Mutation::Duplicate(a, n) => {
                let a = at(a);
                let b = (a + n).min(len);
                let slice: Vec<char> = chars[a..b].to_vec();
                chars.splice(a..a, slice);
            }
            Mutation::Insert(a, from, n) => {
                let a = at(a);
                let from = at(from);
                let b = (from + n).min(len);
                let slice: Vec<char> = chars[from..b].to_vec();
                chars.splice(a..a, slice);
            }
            Mutation::InsertChar(a, c) => chars.insert(at(a), c),
        }
    }
    chars.into_iter().collect()
}

/// A spec of the v1 fields from random choices (section 9.1, 9.3):
/// clusters with random approaches, actors of random kinds (the v1 ones
/// included) with random roles, an `on` rule whose `support` mixes
/// clusters, actors, a capability, a scenario and unknown names, and
/// interventions that add roles, approaches, actors and supporters. Values
/// include typos, repeats and names of every kind.
fn v1_spec(choices: &[u8]) -> String {
    use std::fmt::Write as _;
    const APPROACHES: [&str; 7] = [
        "personal_transformation",
        "alternatives",
        "inside_game",
        "structure_organizing",
        "mass_protest",
        "mass_protests",
        "c0",
    ];
    const ROLES: [&str; 6] = [
        "citizen",
        "rebel",
        "reformer",
        "change_agent",
        "rebell",
        "k",
    ];
    const KINDS: [&str; 5] = ["funder", "faith_group", "legal_group", "union", "funders"];
    const NAMES: [&str; 12] = [
        "c0", "c1", "c2", "a0", "a1", "a2", "a3", "k", "s", "nobody", "a9", "\"c1\"",
    ];
    let mut at = 0;
    let mut next = |n: usize| {
        let choice = choices.get(at).copied().unwrap_or(0) as usize;
        at += 1;
        choice % n
    };
    let pick = |pool: &[&str], next: &mut dyn FnMut(usize) -> usize| {
        let count = next(4);
        let values: Vec<&str> = (0..count).map(|_| pool[next(pool.len())]).collect();
        values.join(", ")
    };
    let mut text = String::from("capability k\nscenario s\n");
    for c in 0..3 {
        let approach = pick(&APPROACHES, &mut next);
        if approach.is_empty() {
            let _ = writeln!(text, "cluster c{c} {{ bets_on: s needs: k }}");
        } else {
            let _ = writeln!(
                text,
                "cluster c{c} {{ bets_on: s needs: k approach: {approach} }}"
            );
        }
    }
    for a in 0..4 {
        let kind = KINDS[next(KINDS.len())];
        let roles = pick(&ROLES, &mut next);
        let cluster = next(4);
        let field = if next(2) == 0 { "in" } else { "serves" };
        let provides = if next(2) == 0 { "provides: k" } else { "" };
        if cluster == 3 {
            let _ = writeln!(text, "actor a{a}: {kind} {{ roles: {roles} {provides} }}");
        } else {
            let _ = writeln!(
                text,
                "actor a{a}: {kind} {{ {field}: c{cluster} roles: {roles} {provides} }}"
            );
        }
    }
    if next(2) == 0 {
        let _ = writeln!(text, "bridge b between c{} and c{}", next(3), next(3));
    }
    let activate = pick(&NAMES, &mut next);
    let support = pick(&NAMES, &mut next);
    let _ = writeln!(text, "on s {{ activate: {activate} support: {support} }}");
    for i in 0..next(3) {
        let support = pick(&NAMES, &mut next);
        let roles = pick(&ROLES, &mut next);
        let approach = pick(&APPROACHES, &mut next);
        let _ = writeln!(
            text,
            "intervention i{i} {{\n    extend on s {{ support: {support} }}\n    extend actor a{} {{ roles: {roles} serves: c{} }}\n    extend cluster c{} {{ approach: {approach} }}\n    actor n{i} {{ in: c{} roles: {roles} }}\n}}",
            next(4),
            next(3),
            next(3),
            next(3)
        );
    }
    text
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Random roles, approaches, v1 kinds and actors in `support`, in the
    /// baseline and in interventions: no panic, and every intervention is
    /// judged and applied.
    #[test]
    fn random_v1_fields_never_panic(
        choices in proptest::collection::vec(any::<u8>(), 0..120),
    ) {
        let text = v1_spec(&choices);
        if std::env::var_os("SHOW_V1_SPEC").is_some() {
            eprintln!("{text}");
        }
        let outcome = everything(&text);
        prop_assert!(outcome.diagnostics.iter().all(|d| d.primary.is_some()), "{text}");
        let resolved = &outcome.ecosystems[0];
        for delta in &resolved.deltas {
            let applied = ecospec::apply::apply(&resolved.baseline, delta);
            let _ = ecospec::lints::run(&applied);
        }
    }

    #[test]
    fn random_strings_never_panic(text in any::<String>()) {
        everything(&text);
    }

    #[test]
    fn token_soup_never_panics(text in soup()) {
        everything(&text);
    }

    #[test]
    fn random_bytes_never_panic(
        bom in any::<bool>(),
        bytes in proptest::collection::vec(any::<u8>(), 0..2000),
    ) {
        let mut input = if bom { b"\xEF\xBB\xBF".to_vec() } else { Vec::new() };
        input.extend(bytes);
        let (_dir, outcome) = check_bytes(&input);
        let _ = render::human(&outcome, HumanOptions { color: false });
        let _ = render::json(&outcome);
    }

    #[test]
    fn mutated_examples_never_panic(
        pick in any::<usize>(),
        mutations in proptest::collection::vec(mutation(), 1..6),
    ) {
        let examples = examples();
        let text = &examples[pick % examples.len()];
        everything(&mutate(text, &mutations));
    }

    /// `$` or a no-break space between two tokens: E0103 right there.
    #[test]
    fn stray_character_is_e0103_at_its_place(
        pick in any::<usize>(),
        at in any::<usize>(),
        nbsp in any::<bool>(),
    ) {
        let examples = examples();
        let text = &examples[pick % examples.len()];
        let ends = token_ends(text);
        prop_assume!(!ends.is_empty());
        let (offset, _) = ends[at % ends.len()];
        let stray = if nbsp { "\u{a0}" } else { "$" };
        let mutated = format!("{}{stray}{}", &text[..offset], &text[offset..]);
        let outcome = everything(&mutated);
        prop_assert!(has_at(&outcome, "E0103", offset), "{:?}", codes(&outcome));
    }

    /// A `"` with no closing quote on its line: E0102 there.
    #[test]
    fn cut_string_is_e0102_at_its_place(pick in any::<usize>(), at in any::<usize>()) {
        let examples = examples();
        let text = &examples[pick % examples.len()];
        let ends: Vec<usize> = token_ends(text)
            .into_iter()
            .map(|(end, _)| end)
            .filter(|end| {
                let rest = &text[*end..];
                let line = rest.split('\n').next().unwrap_or("");
                !line.contains('"')
            })
            .collect();
        prop_assume!(!ends.is_empty());
        let offset = ends[at % ends.len()];
        let mutated = format!("{}\"{}", &text[..offset], &text[offset..]);
        let outcome = everything(&mutated);
        prop_assert!(has_at(&outcome, "E0102", offset), "{:?}", codes(&outcome));
    }

    /// A `}` removed: at least one E0101.
    #[test]
    fn removed_brace_is_e0101(pick in any::<usize>(), at in any::<usize>()) {
        let examples = examples();
        let text = &examples[pick % examples.len()];
        let braces: Vec<usize> = token_ends(text)
            .into_iter()
            .filter(|(_, tok)| *tok == Tok::RBrace)
            .map(|(end, _)| end - 1)
            .collect();
        prop_assume!(!braces.is_empty());
        let offset = braces[at % braces.len()];
        let mutated = format!("{}{}", &text[..offset], &text[offset + 1..]);
        let outcome = everything(&mutated);
        prop_assert!(codes(&outcome).contains(&"E0101"), "{:?}", codes(&outcome));
    }
}

#[test]
fn empty_file() {
    let outcome = everything("");
    assert_eq!(outcome.count(ecospec::diagnostic::Severity::Error), 0);
    assert_eq!(outcome.files_read, 1);
}

#[test]
fn binary_garbage_is_e0304_once() {
    let bytes: Vec<u8> = (0..64 * 1024).map(|i| (i * 7 + 3) as u8).collect();
    let (_dir, outcome) = check_bytes(&bytes);
    assert_eq!(codes(&outcome), ["E0304"]);
    let _ = render::human(&outcome, HumanOptions { color: false });
}

#[test]
fn binary_after_bom_and_valid_text() {
    let mut bytes = b"\xEF\xBB\xBFcluster c { needs: x }\n".to_vec();
    bytes.extend([0xFF, 0xFE, 0x00, 0x80]);
    let (_dir, outcome) = check_bytes(&bytes);
    assert_eq!(codes(&outcome), ["E0304"]);
}

/// 50 MB of spec in release builds. Debug builds are about ten times
/// slower, so they check a 5 MB file (still thousands of times the size of
/// a real spec) to keep `cargo test` fast.
#[test]
fn large_file() {
    let target = if cfg!(debug_assertions) {
        5_000_000
    } else {
        50_000_000
    };
    // About 22.7 bytes a line.
    let text = ecospec::testgen::ecosystem(target / 22);
    assert!(text.len() > target * 9 / 10, "{}", text.len());
    let (_dir, outcome) = check_bytes(text.as_bytes());
    assert_eq!(outcome.count(ecospec::diagnostic::Severity::Error), 0);
}

#[test]
fn ten_thousand_errors_are_capped_in_human_output() {
    let text = "$\n".repeat(10_000);
    let (_dir, outcome) = check_bytes(text.as_bytes());
    assert_eq!(outcome.diagnostics.len(), 10_000);
    assert!(outcome
        .diagnostics
        .iter()
        .all(|d| d.code.as_str() == "E0103"));
    let human = render::human(&outcome, HumanOptions { color: false });
    let more = 10_000 - render::PRINT_CAP;
    assert!(human.contains(&format!("... and {more} more")), "{human}");
    assert_eq!(human.matches("error[E0103]").count(), render::PRINT_CAP);
    // JSON never caps.
    let json = render::json(&outcome);
    assert_eq!(json["diagnostics"].as_array().unwrap().len(), 10_000);
}

/// An import that climbs out of the folder is E0303, and the file outside is
/// never opened: its broken content (invalid UTF-8, syntax errors) reports
/// nothing.
#[test]
fn import_out_of_the_folder_is_never_opened() {
    let root = tempfile::tempdir().unwrap();
    let checked = root.path().join("checked");
    let outside = root.path().join("outside");
    std::fs::create_dir_all(&checked).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    std::fs::write(outside.join("secret.eco"), b"}}} $$$ \"open \xFF\xFE").unwrap();
    std::fs::write(
        checked.join("spec.eco"),
        "import \"../outside/secret.eco\"\nimport \"../../../../../../../../etc/passwd\"\ncluster c\n",
    )
    .unwrap();
    let outcome = check_dir(&checked);
    let e0303: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "E0303")
        .collect();
    assert_eq!(e0303.len(), 2, "{:?}", codes(&outcome));
    for code in ["E0101", "E0102", "E0103", "E0301", "E0304"] {
        assert!(!codes(&outcome).contains(&code), "{:?}", codes(&outcome));
    }
    assert_eq!(outcome.files_read, 1);
    assert!(outcome.sources.find(&outside.join("secret.eco")).is_none());
}

#[test]
fn deeply_nested_braces() {
    everything(&"{".repeat(100_000));
    everything(&format!("cluster c {}", "{".repeat(100_000)));
    everything(&format!(
        "intervention i {{ {}",
        "extend actor a {".repeat(20_000)
    ));
    everything(&"}".repeat(100_000));
}

/// Lines of a megabyte: a list of 200,000 names ending in three typos
/// (their columns are right, and counting them is not quadratic), a string,
/// an identifier and a run of stray characters, each of 500,000 non-ASCII
/// characters (read in loops, not by recursion: no stack overflow).
#[test]
fn very_long_line() {
    let list = "n, ".repeat(200_000);
    let text = format!("capability n\ncluster c {{ needs: {list}x1, x2, x3 }}\n");
    let outcome = everything(&text);
    let typos: Vec<u32> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == "E0201")
        .map(|d| {
            render::place(&outcome.sources, d.primary.unwrap())
                .unwrap()
                .1
                .column
        })
        .collect();
    let first = "cluster c { needs: ".len() + list.len() + 1;
    assert_eq!(typos, [first, first + 4, first + 8].map(|c| c as u32));
    everything(&format!("capability c \"{}\"", "é".repeat(500_000)));
    everything(&format!("capability {} \"c\"", "é".repeat(500_000)));
    let outcome = everything(&format!(
        "// {}\n{}",
        "é".repeat(500_000),
        "\u{a0}".repeat(500_000)
    ));
    assert_eq!(codes(&outcome), ["E0103"]);
}

#[test]
fn crlf_files_report_the_same_places() {
    for text in examples() {
        let lf = text.replace("\r\n", "\n");
        let crlf = lf.replace('\n', "\r\n");
        let places = |text: &str| -> Vec<(String, String, u32, u32)> {
            let (_dir, outcome) = check_bytes(text.as_bytes());
            outcome
                .diagnostics
                .iter()
                .map(|d| {
                    let (_, start, _) = d
                        .primary
                        .and_then(|loc| render::place(&outcome.sources, loc))
                        .map(|(f, s, e)| (f.to_string(), s, e))
                        .unwrap();
                    (
                        d.code.to_string(),
                        d.message.clone(),
                        start.line,
                        start.column,
                    )
                })
                .collect()
        };
        assert_eq!(places(&lf), places(&crlf));
    }
}

/// Every top-level name of a text, with its kind.
fn names(text: &str) -> Vec<(DeclKind, String)> {
    ecospec_syntax::parse(text)
        .items
        .iter()
        .filter_map(|item| match item {
            Item::Decl(decl) => Some((decl.kind, decl.name.as_ref()?.as_str().to_string())),
            _ => None,
        })
        .filter(|(kind, _)| *kind != DeclKind::On)
        .collect()
}

fn check_text(text: &str, apply: Option<&str>) -> Result<Outcome, String> {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.eco"), text).unwrap();
    let options = Options {
        apply: apply.map(str::to_string),
        ..Options::default()
    };
    let outcome = check(
        &RealFs,
        &[Input::Folder(dir.path().to_path_buf())],
        &options,
    )?;
    let _ = render::human(&outcome, HumanOptions { color: false });
    let _ = render::json(&outcome);
    Ok(outcome)
}

/// The example with a scenario that removes `lost` (with an `on` rule
/// activating every cluster and asking every cluster's support) and an
/// intervention that retires `retired`.
fn with_losses(text: &str, lost: &[String], retired: &[String]) -> String {
    let clusters: Vec<String> = names(text)
        .into_iter()
        .filter(|(kind, _)| *kind == DeclKind::Cluster)
        .map(|(_, name)| name)
        .collect();
    let mut out = text.to_string();
    out.push_str("\nscenario zz_loss {");
    if !lost.is_empty() {
        out.push_str(&format!(" removes: {}", lost.join(", ")));
    }
    out.push_str(" }\n");
    if !clusters.is_empty() {
        out.push_str(&format!(
            "on zz_loss {{ activate: {0} support: {0} }}\n",
            clusters.join(", ")
        ));
    }
    out.push_str("intervention zz_retire {");
    if !retired.is_empty() {
        out.push_str(&format!(" removes: {}", retired.join(", ")));
    }
    out.push_str(" }\n");
    out
}

fn pick(all: &[(DeclKind, String)], picks: &[usize]) -> Vec<String> {
    if all.is_empty() {
        return Vec::new();
    }
    picks.iter().map(|p| all[p % all.len()].1.clone()).collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// `removes` (v1, section 9.2): a scenario and an intervention that
    /// take out random subsets of what an example declares (repeats and an
    /// unknown name included) are checked, judged and applied.

    #[test]
    fn random_removes_never_panic(
        example in any::<usize>(),
        lost in proptest::collection::vec(any::<usize>(), 0..8),
        retired in proptest::collection::vec(any::<usize>(), 0..8),
        typo in any::<bool>(),
    ) {
        let examples = examples();
        let text = &examples[example % examples.len()];
        let all = names(text);
        let mut lost = pick(&all, &lost);
        let retired = pick(&all, &retired);
        if typo {
            lost.push("zz_no_such_name".to_string());
        }
        let spec = with_losses(text, &lost, &retired);
        let outcome = check_text(&spec, None).unwrap();
        prop_assert!(outcome.interventions.iter().any(|i| i.name == "zz_retire"));
        check_text(&spec, Some("zz_retire")).unwrap();
    }
}

#[test]
fn removing_everything_a_spec_declares_yields_findings() {
    for text in examples() {
        let all: Vec<String> = names(&text)
            .into_iter()
            .filter(|(kind, _)| {
                matches!(
                    kind,
                    DeclKind::Actor | DeclKind::Bridge | DeclKind::Cluster | DeclKind::Capability
                )
            })
            .map(|(_, name)| name)
            .collect();
        if all.is_empty() {
            continue;
        }
        let spec = with_losses(&text, &all, &all);
        let outcome = check_text(&spec, None).unwrap();
        assert!(!outcome.diagnostics.is_empty(), "{spec}");
        let report = outcome
            .interventions
            .iter()
            .find(|i| i.name == "zz_retire")
            .unwrap();
        assert!(
            !report.closes.is_empty()
                || !report.opens.is_empty()
                || !outcome.diagnostics.is_empty(),
            "{spec}"
        );
        let applied = check_text(&spec, Some("zz_retire")).unwrap();
        assert!(!applied.diagnostics.is_empty(), "{spec}");
    }
}
