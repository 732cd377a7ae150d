//! The configuration under a scenario, as a picture draws it: read off the
//! library's one computation of it ([`crate::scenario::Configuration`]):
//! the model with the scenario's `removes` taken out (section 9.2), and who
//! its `on` rule activates and brings in to support as it stands then.

use crate::model::{Facts, Model};
use crate::scenario::Configuration;

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
    let facts = Facts::new(model);
    let config = Configuration::new(model, &facts, scenario, &[]);
    let activated = config.activated();
    let supporters = config
        .supporting_clusters()
        .into_iter()
        .map(|(c, _)| c)
        .collect();
    let supporting_actors = config
        .supporting_actors()
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    UnderScenario {
        model: config.under.into_owned(),
        activated,
        supporters,
        supporting_actors,
    }
}
