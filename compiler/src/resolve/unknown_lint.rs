//! An unknown lint name (E0209), in `@allow(...)` or under `[lints]` in
//! `ecospec.toml`: the one place this diagnostic is made.

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Loc};
use crate::lints::LINTS;

use super::suggest::{closest, did_you_mean, lint_name_for};

/// Where the lint name was written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LintNamePlace {
    /// `@allow(...)`: a did-you-mean comes with its fix.
    Allow,
    /// `ecospec.toml`: the did-you-mean is a help only.
    Config,
}

/// `name`, written `at`, is no lint of ecospec.
pub fn unknown_lint(at: Loc, name: &str, place: LintNamePlace) -> Diagnostic {
    let message = match place {
        LintNamePlace::Allow => format!("unknown lint `{name}`"),
        LintNamePlace::Config => format!("unknown lint `{name}` in `ecospec.toml`"),
    };
    let diagnostic = Diagnostic::error(Code::E0209, message).at(at, "not a lint of ecospec");
    let names = || LINTS.iter().map(|l| l.name);
    match (closest(name, names()), place) {
        (Some(s), LintNamePlace::Allow) => did_you_mean(diagnostic, at, name, s),
        (Some(s), LintNamePlace::Config) => diagnostic.help(format!("did you mean `{s}`?")),
        // A prefix of one lint's name: a help only, never a fix.
        (None, _) => match lint_name_for(name, names()) {
            Some(s) => diagnostic.help(format!("did you mean `{s}`?")),
            None => diagnostic.help("`ecospec lints` lists every lint by name and code"),
        },
    }
}

#[cfg(test)]
mod tests {
    use ecospec_syntax::Span;

    use crate::diagnostic::{Applicability, Loc};
    use crate::resolve::unknown_lint::{unknown_lint, LintNamePlace};
    use crate::source::FileId;

    fn at() -> Loc {
        Loc::new(FileId(0), Span { start: 8, end: 20 })
    }

    #[test]
    fn in_allow_a_typo_gets_a_safe_fix() {
        let d = unknown_lint(at(), "orphan-actr", LintNamePlace::Allow);
        assert_eq!(d.message, "unknown lint `orphan-actr`");
        assert_eq!(d.help.as_deref(), Some("did you mean `orphan-actor`?"));
        let fix = d.fixes.first().map(|f| (f.applicability, f.edits.len()));
        assert_eq!(fix, Some((Applicability::Safe, 1)));
    }

    #[test]
    fn a_prefix_of_one_lint_name_gets_help_only() {
        for place in [LintNamePlace::Allow, LintNamePlace::Config] {
            let d = unknown_lint(at(), "unbridged", place);
            assert_eq!(d.help.as_deref(), Some("did you mean `unbridged-cluster`?"));
            assert!(d.fixes.is_empty());
        }
    }

    #[test]
    fn in_the_config_a_typo_gets_help_only() {
        let d = unknown_lint(at(), "orphan-actr", LintNamePlace::Config);
        assert_eq!(d.message, "unknown lint `orphan-actr` in `ecospec.toml`");
        assert_eq!(d.help.as_deref(), Some("did you mean `orphan-actor`?"));
        assert!(d.fixes.is_empty());
        assert_eq!(d.primary, Some(at()));
    }

    #[test]
    fn no_close_lint_points_at_the_list() {
        for place in [LintNamePlace::Allow, LintNamePlace::Config] {
            let d = unknown_lint(at(), "zzzzzzzzzzzzzz", place);
            let help = d.help.as_deref().unwrap_or_default();
            assert!(help.contains("`ecospec lints`"), "{help}");
            assert!(d.fixes.is_empty());
        }
    }
}
