//! `ecospec diff --format markdown`: a pull-request comment. A short
//! verdict line first, then one collapsible `<details>` per part
//! (declarations, findings opened, findings closed, errors). Spec text
//! never becomes markup: names in backticks become `<code>` with their
//! characters escaped, and everything else is escaped too (no link, no
//! mention, no HTML from a spec). The comment ends with [`MARKER`], which
//! a workflow finds to update its one comment.

use std::fmt::Write as _;

use crate::compare::{Comparison, DeclStatus, ErrorChange, FindingChange, Place};

use super::words::{count, declaration, status, verdict};

/// The last line of every comment: how a workflow finds the one to update.
pub const MARKER: &str = "<!-- ecospec diff -->";

pub fn diff_markdown(c: &Comparison) -> String {
    let sign = if c.fails() {
        ":x:"
    } else {
        ":white_check_mark:"
    };
    let mut out = format!(
        "{sign} **ecospec diff** {} → {}: {}\n",
        inline(&format!("`{}`", c.base)),
        inline(&format!("`{}`", c.head)),
        inline(&verdict(c))
    );
    let opened: Vec<(&str, &FindingChange)> = c
        .roots
        .iter()
        .flat_map(|r| r.opened.iter().map(move |f| (r.path.as_str(), f)))
        .collect();
    let closed: Vec<(&str, &FindingChange)> = c
        .roots
        .iter()
        .flat_map(|r| r.closed.iter().map(move |f| (r.path.as_str(), f)))
        .collect();
    if !opened.is_empty() {
        details(
            &mut out,
            &count(opened.len(), "finding opened", "findings opened"),
            |out| {
                for (_, f) in &opened {
                    finding(out, "", f, "replaces");
                }
            },
        );
    }
    if !closed.is_empty() {
        details(
            &mut out,
            &count(closed.len(), "finding closed", "findings closed"),
            |out| {
                for (_, f) in &closed {
                    finding(out, "", f, "replaced by");
                }
            },
        );
    }
    let relevelled: Vec<_> = c.roots.iter().flat_map(|r| &r.relevelled).collect();
    if !relevelled.is_empty() {
        let title = count(
            relevelled.len(),
            "finding at a new level",
            "findings at a new level",
        );
        details(&mut out, &title, |out| {
            for (f, before) in &relevelled {
                finding(out, &format!("{} → ", before.as_str()), f, "");
            }
        });
    }
    let declarations = c.declarations_changed();
    let moved = c.roots.iter().any(|r| !status(&r.status).is_empty());
    if declarations > 0 || moved {
        let title = count(declarations, "declaration changed", "declarations changed");
        details(&mut out, &title, |out| {
            let shown = c
                .roots
                .iter()
                .filter(|r| !r.declarations.is_empty() || !status(&r.status).is_empty());
            for root in shown {
                let _ = writeln!(
                    out,
                    "- root {}{}",
                    inline(&format!("`{}`", root.path)),
                    inline(&status(&root.status))
                );
                for d in &root.declarations {
                    let what = match &d.status {
                        DeclStatus::Added => "added".to_string(),
                        DeclStatus::Removed => "removed".to_string(),
                        DeclStatus::Changed(fields) => format!("changed: {}", fields.join(", ")),
                    };
                    let _ = writeln!(
                        out,
                        "  - {} {}{}",
                        inline(&declaration(d.kind, &d.name)),
                        inline(&what),
                        at(d.place.as_ref())
                    );
                }
            }
        });
    }
    for (title, list) in [
        ("introduced", &c.errors_introduced),
        ("fixed", &c.errors_fixed),
    ] {
        if !list.is_empty() {
            let title = format!("{} {title}", count(list.len(), "error", "errors"));
            details(&mut out, &title, |out| errors(out, list));
        }
    }
    out.push('\n');
    out.push_str(MARKER);
    out.push('\n');
    out
}

fn details(out: &mut String, summary: &str, body: impl FnOnce(&mut String)) {
    let _ = write!(out, "\n<details><summary>{}</summary>\n\n", inline(summary));
    body(out);
    out.push_str("\n</details>\n");
}

/// One finding as a list item; `before` says its level in BASE when it
/// changed (`allow → `).
fn finding(out: &mut String, before: &str, f: &FindingChange, rung_word: &str) {
    let _ = writeln!(
        out,
        "- {before}**{}** <code>{}</code> {}: {}{}",
        f.level.as_str(),
        f.code,
        f.lint,
        inline(&f.message),
        at(f.place.as_ref())
    );
    if let Some(rung) = &f.rung {
        let _ = writeln!(
            out,
            "  - {rung_word} <code>{}</code>: {}",
            rung.code,
            inline(&rung.message)
        );
    }
}

fn errors(out: &mut String, list: &[ErrorChange]) {
    for e in list {
        let _ = writeln!(
            out,
            "- <code>{}</code> {}{}",
            e.code,
            inline(&e.message),
            at(e.place.as_ref())
        );
    }
}

/// ` at <code>file:line:column</code>`, or nothing.
fn at(place: Option<&Place>) -> String {
    place.map_or_else(String::new, |p| {
        format!(
            " at <code>{}:{}:{}</code>",
            html(&p.file),
            p.start.line,
            p.start.column
        )
    })
}

/// A message as inline Markdown that is only text: each `` `name` ``
/// becomes `<code>` with its characters escaped, the rest escaped for
/// Markdown and HTML; a line break becomes a space.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, part) in text.split('`').enumerate() {
        if i % 2 == 1 {
            let _ = write!(out, "<code>{}</code>", html(part));
        } else {
            for c in part.chars() {
                match c {
                    '\\' | '*' | '_' | '[' | ']' | '#' | '|' | '~' | '!' => {
                        out.push('\\');
                        out.push(c);
                    }
                    _ => out.push_str(&html(&c.to_string())),
                }
            }
        }
    }
    out
}

/// HTML-escaped, with `@` (a mention) and line breaks neutralized.
fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '@' => out.push_str("&#64;"),
            '`' => out.push_str("&#96;"),
            '\n' | '\r' => out.push(' '),
            c if c.is_control() => out.extend(c.escape_debug()),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::inline;

    #[test]
    fn spec_text_never_becomes_markup() {
        assert_eq!(
            inline("cluster `a<b>` by @someone [x](y)\n*"),
            "cluster <code>a&lt;b&gt;</code> by &#64;someone \\[x\\](y) \\*"
        );
    }
}
