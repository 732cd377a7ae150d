//! `ecospec/explain`: the text `ecospec explain CODE` prints, for a code
//! (`W0401`, `E0201`) or a lint's name, from the library's catalog.

use ecospec::catalog;
use serde::Deserialize;
use serde_json::{json, Value};
use tower_lsp_server::jsonrpc::{Error, Result};

pub const METHOD: &str = "ecospec/explain";

#[derive(Debug, Deserialize)]
pub struct ExplainParams {
    /// A code or a lint's name.
    pub code: String,
}

/// `{"code", "lint", "text"}`, found as `ecospec explain` finds it (a
/// code in any case, or a lint's name); an unknown code is an
/// invalid-params error listing the codes.
pub fn explain(params: &ExplainParams) -> Result<Value> {
    let asked = params.code.trim();
    match catalog::find(asked) {
        Some(rule) => Ok(json!({
            "code": rule.code.as_str(),
            "lint": rule.name,
            "text": rule.explained(),
        })),
        None => {
            let codes: Vec<&str> = catalog::rules()
                .iter()
                .map(|rule| rule.code.as_str())
                .collect();
            Err(Error::invalid_params(format!(
                "no diagnostic `{asked}`; the codes are {}, or a lint's name",
                codes.join(", ")
            )))
        }
    }
}
