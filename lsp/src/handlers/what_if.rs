//! `ecospec/whatIf`: a scenario walked through, the same JSON value as
//! `ecospec what-if --scenario NAME --format json` (the library asks,
//! `ecospec::scenario::Now::what_if`, and renders, `scenario::render::json`).

use ecospec::scenario::{render, Now};
use serde::Deserialize;
use serde_json::Value;
use tower_lsp_server::jsonrpc::{Error, Result};

use crate::analysis::Analysis;
use crate::ecosystem::{ecosystem, Target, Where};

pub const METHOD: &str = "ecospec/whatIf";

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WhatIfParams {
    #[serde(flatten)]
    pub at: Where,
    pub scenario: String,
    /// The intervention applied first (`--apply`).
    pub apply: Option<String>,
}

/// The walk of `params.scenario`; an unknown scenario or intervention is
/// an invalid-params error saying what exists (the command's usage error).
pub fn what_if(analysis: &Analysis, target: &Target, params: &WhatIfParams) -> Result<Value> {
    let outcome = &analysis.outcome;
    let (index, eco) = ecosystem(outcome, target).map_err(Error::invalid_params)?;
    let applied = params.apply.as_deref();
    let now = Now::new(outcome, index, applied).map_err(Error::invalid_params)?;
    let answer = now
        .what_if(&params.scenario, &[])
        .map_err(Error::invalid_params)?;
    let root = outcome
        .sources
        .get(eco.root)
        .map_or("", |f| f.name.as_str());
    Ok(render::json(&answer, applied, root, &outcome.sources))
}
