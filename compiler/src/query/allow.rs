//! Where an `@allow(lint)` goes to silence a finding: on its own line above
//! the innermost declaration (or `extend`) holding the finding, indented
//! like it. Offered as a [`Fix`] on every lint diagnostic (the language
//! server's code action, `check --format json`), never applied by
//! `check --fix`.
//!
//! The places are recorded before resolution may take the syntax trees
//! (`check`'s `consume_trees`), and are only spans: no text is copied.

use std::collections::HashMap;

use ecospec_syntax::{DeclKind, Entry, File, Span};

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Loc};
use crate::source::{FileId, SourceMap};

/// A declaration or `extend` and its name.
#[derive(Clone, Copy, Debug)]
struct Place {
    span: Span,
    name: Option<Span>,
}

/// The places of one file: its declarations in text order, each with the
/// end of its run of `inner` places (those in its body).
#[derive(Debug, Default)]
struct FilePlaces {
    tops: Vec<(Place, usize)>,
    inner: Vec<Place>,
}

/// Where `@allow` may go, per file.
#[derive(Debug, Default)]
pub struct AllowPlaces {
    files: HashMap<FileId, FilePlaces>,
}

impl AllowPlaces {
    /// The places of `files` (their syntax trees).
    pub fn of<'a>(files: impl IntoIterator<Item = (FileId, &'a File)>) -> AllowPlaces {
        let mut out = AllowPlaces::default();
        for (id, ast) in files {
            let mut places = FilePlaces {
                tops: Vec::with_capacity(ast.items.len()),
                inner: Vec::new(),
            };
            for decl in ast.decls() {
                // Only an intervention's block holds declarations and
                // `extend`s (the others hold fields): no other block is walked.
                let holds_decls = decl.kind == DeclKind::Intervention;
                let entries = decl.body.iter().filter(|_| holds_decls);
                for entry in entries.flat_map(|b| &b.entries) {
                    match entry {
                        Entry::Decl(inner) => places.inner.push(Place {
                            span: inner.span,
                            name: inner.name.as_ref().map(|n| n.span),
                        }),
                        Entry::Extend(extend) => places.inner.push(Place {
                            span: extend.span,
                            name: Some(extend.name.span),
                        }),
                        Entry::Field(_) | Entry::Error(_) => {}
                    }
                }
                let place = Place {
                    span: decl.span,
                    name: decl.name.as_ref().map(|n| n.span),
                };
                places.tops.push((place, places.inner.len()));
            }
            out.files.insert(id, places);
        }
        out
    }

    /// The innermost place holding `at`.
    fn place(&self, at: Loc) -> Option<Place> {
        let places = self.files.get(&at.file)?;
        let after = places
            .tops
            .partition_point(|(top, _)| top.span.start <= at.span.start);
        let index = after.checked_sub(1)?;
        let (top, end) = places.tops.get(index)?;
        if !top.span.contains(at.span) {
            return None;
        }
        let start = match index.checked_sub(1) {
            Some(before) => places.tops.get(before).map_or(0, |(_, end)| *end),
            None => 0,
        };
        let inner = places.inner.get(start..*end).unwrap_or_default();
        Some(
            inner
                .iter()
                .rev()
                .find(|place| place.span.contains(at.span))
                .copied()
                .unwrap_or(*top),
        )
    }

    /// The fix that silences the lint of `diagnostic` with `@allow`; `None`
    /// for a diagnostic that is no lint or lies outside every declaration.
    pub fn fix(&self, sources: &SourceMap, diagnostic: &Diagnostic) -> Option<Fix> {
        let lint = diagnostic.lint?;
        let at = diagnostic.primary?;
        let place = self.place(at)?;
        let source = sources.get(at.file)?;
        let line_start = source.line_start(source.line_of(place.span.start));
        let indent: String = source
            .text
            .get(line_start as usize..place.span.start as usize)
            .unwrap_or_default()
            .chars()
            .take_while(|c| c.is_whitespace())
            .collect();
        let message = match place.name {
            Some(name) => format!("Allow `{lint}` on `{}`", source.slice(name)),
            None => format!("Allow `{lint}` here"),
        };
        let line_start = line_start as usize;
        Some(Fix {
            message,
            edits: vec![Edit {
                loc: Loc::new(at.file, Span::new(line_start, line_start)),
                replacement: format!("{indent}@allow({lint})\n"),
            }],
            // Silencing a finding is a choice, never made by `check --fix`.
            applicability: Applicability::Unsafe,
        })
    }

    /// Adds the `@allow` fix to each lint diagnostic (after its own fixes).
    pub fn attach(&self, sources: &SourceMap, diagnostics: &mut [Diagnostic]) {
        for diagnostic in diagnostics {
            if let Some(fix) = self.fix(sources, diagnostic) {
                diagnostic.fixes.push(fix);
            }
        }
    }
}
