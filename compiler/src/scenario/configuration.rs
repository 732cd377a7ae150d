//! The configuration under a scenario (section 9.2): the configuration
//! being looked at ("now": the baseline, or an intervention's result) with
//! the scenario's `removes` taken out, and with any further removals a
//! what-if asks about (`--without`), which count like entries of `removes`.
//!
//! The `scenario-gap` lint, `what-if`, the graph of a scenario and the
//! report read this one type: which clusters the scenario's `on` rule
//! activates and which join in as it stands under the scenario, who can
//! still reach whom, and which needs the removals take away.

use std::borrow::Cow;

use crate::model::{distinct, Facts, Model, Ref, Removal, Rule, Seen};
use crate::removal::without;

/// One scenario's configuration: the model now, and the model under it.
pub struct Configuration<'m> {
    /// The configuration being looked at before the scenario comes.
    pub now: &'m Model,
    pub now_facts: &'m Facts,
    /// `now` with the removals taken out (`now` itself when nothing is).
    pub under: Cow<'m, Model>,
    /// The facts of `under`.
    pub facts: Cow<'m, Facts>,
    /// The scenario (an index into `now.scenarios`).
    pub scenario: usize,
    /// Its `on` rule (an index into `rules`, the same in both models).
    pub rule: Option<usize>,
    /// What is taken out: the scenario's `removes`, then the extra ones.
    pub removals: Vec<Removal>,
}

impl<'m> Configuration<'m> {
    /// `now` under scenario `scenario`, with `extra` removals besides the
    /// scenario's own. Costs one copy of the model and its facts when
    /// something is removed, nothing else.
    pub fn new(
        now: &'m Model,
        now_facts: &'m Facts,
        scenario: usize,
        extra: &[Removal],
    ) -> Configuration<'m> {
        let removals: Vec<Removal> = now
            .scenarios
            .get(scenario)
            .into_iter()
            .flat_map(|s| s.removes.iter())
            .chain(extra)
            .cloned()
            .collect();
        let (under, facts) = if removals.iter().any(|r| r.symbol.is_some()) {
            let under = without(now, &removals);
            let facts = Facts::new(&under);
            (Cow::Owned(under), Cow::Owned(facts))
        } else {
            (Cow::Borrowed(now), Cow::Borrowed(now_facts))
        };
        Configuration {
            now,
            now_facts,
            under,
            facts,
            scenario,
            rule: rule_of(now, scenario),
            removals,
        }
    }

    /// The scenario's name.
    pub fn scenario_name(&self) -> &str {
        self.now
            .scenarios
            .get(self.scenario)
            .map_or("", |s| &s.common.name)
    }

    /// The `on` rule as it stands under the scenario (what it removes has
    /// left its lists; section 9.6).
    pub fn rule(&self) -> Option<&Rule> {
        self.rule.and_then(|r| self.under.rules.get(r))
    }

    /// The rule as it stands now.
    pub fn rule_now(&self) -> Option<&Rule> {
        self.rule.and_then(|r| self.now.rules.get(r))
    }

    /// The clusters the rule activates under the scenario, each once, in
    /// order of first entry.
    pub fn activated(&self) -> Vec<usize> {
        self.rule()
            .map(|rule| distinct(&rule.activate).map(|(a, _)| a).collect())
            .unwrap_or_default()
    }

    /// The clusters in the rule's `support` under the scenario, each once,
    /// with their entry.
    pub fn supporting_clusters(&self) -> Vec<(usize, &Ref)> {
        self.rule()
            .map(|rule| distinct(&rule.support).collect())
            .unwrap_or_default()
    }

    /// The actors in the rule's `support` under the scenario, each once,
    /// with their entry.
    pub fn supporting_actors(&self) -> Vec<(usize, &Ref)> {
        self.rule()
            .map(|rule| distinct(&rule.support_actors).collect())
            .unwrap_or_default()
    }

    /// The clusters that respond: activated, then supporting, each once,
    /// none that the removals took out.
    pub fn responding(&self) -> Vec<usize> {
        let Some(rule) = self.rule() else {
            return Vec::new();
        };
        let mut seen = Seen::default();
        rule.activate
            .iter()
            .chain(&rule.support)
            .filter_map(|r| r.index)
            .filter(|c| {
                self.under
                    .clusters
                    .get(*c)
                    .is_some_and(|cluster| !cluster.common.removed)
            })
            .filter(|c| seen.insert(*c))
            .collect()
    }

    /// Each need of each responding cluster, each once, with its entry in
    /// `needs`.
    pub fn needs(&self) -> Vec<(usize, usize, &Ref)> {
        self.responding()
            .into_iter()
            .filter_map(|c| Some((c, self.under.clusters.get(c)?)))
            .flat_map(|(c, cluster)| distinct(&cluster.needs).map(move |(k, need)| (c, k, need)))
            .collect()
    }

    /// Capability `k` is provided in cluster `c` now and not under the
    /// scenario: the removals took it away.
    pub fn takes_away(&self, c: usize, k: usize) -> bool {
        self.now_facts.provided_in(c, k) && !self.facts.provided_in(c, k)
    }

    /// The actors that provide `k` in cluster `c` under the scenario, in
    /// model order.
    pub fn providers(&self, c: usize, k: usize) -> Vec<usize> {
        self.facts
            .serving
            .get(c)
            .into_iter()
            .flatten()
            .copied()
            .filter(|a| {
                self.under
                    .actors
                    .get(*a)
                    .is_some_and(|actor| actor.provides.iter().any(|p| p.index == Some(k)))
            })
            .collect()
    }

    /// Clusters `x` and `a` have a path between them now.
    pub fn connected_now(&self, x: usize, a: usize) -> bool {
        self.now_facts.connected(x, a)
    }

    /// Clusters `x` and `a` have a path between them under the scenario.
    pub fn connected(&self, x: usize, a: usize) -> bool {
        self.facts.connected(x, a)
    }

    /// Actor `x` reaches cluster `a` now (section 9.3: it is in or serves a
    /// cluster with a path to `a`); `reach` is [`Facts::actor_reach`] now.
    pub fn actor_reaches_now(&self, reach: &[usize], a: usize) -> bool {
        in_reach(self.now_facts, reach, a)
    }

    /// The same under the scenario, `reach` computed under it.
    pub fn actor_reaches(&self, reach: &[usize], a: usize) -> bool {
        in_reach(&self.facts, reach, a)
    }

    /// An actor's reach now (the components of its clusters).
    pub fn actor_reach_now(&self, x: usize) -> Vec<usize> {
        self.now_facts.actor_reach(self.now, x)
    }

    /// An actor's reach under the scenario.
    pub fn actor_reach(&self, x: usize) -> Vec<usize> {
        self.facts.actor_reach(&self.under, x)
    }
}

fn in_reach(facts: &Facts, reach: &[usize], a: usize) -> bool {
    facts.component.get(a).is_some_and(|c| reach.contains(c))
}

/// The `on` rule of scenario `scenario` (only the first enters the model).
pub fn rule_of(model: &Model, scenario: usize) -> Option<usize> {
    model
        .rules
        .iter()
        .position(|rule| rule.scenario.index == Some(scenario))
}
