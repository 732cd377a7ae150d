//! Semantic tokens: keywords, names coloured by what they name (read off the
//! resolver's name uses), field names, enum values, strings, comments.

use std::collections::HashMap;

use ecospec::diagnostic::Loc;
use ecospec_syntax::{CommentKind, Decl, DeclKind, Entry, Field, Span, Value};
use tower_lsp_server::ls_types::*;

use crate::convert;
use crate::server::Query;

const TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::KEYWORD,
    SemanticTokenType::STRING,
    SemanticTokenType::COMMENT,
    SemanticTokenType::PROPERTY,
    SemanticTokenType::DECORATOR,
    SemanticTokenType::TYPE,
    SemanticTokenType::ENUM_MEMBER,
    SemanticTokenType::NAMESPACE,
    SemanticTokenType::CLASS,
    SemanticTokenType::INTERFACE,
    SemanticTokenType::EVENT,
    SemanticTokenType::STRUCT,
    SemanticTokenType::FUNCTION,
];

const KEYWORD: u32 = 0;
const STRING: u32 = 1;
const COMMENT: u32 = 2;
const PROPERTY: u32 = 3;
const DECORATOR: u32 = 4;
const TYPE: u32 = 5;
const ENUM_MEMBER: u32 = 6;

const DECLARATION: u32 = 1;
const DOCUMENTATION: u32 = 2;

pub fn capability() -> SemanticTokensServerCapabilities {
    SemanticTokensServerCapabilities::SemanticTokensOptions(SemanticTokensOptions {
        legend: SemanticTokensLegend {
            token_types: TYPES.to_vec(),
            token_modifiers: vec![
                SemanticTokenModifier::DECLARATION,
                SemanticTokenModifier::DOCUMENTATION,
            ],
        },
        full: Some(SemanticTokensFullOptions::Bool(true)),
        range: None,
        work_done_progress_options: WorkDoneProgressOptions::default(),
    })
}

fn name_type(kind: DeclKind) -> u32 {
    match kind {
        DeclKind::Cluster => 7,
        DeclKind::Actor => 8,
        DeclKind::Capability => 9,
        DeclKind::Scenario | DeclKind::On => 10,
        DeclKind::Bridge => 11,
        DeclKind::Intervention | DeclKind::Ecosystem => 12,
    }
}

struct Collector<'a> {
    tokens: Vec<(Span, u32, u32)>,
    /// What each name use in the file names.
    kinds: &'a HashMap<Span, DeclKind>,
}

impl Collector<'_> {
    fn push(&mut self, span: Span, ty: u32, modifiers: u32) {
        if span.end > span.start {
            self.tokens.push((span, ty, modifiers));
        }
    }

    fn text(&mut self, parts: &[Span]) {
        for part in parts {
            self.push(*part, STRING, 0);
        }
    }

    fn name(&mut self, span: Span) {
        if let Some(kind) = self.kinds.get(&span) {
            self.push(span, name_type(*kind), 0);
        }
    }

    fn field(&mut self, field: &Field) {
        self.push(field.name.span, PROPERTY, 0);
        match &field.value {
            Value::Text(text) => self.text(&text.parts),
            Value::Names(names) => {
                for name in names {
                    match self.kinds.get(&name.span) {
                        Some(kind) => self.push(name.span, name_type(*kind), 0),
                        None => self.push(name.span, ENUM_MEMBER, 0),
                    }
                }
            }
        }
    }

    fn decl(&mut self, decl: &Decl) {
        for attr in &decl.attrs {
            self.push(
                Span::new(attr.span.start as usize, attr.name.span.end as usize),
                DECORATOR,
                0,
            );
        }
        self.push(decl.keyword, KEYWORD, 0);
        if let Some(name) = &decl.name {
            if decl.kind == DeclKind::On {
                self.name(name.span);
            } else {
                self.push(name.span, name_type(decl.kind), DECLARATION);
            }
        }
        if let Some(kind) = &decl.actor_kind {
            self.push(kind.span, TYPE, 0);
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
                    self.push(extend.keyword, KEYWORD, 0);
                    self.push(extend.target_keyword, KEYWORD, 0);
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

pub fn full(q: &Query) -> Option<SemanticTokensResult> {
    let outcome = &q.analysis.outcome;
    let ast = &outcome.workspace.file(q.file)?.ast;
    let file = outcome.sources.get(q.file)?;
    let mut definitions: HashMap<Loc, DeclKind> = HashMap::new();
    let mut kinds: HashMap<Span, DeclKind> = HashMap::new();
    for eco in ecospec::query::ecosystems_of(outcome, q.file) {
        definitions.extend(eco.definitions.iter().map(|d| (d.loc, d.kind)));
        for name_use in eco.uses.iter().filter(|u| u.at.file == q.file) {
            if let Some(kind) = definitions.get(&name_use.definition) {
                kinds.insert(name_use.at.span, *kind);
            }
        }
    }
    let mut collector = Collector {
        tokens: Vec::new(),
        kinds: &kinds,
    };
    for item in &ast.items {
        match item {
            ecospec_syntax::Item::Import(import) => {
                collector.push(import.keyword, KEYWORD, 0);
                collector.text(&import.path.parts);
            }
            ecospec_syntax::Item::Decl(decl) => collector.decl(decl),
            ecospec_syntax::Item::Error(_) => {}
        }
    }
    for comment in &ast.comments {
        let modifiers = if comment.kind == CommentKind::Doc {
            DOCUMENTATION
        } else {
            0
        };
        collector.push(comment.span, COMMENT, modifiers);
    }
    let mut tokens = collector.tokens;
    tokens.sort_by_key(|(span, _, _)| span.start);
    tokens.dedup_by_key(|(span, _, _)| span.start);
    let mut data = Vec::with_capacity(tokens.len());
    let (mut line, mut column) = (0, 0);
    for (span, ty, modifiers) in tokens {
        let start = convert::position(file, span.start, q.encoding);
        let length = q.encoding.len(file.slice(span));
        let delta_line = start.line.saturating_sub(line);
        let delta_start = if delta_line == 0 {
            start.character.saturating_sub(column)
        } else {
            start.character
        };
        data.push(SemanticToken {
            delta_line,
            delta_start,
            length,
            token_type: ty,
            token_modifiers_bitset: modifiers,
        });
        line = start.line;
        column = start.character;
    }
    Some(SemanticTokensResult::Tokens(SemanticTokens {
        result_id: None,
        data,
    }))
}
