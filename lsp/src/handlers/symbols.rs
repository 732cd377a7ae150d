//! Document symbols (the compiler's outline of the file) and symbols
//! across the workspace (the definitions of every analyzed folder).

use std::sync::Arc;

use ecospec::query::{self, OutlineItem};
use ecospec::source::SourceFile;
use ecospec_syntax::DeclKind;
use tower_lsp_server::ls_types::*;

use crate::analysis::{Analysis, Query};
use crate::convert::{self, Encoding};

pub fn symbol_kind(kind: DeclKind) -> SymbolKind {
    match kind {
        DeclKind::Ecosystem => SymbolKind::NAMESPACE,
        DeclKind::Capability => SymbolKind::INTERFACE,
        DeclKind::Scenario => SymbolKind::EVENT,
        DeclKind::Cluster => SymbolKind::MODULE,
        DeclKind::Actor => SymbolKind::CLASS,
        DeclKind::Bridge => SymbolKind::STRUCT,
        DeclKind::On => SymbolKind::METHOD,
        DeclKind::Intervention => SymbolKind::FUNCTION,
    }
}

#[allow(deprecated)]
fn document_symbol(file: &SourceFile, item: OutlineItem, encoding: Encoding) -> DocumentSymbol {
    let children: Vec<DocumentSymbol> = item
        .children
        .into_iter()
        .map(|child| document_symbol(file, child, encoding))
        .collect();
    DocumentSymbol {
        name: item.name,
        detail: item.detail,
        kind: symbol_kind(item.kind),
        tags: None,
        deprecated: None,
        range: convert::range(file, item.span, encoding),
        selection_range: convert::range(file, item.name_span, encoding),
        children: (!children.is_empty()).then_some(children),
    }
}

pub fn document_symbols(q: &Query) -> Option<DocumentSymbolResponse> {
    let outline = query::outline(q.outcome(), q.file)?;
    let file = q.source()?;
    let symbols = outline
        .into_iter()
        .map(|item| document_symbol(file, item, q.encoding))
        .collect();
    Some(DocumentSymbolResponse::Nested(symbols))
}

/// Declarations whose name contains the query (case-insensitive), in every
/// analyzed folder, each once.
#[allow(deprecated)]
pub fn workspace_symbols(
    analyses: &[Arc<Analysis>],
    query: &str,
    encoding: Encoding,
) -> Option<WorkspaceSymbolResponse> {
    let needle = query.to_lowercase();
    let mut out: Vec<SymbolInformation> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for analysis in analyses {
        let outcome = &analysis.outcome;
        for eco in &outcome.ecosystems {
            for definition in &eco.definitions {
                if !definition.name.to_lowercase().contains(&needle) {
                    continue;
                }
                let Some(file) = outcome.sources.get(definition.loc.file) else {
                    continue;
                };
                if !seen.insert((file.path.clone(), definition.loc.span)) {
                    continue;
                }
                let Some(location) = convert::location(outcome, definition.loc, encoding) else {
                    continue;
                };
                out.push(SymbolInformation {
                    name: definition.name.to_string(),
                    kind: symbol_kind(definition.kind),
                    tags: None,
                    deprecated: None,
                    location,
                    container_name: Some(definition.kind.keyword().to_string()),
                });
            }
        }
    }
    Some(WorkspaceSymbolResponse::Flat(out))
}
