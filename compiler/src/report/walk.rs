//! Each scenario walked through, for the report: who bets on it, what it
//! takes away, and its `on` rule in the configuration under it (section
//! 9.2: the baseline with its `removes` taken out, by `removal::without`,
//! the code W0422 reads): who activates, who joins in to support, and for
//! each of those clusters each need and who provides it, or nobody.
//!
//! The path each supporter joins through (`ecospec what-if`) is not shown
//! here yet: it comes from the what-if walk once that is in the library.

use crate::model::{distinct, Facts, Model};
use crate::removal::without;

use super::cells::{cell, Cell, Named};

pub struct Walk {
    pub scenario: Named,
    pub description: Option<String>,
    /// The clusters that bet on it.
    pub bet_on_by: Vec<Named>,
    /// What it takes away when it comes (`removes`), with each kind.
    pub removes: Vec<(&'static str, Named)>,
    /// Its `on` rule under it; none when it has none.
    pub rule: Option<RuleWalk>,
}

pub struct RuleWalk {
    pub activate: Vec<ClusterNeeds>,
    /// The clusters in `support`.
    pub support: Vec<ClusterNeeds>,
    /// The actors in `support`.
    pub support_actors: Vec<Named>,
}

pub struct ClusterNeeds {
    pub cluster: Named,
    /// Each need with who provides it under the scenario.
    pub needs: Vec<(Named, Cell)>,
}

/// Every scenario of `model`, walked through, in source order.
pub fn walks(model: &Model, facts: &Facts) -> Vec<Walk> {
    let scenarios = model.scenarios.len();
    // Who bets on each scenario, and each scenario's rule: one pass each.
    let mut bettors: Vec<Vec<Named>> = vec![Vec::new(); scenarios];
    for cluster in model.clusters.iter().filter(|c| !c.common.removed) {
        for (s, _) in distinct(&cluster.bets_on) {
            if let Some(list) = bettors.get_mut(s) {
                list.push(Named::of(&cluster.common));
            }
        }
    }
    let mut rules: Vec<Option<usize>> = vec![None; scenarios];
    for (index, rule) in model.rules.iter().enumerate() {
        if let Some(slot) = rule.scenario.index.and_then(|s| rules.get_mut(s)) {
            slot.get_or_insert(index);
        }
    }
    model
        .scenarios
        .iter()
        .zip(bettors)
        .zip(rules)
        .filter(|((scenario, _), _)| !scenario.common.removed)
        .map(|((scenario, bet_on_by), rule)| {
            let removes = scenario
                .removes
                .iter()
                .filter_map(|r| {
                    let symbol = r.symbol?;
                    Some((symbol.kind.keyword(), Named::of(model.common(symbol)?)))
                })
                .collect();
            let rule = rule.map(|index| {
                if scenario.removes.is_empty() {
                    rule_walk(model, facts, index)
                } else {
                    let under = without(model, &scenario.removes);
                    rule_walk(&under, &Facts::new(&under), index)
                }
            });
            Walk {
                scenario: Named::of(&scenario.common),
                description: scenario.description.clone(),
                bet_on_by,
                removes,
                rule,
            }
        })
        .collect()
}

fn rule_walk(model: &Model, facts: &Facts, index: usize) -> RuleWalk {
    let Some(rule) = model.rules.get(index) else {
        return RuleWalk {
            activate: Vec::new(),
            support: Vec::new(),
            support_actors: Vec::new(),
        };
    };
    let clusters = |list| {
        distinct(list)
            .filter_map(|(k, _)| {
                let cluster = model.clusters.get(k)?;
                Some(ClusterNeeds {
                    cluster: Named::of(&cluster.common),
                    needs: distinct(&cluster.needs)
                        .filter_map(|(cap, _)| {
                            let capability = model.capabilities.get(cap)?;
                            Some((Named::of(&capability.common), cell(model, facts, k, cap)))
                        })
                        .collect(),
                })
            })
            .collect()
    };
    RuleWalk {
        activate: clusters(&rule.activate),
        support: clusters(&rule.support),
        support_actors: distinct(&rule.support_actors)
            .filter_map(|(a, _)| model.actors.get(a))
            .map(|a| Named::of(&a.common))
            .collect(),
    }
}
