//! An unknown lint name (E0209), in `@allow(...)` or under `[lints]` in
//! `ecospec.toml`: the one place this diagnostic is made.

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Loc};
use crate::lints::LINTS;

use super::suggest::{closest, did_you_mean};

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
    match (closest(name, LINTS.iter().map(|l| l.name)), place) {
        (Some(s), LintNamePlace::Allow) => did_you_mean(diagnostic, at, name, s),
        (Some(s), LintNamePlace::Config) => diagnostic.help(format!("did you mean `{s}`?")),
        (None, _) => diagnostic.help("`ecospec lints` lists every lint by name and code"),
    }
}
