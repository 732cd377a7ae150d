//! `ecospec diff --format human`: the verdict, then each root that
//! changed with its declarations (`+` added, `-` removed, `~` changed and
//! which fields) and its findings closed and opened, one line each with
//! level, code and message; then the errors introduced and fixed.

use std::fmt::Write as _;

use crate::compare::{Comparison, DeclStatus, ErrorChange, FindingChange, Place};

use super::words::{declaration, status, verdict};

pub fn diff_human(c: &Comparison) -> String {
    let mut out = format!("ecospec diff {} {}: {}\n", c.base, c.head, verdict(c));
    for root in &c.roots {
        let _ = writeln!(out, "\nroot `{}`{}", root.path, status(&root.status));
        for d in &root.declarations {
            let (sign, fields) = match &d.status {
                DeclStatus::Added => ('+', String::new()),
                DeclStatus::Removed => ('-', String::new()),
                DeclStatus::Changed(fields) => ('~', format!(": {}", fields.join(", "))),
            };
            let _ = writeln!(
                out,
                "  {sign} {}{fields}{}",
                declaration(d.kind, &d.name),
                at(d.place.as_ref())
            );
        }
        for f in &root.closed {
            finding(&mut out, "closes", f, "replaced by");
        }
        for f in &root.opened {
            finding(&mut out, "opens ", f, "replaces");
        }
        for (f, before) in &root.relevelled {
            let verb = format!("{} →", before.as_str());
            finding(&mut out, &verb, f, "");
        }
    }
    errors(&mut out, "errors introduced", &c.errors_introduced);
    errors(&mut out, "errors fixed", &c.errors_fixed);
    out
}

fn finding(out: &mut String, verb: &str, f: &FindingChange, rung_word: &str) {
    let _ = writeln!(
        out,
        "  {verb} {}[{}] {}: {}{}",
        f.level.as_str(),
        f.code,
        f.lint,
        f.message,
        at(f.place.as_ref())
    );
    if let Some(rung) = &f.rung {
        let _ = writeln!(out, "         {rung_word} {}: {}", rung.code, rung.message);
    }
}

fn errors(out: &mut String, title: &str, list: &[ErrorChange]) {
    if list.is_empty() {
        return;
    }
    let _ = writeln!(out, "\n{title}:");
    for e in list {
        let _ = writeln!(
            out,
            "  error[{}]: {}{}",
            e.code,
            e.message,
            at(e.place.as_ref())
        );
    }
}

/// ` (file:line:column)`, or nothing.
fn at(place: Option<&Place>) -> String {
    place.map_or_else(String::new, |p| {
        format!(" ({}:{}:{})", p.file, p.start.line, p.start.column)
    })
}
