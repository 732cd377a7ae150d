//! The comparison of two sides: ecosystems matched by their root's path
//! (relative to the folder checked), each with its declarations and
//! findings compared; a root only one side has is said so, and a root
//! that moved with its text unchanged is one root renamed.

use std::collections::BTreeMap;

use crate::lints::Level;

use super::declarations::DeclChange;
use super::errors::{self, ErrorChange};
use super::findings::{self, FindingChange};
use super::side::{Root, Side};

/// What the change did to one root.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RootStatus {
    /// On both sides at the same path.
    Kept,
    Added,
    Removed,
    /// Moved from this path, with the same text.
    Renamed(String),
}

/// One ecosystem that the change touches.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RootChange {
    /// Its root's path relative to the folder checked (HEAD's when renamed).
    pub path: String,
    pub status: RootStatus,
    pub declarations: Vec<DeclChange>,
    pub closed: Vec<FindingChange>,
    pub opened: Vec<FindingChange>,
    /// Findings on both sides whose level changed: as in HEAD, with the
    /// level in BASE.
    pub relevelled: Vec<(FindingChange, Level)>,
}

/// What a change does: the renderers' one input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    pub base: String,
    pub head: String,
    /// The roots that changed, by path.
    pub roots: Vec<RootChange>,
    /// Roots on both sides with nothing changed.
    pub unchanged_roots: usize,
    pub errors_introduced: Vec<ErrorChange>,
    pub errors_fixed: Vec<ErrorChange>,
}

impl Comparison {
    pub fn opened(&self) -> impl Iterator<Item = &FindingChange> {
        self.roots.iter().flat_map(|r| &r.opened)
    }

    pub fn closed(&self) -> impl Iterator<Item = &FindingChange> {
        self.roots.iter().flat_map(|r| &r.closed)
    }

    /// Opened findings at `warn` or `deny` that replace no stronger one.
    pub fn opened_gaps(&self) -> usize {
        self.opened().filter(|f| f.is_new_gap()).count()
    }

    /// Findings on both sides raised to `warn` or `deny` from below.
    pub fn raised(&self) -> usize {
        self.roots
            .iter()
            .flat_map(|r| &r.relevelled)
            .filter(|(f, before)| f.level >= Level::Warn && *before < Level::Warn)
            .count()
    }

    /// Findings the change is blamed for: opened at `warn` or `deny`
    /// replacing no stronger one, or raised to `warn` or `deny` from below.
    pub fn new_gaps(&self) -> usize {
        self.opened_gaps() + self.raised()
    }

    /// Roots added, removed or renamed.
    pub fn roots_moved(&self) -> usize {
        self.roots
            .iter()
            .filter(|r| r.status != RootStatus::Kept)
            .count()
    }

    /// Closed findings at `warn` or `deny` not replaced by a stronger one.
    pub fn closed_gaps(&self) -> usize {
        self.closed()
            .filter(|f| f.level >= Level::Warn && f.rung.is_none())
            .count()
    }

    pub fn declarations_changed(&self) -> usize {
        self.roots.iter().map(|r| r.declarations.len()).sum()
    }

    /// `--fail-on-new`: a new gap at `warn` or `deny`, or an error introduced.
    pub fn fails(&self) -> bool {
        self.new_gaps() > 0 || !self.errors_introduced.is_empty()
    }

    /// Nothing the configuration sees changed.
    pub fn is_empty(&self) -> bool {
        self.roots.is_empty() && self.errors_introduced.is_empty() && self.errors_fixed.is_empty()
    }
}

/// One side's ecosystems by root path.
fn roots(side: &Side) -> BTreeMap<&str, &Root> {
    side.roots.iter().map(|r| (r.path.as_str(), r)).collect()
}

/// Compares HEAD with BASE.
pub fn compare(base: &Side, head: &Side) -> Comparison {
    let base_roots = roots(base);
    let head_roots = roots(head);
    // A root that left its path with its text unchanged, by where it went.
    let mut renamed: BTreeMap<&str, &Root> = BTreeMap::new();
    for (path, b) in &base_roots {
        if head_roots.contains_key(path) {
            continue;
        }
        let target = head_roots.iter().find(|(p, h)| {
            !base_roots.contains_key(*p) && !renamed.contains_key(*p) && h.text == b.text
        });
        if let Some((to, _)) = target {
            renamed.insert(to, b);
        }
    }
    let mut changes = Vec::new();
    let mut unchanged_roots = head.identical;
    for (path, b) in &base_roots {
        if head_roots.contains_key(path) || renamed.values().any(|r| r.path == *path) {
            continue;
        }
        changes.push(RootChange {
            path: path.to_string(),
            status: RootStatus::Removed,
            declarations: b.declarations.all(&base.sources, false),
            closed: b.findings.all(&base.sources),
            opened: Vec::new(),
            relevelled: Vec::new(),
        });
    }
    for (path, h) in &head_roots {
        let (status, b) = match (base_roots.get(path), renamed.get(path)) {
            (Some(b), _) => (RootStatus::Kept, *b),
            (None, Some(b)) => (RootStatus::Renamed(b.path.clone()), *b),
            (None, None) => {
                changes.push(RootChange {
                    path: path.to_string(),
                    status: RootStatus::Added,
                    declarations: h.declarations.all(&head.sources, true),
                    closed: Vec::new(),
                    opened: h.findings.all(&head.sources),
                    relevelled: Vec::new(),
                });
                continue;
            }
        };
        let findings =
            findings::compare((&b.findings, &base.sources), (&h.findings, &head.sources));
        let change = RootChange {
            path: path.to_string(),
            status,
            declarations: h.declarations.changes_from(
                &b.declarations,
                &head.sources,
                &base.sources,
            ),
            closed: findings.closed,
            opened: findings.opened,
            relevelled: findings.relevelled,
        };
        if change.status == RootStatus::Kept
            && change.declarations.is_empty()
            && change.closed.is_empty()
            && change.opened.is_empty()
            && change.relevelled.is_empty()
        {
            unchanged_roots += 1;
        } else {
            changes.push(change);
        }
    }
    changes.sort_by(|a, b| a.path.cmp(&b.path));
    let (errors_introduced, errors_fixed) = errors::compare(&base.errors, &head.errors);
    Comparison {
        base: base.label.clone(),
        head: head.label.clone(),
        roots: changes,
        unchanged_roots,
        errors_introduced,
        errors_fixed,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use std::path::Path;

    use ecospec_syntax::DeclKind;

    // By the files' own paths: the facade re-exports this file.
    use crate::compare::comparison::{compare, RootStatus};
    use crate::compare::declarations::DeclStatus;
    use crate::compare::side::Side;
    use crate::memfs::MemFs;

    fn side(files: &[(&str, &str)]) -> Side {
        let mut fs = MemFs::new();
        for (path, text) in files {
            fs.insert(Path::new("/w").join(path), *text);
        }
        Side::check(&fs, Path::new("/w"), "side", Vec::new())
    }

    #[test]
    fn declarations_say_which_fields_changed_and_layout_is_no_change() {
        let base = side(&[(
            "a.eco",
            "capability legal \"Legal\"\ncluster c \"C\" { needs: legal }\nactor x: union { in: c provides: legal }\n",
        )]);
        let head = side(&[(
            "a.eco",
            "// a comment, and another layout\ncapability legal \"Legal\"\ncluster c \"C\" {\n    needs: legal\n}\nactor x: collective \"X\" {\n    in: c\n}\n",
        )]);
        let c = compare(&base, &head);
        assert_eq!(c.roots.len(), 1);
        let root = &c.roots[0];
        assert_eq!(root.status, RootStatus::Kept);
        assert_eq!(root.declarations.len(), 1, "{:?}", root.declarations);
        let d = &root.declarations[0];
        assert_eq!((d.kind, d.name.as_str()), (DeclKind::Actor, "x"));
        assert_eq!(
            d.status,
            DeclStatus::Changed(vec!["kind".into(), "label".into(), "provides".into()])
        );
        // The capability lost its provider: W0403 opens, new at warn.
        assert!(root.opened.iter().any(|f| f.code.as_str() == "W0403"));
        assert!(c.fails());
    }

    #[test]
    fn a_root_moved_with_its_text_is_renamed_and_otherwise_added_and_removed() {
        let text = "cluster c \"C\" {}\n";
        let c = compare(&side(&[("a.eco", text)]), &side(&[("b.eco", text)]));
        assert_eq!(c.roots[0].status, RootStatus::Renamed("a.eco".into()));
        assert!(c.roots[0].declarations.is_empty());
        let c = compare(
            &side(&[("a.eco", text)]),
            &side(&[("b.eco", "cluster d \"D\" {}\n")]),
        );
        let statuses: Vec<_> = c
            .roots
            .iter()
            .map(|r| (r.path.as_str(), &r.status))
            .collect();
        assert_eq!(
            statuses,
            [
                ("a.eco", &RootStatus::Removed),
                ("b.eco", &RootStatus::Added)
            ]
        );
        assert_eq!(c.unchanged_roots, 0);
    }
}
