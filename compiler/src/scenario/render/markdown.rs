//! A walk in Markdown, for pull requests and reports: a heading for the
//! scenario, then the tree of `tree.rs` as nested lists; names in code
//! spans, what fails the response in bold, spec text escaped so it never
//! becomes markup.

use std::fmt::Write as _;

use crate::scenario::Answer;

use super::tree::{tree, Line, Style};

/// The Markdown of a what-if; `applied` names the intervention applied.
pub fn markdown(answer: &Answer<'_>, applied: Option<&str>) -> String {
    let root = tree(answer);
    let mut out = String::from("### ");
    out.push_str(&inline(&root));
    out.push_str("\n\n");
    if let Some(name) = applied {
        let _ = writeln!(out, "*with intervention `{name}` applied*\n");
    }
    list(&mut out, &root, 0);
    out
}

fn list(out: &mut String, line: &Line, depth: usize) {
    for child in &line.children {
        let _ = writeln!(out, "{}- {}", "  ".repeat(depth), inline(child));
        list(out, child, depth + 1);
    }
}

fn inline(line: &Line) -> String {
    let mut out = String::new();
    for (style, text) in &line.parts {
        match style {
            Style::Name => out.push_str(&code(text)),
            Style::Text => {
                let _ = write!(out, "“{}”", escape(text));
            }
            Style::Gap => {
                let _ = write!(out, "**{}**", escape(text.trim()));
                if text.ends_with(' ') {
                    out.push(' ');
                }
            }
            Style::Taken => {
                let lead = if text.starts_with(' ') { " " } else { "" };
                let _ = write!(out, "{lead}*{}*", escape(text.trim()));
            }
            Style::TakenName => {
                let _ = write!(out, "*{}*", code(text));
            }
            Style::Level(_) => {
                let _ = write!(out, "**{}**", escape(text));
            }
            Style::Plain => out.push_str(&escape(text)),
            Style::Message => {
                // Names stand in backticks: code spans, kept as they are.
                for (i, piece) in text.split('`').enumerate() {
                    if i % 2 == 1 {
                        out.push_str(&code(piece));
                    } else {
                        out.push_str(&escape(piece));
                    }
                }
            }
        }
    }
    out
}

/// A name in a code span (names hold no backtick; one is fenced anyway).
fn code(name: &str) -> String {
    if name.contains('`') {
        format!("`` {name} ``")
    } else {
        format!("`{name}`")
    }
}

/// Text with every character Markdown or HTML could read as markup
/// escaped, and line ends as spaces.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '!' | '&' => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}
