//! `--format github`: GitHub Actions workflow commands, one annotation per
//! diagnostic (`::warning file=…,line=…::message`), never capped. Notes are
//! `::notice`. Columns count characters; `endColumn` is the last marked
//! character (GitHub's columns are inclusive).

use std::fmt::Write as _;

use crate::catalog;
use crate::check::Outcome;
use crate::code::Code;
use crate::diagnostic::Severity;
use crate::source::Position;

use super::places::place;

pub fn github(outcome: &Outcome) -> String {
    let names: std::collections::HashMap<Code, &str> = catalog::rules()
        .iter()
        .map(|rule| (rule.code, rule.name.as_str()))
        .collect();
    let mut out = String::new();
    for d in &outcome.diagnostics {
        let command = match d.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "notice",
        };
        let mut properties = Vec::new();
        if let Some((file, start, end)) = d.primary.and_then(|loc| place(&outcome.sources, loc)) {
            properties.extend(location(file, start, end));
        }
        let title = match d.lint.or_else(|| names.get(&d.code).copied()) {
            Some(name) => format!("{} {name}", d.code),
            None => d.code.to_string(),
        };
        properties.push(format!("title={}", property(&title)));
        let mut message = d.message.clone();
        for note in &d.notes {
            let _ = write!(message, "\nnote: {note}");
        }
        if let Some(help) = &d.help {
            let _ = write!(message, "\nhelp: {help}");
        }
        let _ = writeln!(
            out,
            "::{command} {}::{}",
            properties.join(","),
            data(&message)
        );
    }
    out
}

/// The properties that place an annotation: `file`, `line`, `endLine`,
/// `col`, `endColumn` (the last marked character: GitHub's columns are
/// inclusive, `end` is one past).
pub fn location(file: &str, start: Position, end: Position) -> Vec<String> {
    let end_column = if end.line == start.line {
        end.column.saturating_sub(1).max(start.column)
    } else {
        end.column
    };
    vec![
        format!("file={}", property(file)),
        format!("line={}", start.line),
        format!("endLine={}", end.line),
        format!("col={}", start.column),
        format!("endColumn={end_column}"),
    ]
}

/// The escaping of a workflow command's message.
pub fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// The escaping of a workflow command's property value.
pub fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    // By the module's own path: the items under test are this file's.
    use crate::render::github::{data, property};

    #[test]
    fn escapes() {
        assert_eq!(data("50% a\r\nb: c, d"), "50%25 a%0D%0Ab: c, d");
        assert_eq!(property("50% a\r\nb: c, d"), "50%25 a%0D%0Ab%3A c%2C d");
    }
}
