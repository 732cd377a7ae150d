//! The canonical layout: the syntax tree walked in source order, each token
//! handed to the [`Printer`] with the line breaks and indents of the rules in
//! the module doc of [`super`].

use ecospec_syntax::{Attribute, Block, BridgeEnds, Decl, DeclKind, Entry, Extend, Field, File};
use ecospec_syntax::{Item, ListEntry, Span, Text, Value};

use super::error::FormatError;
use super::printer::{Gap, Printer};
use super::style::{INDENT, WIDTH};

type Result<T = ()> = std::result::Result<T, FormatError>;

pub fn file(p: &mut Printer<'_>, file: &File) -> Result {
    let mut previous: Option<Shape> = None;
    for item in &file.items {
        let shape = Shape::of(item, p);
        if let Some(previous) = previous {
            p.set_gap(if previous.stays_adjacent_to(shape) {
                Gap::Source
            } else {
                Gap::Exactly(1)
            });
        }
        match item {
            Item::Import(import) => {
                p.word("import")?;
                text(p, &import.path)?;
            }
            Item::Decl(d) => decl(p, d)?,
            Item::Error(span) => return Err(broken(*span)),
        }
        p.end_statement();
        previous = Some(shape);
    }
    Ok(())
}

/// What decides the blank line between two top-level items.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Shape {
    /// `None` for an import.
    kind: Option<DeclKind>,
    one_line: bool,
}

impl Shape {
    fn of(item: &Item, p: &Printer<'_>) -> Shape {
        match item {
            Item::Import(import) => Shape {
                kind: None,
                one_line: import.path.parts.len() <= 1,
            },
            Item::Decl(d) => Shape {
                kind: Some(d.kind),
                one_line: d.attrs.is_empty()
                    && d.label.as_ref().is_none_or(|l| l.parts.len() <= 1)
                    && d.body.as_ref().is_none_or(|b| {
                        b.entries.is_empty()
                            && !p.has_comment_in(b.open.to(b.close.unwrap_or(b.open)))
                    }),
            },
            Item::Error(_) => Shape {
                kind: None,
                one_line: false,
            },
        }
    }

    /// One-line items of one kind keep the blank lines written between them
    /// (at most one); any other two items get exactly one.
    fn stays_adjacent_to(self, next: Shape) -> bool {
        self.one_line && next.one_line && self.kind == next.kind
    }
}

fn decl(p: &mut Printer<'_>, d: &Decl) -> Result {
    attributes(p, &d.attrs)?;
    p.word(d.kind.keyword())?;
    if let Some(name) = &d.name {
        p.word(&name.name)?;
    }
    if let Some(kind) = &d.actor_kind {
        p.attach(":")?;
        p.word(&kind.name)?;
    }
    let label_width = d
        .label
        .as_ref()
        .and_then(|l| l.parts.first())
        .map_or(0, |part| 1 + width(p, *part));
    let brace_width = if d.body.is_some() { 2 } else { 0 };
    match &d.ends {
        Some(BridgeEnds::Between(names)) => {
            let mut names = names.iter();
            if let Some(a) = names.next() {
                p.word("between")?;
                p.word(&a.name)?;
            }
            for b in names {
                p.word("and")?;
                p.word(&b.name)?;
            }
        }
        Some(BridgeEnds::Among(names)) => {
            p.word("among")?;
            list(p, names, label_width + brace_width)?;
        }
        None => {}
    }
    if let Some(label) = &d.label {
        text(p, label)?;
    }
    if let Some(body) = &d.body {
        block(p, body)?;
    }
    Ok(())
}

fn extend(p: &mut Printer<'_>, e: &Extend) -> Result {
    attributes(p, &e.attrs)?;
    p.word("extend")?;
    p.word(e.target_kind.keyword())?;
    p.word(&e.name.name)?;
    match &e.body {
        Some(body) => block(p, body),
        None => Err(broken(e.span)),
    }
}

/// Each attribute on its own line above what it applies to; a trailing
/// comma in its list is dropped.
fn attributes(p: &mut Printer<'_>, attrs: &[Attribute]) -> Result {
    for attr in attrs {
        p.word("@")?;
        p.tight(&attr.name.name)?;
        p.attach("(")?;
        for (i, arg) in attr.args.iter().enumerate() {
            if i > 0 {
                p.attach(",")?;
                p.word(&arg.name)?;
            } else {
                p.tight(&arg.name)?;
            }
        }
        if p.peek() == Some(",") {
            p.skip(",")?;
        }
        p.attach(")")?;
        p.break_to(p.indent());
    }
    Ok(())
}

/// `{}` when nothing (not even a comment) stands inside; else one entry per
/// line, one level deeper.
fn block(p: &mut Printer<'_>, b: &Block) -> Result {
    let Some(close) = b.close else {
        return Err(broken(b.open));
    };
    let outer = p.indent();
    p.word("{")?;
    if b.entries.is_empty() && !p.has_comment_in(b.open.to(close)) {
        p.tight("}")?;
        return Ok(());
    }
    p.end_statement();
    p.set_indent(outer + INDENT);
    p.set_gap(Gap::Exactly(0));
    for entry in &b.entries {
        match entry {
            Entry::Field(f) => field(p, f)?,
            Entry::Decl(d) => decl(p, d)?,
            Entry::Extend(e) => extend(p, e)?,
            Entry::Error(span) => return Err(broken(*span)),
        }
        p.end_statement();
    }
    p.comments_before(close.start as usize);
    p.set_indent(outer);
    p.set_gap(Gap::Exactly(0));
    p.word("}")?;
    Ok(())
}

fn field(p: &mut Printer<'_>, f: &Field) -> Result {
    p.word(&f.name.name)?;
    p.attach(":")?;
    match &f.value {
        Value::Text(t) => text(p, t),
        Value::Names(names) => list(p, names, 0),
    }
}

/// A list on the line when it fits in the width (with `tail` more columns
/// after it) and holds no comment; else `name:` (or `among`) ends the line
/// and each entry takes a line of its own, one level deeper.
fn list<N: ListEntry>(p: &mut Printer<'_>, names: &[N], tail: usize) -> Result {
    let span = match (names.first(), names.last()) {
        (Some(first), Some(last)) => first.ident().span.to(last.ident().span),
        _ => Span::default(),
    };
    let flat_width: usize = names
        .iter()
        .map(|n| n.ident().name.chars().count() + 2)
        .sum::<usize>()
        .saturating_sub(1);
    let flat =
        names.len() <= 1 || (!p.has_comment_in(span) && p.column() + flat_width + tail <= WIDTH);
    let entry_col = p.indent() + INDENT;
    for (i, name) in names.iter().enumerate() {
        if i > 0 {
            p.attach(",")?;
        }
        if !flat {
            p.break_to(entry_col);
        }
        if name.quoted() {
            // A string among the names (an E0206): kept as written.
            let literal = p.slice(name.ident().span)?;
            p.word(&literal)?;
        } else {
            p.word(&name.ident().name)?;
        }
    }
    Ok(())
}

/// Each literal as written; a literal after the first goes on a line of its
/// own, aligned with the first.
fn text(p: &mut Printer<'_>, t: &Text) -> Result {
    let mut column = None;
    for part in &t.parts {
        let literal = p.slice(*part)?;
        match column {
            None => column = Some(p.word(&literal)?),
            Some(col) => {
                p.break_to(col);
                p.word(&literal)?;
            }
        }
    }
    Ok(())
}

fn width(p: &Printer<'_>, span: Span) -> usize {
    p.slice(span).map_or(0, |s| s.chars().count())
}

fn broken(span: Span) -> FormatError {
    FormatError::Internal(format!(
        "a syntax error at byte {} reached the layout",
        span.start
    ))
}
