//! Helpers the grammar's actions call to build the tree, kept out of the
//! `.lalrpop` file so they are ordinary, checked Rust.

use std::convert::Infallible;

use lalrpop_util::ErrorRecovery;

use crate::ast::*;
use crate::lexer::{unescape, StrLit, Tok};

pub type Recovered<'a> = ErrorRecovery<usize, Tok<'a>, Infallible>;

/// The kind of declaration a keyword token starts; the grammar calls this
/// only with declaration keywords.
pub fn kind_of(tok: Tok<'_>) -> DeclKind {
    match tok {
        Tok::Kw(kw) | Tok::InnerKw(kw) => kw.decl_kind().unwrap_or(DeclKind::Ecosystem),
        _ => DeclKind::Ecosystem,
    }
}

pub fn decl(
    kind: DeclKind,
    keyword: Span,
    name: Option<Ident>,
    label: Option<Text>,
    body: Option<(Block, bool)>,
    end: usize,
) -> Box<Decl> {
    let (body, block_broken) = match body {
        Some((block, broken)) => (Some(block), broken),
        None => (None, false),
    };
    let members_broken = body
        .iter()
        .flat_map(|b| &b.entries)
        .any(|entry| match entry {
            Entry::Field(_) => false,
            Entry::Error(_) => true,
            Entry::Decl(decl) => decl.broken,
            Entry::Extend(extend) => extend.broken,
        });
    Box::new(Decl {
        kind,
        attrs: Vec::new(),
        doc: None,
        keyword,
        name,
        actor_kind: None,
        ends: None,
        label,
        body,
        span: Span::new(keyword.start as usize, end),
        broken: block_broken || members_broken,
    })
}

pub fn broken<'a>(
    decl: Box<Decl>,
    errors: &mut Vec<Recovered<'a>>,
    error: Recovered<'a>,
) -> Box<Decl> {
    broken_over(decl, recover(errors, error))
}

/// The declaration, marked broken and stretched over what recovery skipped.
fn broken_over(mut decl: Box<Decl>, skipped: Span) -> Box<Decl> {
    decl.span = decl.span.to(skipped);
    decl.broken = true;
    decl
}

pub fn record<'a>(errors: &mut Vec<Recovered<'a>>, error: Recovered<'a>) -> bool {
    errors.push(error);
    true
}

/// Records the error and returns the span of what was skipped.
pub fn recover<'a>(errors: &mut Vec<Recovered<'a>>, error: Recovered<'a>) -> Span {
    let span = recovered_span(&error);
    errors.push(error);
    span
}

fn recovered_span(error: &Recovered<'_>) -> Span {
    use lalrpop_util::ParseError;
    let start = match &error.error {
        ParseError::UnrecognizedToken { token, .. } | ParseError::ExtraToken { token } => token.0,
        ParseError::InvalidToken { location } | ParseError::UnrecognizedEof { location, .. } => {
            *location
        }
        ParseError::User { .. } => 0,
    };
    let end = error
        .dropped_tokens
        .last()
        .map_or(start, |(_, _, end)| *end)
        .max(start);
    Span::new(start, end)
}

/// An intervention's keyword, name and label: what it has before its block.
pub type InterventionHead = (Span, Ident, Option<Text>);

/// An intervention; broken when recovery skipped `skipped` in its block or
/// in place of it.
pub fn intervention(
    (keyword, name, label): InterventionHead,
    block: Option<Block>,
    skipped: Option<Span>,
    end: usize,
) -> Box<Decl> {
    let body = block.map(|block| (block, false));
    let decl = decl(
        DeclKind::Intervention,
        keyword,
        Some(name),
        label,
        body,
        end,
    );
    match skipped {
        Some(skipped) => broken_over(decl, skipped),
        None => decl,
    }
}

pub fn with_attrs(decl: Box<Decl>, attrs: Vec<Attribute>) -> Item {
    Item::Decl(attach(decl, attrs))
}

pub fn attach(mut decl: Box<Decl>, attrs: Vec<Attribute>) -> Box<Decl> {
    if let Some(first) = attrs.first() {
        decl.span = first.span.to(decl.span);
    }
    decl.attrs = attrs;
    decl
}

pub fn extend(
    attrs: Vec<Attribute>,
    keyword: Span,
    target: (DeclKind, Span),
    name: Ident,
    body: (Block, bool),
    end: usize,
) -> Box<Extend> {
    let start = attrs.first().map_or(keyword, |attr| attr.span);
    Box::new(Extend {
        attrs,
        keyword,
        target_kind: target.0,
        target_keyword: target.1,
        name,
        body: Some(body.0),
        span: Span::new(start.start as usize, end),
        broken: body.1,
    })
}

pub fn block(open: Span, close: Option<Span>, entries: Vec<Entry>) -> Block {
    Block {
        open,
        close,
        entries,
    }
}

pub fn text((lit, span): (StrLit<'_>, Span)) -> Text {
    Text {
        value: unescape(lit).into_boxed_str(),
        parts: Box::new([span]),
    }
}

/// The next of adjacent strings, joined to the text before it.
pub fn text_more(text: Text, (lit, span): (StrLit<'_>, Span)) -> Text {
    let mut value = String::from(text.value);
    value.push_str(&unescape(lit));
    let mut parts = Vec::from(text.parts);
    parts.push(span);
    Text {
        value: value.into_boxed_str(),
        parts: parts.into_boxed_slice(),
    }
}

/// A string written as an entry of a list of names.
pub fn quoted_name(text: Text) -> Name {
    Name {
        ident: Ident {
            span: text.span(),
            name: text.value,
        },
        quoted: true,
    }
}

/// A name written as an entry of a list of names.
pub fn plain_name(ident: Ident) -> Name {
    Name {
        ident,
        quoted: false,
    }
}
