//! The configuration under a scenario, as a picture draws it: the baseline
//! (or the intervention's result) with the scenario's `removes` taken out
//! (section 9.2), and who its `on` rule activates and brings in to support.
//! One function, [`under_scenario`], so that a fuller walk of the scenario
//! can take its place.

use crate::model::{distinct, Model};
use crate::removal::without;

/// The configuration under one scenario.
pub struct UnderScenario {
    /// The model with the scenario's `removes` taken out.
    pub model: Model,
    /// The clusters its `on` rule activates, as the rule stands under it.
    pub activated: Vec<usize>,
    /// The clusters that join in to support.
    pub supporters: Vec<usize>,
    /// The actors that join in to support (section 9.3).
    pub supporting_actors: Vec<usize>,
}

/// `model` under scenario `scenario` (an index into `model.scenarios`).
pub fn under_scenario(model: &Model, scenario: usize) -> UnderScenario {
    let removes = model
        .scenarios
        .get(scenario)
        .map(|s| s.removes.as_slice())
        .unwrap_or_default();
    let under = without(model, removes);
    let rule = under
        .rules
        .iter()
        .find(|rule| rule.scenario.index == Some(scenario) && !rule.broken);
    let indices = |refs: Option<&Vec<crate::model::Ref>>| -> Vec<usize> {
        refs.map(|refs| distinct(refs).map(|(i, _)| i).collect())
            .unwrap_or_default()
    };
    UnderScenario {
        activated: indices(rule.map(|r| &r.activate)),
        supporters: indices(rule.map(|r| &r.support)),
        supporting_actors: indices(rule.map(|r| &r.support_actors)),
        model: under,
    }
}
