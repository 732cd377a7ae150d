//! Budgets instead of blow-ups (issue 9, finding 4): inputs that made the
//! check quadratic in their size are generated here, scaled down so that a
//! debug build checks them in a moment, and each test asserts what bounds
//! the work (the number of findings, the work per name) or a time far below
//! what the old code took on the same input.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use ecospec::check::{check, Options, Outcome};
use ecospec::diagnostic::Diagnostic;
use ecospec::load::{Input, RealFs};

/// Checks `text` as `spec.eco` in a new temporary folder (with `config` as
/// its `ecospec.toml` when given), and how long the check took.
fn check_text(text: &str, config: Option<&str>) -> (Outcome, Duration) {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("spec.eco"), text).unwrap();
    if let Some(config) = config {
        std::fs::write(dir.path().join("ecospec.toml"), config).unwrap();
    }
    check_dir(dir.path())
}

fn check_dir(dir: &Path) -> (Outcome, Duration) {
    let start = Instant::now();
    let outcome = check(
        &RealFs,
        &[Input::Folder(dir.to_path_buf())],
        &Options::default(),
    )
    .expect("check without --apply never fails");
    (outcome, start.elapsed())
}

fn with_code<'o>(outcome: &'o Outcome, code: &str) -> Vec<&'o Diagnostic> {
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.code.as_str() == code)
        .collect()
}

/// A generous bound for a loaded two-core CI machine in a debug build; the
/// old code took minutes (or ran out of memory) on each input below.
const SLOW: Duration = Duration::from_secs(30);

/// `scenario s`, `n` clusters betting on it, none bridged, and one rule
/// activating and supporting all of them.
fn everyone_supports_everyone(n: usize) -> String {
    let mut text = String::from("scenario s\n");
    for i in 0..n {
        let _ = writeln!(text, "cluster c{i} {{ bets_on: s }}");
    }
    let names: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
    let names = names.join(", ");
    let _ = writeln!(
        text,
        "on s {{\n    activate: {names}\n    support: {names}\n}}"
    );
    text
}

#[test]
fn support_without_bridge_on_1000_clusters_is_grouped() {
    let (outcome, took) = check_text(&everyone_supports_everyone(1000), None);
    let found = with_code(&outcome, "W0413");
    // One per supporter, not one per pair (999,000 before).
    assert_eq!(found.len(), 1000);
    let first = found
        .iter()
        .find(|d| d.message.starts_with("`c0` "))
        .unwrap();
    assert_eq!(
        first.message,
        "`c0` is to support `c1`, `c2`, `c3`, `c4`, `c5` and 994 more when `s` comes, but no bridge connects it to them"
    );
    assert_eq!(
        first.primary_label,
        "no path of bridges from `c0` to any of these 999 clusters"
    );
    assert!(first
        .help
        .as_deref()
        .unwrap()
        .contains("connect `c0` to each of them"));
    assert!(took < SLOW, "{took:?}");
}

#[test]
fn support_without_bridge_of_1000_actors_is_grouped() {
    // 1,000 actors, each in its own unbridged cluster, all supporting a rule
    // that activates the 1,000 clusters, with an intervention that lets each
    // serve one more: one finding per actor, and judging stays fast.
    let n = 1000;
    let mut text = String::from("scenario s\n");
    for i in 0..n {
        let _ = writeln!(
            text,
            "cluster c{i} {{ bets_on: s }}\nactor a{i} {{ in: c{i} }}"
        );
    }
    let clusters: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
    let actors: Vec<String> = (0..n).map(|i| format!("a{i}")).collect();
    let _ = writeln!(
        text,
        "on s {{\n    activate: {}\n    support: {}\n}}",
        clusters.join(", "),
        actors.join(", ")
    );
    let _ = writeln!(text, "intervention wider {{");
    for i in 0..n {
        let _ = writeln!(text, "    extend actor a{i} {{ serves: c{} }}", (i + 1) % n);
    }
    let _ = writeln!(text, "}}");
    let (outcome, took) = check_text(&text, None);
    let found = with_code(&outcome, "W0413");
    assert_eq!(found.len(), n);
    let first = found
        .iter()
        .find(|d| d.message.starts_with("`a0` "))
        .unwrap();
    assert_eq!(
        first.message,
        "`a0` is to support `c1`, `c2`, `c3`, `c4`, `c5` and 994 more when `s` comes, but none of its clusters has a path of bridges to them"
    );
    let closes = outcome.interventions[0]
        .closes
        .iter()
        .filter(|c| c.lint.code.as_str() == "W0413")
        .count();
    assert_eq!(closes, n);
    assert!(took < SLOW, "{took:?}");
}

#[test]
fn cluster_single_provider_is_one_pass_over_needs() {
    // 2,000 clusters each needing `k`, with 20 members each; one member of
    // the first 1,000 provides `k` (W0423), two of the others (none); and
    // one cluster of 20,000 members of which one provides `k`, next to
    // 2,000 providers elsewhere (the other way round: fewer providers than
    // members).
    let n = 2000;
    let mut text = String::from("capability k\ncapability other\n");
    for c in 0..n {
        let _ = writeln!(text, "cluster c{c} {{ needs: k }}");
        for a in 0..20 {
            let provides = match (a, c < n / 2) {
                (0, _) | (1, false) => "k",
                _ => "other",
            };
            let _ = writeln!(text, "actor a{c}_{a} {{ in: c{c} provides: {provides} }}");
        }
    }
    let _ = writeln!(
        text,
        "cluster big {{ needs: k }}\nactor big_k {{ in: big provides: k }}"
    );
    for a in 0..20_000 {
        let _ = writeln!(text, "actor big_{a} {{ in: big }}");
    }
    let (outcome, took) = check_text(&text, Some("[lints]\ncluster-single-provider = \"warn\"\n"));
    let found = with_code(&outcome, "W0423");
    assert_eq!(found.len(), n / 2 + 1);
    assert!(found
        .iter()
        .any(|d| d.message == "only `big_k` provides `k` to cluster `big`"));
    assert!(took < SLOW, "{took:?}");
}

#[test]
fn support_without_bridge_grouped_still_judges_interventions_per_pair() {
    let text = "\
scenario s
cluster x { bets_on: s }
cluster a { bets_on: s }
cluster b { bets_on: s }
cluster c { bets_on: s }
on s {
    activate: a, b
    support: x
}
intervention reach_a {
    bridge xa between x and a
}
intervention more_to_reach {
    extend on s { activate: c }
}
";
    let (outcome, _) = check_text(text, Some("[lints]\nunbridged-cluster = \"allow\"\n"));
    let w0413 = with_code(&outcome, "W0413");
    assert_eq!(w0413.len(), 1);
    assert_eq!(
        w0413[0].message,
        "`x` is to support `a` and `b` when `s` comes, but no bridge connects it to them"
    );
    let report = |name: &str| {
        outcome
            .interventions
            .iter()
            .find(|i| i.name == name)
            .unwrap()
    };
    // Bridging one of the two clusters closes that pair: an effect, and no gap.
    let reach_a = report("reach_a");
    let closed: Vec<&str> = reach_a.closes.iter().map(|c| c.message.as_str()).collect();
    assert!(
        closed.contains(&"`x` is to support `a` when `s` comes, but no bridge connects them"),
        "{closed:?}"
    );
    assert!(
        reach_a
            .opens
            .iter()
            .all(|c| c.lint.code.as_str() != "W0413"),
        "{:?}",
        reach_a.opens
    );
    // Activating one more unreachable cluster opens that pair only.
    let more = report("more_to_reach");
    let opened: Vec<&str> = more
        .opens
        .iter()
        .filter(|c| c.lint.code.as_str() == "W0413")
        .map(|c| c.message.as_str())
        .collect();
    assert_eq!(
        opened,
        ["`x` is to support `c` when `s` comes, but no bridge connects them"]
    );
    let gaps: Vec<&str> = with_code(&outcome, "W0416")
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        gaps,
        ["intervention `more_to_reach` opens a gap: `x` is to support `c` when `s` comes, but no bridge connects them"]
    );
    let idle: Vec<&str> = with_code(&outcome, "W0417")
        .iter()
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        idle,
        ["intervention `more_to_reach` closes no gap of the ecosystem"]
    );
}

#[test]
fn did_you_mean_over_long_names_is_bounded() {
    // Two 100,000-character names one letter apart: an edit distance
    // between them compares 10^10 pairs of characters.
    let long = "a".repeat(100_000);
    let typo = format!("{}b", "a".repeat(99_999));
    let text =
        format!("scenario s\ncluster {long} {{ bets_on: s }}\non s {{ activate: {typo} }}\n");
    let (outcome, took) = check_text(&text, None);
    let e0201 = with_code(&outcome, "E0201");
    assert_eq!(e0201.len(), 1);
    // No suggestion over 64 characters: the help says what else to do.
    let help = e0201[0].help.as_deref().unwrap();
    assert!(help.starts_with("declare it (`cluster "), "{}", &help[..40]);
    assert!(e0201[0].fixes.is_empty());
    assert!(took < SLOW, "{took:?}");
}

#[test]
fn did_you_mean_over_3000_near_miss_references_is_bounded() {
    // Every reference is one transposition away from a cluster: each one
    // compared with every cluster is 3,000 × 3,000 distances.
    let n = 3000;
    let mut text = String::from("scenario s\n");
    for i in 0..n {
        let _ = writeln!(text, "cluster cluster_{i:05} {{ bets_on: s }}");
    }
    let typos: Vec<String> = (0..n).map(|i| format!("clsuter_{i:05}")).collect();
    let _ = writeln!(text, "on s {{ activate: {} }}", typos.join(", "));
    let (outcome, took) = check_text(&text, None);
    let e0201 = with_code(&outcome, "E0201");
    assert_eq!(e0201.len(), n);
    // Comparing one typo with every cluster exceeds its budget: no
    // suggestion (one that may not be the closest would mislead), the help
    // says what else to do.
    let first = e0201
        .iter()
        .find(|d| d.message == "no cluster named `clsuter_00000`")
        .unwrap();
    assert_eq!(
        first.help.as_deref(),
        Some("declare it (`cluster clsuter_00000`), or import the file that declares it")
    );
    assert!(took < SLOW, "{took:?}");
}

#[test]
fn ten_thousand_interventions_are_linear() {
    // Each intervention copied the whole model, which holds all of them, so
    // the old cost grew as their square (10,000 took 83 s in a release
    // build); now 5,000, 10,000 and 20,000 take 1.6, 3.7 and 7.3 s in a
    // debug build.
    let n = 10_000;
    let (outcome, took) = check_text(
        &ecospec::testgen::ecosystem_with_interventions(200, n),
        None,
    );
    assert_eq!(outcome.interventions.len(), n);
    // Each is judged against the baseline, which is left as it was.
    let baseline = &outcome.ecosystems[0].baseline;
    let (fresh, _) = check_text(&ecospec::testgen::ecosystem(200), None);
    let plain = &fresh.ecosystems[0].baseline;
    assert_eq!(baseline.clusters, plain.clusters);
    assert_eq!(baseline.actors, plain.actors);
    assert_eq!(baseline.bridges.len(), plain.bridges.len());
    assert_eq!(baseline.rules, plain.rules);
    assert!(took < SLOW, "{took:?}");
}

/// `scenario s`, then clusters `c0`… betting on it, each with a member `a0`….
fn clusters_with_members(n: usize) -> String {
    let mut text = String::from("scenario s\n");
    for i in 0..n {
        let _ = writeln!(
            text,
            "cluster c{i} {{ bets_on: s }}\nactor a{i} {{ in: c{i} }}"
        );
    }
    text
}

#[test]
fn among_bridge_of_100000_clusters_is_fast() {
    // Scaled to 40,000 clusters (a debug build); each cluster has a member
    // and a bet, so the only work is the bridge.
    let n = 40_000;
    let mut text = clusters_with_members(n);
    let names: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
    let _ = writeln!(text, "bridge everyone among {}", names.join(", "));
    let _ = writeln!(text, "on s {{ activate: c0 }}");
    let (outcome, took) = check_text(&text, None);
    assert!(
        outcome
            .diagnostics
            .iter()
            .all(|d| d.code.as_str() != "W0401" && d.code.as_str() != "W0402"),
        "{:?}",
        outcome.diagnostics.first()
    );
    assert!(took < SLOW, "{took:?}");
}

#[test]
fn bridge_through_outsider_among_30000_through_30000_is_fast() {
    // A bridge among n clusters through n actors that serve none of them:
    // each actor was looked for among the members of every cluster (n²).
    let n = 30_000;
    let mut text = String::from("cluster outside\n");
    for i in 0..n {
        let _ = writeln!(text, "cluster c{i}\nactor o{i} {{ in: outside }}");
    }
    let clusters: Vec<String> = (0..n).map(|i| format!("c{i}")).collect();
    let actors: Vec<String> = (0..n).map(|i| format!("o{i}")).collect();
    let _ = writeln!(
        text,
        "bridge wide among {} {{ through: {} }}\nbridge out between outside and c0",
        clusters.join(", "),
        actors.join(", ")
    );
    let (outcome, took) = check_text(&text, None);
    assert_eq!(with_code(&outcome, "W0412").len(), n);
    assert!(took < SLOW, "{took:?}");
}

/// The names between backquotes in a W0413 message after the supporter's
/// and before the scenario's: the activated clusters it names.
fn named_clusters(message: &str) -> (String, Vec<String>) {
    let names: Vec<String> = message
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect();
    let (x, rest) = names.split_first().unwrap();
    let mut clusters = rest[..rest.len() - 1].to_vec();
    clusters.sort();
    (x.clone(), clusters)
}

/// Pairs (supporter, activated) with no path, per the plain definition:
/// for an actor X (9.3), X is neither in nor serving A and none of the
/// clusters X is in or serves has a path to A.
fn unreachable_pairs(model: &ecospec::model::Model) -> Vec<(String, String)> {
    let facts = ecospec::model::Facts::new(model);
    let mut pairs = Vec::new();
    for rule in &model.rules {
        for (x, _) in ecospec::model::distinct(&rule.support) {
            for (a, _) in ecospec::model::distinct(&rule.activate) {
                if x != a && !facts.connected(x, a) {
                    pairs.push((
                        model.cluster_name(x).to_string(),
                        model.cluster_name(a).to_string(),
                    ));
                }
            }
        }
        for (x, _) in ecospec::model::distinct(&rule.support_actors) {
            let actor = &model.actors[x];
            let clusters: Vec<usize> = actor
                .member_of
                .iter()
                .chain(&actor.serves)
                .filter_map(|r| r.index)
                .collect();
            for (a, _) in ecospec::model::distinct(&rule.activate) {
                if !clusters.iter().any(|c| *c == a || facts.connected(*c, a)) {
                    pairs.push((
                        model.actor_name(x).to_string(),
                        model.cluster_name(a).to_string(),
                    ));
                }
            }
        }
    }
    pairs.sort();
    pairs
}

/// Grouped pairs as (supporter, sorted clusters), from W0413 messages.
fn grouped(pairs: &[(String, String)]) -> Vec<(String, Vec<String>)> {
    let mut groups: Vec<(String, Vec<String>)> = Vec::new();
    for (x, a) in pairs {
        match groups.iter_mut().find(|(y, _)| y == x) {
            Some((_, clusters)) => clusters.push(a.clone()),
            None => groups.push((x.clone(), vec![a.clone()])),
        }
    }
    groups.sort();
    groups
}

#[test]
fn support_without_bridge_grouped_judgement_matches_the_pairs() {
    // Small random ecosystems (at most six activated clusters, so every
    // message names all of its clusters), each with interventions that
    // bridge, activate and support (clusters and actors, 9.3) and let actors
    // serve: what each closes and opens, grouped, is exactly the difference
    // of the pairs before and after.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = |n: usize| {
        seed = seed
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        (seed >> 33) as usize % n
    };
    let dir = tempfile::tempdir().unwrap();
    let mut changed_pairs = 0;
    for round in 0..60 {
        let clusters = 7;
        let mut text = clusters_with_members(clusters);
        for b in 0..next(4) {
            let _ = writeln!(
                text,
                "bridge b{b} between c{} and c{}",
                next(clusters),
                next(clusters)
            );
        }
        let pick = |count: usize, next: &mut dyn FnMut(usize) -> usize| {
            let names: Vec<String> = (0..count).map(|_| format!("c{}", next(clusters))).collect();
            names.join(", ")
        };
        // Actors a0..a3, in or serving a random cluster or none.
        let actors = 4;
        for x in 0..actors {
            match next(3) {
                0 => {
                    let _ = writeln!(text, "actor a{x}");
                }
                1 => {
                    let _ = writeln!(text, "actor a{x} {{ in: c{} }}", next(clusters));
                }
                _ => {
                    let _ = writeln!(text, "actor a{x} {{ serves: c{} }}", next(clusters));
                }
            }
        }
        let activate = pick(1 + next(4), &mut next);
        let mut support = pick(1 + next(4), &mut next);
        for _ in 0..next(3) {
            let _ = write!(support, ", a{}", next(actors));
        }
        let _ = writeln!(
            text,
            "on s {{\n    activate: {activate}\n    support: {support}\n}}"
        );
        for i in 0..4 {
            let _ = writeln!(text, "intervention i{i} {{");
            match next(6) {
                0 => {}
                1 => {
                    let _ = writeln!(text, "    extend on s {{ activate: c{} }}", next(clusters));
                }
                2 => {
                    let _ = writeln!(text, "    extend on s {{ support: a{} }}", next(actors));
                }
                3 => {
                    let _ = writeln!(
                        text,
                        "    extend actor a{} {{ serves: c{} }}",
                        next(actors),
                        next(clusters)
                    );
                }
                _ => {
                    let _ = writeln!(text, "    extend on s {{ support: c{} }}", next(clusters));
                }
            }
            for j in 0..next(3) {
                let _ = writeln!(
                    text,
                    "    bridge ib{i}_{j} between c{} and c{}",
                    next(clusters),
                    next(clusters)
                );
            }
            let _ = writeln!(text, "}}");
        }
        let path = dir.path().join("spec.eco");
        std::fs::write(&path, &text).unwrap();
        let (outcome, _) = check_dir(dir.path());
        let resolved = &outcome.ecosystems[0];
        let before = unreachable_pairs(&resolved.baseline);
        let mut reported: Vec<(String, Vec<String>)> = with_code(&outcome, "W0413")
            .iter()
            .map(|d| named_clusters(&d.message))
            .collect();
        reported.sort();
        assert_eq!(reported, grouped(&before), "round {round}:\n{text}");
        for (report, delta) in outcome.interventions.iter().zip(&resolved.deltas) {
            let after = unreachable_pairs(&ecospec::apply::apply(&resolved.baseline, delta));
            let closed: Vec<_> = before
                .iter()
                .filter(|p| !after.contains(p))
                .cloned()
                .collect();
            let opened: Vec<_> = after
                .iter()
                .filter(|p| !before.contains(p))
                .cloned()
                .collect();
            changed_pairs += closed.len() + opened.len();
            let messages = |changes: &[ecospec::check::Change]| {
                let mut groups: Vec<(String, Vec<String>)> = changes
                    .iter()
                    .filter(|c| c.lint.code.as_str() == "W0413")
                    .map(|c| named_clusters(&c.message))
                    .collect();
                groups.sort();
                groups
            };
            assert_eq!(
                messages(&report.closes),
                grouped(&closed),
                "round {round}, {}:\n{text}",
                report.name
            );
            assert_eq!(
                messages(&report.opens),
                grouped(&opened),
                "round {round}, {}:\n{text}",
                report.name
            );
        }
    }
    // The rounds do exercise the comparison.
    assert!(changed_pairs > 100, "{changed_pairs}");
}
