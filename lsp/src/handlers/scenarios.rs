//! `ecospec/scenarios`: the scenarios of the ecosystem (what the studio's
//! picker offers to `ecospec/whatIf`), with where each is declared.

use serde_json::{json, Value};
use tower_lsp_server::jsonrpc::{Error, Result};

use crate::analysis::Analysis;
use crate::convert::{self, Encoding};
use crate::ecosystem::{ecosystem, Target};

pub const METHOD: &str = "ecospec/scenarios";

/// `{"scenarios": [{"name", "uri", "range"}]}`, in the order of their
/// declarations.
pub fn scenarios(analysis: &Analysis, target: &Target, encoding: Encoding) -> Result<Value> {
    let outcome = &analysis.outcome;
    let (_, eco) = ecosystem(outcome, target).map_err(Error::invalid_params)?;
    let listed: Vec<Value> = eco
        .baseline
        .scenarios
        .iter()
        .filter_map(|scenario| {
            let place = convert::location(outcome, scenario.common.name_loc, encoding)?;
            Some(json!({
                "name": &*scenario.common.name,
                "uri": place.uri,
                "range": place.range,
            }))
        })
        .collect();
    Ok(json!({ "scenarios": listed }))
}
