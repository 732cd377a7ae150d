//! `ecospec/interventions`: each intervention of the ecosystem with what
//! `ecospec check --apply NAME` closes and opens. The check judges every
//! intervention already (`Outcome::interventions`); this converts places,
//! and each finding is the library's JSON of a closed or opened finding
//! (`ecospec::render::ChangeJson`, as `check --format json` writes it).

use ecospec::render::ChangeJson;
use serde_json::{json, Value};
use tower_lsp_server::jsonrpc::{Error, Result};

use crate::analysis::Analysis;
use crate::convert::{self, Encoding};
use crate::ecosystem::{ecosystem, Target};

pub const METHOD: &str = "ecospec/interventions";

/// `{"interventions": [{"name", "uri", "range", "closes", "opens"}]}`, in
/// the order of their declarations.
pub fn interventions(analysis: &Analysis, target: &Target, encoding: Encoding) -> Result<Value> {
    let outcome = &analysis.outcome;
    let (_, eco) = ecosystem(outcome, target).map_err(Error::invalid_params)?;
    let listed: Vec<Value> = outcome
        .interventions
        .iter()
        .filter(|intervention| intervention.root == eco.root)
        .filter_map(|intervention| {
            let place = convert::location(outcome, intervention.loc, encoding)?;
            Some(json!({
                "name": intervention.name,
                "uri": place.uri,
                "range": place.range,
                "closes": intervention.closes.iter().map(ChangeJson).collect::<Vec<_>>(),
                "opens": intervention.opens.iter().map(ChangeJson).collect::<Vec<_>>(),
            }))
        })
        .collect();
    Ok(json!({ "interventions": listed }))
}
