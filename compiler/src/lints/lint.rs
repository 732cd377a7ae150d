//! A lint's declaration: the one static each lint module holds beside its
//! doc, and the levels a finding can be reported at.

use crate::code::Code;
use crate::model::{Facts, Model};

use super::finding::Finding;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Level {
    Allow,
    Note,
    Warn,
    Deny,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Allow => "allow",
            Level::Note => "note",
            Level::Warn => "warn",
            Level::Deny => "deny",
        }
    }

    pub fn parse(text: &str) -> Option<Level> {
        match text {
            "allow" => Some(Level::Allow),
            "note" => Some(Level::Note),
            "warn" => Some(Level::Warn),
            "deny" => Some(Level::Deny),
            _ => None,
        }
    }
}

/// Looks at one model and pushes what it finds.
pub type Check = fn(&Model, &Facts, &mut Vec<Finding>);

/// What a lint is: every finding points at its lint's declaration.
pub struct Lint {
    pub code: Code,
    pub name: &'static str,
    pub default: Level,
    /// One line for `ecospec lints`.
    pub summary: &'static str,
    /// `None` for the intervention lints, found by comparing models.
    pub check: Option<Check>,
}

impl std::fmt::Debug for Lint {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} `{}`", self.code, self.name)
    }
}

impl PartialEq for Lint {
    fn eq(&self, other: &Lint) -> bool {
        self.code == other.code
    }
}

impl Eq for Lint {}

impl std::hash::Hash for Lint {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.code.hash(state);
    }
}
