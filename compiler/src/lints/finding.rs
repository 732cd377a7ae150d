//! What a lint found, before levels decide whether and how it is reported.

use rustc_hash::FxHashSet;

use crate::diagnostic::{Label, Loc};
use crate::model::Model;

use super::lint::Lint;

/// One finding of one lint. Its builder methods are named after the
/// diagnostic's: `primary_label` for the text under the primary place,
/// `label` for each related place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub lint: &'static Lint,
    /// The names that identify it across configurations (docs/diagnostics.md).
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

/// A declaration that holds a syntax error is the subject of no finding
/// (docs/diagnostics.md, E0101), also as one subject of several; the lints
/// themselves need not skip broken declarations. The declarations an
/// intervention adds are not in the model's names, so the broken names are
/// collected from the declarations themselves.
pub fn drop_broken_subjects(model: &Model, findings: &mut Vec<Finding>) {
    let broken: FxHashSet<&str> = model
        .capabilities
        .iter()
        .map(|d| &d.common)
        .chain(model.scenarios.iter().map(|d| &d.common))
        .chain(model.clusters.iter().map(|d| &d.common))
        .chain(model.actors.iter().map(|d| &d.common))
        .chain(model.bridges.iter().map(|d| &d.common))
        .chain(model.interventions.iter().map(|d| &d.common))
        .filter(|common| common.broken)
        .map(|common| &*common.name)
        .collect();
    if broken.is_empty() {
        return;
    }
    findings.retain(|finding| {
        !finding
            .subjects
            .iter()
            .any(|subject| broken.contains(&**subject))
    });
}
