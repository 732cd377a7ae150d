//! The outline of a file (as rust-analyzer's file structure): its
//! declarations, the ones inside an intervention and its `extend`s nested
//! under it.

use ecospec_syntax::{Decl, DeclKind, Entry, Span};

use crate::check::Outcome;
use crate::source::FileId;

/// One entry of the outline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutlineItem {
    /// What the editor lists: the name, `on NAME`, `ecosystem "LABEL"`,
    /// `extend KIND NAME`.
    pub name: String,
    /// The label, when there is one.
    pub detail: Option<String>,
    /// What it declares (an `extend`: the kind it extends).
    pub kind: DeclKind,
    /// The whole declaration.
    pub span: Span,
    /// Its name (or keyword, without one).
    pub name_span: Span,
    pub children: Vec<OutlineItem>,
}

/// The outline of `file`, in text order.
pub fn outline(outcome: &Outcome, file: FileId) -> Option<Vec<OutlineItem>> {
    let ast = &outcome.workspace.file(file)?.ast;
    Some(ast.decls().map(item).collect())
}

fn item(decl: &Decl) -> OutlineItem {
    let children = decl
        .body
        .iter()
        .flat_map(|b| &b.entries)
        .filter_map(|entry| match entry {
            Entry::Decl(inner) => Some(item(inner)),
            Entry::Extend(extend) => Some(OutlineItem {
                name: format!("extend {} {}", extend.target_kind.keyword(), extend.name),
                detail: None,
                kind: extend.target_kind,
                span: extend.span,
                name_span: extend.name.span,
                children: Vec::new(),
            }),
            Entry::Field(_) | Entry::Error(_) => None,
        })
        .collect();
    OutlineItem {
        name: shown_name(decl),
        detail: decl.label.as_ref().map(|l| l.value.to_string()),
        kind: decl.kind,
        span: decl.span,
        name_span: decl.name_span(),
        children,
    }
}

fn shown_name(decl: &Decl) -> String {
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
