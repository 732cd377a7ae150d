//! The lints (LANGUAGE.md section 6): one module each, whose `//!` doc is
//! also its explanation (`ecospec explain`, hover, SARIF help), after ruff.
//! [`LINTS`] lists every lint once; `ecospec lints`, the config file,
//! `@allow` and the documentation all read it.

mod activation_mismatch;
mod bridge_through_outsider;
mod cluster_without_scenario;
mod critical_bridge;
mod disconnected_ecosystem;
mod empty_cluster;
mod intervention_opens_gap;
mod intervention_without_effect;
mod monoculture;
mod orphan_actor;
mod scenario_without_response;
mod single_provider;
mod support_without_bridge;
mod unbridged_cluster;
mod uncovered_capability;
mod unprepared_scenario;
mod unprovided_bridge_capability;
mod unused_capability;

use crate::diagnostic::{Label, Loc};
use crate::model::{Facts, Model};

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

type Check = fn(&Model, &Facts, &mut Vec<Finding>);

pub struct Lint {
    pub code: &'static str,
    pub name: &'static str,
    pub default: Level,
    /// One line for `ecospec lints`.
    pub summary: &'static str,
    /// `None` for the intervention lints, computed by comparing models.
    check: Option<Check>,
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

macro_rules! lint {
    ($code:literal, $name:literal, $level:ident, $summary:literal, $check:expr) => {
        Lint {
            code: $code,
            name: $name,
            default: Level::$level,
            summary: $summary,
            check: $check,
        }
    };
}

pub static LINTS: &[Lint] = &[
    lint!(
        "W0401",
        "unbridged-cluster",
        Warn,
        "a cluster in no bridge at all",
        Some(unbridged_cluster::check)
    ),
    lint!(
        "W0402",
        "disconnected-ecosystem",
        Warn,
        "the clusters form two or more separate groups",
        Some(disconnected_ecosystem::check)
    ),
    lint!(
        "W0403",
        "uncovered-capability",
        Warn,
        "a cluster needs a capability no actor serving it provides",
        Some(uncovered_capability::check)
    ),
    lint!(
        "W0404",
        "single-provider",
        Note,
        "a needed capability only one actor provides",
        Some(single_provider::check)
    ),
    lint!(
        "W0405",
        "orphan-actor",
        Warn,
        "an actor that serves no cluster",
        Some(orphan_actor::check)
    ),
    lint!(
        "W0406",
        "empty-cluster",
        Warn,
        "a cluster with no members",
        Some(empty_cluster::check)
    ),
    lint!(
        "W0407",
        "unprepared-scenario",
        Warn,
        "a scenario no cluster bets on",
        Some(unprepared_scenario::check)
    ),
    lint!(
        "W0408",
        "cluster-without-scenario",
        Warn,
        "a cluster that bets on no scenario",
        Some(cluster_without_scenario::check)
    ),
    lint!(
        "W0409",
        "monoculture",
        Warn,
        "every cluster bets on the same one scenario",
        Some(monoculture::check)
    ),
    lint!(
        "W0410",
        "unused-capability",
        Warn,
        "a capability nobody needs, provides or bridges with",
        Some(unused_capability::check)
    ),
    lint!(
        "W0411",
        "unprovided-bridge-capability",
        Warn,
        "a bridge carried by a capability no actor of its clusters provides",
        Some(unprovided_bridge_capability::check)
    ),
    lint!(
        "W0412",
        "bridge-through-outsider",
        Warn,
        "a bridge runs through an actor that serves none of its clusters",
        Some(bridge_through_outsider::check)
    ),
    lint!(
        "W0413",
        "support-without-bridge",
        Warn,
        "a cluster asked to support another it has no path to",
        Some(support_without_bridge::check)
    ),
    lint!(
        "W0414",
        "scenario-without-response",
        Note,
        "a scenario some cluster bets on, with no `on` rule",
        Some(scenario_without_response::check)
    ),
    lint!(
        "W0415",
        "activation-mismatch",
        Note,
        "a rule activates a cluster that does not bet on its scenario",
        Some(activation_mismatch::check)
    ),
    lint!(
        "W0416",
        "intervention-opens-gap",
        Warn,
        "applying the intervention creates a new finding",
        None
    ),
    lint!(
        "W0417",
        "intervention-without-effect",
        Warn,
        "applying the intervention removes no finding",
        None
    ),
    lint!(
        "W0418",
        "critical-bridge",
        Allow,
        "a bridge whose removal splits the ecosystem",
        Some(critical_bridge::check)
    ),
];

/// A lint by its name or its code.
pub fn find(name_or_code: &str) -> Option<&'static Lint> {
    LINTS
        .iter()
        .find(|lint| lint.name == name_or_code || lint.code.eq_ignore_ascii_case(name_or_code))
}

pub fn intervention_opens_gap() -> &'static Lint {
    lint_by_code("W0416")
}

pub fn intervention_without_effect() -> &'static Lint {
    lint_by_code("W0417")
}

fn lint_by_code(code: &str) -> &'static Lint {
    LINTS
        .iter()
        .find(|lint| lint.code == code)
        .unwrap_or(&FALLBACK)
}

static FALLBACK: Lint = lint!("W0000", "unknown", Allow, "", None);

/// What a lint found, before levels decide whether and how it is reported.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Finding {
    pub lint: &'static Lint,
    /// The names that identify it across configurations (section 6).
    pub subjects: Vec<Box<str>>,
    pub primary: Loc,
    pub label: String,
    pub message: String,
    pub labels: Vec<Label>,
    pub help: Option<String>,
}

impl Finding {
    pub fn new(lint_code: &str, subjects: &[&str], primary: Loc, message: String) -> Finding {
        Finding {
            lint: lint_by_code(lint_code),
            subjects: subjects.iter().map(|s| Box::from(*s)).collect(),
            primary,
            label: String::new(),
            message,
            labels: Vec::new(),
            help: None,
        }
    }

    pub fn label(mut self, label: impl Into<String>) -> Finding {
        self.label = label.into();
        self
    }

    pub fn related(mut self, loc: Loc, message: impl Into<String>) -> Finding {
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
    pub fn identity(&self) -> (&'static str, &[Box<str>]) {
        (self.lint.code, &self.subjects)
    }
}

/// Runs every lint of W0401–W0415 and W0418 over one model, at every level.
pub fn run(model: &Model) -> Vec<Finding> {
    run_with_facts(model).0
}

/// As [`run`], with the facts the lints read (for [`changes`]).
pub fn run_with_facts(model: &Model) -> (Vec<Finding>, Facts) {
    let facts = Facts::new(model);
    let mut findings = Vec::new();
    for lint in LINTS {
        if let Some(check) = lint.check {
            check(model, &facts, &mut findings);
        }
    }
    drop_broken_subjects(model, &mut findings);
    (findings, facts)
}

/// A declaration that holds a syntax error is the subject of no finding
/// (LANGUAGE.md section 5), also as one subject of several.
fn drop_broken_subjects(model: &Model, findings: &mut Vec<Finding>) {
    findings.retain(|finding| {
        !finding.subjects.iter().any(|subject| {
            model
                .names
                .get(subject)
                .and_then(|symbol| model.common(*symbol))
                .is_some_and(|common| common.broken)
        })
    });
}

/// Whether findings of this lint are grouped: compared by [`changes`], not
/// by identity.
pub fn is_grouped(lint: &Lint) -> bool {
    lint.code == "W0413"
}

/// The baseline's grouped findings (W0413: one per supporter, standing for
/// one pair per activated cluster it cannot reach), ready for [`changes`].
pub struct Grouped<'f>(support_without_bridge::Before<'f>);

impl<'f> Grouped<'f> {
    pub fn new(baseline: &Model, facts: &'f Facts) -> Grouped<'f> {
        Grouped(support_without_bridge::Before::new(baseline, facts))
    }
}

/// The grouped findings that applying an intervention closes and opens,
/// compared pair by pair: (closes, opens). `after` is the baseline with the
/// intervention applied.
pub fn changes(before: &Grouped, after: (&Model, &Facts)) -> (Vec<Finding>, Vec<Finding>) {
    let (mut closes, mut opens) = support_without_bridge::changes(&before.0, after);
    drop_broken_subjects(after.0, &mut closes);
    drop_broken_subjects(after.0, &mut opens);
    (closes, opens)
}

/// The long explanation of a code or lint name, from the lint module's doc
/// comment or `compiler/explain/CODE.md`.
pub fn explanation(code_or_name: &str) -> Option<&'static str> {
    let code = find(code_or_name).map_or(code_or_name, |lint| lint.code);
    crate::explanations::EXPLANATIONS
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, text)| *text)
}
