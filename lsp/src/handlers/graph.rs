//! `ecospec/graph`: the picture `ecospec graph` draws, of the analysis
//! snapshot (so the unsaved text is drawn), with the place of each finding
//! it draws so that an editor can take a click on the drawing there. The
//! library builds and draws the picture (`ecospec::picture`); this only
//! picks the ecosystem and converts places (docs/src/graph.md, "In the editor").

use ecospec::picture::{self, Request, View};
use serde::{Deserialize, Serialize};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{Range, TextDocumentIdentifier, Uri};

use crate::analysis::Analysis;
use crate::convert::{self, Encoding};
use crate::ecosystem::{ecosystem, Target};

/// The request's name.
pub const METHOD: &str = "ecospec/graph";

/// What is asked: the ecosystem of a document (or of a folder), the
/// format and view, and the configuration (`--apply`, `--scenario`).
#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct GraphParams {
    pub text_document: Option<TextDocumentIdentifier>,
    pub folder: Option<Uri>,
    /// The root file of the ecosystem, when the folder holds several.
    pub root: Option<Uri>,
    /// `svg` (the default), `dot` or `mermaid`.
    pub format: Option<String>,
    /// `clusters` (the default), `actors` or `capabilities`.
    pub view: Option<String>,
    pub scenario: Option<String>,
    pub apply: Option<String>,
}

#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct GraphResult {
    pub format: String,
    pub content: String,
    /// Each finding the drawing marks, with the element showing it.
    pub findings: Vec<PlacedFinding>,
}

/// A finding drawn: `element` is the `id` of the drawn element that shows
/// it (`cluster:x`, `actor:x`, `capability:x`, `bridge:x`: the SVG's
/// `<g id>`, the stable ids of every format), and where it is written.
#[derive(Debug, Serialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PlacedFinding {
    pub element: String,
    pub code: String,
    pub lint: String,
    pub message: String,
    pub uri: Uri,
    pub range: Range,
}

#[derive(Clone, Copy)]
enum Format {
    Svg,
    Dot,
    Mermaid,
}

/// The drawing asked for, from `analysis`; bad parameters are an
/// invalid-params error saying what is accepted.
pub fn graph(
    analysis: &Analysis,
    target: &Target,
    params: &GraphParams,
    encoding: Encoding,
) -> Result<GraphResult> {
    let (format, format_name) = match params.format.as_deref().unwrap_or("svg") {
        "svg" => (Format::Svg, "svg"),
        "dot" => (Format::Dot, "dot"),
        "mermaid" => (Format::Mermaid, "mermaid"),
        other => {
            return Err(invalid(format!(
                "unknown format `{other}`: the editor draws `svg`, `dot` or `mermaid`"
            )))
        }
    };
    let view = match params.view.as_deref().unwrap_or("clusters") {
        "clusters" => View::Clusters,
        "actors" => View::Actors,
        "capabilities" => View::Capabilities,
        other => {
            return Err(invalid(format!(
                "unknown view `{other}`: the views are `clusters`, `actors` and `capabilities`"
            )))
        }
    };
    let outcome = &analysis.outcome;
    let (_, resolved) = ecosystem(outcome, target).map_err(invalid)?;
    let title = picture::root_title(outcome, resolved);
    let request = Request {
        view,
        apply: params.apply.as_deref(),
        scenario: params.scenario.as_deref(),
        title: &title,
    };
    let drawing = picture::picture(resolved, &request).map_err(invalid)?;
    let content = match format {
        Format::Svg => picture::render_svg(&drawing).map_err(invalid)?,
        Format::Dot => picture::render_dot(&drawing),
        Format::Mermaid => picture::render_mermaid(&drawing),
    };
    let findings = drawing
        .findings
        .iter()
        .filter_map(|drawn| {
            let place = convert::location(outcome, drawn.finding.primary, encoding)?;
            Some(PlacedFinding {
                element: drawn.element.clone(),
                code: drawn.finding.lint.code.to_string(),
                lint: drawn.finding.lint.name.to_string(),
                message: drawn.finding.message.clone(),
                uri: place.uri,
                range: place.range,
            })
        })
        .collect();
    Ok(GraphResult {
        format: format_name.to_string(),
        content,
        findings,
    })
}

fn invalid(message: impl Into<String>) -> Error {
    Error::invalid_params(message.into())
}
