//! The words every diff renderer shares: the verdict, a declaration's
//! kind and name, a root's status.

use ecospec_syntax::DeclKind;

use crate::compare::{Comparison, RootStatus};

/// `n thing` or `n things`.
pub fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("{n} {one}")
    } else {
        format!("{n} {many}")
    }
}

/// One line: what the change does to the findings, then to the errors
/// and the declarations.
pub fn verdict(c: &Comparison) -> String {
    if c.is_empty() {
        return format!(
            "no change to the configuration ({} compared)",
            count(c.unchanged_roots, "ecosystem", "ecosystems")
        );
    }
    let closed = c.closed().count();
    let opened = c.opened().count();
    let mut parts = vec![format!(
        "closes {}, opens {opened} ({} new at warn or deny)",
        count(closed, "finding", "findings"),
        c.opened_gaps()
    )];
    if c.raised() > 0 {
        parts.push(format!("raises {} to warn or deny", c.raised()));
    }
    if !c.errors_introduced.is_empty() {
        parts.push(format!(
            "introduces {}",
            count(c.errors_introduced.len(), "error", "errors")
        ));
    }
    if !c.errors_fixed.is_empty() {
        parts.push(format!(
            "fixes {}",
            count(c.errors_fixed.len(), "error", "errors")
        ));
    }
    parts.push(format!(
        "{} added, removed or changed",
        count(c.declarations_changed(), "declaration", "declarations")
    ));
    if c.roots_moved() > 0 {
        parts.push(format!(
            "{} added, removed or renamed",
            count(c.roots_moved(), "root", "roots")
        ));
    }
    parts.join(", ")
}

/// `cluster x`, `on flood`, `ecosystem`.
pub fn declaration(kind: DeclKind, name: &str) -> String {
    if name.is_empty() {
        kind.keyword().to_string()
    } else {
        format!("{} `{name}`", kind.keyword())
    }
}

/// `` (kept), ` (added)`, ` (renamed from `a.eco`)`.
pub fn status(status: &RootStatus) -> String {
    match status {
        RootStatus::Kept => String::new(),
        RootStatus::Added => " (added)".to_string(),
        RootStatus::Removed => " (removed)".to_string(),
        RootStatus::Renamed(from) => format!(" (renamed from `{from}`)"),
    }
}
