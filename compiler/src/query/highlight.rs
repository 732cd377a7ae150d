//! Semantic highlighting (as rust-analyzer's syntax highlighting):
//! keywords, names classified by what they name (read off the resolver's
//! recorded name uses), field names, enum values, strings, comments.

use std::collections::HashMap;

use ecospec_syntax::{CommentKind, Decl, DeclKind, Entry, Field, Item, Span, Value};

use super::names::ecosystems_of;
use crate::check::Outcome;
use crate::diagnostic::Loc;
use crate::source::FileId;

/// What a highlighted piece of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HighlightTag {
    Keyword,
    String,
    Comment,
    /// A field name.
    Property,
    /// An attribute (`@allow`).
    Decorator,
    /// An actor's kind.
    Type,
    /// A field value that names no declaration (an enum value).
    EnumMember,
    /// A name of a declaration of this kind (its own, or a use).
    Name(DeclKind),
}

/// One highlighted piece of a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Highlight {
    pub span: Span,
    pub tag: HighlightTag,
    /// The name in its own declaration.
    pub declaration: bool,
    /// A doc comment.
    pub documentation: bool,
}

/// The highlighted pieces of `file`, in text order, none empty, one per
/// start (the first classified wins).
pub fn highlight(outcome: &Outcome, file: FileId) -> Option<Vec<Highlight>> {
    let ast = &outcome.workspace.file(file)?.ast;
    let mut definitions: HashMap<Loc, DeclKind> = HashMap::new();
    let mut kinds: HashMap<Span, DeclKind> = HashMap::new();
    for eco in ecosystems_of(outcome, file) {
        definitions.extend(eco.definitions.iter().map(|d| (d.loc, d.kind)));
        for name_use in eco.uses.iter().filter(|u| u.at.file == file) {
            if let Some(kind) = definitions.get(&name_use.definition) {
                kinds.insert(name_use.at.span, *kind);
            }
        }
    }
    let mut collector = Collector {
        out: Vec::new(),
        kinds: &kinds,
    };
    for item in &ast.items {
        match item {
            Item::Import(import) => {
                collector.push(import.keyword, HighlightTag::Keyword);
                collector.text(&import.path.parts);
            }
            Item::Decl(decl) => collector.decl(decl),
            Item::Error(_) => {}
        }
    }
    for comment in &ast.comments {
        if comment.span.end > comment.span.start {
            collector.out.push(Highlight {
                span: comment.span,
                tag: HighlightTag::Comment,
                declaration: false,
                documentation: comment.kind == CommentKind::Doc,
            });
        }
    }
    let mut out = collector.out;
    out.sort_by_key(|h| h.span.start);
    out.dedup_by_key(|h| h.span.start);
    Some(out)
}

struct Collector<'a> {
    out: Vec<Highlight>,
    /// What each name use in the file names.
    kinds: &'a HashMap<Span, DeclKind>,
}

impl Collector<'_> {
    fn push(&mut self, span: Span, tag: HighlightTag) {
        self.push_with(span, tag, false);
    }

    fn push_with(&mut self, span: Span, tag: HighlightTag, declaration: bool) {
        if span.end > span.start {
            self.out.push(Highlight {
                span,
                tag,
                declaration,
                documentation: false,
            });
        }
    }

    fn text(&mut self, parts: &[Span]) {
        for part in parts {
            self.push(*part, HighlightTag::String);
        }
    }

    fn name(&mut self, span: Span) {
        if let Some(kind) = self.kinds.get(&span) {
            self.push(span, HighlightTag::Name(*kind));
        }
    }

    fn field(&mut self, field: &Field) {
        self.push(field.name.span, HighlightTag::Property);
        match &field.value {
            Value::Text(text) => self.text(&text.parts),
            Value::Names(names) => {
                for name in names {
                    let tag = match self.kinds.get(&name.span) {
                        Some(kind) => HighlightTag::Name(*kind),
                        None => HighlightTag::EnumMember,
                    };
                    self.push(name.span, tag);
                }
            }
        }
    }

    fn decl(&mut self, decl: &Decl) {
        for attr in &decl.attrs {
            let span = Span::new(attr.span.start as usize, attr.name.span.end as usize);
            self.push(span, HighlightTag::Decorator);
        }
        self.push(decl.keyword, HighlightTag::Keyword);
        if let Some(name) = &decl.name {
            if decl.kind == DeclKind::On {
                self.name(name.span);
            } else {
                self.push_with(name.span, HighlightTag::Name(decl.kind), true);
            }
        }
        if let Some(kind) = &decl.actor_kind {
            self.push(kind.span, HighlightTag::Type);
        }
        for end in decl.ends.iter().flat_map(|e| e.clusters()) {
            self.name(end.span);
        }
        if let Some(label) = &decl.label {
            self.text(&label.parts);
        }
        for entry in decl.body.iter().flat_map(|b| &b.entries) {
            match entry {
                Entry::Field(field) => self.field(field),
                Entry::Decl(inner) => self.decl(inner),
                Entry::Extend(extend) => {
                    self.push(extend.keyword, HighlightTag::Keyword);
                    self.push(extend.target_keyword, HighlightTag::Keyword);
                    self.name(extend.name.span);
                    for field in extend.fields() {
                        self.field(field);
                    }
                }
                Entry::Error(_) => {}
            }
        }
    }
}
