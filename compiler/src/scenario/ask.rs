//! A what-if asked of a checked ecosystem: the configuration it is asked of
//! (the baseline, or an intervention applied), the scenario and further
//! removals named on the command line, and the usage errors when a name
//! names nothing (with a did-you-mean).

use std::borrow::Cow;

use ecospec_syntax::DeclKind;

use crate::apply::apply;
use crate::check::Outcome;
use crate::levels::Levels;
use crate::lints::{self, Finding, Level, Lint};
use crate::model::{Common, Facts, Model, Removal, Symbol};
use crate::resolve::{closest, Resolved};

use super::configuration::Configuration;
use super::opens::{opened, Opened};
use super::walk::Walk;

/// The configuration a what-if is asked of, with its facts and findings.
pub struct Now<'o> {
    pub eco: &'o Resolved,
    /// `--apply NAME`: the intervention applied (its name).
    pub applied: Option<&'o str>,
    pub model: Cow<'o, Model>,
    pub facts: Facts,
    /// Every lint's findings, at every level.
    pub findings: Vec<Finding>,
    pub levels: &'o Levels,
}

/// A scenario walked through, and what its removals open.
pub struct Answer<'n> {
    pub walk: Walk<'n>,
    /// The clusters that bet on the scenario.
    pub betting: Vec<usize>,
    /// How many of `walk.config.removals` are the scenario's own (the rest
    /// came from `--without`).
    pub own_removals: usize,
    pub opens: Vec<Opened>,
}

impl<'o> Now<'o> {
    /// Ecosystem `index` of `outcome`, with intervention `apply` applied:
    /// `Err` (a usage error) when that ecosystem declares none of that name.
    pub fn new(
        outcome: &'o Outcome,
        index: usize,
        apply_name: Option<&'o str>,
    ) -> Result<Now<'o>, String> {
        let eco = outcome
            .ecosystems
            .get(index)
            .ok_or_else(|| "no ecosystem to ask".to_string())?;
        let levels = outcome
            .levels
            .get(index)
            .ok_or_else(|| "no levels for the ecosystem".to_string())?;
        let model = match apply_name {
            None => Cow::Borrowed(&eco.baseline),
            Some(name) => {
                let position = eco
                    .baseline
                    .interventions
                    .iter()
                    .position(|i| &*i.common.name == name);
                let delta = position.and_then(|i| eco.deltas.get(i)).ok_or_else(|| {
                    let known = eco.baseline.interventions.iter();
                    let known = known.map(|i| i.common.name.to_string()).collect();
                    crate::check::unknown_intervention(name, &known)
                })?;
                Cow::Owned(apply(&eco.baseline, delta))
            }
        };
        let (findings, facts) = lints::run_with_facts(&model);
        Ok(Now {
            eco,
            applied: apply_name,
            model,
            facts,
            findings,
            levels,
        })
    }

    /// The level a finding of `lint` at `at` is reported at (`@allow`s
    /// are the baseline's: an intervention adds none).
    pub fn level(&self, lint: &'static Lint, at: crate::diagnostic::Loc) -> Level {
        self.levels.level(lint, at, &self.eco.baseline.allows)
    }

    /// `ecospec what-if --scenario NAME --without ...`.
    pub fn what_if(&self, scenario: &str, without: &[String]) -> Result<Answer<'_>, String> {
        let model = &*self.model;
        let index = model
            .scenarios
            .iter()
            .position(|s| &*s.common.name == scenario)
            .ok_or_else(|| unknown_scenario(model, scenario))?;
        let betting: Vec<usize> = model
            .clusters
            .iter()
            .enumerate()
            .filter(|(_, c)| c.bets_on.iter().any(|r| r.index == Some(index)))
            .map(|(i, _)| i)
            .collect();
        if super::configuration::rule_of(model, index).is_none() {
            return Err(no_rule(model, scenario, &betting));
        }
        let extra = without
            .iter()
            .map(|name| removal(model, name))
            .collect::<Result<Vec<_>, _>>()?;
        let config = Configuration::new(model, &self.facts, index, &extra);
        let own_removals = config.removals.len() - extra.len();
        let after = lints::run(&config.under);
        let opens = opened(&self.findings, after, |lint, at| self.level(lint, at));
        Ok(Answer {
            walk: Walk::new(config),
            betting,
            own_removals,
            opens,
        })
    }
}

/// Kinds `removes` (and `--without`) can name.
const REMOVABLE: [DeclKind; 4] = [
    DeclKind::Actor,
    DeclKind::Bridge,
    DeclKind::Cluster,
    DeclKind::Capability,
];

/// The declarations of a kind that `removes` can name (actors, bridges,
/// clusters, capabilities), with their symbol.
pub fn removable(model: &Model) -> impl Iterator<Item = (Symbol, &Common)> {
    fn of<'m>(
        kind: DeclKind,
        commons: impl Iterator<Item = &'m Common>,
    ) -> impl Iterator<Item = (Symbol, &'m Common)> {
        commons
            .enumerate()
            .map(move |(index, c)| (Symbol { kind, index }, c))
    }
    of(DeclKind::Actor, model.actors.iter().map(|d| &d.common))
        .chain(of(
            DeclKind::Bridge,
            model.bridges.iter().map(|d| &d.common),
        ))
        .chain(of(
            DeclKind::Cluster,
            model.clusters.iter().map(|d| &d.common),
        ))
        .chain(of(
            DeclKind::Capability,
            model.capabilities.iter().map(|d| &d.common),
        ))
}

/// `--without NAME` as an entry of `removes`, at the name's declaration.
fn removal(model: &Model, name: &str) -> Result<Removal, String> {
    if let Some((symbol, common)) = removable(model).find(|(_, c)| &*c.name == name) {
        return Ok(Removal {
            symbol: Some(symbol),
            name: name.into(),
            loc: common.name_loc,
        });
    }
    if let Some(symbol) = model
        .names
        .get(name)
        .map(|entry| entry.symbol)
        .filter(|s| !REMOVABLE.contains(&s.kind))
    {
        return Err(format!(
            "`--without {name}`: `{name}` is a {}; only actors, bridges, clusters and capabilities can be taken away",
            symbol.kind.keyword()
        ));
    }
    let mut message =
        format!("`--without {name}`: no actor, bridge, cluster or capability named `{name}`");
    if let Some(suggestion) = closest(name, removable(model).map(|(_, c)| &*c.name)) {
        message.push_str(&format!(": did you mean `{suggestion}`?"));
    }
    Err(message)
}

/// Scenarios an unknown `--scenario` lists by name.
const LISTED: usize = 20;

fn unknown_scenario(model: &Model, name: &str) -> String {
    let mut message = format!("no scenario named `{name}`");
    if model.scenarios.is_empty() {
        message.push_str(" (the ecosystem declares no scenario)");
        return message;
    }
    let names = model.scenarios.iter().map(|s| &*s.common.name);
    if let Some(suggestion) = closest(name, names.clone()) {
        message.push_str(&format!(": did you mean `{suggestion}`?"));
    } else {
        message.push_str(&format!("; the scenarios are {}", listed(names.collect())));
    }
    message
}

fn no_rule(model: &Model, scenario: &str, betting: &[usize]) -> String {
    let betting: Vec<&str> = betting.iter().map(|c| model.cluster_name(*c)).collect();
    let who = if betting.is_empty() {
        "no cluster bets on it".to_string()
    } else {
        format!("betting on it: {}", listed(betting))
    };
    format!(
        "scenario `{scenario}` has no `on` rule, so nothing activates when it comes ({who}); write `on {scenario} {{ activate: ... }}`"
    )
}

fn listed(mut names: Vec<&str>) -> String {
    let more = names.len().saturating_sub(LISTED);
    names.truncate(LISTED);
    let mut text = names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if more > 0 {
        text.push_str(&format!(" and {more} more"));
    }
    text
}

/// The ecosystem a command that needs one asks of: the only one, or the
/// one whose root file is `root` (its real path, links resolved). Several
/// without `root`, or a `root` that is no root: `Err` naming the roots.
pub fn pick_root(outcome: &Outcome, root: Option<&std::path::Path>) -> Result<usize, String> {
    let roots: Vec<(usize, &crate::source::SourceFile)> = outcome
        .ecosystems
        .iter()
        .enumerate()
        .filter_map(|(i, eco)| Some((i, outcome.sources.get(eco.root)?)))
        .collect();
    let named = || {
        let names: Vec<&str> = roots.iter().map(|(_, f)| f.name.as_str()).collect();
        listed(names)
    };
    match (root, roots.as_slice()) {
        (_, []) => Err("no ecosystem was checked".to_string()),
        (None, [(index, _)]) => Ok(*index),
        (None, _) => Err(format!(
            "the folder holds several ecosystems ({}): name one with `--root FILE`",
            named()
        )),
        (Some(path), _) => roots
            .iter()
            .find(|(_, file)| file.path == path)
            .map(|(index, _)| *index)
            .ok_or_else(|| {
                format!(
                    "`--root` names no root file of an ecosystem here; the roots are {}",
                    named()
                )
            }),
    }
}
