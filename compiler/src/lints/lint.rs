//! A lint's declaration (the one static each lint module holds beside its
//! doc) and what a lint finds, before levels decide whether and how it is
//! reported. One file: each refers to the other.

use crate::code::Code;
use crate::diagnostic::{Label, Loc};
use crate::model::{Facts, Model};

use super::level::Level;

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

/// One finding of one lint. Its builder methods are named after the
/// diagnostic's: `primary_label` for the text under the primary place,
/// `label` for each related place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub lint: &'static Lint,
    /// The names that identify it across configurations (docs/src/diagnostics.md).
    pub subjects: Vec<Box<str>>,
    pub primary: Loc,
    pub primary_label: String,
    pub message: String,
    pub labels: Vec<Label>,
    pub help: Option<String>,
}

impl Finding {
    pub fn new(lint: &'static Lint, subjects: &[&str], primary: Loc, message: String) -> Finding {
        Finding {
            lint,
            subjects: subjects.iter().map(|s| Box::from(*s)).collect(),
            primary,
            primary_label: String::new(),
            message,
            labels: Vec::new(),
            help: None,
        }
    }

    pub fn primary_label(mut self, label: impl Into<String>) -> Finding {
        self.primary_label = label.into();
        self
    }

    pub fn label(mut self, loc: Loc, message: impl Into<String>) -> Finding {
        self.labels.push(Label {
            loc,
            message: message.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Finding {
        self.help = Some(help.into());
        self
    }

    /// The identity of a finding across configurations: lint and subjects.
    pub fn identity(&self) -> (&'static Lint, &[Box<str>]) {
        (self.lint, &self.subjects)
    }
}
