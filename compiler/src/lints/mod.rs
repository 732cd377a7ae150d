//! The lints (docs/src/diagnostics.md, W04xx): one module each, whose `//!`
//! doc is also its explanation (`ecospec explain`, hover, SARIF help) and
//! which declares itself in one static `LINT`, after ruff. [`LINTS`] lists
//! every declaration once; `ecospec lints`, the config file, `@allow` and
//! the documentation all read it. Adding a lint is one new file and one
//! line in `registry!` below.

mod broken;
mod interventions;
mod ladder;
mod level;
mod lint;

pub use broken::{counts_providers, waits};
pub use interventions::{Baseline, Change, Effect, Replaced};
pub use ladder::{joins, Stronger};
pub use level::Level;
pub use lint::{Check, Finding, Lint};

use crate::model::{Facts, Model};

/// Declares each lint module and lists its `LINT`, in order of code.
macro_rules! registry {
    ($($module:ident,)*) => {
        $(mod $module;)*

        /// Every lint, sorted by code.
        pub static LINTS: &[&Lint] = &[$(&$module::LINT),*];

        /// Each lint with the source of its module, whose doc heading the
        /// tests compare with its declaration.
        #[cfg(test)]
        static SOURCES: &[(&Lint, &str)] = &[
            $((&$module::LINT, include_str!(concat!(stringify!($module), ".rs")))),*
        ];
    };
}

registry! {
    unbridged_cluster,
    disconnected_ecosystem,
    uncovered_capability,
    single_provider,
    orphan_actor,
    empty_cluster,
    unprepared_scenario,
    cluster_without_scenario,
    monoculture,
    unused_capability,
    unprovided_bridge_capability,
    bridge_through_outsider,
    support_without_bridge,
    scenario_without_response,
    activation_mismatch,
    intervention_opens_gap,
    intervention_without_effect,
    critical_bridge,
    missing_role,
    missing_approach,
    approach_monoculture,
    scenario_gap,
    cluster_single_provider,
}

/// A lint by its name or its code.
pub fn find(name_or_code: &str) -> Option<&'static Lint> {
    LINTS.iter().copied().find(|lint| {
        lint.name == name_or_code || lint.code.as_str().eq_ignore_ascii_case(name_or_code)
    })
}

/// Runs every lint that looks at one model, at every level.
pub fn run(model: &Model) -> Vec<Finding> {
    run_with_facts(model).0
}

/// As [`run`], with the facts the lints read (for [`Baseline`]).
pub fn run_with_facts(model: &Model) -> (Vec<Finding>, Facts) {
    let facts = Facts::new(model);
    let mut findings = Vec::new();
    for check in LINTS.iter().filter_map(|lint| lint.check) {
        check(model, &facts, &mut findings);
    }
    broken::drop_broken_subjects(model, &mut findings);
    broken::wait_for_unsure_providers(model, &mut findings);
    (findings, facts)
}

/// The long explanation of a code or lint name, from the lint module's doc
/// comment or `compiler/explain/CODE.md`.
pub fn explanation(code_or_name: &str) -> Option<&'static str> {
    let code = find(code_or_name).map_or(code_or_name, |lint| lint.code.as_str());
    crate::explanations::EXPLANATIONS
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code))
        .map(|(_, text)| *text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_doc_heading_names_its_lints_code_and_name() {
        assert_eq!(SOURCES.len(), LINTS.len());
        for (lint, source) in SOURCES {
            let heading = source.lines().next().unwrap_or_default();
            assert_eq!(
                heading,
                format!("//! # {} `{}`", lint.code, lint.name),
                "{lint:?}"
            );
        }
    }

    #[test]
    fn lints_are_sorted_by_code_with_distinct_names() {
        assert!(LINTS.windows(2).all(|w| w[0].code < w[1].code));
        let mut names: Vec<&str> = LINTS.iter().map(|l| l.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), LINTS.len());
    }

    #[test]
    fn find_takes_a_name_or_a_code_in_any_case() {
        assert_eq!(find("orphan-actor").map(|l| l.code.as_str()), Some("W0405"));
        assert_eq!(find("w0405").map(|l| l.name), Some("orphan-actor"));
        assert_eq!(find("W0000"), None);
    }

    #[test]
    fn only_the_intervention_lints_have_no_check() {
        let without: Vec<&str> = LINTS
            .iter()
            .filter(|l| l.check.is_none())
            .map(|l| l.name)
            .collect();
        assert_eq!(
            without,
            ["intervention-opens-gap", "intervention-without-effect"]
        );
    }
}
