//! The outline of a document, symbols across the workspace, and folding
//! ranges: read off the syntax trees and definitions of the last analysis.

use std::sync::Arc;

use ecospec::source::SourceFile;
use ecospec_syntax::{CommentKind, Decl, DeclKind, Entry, Span};
use tower_lsp_server::ls_types::*;

use crate::convert::{self, Encoding};
use crate::server::Query;
use crate::worker::Analysis;

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

fn decl_name(decl: &Decl) -> String {
    match (decl.kind, &decl.name) {
        (DeclKind::Ecosystem, _) => decl.label.as_ref().map_or_else(
            || "ecosystem".to_string(),
            |l| format!("ecosystem \"{}\"", l.value),
        ),
        (DeclKind::On, Some(name)) => format!("on {name}"),
        (_, Some(name)) => name.to_string(),
        (_, None) => decl.kind.keyword().to_string(),
    }
}

#[allow(deprecated)]
fn document_symbol(file: &SourceFile, decl: &Decl, encoding: Encoding) -> DocumentSymbol {
    let children: Vec<DocumentSymbol> = decl
        .body
        .iter()
        .flat_map(|b| &b.entries)
        .filter_map(|entry| match entry {
            Entry::Decl(inner) => Some(document_symbol(file, inner, encoding)),
            Entry::Extend(extend) => Some(DocumentSymbol {
                name: format!("extend {} {}", extend.target_kind.keyword(), extend.name),
                detail: None,
                kind: symbol_kind(extend.target_kind),
                tags: None,
                deprecated: None,
                range: convert::range(file, extend.span, encoding),
                selection_range: convert::range(file, extend.name.span, encoding),
                children: None,
            }),
            Entry::Field(_) | Entry::Error(_) => None,
        })
        .collect();
    DocumentSymbol {
        name: decl_name(decl),
        detail: decl.label.as_ref().map(|l| l.value.clone()),
        kind: symbol_kind(decl.kind),
        tags: None,
        deprecated: None,
        range: convert::range(file, decl.span, encoding),
        selection_range: convert::range(file, decl.name_span(), encoding),
        children: (!children.is_empty()).then_some(children),
    }
}

pub fn document_symbols(q: &Query) -> Option<DocumentSymbolResponse> {
    let outcome = &q.analysis.outcome;
    let ast = &outcome.workspace.file(q.file)?.ast;
    let file = outcome.sources.get(q.file)?;
    let symbols = ast
        .decls()
        .map(|decl| document_symbol(file, decl, q.encoding))
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

pub fn folding_ranges(q: &Query) -> Option<Vec<FoldingRange>> {
    let outcome = &q.analysis.outcome;
    let ast = &outcome.workspace.file(q.file)?.ast;
    let file = outcome.sources.get(q.file)?;
    let mut out = Vec::new();
    let mut fold = |span: Span, kind: Option<FoldingRangeKind>| {
        let start = file.line_of(span.start);
        let end = file.line_of(span.end);
        if end > start {
            out.push(FoldingRange {
                start_line: u32::try_from(start).unwrap_or(0),
                start_character: None,
                end_line: u32::try_from(end).unwrap_or(0),
                end_character: None,
                kind,
                collapsed_text: None,
            });
        }
    };
    for decl in ast.decls() {
        fold(decl.span, Some(FoldingRangeKind::Region));
        for entry in decl.body.iter().flat_map(|b| &b.entries) {
            match entry {
                Entry::Decl(inner) => fold(inner.span, Some(FoldingRangeKind::Region)),
                Entry::Extend(extend) => fold(extend.span, Some(FoldingRangeKind::Region)),
                Entry::Field(_) | Entry::Error(_) => {}
            }
        }
    }
    // Runs of comment lines (of one kind) fold together.
    let mut run: Option<(Span, CommentKind, usize)> = None;
    for comment in &ast.comments {
        let line = file.line_of(comment.span.start);
        run = match run {
            Some((span, kind, last)) if kind == comment.kind && last + 1 == line => {
                Some((span.to(comment.span), kind, line))
            }
            Some((span, _, _)) => {
                fold(span, Some(FoldingRangeKind::Comment));
                Some((comment.span, comment.kind, line))
            }
            None => Some((comment.span, comment.kind, line)),
        };
    }
    if let Some((span, _, _)) = run {
        fold(span, Some(FoldingRangeKind::Comment));
    }
    Some(out)
}
