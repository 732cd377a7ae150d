//! A walk for a terminal: the tree of `tree.rs` drawn with box-drawing
//! branches, coloured as `check` colours (red for what fails the response,
//! yellow for what the removals took, a finding in its severity's colour).

use std::io::Write as _;

use codespan_reporting::term::termcolor::{Buffer, Color, ColorSpec, WriteColor};

use crate::lints::Level;
use crate::render::escape_controls;
use crate::scenario::Answer;

use super::tree::{tree, Line, Style};

/// The human output of a what-if; `applied` starts it as `check --apply`
/// does.
pub fn human(answer: &Answer<'_>, applied: Option<&str>, color: bool) -> String {
    let mut out = if color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    if let Some(name) = applied {
        let _ = writeln!(out, "with intervention `{name}` applied\n");
    }
    let root = tree(answer);
    let _ = print_parts(&mut out, &root, true);
    let _ = writeln!(out);
    print_children(&mut out, &root, "");
    String::from_utf8_lossy(out.as_slice()).into_owned()
}

fn print_children(out: &mut Buffer, line: &Line, prefix: &str) {
    let last = line.children.len().saturating_sub(1);
    for (i, child) in line.children.iter().enumerate() {
        let (branch, more) = if i == last {
            ("└─ ", "   ")
        } else {
            ("├─ ", "│  ")
        };
        let _ = write!(out, "{prefix}{branch}");
        let _ = print_parts(out, child, false);
        let _ = writeln!(out);
        print_children(out, child, &format!("{prefix}{more}"));
    }
}

fn print_parts(out: &mut Buffer, line: &Line, header: bool) -> std::io::Result<()> {
    for (style, text) in &line.parts {
        let mut spec = ColorSpec::new();
        match style {
            Style::Plain | Style::Name | Style::Message => {
                spec.set_bold(header);
            }
            Style::Text => {
                spec.set_bold(header);
            }
            Style::Gap => {
                spec.set_fg(Some(Color::Red)).set_bold(true);
            }
            Style::Taken | Style::TakenName => {
                spec.set_fg(Some(Color::Yellow));
            }
            Style::Level(level) => {
                let color = match level {
                    Level::Deny => Color::Red,
                    Level::Warn => Color::Yellow,
                    Level::Note | Level::Allow => Color::Green,
                };
                spec.set_fg(Some(color)).set_bold(true);
            }
        }
        out.set_color(&spec)?;
        match style {
            Style::Text => write!(out, "\"{}\"", escape_controls(text))?,
            _ => write!(out, "{}", escape_controls(text))?,
        }
        out.reset()?;
    }
    Ok(())
}
