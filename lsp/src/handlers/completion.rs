//! Completion: the context from the document as typed, the candidates from
//! the compiler's query over the last analysis.

use ecospec::query::{self, CandidateKind};
use ecospec::source::SourceFile;
use ecospec_syntax::DeclKind;
use tower_lsp_server::ls_types::*;

use crate::analysis::Query;
use crate::convert::{self, Encoding};

pub fn complete(
    q: Option<&Query>,
    doc: &SourceFile,
    position: Position,
    encoding: Encoding,
) -> Option<CompletionResponse> {
    let offset = convert::offset(doc, position, encoding);
    let context = query::completion_context(&doc.text, offset as usize);
    let candidates = query::complete(
        q.map(|q| &q.analysis.outcome),
        q.map(|q| q.file),
        offset,
        &context,
    );
    // Long lists are cut to the names that start with what is typed; the
    // client asks again as the user types on.
    let typed = query::typed_prefix(&doc.text, offset as usize);
    let total = candidates.len();
    let items: Vec<CompletionItem> = candidates
        .into_iter()
        .filter(|c| total <= MAX_ITEMS || c.label.starts_with(typed))
        .take(MAX_ITEMS)
        .map(|c| CompletionItem {
            kind: Some(item_kind(c.kind)),
            detail: c.detail,
            documentation: c.documentation.map(|doc| {
                Documentation::MarkupContent(MarkupContent {
                    kind: MarkupKind::Markdown,
                    value: doc,
                })
            }),
            label: c.label,
            ..CompletionItem::default()
        })
        .collect();
    Some(CompletionResponse::List(CompletionList {
        is_incomplete: total > MAX_ITEMS,
        items,
    }))
}

/// At most this many items per answer.
const MAX_ITEMS: usize = 200;

fn item_kind(kind: CandidateKind) -> CompletionItemKind {
    match kind {
        CandidateKind::Keyword => CompletionItemKind::KEYWORD,
        CandidateKind::Field => CompletionItemKind::FIELD,
        CandidateKind::Value => CompletionItemKind::ENUM_MEMBER,
        CandidateKind::Lint => CompletionItemKind::VALUE,
        CandidateKind::Name(kind) => symbol_item_kind(kind),
    }
}

fn symbol_item_kind(kind: DeclKind) -> CompletionItemKind {
    match kind {
        DeclKind::Cluster => CompletionItemKind::MODULE,
        DeclKind::Actor => CompletionItemKind::CLASS,
        DeclKind::Capability => CompletionItemKind::INTERFACE,
        DeclKind::Scenario => CompletionItemKind::EVENT,
        DeclKind::Bridge => CompletionItemKind::REFERENCE,
        DeclKind::Intervention => CompletionItemKind::FUNCTION,
        DeclKind::Ecosystem | DeclKind::On => CompletionItemKind::TEXT,
    }
}
