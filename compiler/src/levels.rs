//! Lint levels (docs/src/diagnostics.md). Precedence, lowest first: the lint's
//! default, `ecospec.toml` of the folder being checked, the command line,
//! `@allow` on a declaration.

use std::collections::HashMap;
use std::path::Path;

use ecospec_syntax::Span;

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Loc};
use crate::lints::{self, Level, Lint, LINTS};
use crate::load::{read_inside, unreadable, FileSystem, CONFIG_LIMIT};
use crate::model::Allow;
use crate::resolve::{level_word, lint_name_for, unknown_lint, LintNamePlace};
use crate::source::{FileId, SourceFile, SourceMap};

/// Levels set outside the spec: `ecospec.toml`, then the command line.
#[derive(Clone, Debug, Default)]
pub struct Levels {
    config: HashMap<Code, Level>,
    command_line: HashMap<Code, Level>,
}

impl Levels {
    pub fn with_command_line(overrides: &[(&'static Lint, Level)]) -> Levels {
        Levels {
            config: HashMap::new(),
            command_line: overrides
                .iter()
                .map(|(lint, level)| (lint.code, *level))
                .collect(),
        }
    }

    /// The level of a finding of `lint` at `at`, after every source.
    pub fn level(&self, lint: &Lint, at: Loc, allows: &[Allow]) -> Level {
        let allowed = allows.iter().any(|allow| {
            allow.decl_loc.file == at.file
                && allow.decl_loc.span.contains(at.span)
                && allow.lints.contains(&lint.name)
        });
        if allowed {
            return Level::Allow;
        }
        self.command_line
            .get(&lint.code)
            .or_else(|| self.config.get(&lint.code))
            .copied()
            .unwrap_or(lint.default)
    }

    /// Reads `ecospec.toml` from `folder` (never from a parent folder), only
    /// when it is a regular file inside the folder (symbolic links resolved)
    /// of at most [`CONFIG_LIMIT`] bytes. The file, when there is one, joins
    /// the source map so its errors (E0305, E0209) can point into it.
    pub fn read_config(
        &mut self,
        fs: &dyn FileSystem,
        folder: &Path,
        sources: &mut SourceMap,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let path = folder.join("ecospec.toml");
        let name = crate::load::display_name(&path);
        let bytes = match read_inside(fs, &path, folder, CONFIG_LIMIT) {
            Ok((_, bytes)) => bytes,
            Err(error) if error.is_not_found() => return,
            Err(error) => {
                diagnostics.push(unreadable(
                    &format!("`{name}`"),
                    &error,
                    "`ecospec.toml` holds one `[lints]` table of a few lines",
                ));
                return;
            }
        };
        let Ok(text) = String::from_utf8(bytes) else {
            diagnostics.push(
                Diagnostic::error(Code::E0304, format!("`{name}` is not valid UTF-8"))
                    .help("save the file as UTF-8 in your editor"),
            );
            return;
        };
        let shown = crate::load::shown_path(&path);
        let file = sources.add(SourceFile::new(path, name, text.clone()).shown_as(shown));
        let (config, problems) = parse_config(file, &text);
        self.config = config;
        diagnostics.extend(problems);
    }
}

/// The `[lints]` table of a config file, and what is wrong with it.
pub fn parse_config(file: FileId, text: &str) -> (HashMap<Code, Level>, Vec<Diagnostic>) {
    let mut levels = HashMap::new();
    let mut problems = Vec::new();
    let at = |range: std::ops::Range<usize>| Loc::new(file, Span::new(range.start, range.end));
    let table = match toml::de::DeTable::parse(text) {
        Ok(table) => table.into_inner(),
        Err(error) => {
            let span = error.span().unwrap_or(0..0);
            problems.push(
                Diagnostic::error(Code::E0305, "`ecospec.toml` is not valid TOML")
                    .at(at(span), error.message().trim().to_string())
                    .help("the file holds one `[lints]` table of `lint-name = \"level\"` lines"),
            );
            return (levels, problems);
        }
    };
    for (key, value) in &table {
        if key.get_ref().as_ref() != "lints" {
            problems.push(
                Diagnostic::error(
                    Code::E0305,
                    format!(
                        "`ecospec.toml` has a key outside `[lints]`: `{}`",
                        key.get_ref()
                    ),
                )
                .at(at(key.span()), "not a setting of ecospec")
                .help("the only table is `[lints]`"),
            );
            continue;
        }
        let toml::de::DeValue::Table(lints) = value.get_ref() else {
            problems.push(
                Diagnostic::error(Code::E0305, "`lints` in `ecospec.toml` must be a table")
                    .at(at(key.span()), "expected `[lints]`")
                    .help("write `[lints]` on its own line, then `lint-name = \"level\"` lines"),
            );
            continue;
        };
        for (name, level) in lints {
            let lint_name = name.get_ref().as_ref();
            let Some(lint) = lints::find(lint_name) else {
                problems.push(unknown_lint(
                    at(name.span()),
                    lint_name,
                    LintNamePlace::Config,
                ));
                continue;
            };
            let parsed = match level.get_ref() {
                toml::de::DeValue::String(s) => Level::parse(s),
                _ => None,
            };
            match parsed {
                Some(parsed) => {
                    levels.insert(lint.code, parsed);
                }
                None => {
                    let word = match level.get_ref() {
                        toml::de::DeValue::String(s) => level_word(s),
                        _ => None,
                    };
                    let help = match word {
                        Some(ours) => format!(
                            "did you mean \"{ours}\"? a level is one of \"allow\", \"note\", \"warn\", \"deny\""
                        ),
                        None => "a level is one of \"allow\", \"note\", \"warn\", \"deny\"".to_string(),
                    };
                    problems.push(
                        Diagnostic::error(Code::E0305, format!("invalid level for `{lint_name}`"))
                            .at(at(level.span()), "not a level")
                            .help(help),
                    );
                }
            }
        }
    }
    (levels, problems)
}

/// Parses `-A/-W/-D NAME` arguments; an unknown lint is a usage error.
pub fn lint_by_name(name: &str) -> Result<&'static Lint, String> {
    lints::find(name).ok_or_else(|| {
        let suggestion = lint_name_for(name, LINTS.iter().map(|l| l.name));
        match suggestion {
            Some(s) => format!("unknown lint `{name}`: did you mean `{s}`?"),
            None => format!("unknown lint `{name}`: `ecospec lints` lists them all"),
        }
    })
}
