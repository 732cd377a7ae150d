//! `what-if --losses` against the slow way, on small random ecosystems:
//! for every actor, bridge and cluster, take it out (`removal::without`),
//! run every lint, and keep the findings whose identity the configuration
//! did not have, at `warn` or `deny`. The fast way (`scenario::losses`)
//! must find exactly the same, finding by finding and level by level, at
//! the default levels and with every lint at `warn`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;
use std::fmt::Write as _;

use ecospec::check::{check, Options};
use ecospec::lints::{self, Level};
use ecospec::load::Input;
use ecospec::memfs::MemFs;
use ecospec::model::{Removal, Symbol};
use ecospec::removal::without;
use ecospec::scenario::losses::losses;
use ecospec::scenario::{opened, Now};
use ecospec_syntax::DeclKind;
use proptest::prelude::*;

/// An actor: in, serves, provides, and what else it holds (0: a
/// misspelling without a suggestion; 1, 2: a role).
type ActorSpec = (Vec<usize>, Vec<usize>, Vec<usize>, u8);
/// A scenario: its removes, and its rule's activate and support.
type ScenarioSpec = (Vec<usize>, Option<(Vec<usize>, Vec<usize>)>);

/// One random ecosystem, as the numbers that choose it.
#[derive(Clone, Debug)]
struct Spec {
    caps: usize,
    clusters: Vec<(Vec<usize>, Vec<usize>, bool)>,
    actors: Vec<ActorSpec>,
    bridges: Vec<(Vec<usize>, Vec<usize>, Vec<usize>)>,
    scenarios: Vec<ScenarioSpec>,
}

fn subset(max: usize, len: usize) -> impl Strategy<Value = Vec<usize>> {
    proptest::collection::vec(0..max.max(1), 0..=len)
}

fn spec() -> impl Strategy<Value = Spec> {
    (1usize..4, 1usize..6, 0usize..7, 0usize..5, 1usize..4).prop_flat_map(
        |(caps, clusters, actors, bridges, scenarios)| {
            let names = clusters + actors + bridges + caps;
            (
                Just(caps),
                proptest::collection::vec(
                    (subset(scenarios, 2), subset(caps, 2), any::<bool>()),
                    clusters,
                ),
                proptest::collection::vec(
                    (
                        subset(clusters, 2),
                        subset(clusters, 1),
                        subset(caps, 2),
                        0u8..12,
                    ),
                    actors,
                ),
                proptest::collection::vec(
                    (
                        proptest::collection::vec(0..clusters, 2..=3),
                        subset(caps, 1),
                        subset(actors, 2),
                    ),
                    bridges,
                ),
                proptest::collection::vec(
                    (
                        subset(names, 2),
                        proptest::option::weighted(
                            0.8,
                            (subset(clusters, 2), subset(clusters + actors, 3)),
                        ),
                    ),
                    scenarios,
                ),
            )
                .prop_map(|(caps, clusters, actors, bridges, scenarios)| Spec {
                    caps,
                    clusters,
                    actors,
                    bridges,
                    scenarios,
                })
        },
    )
}

fn list(prefix: &str, items: &[usize]) -> String {
    let mut seen = BTreeSet::new();
    items
        .iter()
        .filter(|i| seen.insert(**i))
        .map(|i| format!("{prefix}{i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The spec's text: every name resolves, but for an actor now and then
/// holding a misspelling without a suggestion (it then might provide
/// more: the provider-counting findings wait for it).
fn text(spec: &Spec) -> String {
    let nc = spec.clusters.len();
    let na = spec.actors.len();
    let nb = spec.bridges.len();
    let name = |i: usize| -> String {
        if i < nc {
            format!("c{i}")
        } else if i < nc + na {
            format!("a{}", i - nc)
        } else if i < nc + na + nb {
            format!("b{}", i - nc - na)
        } else {
            format!("k{}", (i - nc - na - nb) % spec.caps)
        }
    };
    let mut out = String::new();
    for k in 0..spec.caps {
        writeln!(out, "capability k{k}").unwrap();
    }
    for (s, (removes, _)) in spec.scenarios.iter().enumerate() {
        let removes: Vec<String> = removes
            .iter()
            .map(|i| name(*i))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if removes.is_empty() {
            writeln!(out, "scenario s{s}").unwrap();
        } else {
            writeln!(out, "scenario s{s} {{ removes: {} }}", removes.join(", ")).unwrap();
        }
    }
    for (c, (bets, needs, approach)) in spec.clusters.iter().enumerate() {
        if *approach && c % 2 == 1 {
            // Where a finding stands decides its level.
            writeln!(out, "@allow(disconnected-ecosystem, unbridged-cluster)").unwrap();
        }
        write!(out, "cluster c{c} {{").unwrap();
        let bets: Vec<usize> = bets
            .iter()
            .copied()
            .filter(|s| *s < spec.scenarios.len())
            .collect();
        if !bets.is_empty() {
            write!(out, " bets_on: {}", list("s", &bets)).unwrap();
        }
        if !needs.is_empty() {
            write!(out, " needs: {}", list("k", needs)).unwrap();
        }
        if *approach {
            write!(
                out,
                " approach: {}",
                if c % 2 == 0 {
                    "mass_protest"
                } else {
                    "inside_game"
                }
            )
            .unwrap();
        }
        writeln!(out, " }}").unwrap();
    }
    for (a, (member, serves, provides, extra)) in spec.actors.iter().enumerate() {
        write!(out, "actor a{a} {{").unwrap();
        if !member.is_empty() {
            write!(out, " in: {}", list("c", member)).unwrap();
        }
        if !serves.is_empty() {
            write!(out, " serves: {}", list("c", serves)).unwrap();
        }
        if !provides.is_empty() {
            write!(out, " provides: {}", list("k", provides)).unwrap();
        }
        match extra {
            0 => write!(out, " qqqqqqqq: k0").unwrap(),
            1 | 2 => write!(out, " roles: rebel").unwrap(),
            _ => {}
        }
        writeln!(out, " }}").unwrap();
    }
    for (b, (ends, via, through)) in spec.bridges.iter().enumerate() {
        let ends: Vec<usize> = ends
            .iter()
            .copied()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if ends.len() < 2 {
            continue;
        }
        let head = if ends.len() == 2 {
            format!("between c{} and c{}", ends[0], ends[1])
        } else {
            format!("among {}", list("c", &ends))
        };
        write!(out, "bridge b{b} {head} {{").unwrap();
        if !via.is_empty() {
            write!(out, " via: {}", list("k", via)).unwrap();
        }
        let through: Vec<usize> = through.iter().copied().filter(|a| *a < na).collect();
        if !through.is_empty() {
            write!(out, " through: {}", list("a", &through)).unwrap();
        }
        writeln!(out, " }}").unwrap();
    }
    if let Some((member, _, provides, 5..)) = spec.actors.first() {
        // An intervention: what it names counts for W0410, and the losses
        // are also asked of the configuration with it applied.
        let k = provides.first().map_or(0, |k| (k + 1) % spec.caps);
        let extra = member
            .first()
            .map_or(String::new(), |c| format!(" serves: c{c}"));
        writeln!(
            out,
            "intervention i0 {{ extend actor a0 {{ provides: k{k}{extra} }} }}"
        )
        .unwrap();
    }
    for (s, (_, rule)) in spec.scenarios.iter().enumerate() {
        let Some((activate, support)) = rule else {
            continue;
        };
        if activate.is_empty() {
            continue;
        }
        write!(out, "on s{s} {{ activate: {}", list("c", activate)).unwrap();
        let support: Vec<String> = support
            .iter()
            .map(|i| name(*i))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        if !support.is_empty() {
            write!(out, " support: {}", support.join(", ")).unwrap();
        }
        writeln!(out, " }}").unwrap();
    }
    out
}

type Found = BTreeSet<(String, String, Vec<String>, Level)>;

fn compare(text: &str, all_warn: bool) -> Result<(), String> {
    compare_in(text, all_warn, None)?;
    if text.contains("intervention i0") {
        compare_in(text, all_warn, Some("i0"))?;
    }
    Ok(())
}

fn compare_in(text: &str, all_warn: bool, apply: Option<&str>) -> Result<(), String> {
    let mut fs = MemFs::new();
    fs.insert("/w/main.eco", text);
    let overrides = if all_warn {
        lints::LINTS.iter().map(|l| (*l, Level::Warn)).collect()
    } else {
        Vec::new()
    };
    let options = Options {
        overrides,
        ..Options::default()
    };
    let outcome = check(&fs, &[Input::File("/w/main.eco".into())], &options).unwrap();
    let now = Now::new(&outcome, 0, apply).unwrap();
    let mut fast = Found::new();
    for loss in losses(&now) {
        for lost in loss.opens {
            let subjects = lost.subjects.iter().map(|s| s.to_string()).collect();
            fast.insert((
                loss.name.to_string(),
                lost.lint.code.to_string(),
                subjects,
                lost.level,
            ));
        }
    }
    let model = &*now.model;
    let mut slow = Found::new();
    let candidates = model
        .actors
        .iter()
        .enumerate()
        .map(|(i, d)| (DeclKind::Actor, i, &d.common))
        .chain(
            model
                .bridges
                .iter()
                .enumerate()
                .map(|(i, d)| (DeclKind::Bridge, i, &d.common)),
        )
        .chain(
            model
                .clusters
                .iter()
                .enumerate()
                .map(|(i, d)| (DeclKind::Cluster, i, &d.common)),
        );
    for (kind, index, common) in candidates {
        if common.removed {
            continue;
        }
        let removal = Removal {
            symbol: Some(Symbol { kind, index }),
            name: common.name.clone(),
            loc: common.name_loc,
        };
        let after = without(model, &[removal]);
        let findings = lints::run(&after);
        for o in opened(&now.findings, findings, |lint, at| now.level(lint, at)) {
            if o.level >= Level::Warn {
                let subjects = o.finding.subjects.iter().map(|s| s.to_string()).collect();
                slow.insert((
                    common.name.to_string(),
                    o.finding.lint.code.to_string(),
                    subjects,
                    o.level,
                ));
            }
        }
    }
    if fast == slow {
        return Ok(());
    }
    let only_fast: Vec<_> = fast.difference(&slow).collect();
    let only_slow: Vec<_> = slow.difference(&fast).collect();
    Err(format!(
        "all_warn={all_warn} apply={apply:?}\n{text}\nonly the fast way: {only_fast:?}\nonly the slow way: {only_slow:?}"
    ))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn losses_agree_with_removing_each_and_running_every_lint(spec in spec()) {
        let text = text(&spec);
        if let Err(e) = compare(&text, false) {
            prop_assert!(false, "{}", e);
        }
        if let Err(e) = compare(&text, true) {
            prop_assert!(false, "{}", e);
        }
    }
}

#[test]
fn the_all_in_losses_agree_with_the_slow_way() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/all-in");
    let mut fs = MemFs::new();
    let mut files = Vec::new();
    for entry in std::fs::read_dir(&root).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        files.push((name, std::fs::read_to_string(&path).unwrap()));
    }
    for (name, text) in &files {
        fs.insert(format!("/w/{name}"), text.as_str());
    }
    let outcome = check(&fs, &[Input::Folder("/w".into())], &Options::default()).unwrap();
    let now = Now::new(&outcome, 0, None).unwrap();
    let names: Vec<(String, usize)> = losses(&now)
        .iter()
        .map(|l| (l.name.to_string(), l.opens.len()))
        .collect();
    assert!(
        names.iter().any(|(n, _)| n == "peace_alliance"),
        "{names:?}"
    );
    assert!(names.windows(2).all(|w| w[0].1 >= w[1].1), "{names:?}");
}

/// Cases the random ones reach rarely, each opening what it is named for.
#[test]
fn crafted_cases_agree_with_the_slow_way() {
    let cases = [
        // W0412: `a0` carries `b0` and serves only `c0` of its clusters.
        "cluster c0\ncluster c1\ncluster c2\nactor a0 { in: c0 }\nactor a1 { in: c1 }\nactor a2 { in: c2 }\nbridge b0 among c0, c1, c2 { through: a0 }\n",
        // W0409: without `c2`, every cluster bets on `s0`.
        "scenario s0\nscenario s1\ncluster c0 { bets_on: s0 }\ncluster c1 { bets_on: s0 }\ncluster c2 { bets_on: s1 }\nbridge b0 among c0, c1, c2\nactor a0 { in: c0, c1, c2 }\n",
        // W0405 and W0407: an actor only in `c1`, the only bet on `s1`.
        "scenario s0\nscenario s1\ncluster c0 { bets_on: s0 }\ncluster c1 { bets_on: s1 }\ncluster c2 { bets_on: s0 }\nactor a0 { in: c0, c2 }\nactor a1 { in: c1 }\nbridge b0 among c0, c1, c2\n",
        // The only unsure actor: without it, the provider counts are read.
        "capability k0\ncluster c0 { needs: k0 }\nactor a0 { in: c0 qqqqqqqq: x }\nactor a1 { in: c0 }\n",
        // W0422 (a): the scenario takes `a1`; without `a0`, nobody is left.
        "capability k0\nscenario s0 { removes: a1 }\ncluster c0 { bets_on: s0 needs: k0 }\nactor a0 { in: c0 provides: k0 }\nactor a1 { in: c0 provides: k0 }\nactor a2 { in: c0 provides: k0 }\non s0 { activate: c0 }\n",
    ];
    for text in cases {
        for all_warn in [false, true] {
            compare(text, all_warn).unwrap();
        }
        let found = opened_anything(text);
        assert!(found, "nothing opened:\n{text}");
    }
}

fn opened_anything(text: &str) -> bool {
    let mut fs = MemFs::new();
    fs.insert("/w/main.eco", text);
    let outcome = check(
        &fs,
        &[Input::File("/w/main.eco".into())],
        &Options::default(),
    )
    .unwrap();
    let now = Now::new(&outcome, 0, None).unwrap();
    !losses(&now).is_empty()
}
