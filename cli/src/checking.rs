//! One check and its report: what `ecospec check` runs once and
//! `ecospec check --watch` runs again after each change.

use std::io::{IsTerminal, Write};

use ecospec::check::{check, Options, Outcome};
use ecospec::diagnostic::Severity;
use ecospec::levels::lint_by_name;
use ecospec::lints::Level;
use ecospec::load::{Input, LoadOptions, RealFs};
use ecospec::render;

use crate::args::{CheckArgs, Color, Format};
use crate::exit::{usage_error, EXIT_FINDINGS, EXIT_OK};
use ecospec::files::write_atomically;

/// The inputs and options of a check, from its arguments; the exit status
/// of a usage error (an unknown lint, a path that does not exist).
pub fn prepare(args: &CheckArgs) -> Result<(Vec<Input>, Options), u8> {
    let options = options(args).map_err(|message| usage_error(&message))?;
    Ok((inputs_of(&args.paths)?, options))
}

/// Each path as an input: a folder, or a file; one that does not exist is a
/// usage error (its exit status).
pub fn inputs_of(paths: &[std::path::PathBuf]) -> Result<Vec<Input>, u8> {
    let mut inputs = Vec::with_capacity(paths.len());
    for path in paths {
        if path.is_dir() {
            inputs.push(Input::Folder(path.clone()));
        } else if path.exists() {
            inputs.push(Input::File(path.clone()));
        } else {
            return Err(usage_error(&format!("`{}` does not exist", path.display())));
        }
    }
    Ok(inputs)
}

/// One check: fixes first (`--fix`), then the report on stdout and in each
/// `--output` file; returns the exit status.
pub fn once(args: &CheckArgs, inputs: &[Input], options: &Options) -> u8 {
    let mut outcome = match check(&RealFs, inputs, options) {
        Ok(outcome) => outcome,
        Err(message) => return usage_error(&message),
    };
    if let Some(status) = nothing_checked(&outcome) {
        return status;
    }
    if args.fix {
        match crate::fixes::apply(&outcome) {
            Ok(0) => {}
            Ok(_) => {
                // Report what remains in the files as now written.
                outcome = match check(&RealFs, inputs, options) {
                    Ok(outcome) => outcome,
                    Err(message) => return usage_error(&message),
                };
            }
            Err(message) => return usage_error(&message),
        }
    }
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    {
        // JSON goes to standard output as it is serialized, through a buffer.
        let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
        // A closed pipe (`ecospec check | head`) is not an error of the check.
        let _ = render_to(&outcome, args.format, color, &mut stdout);
        let _ = stdout.flush();
    }
    for output in &args.output {
        let mut bytes = Vec::new();
        let written = render_to(&outcome, output.format, false, &mut bytes)
            .and_then(|()| write_atomically(&output.path, &bytes));
        if let Err(e) = written {
            return usage_error(&format!("cannot write `{}`: {e}", output.path.display()));
        }
    }
    let status = exit_status(&outcome, args.deny_warnings);
    // The process ends next: freeing the trees and models node by node
    // would cost a tenth of the run on a large ecosystem, for nothing.
    std::mem::forget(outcome);
    status
}

/// `path` checked for a command that answers about it (`graph`, `report`):
/// its outcome, or the exit status when the path does not exist, the check
/// cannot run (an unknown `--apply`), or nothing was checked.
pub fn checked(path: &std::path::Path, options: &Options) -> Result<Outcome, u8> {
    let inputs = inputs_of(&[path.to_path_buf()])?;
    let outcome = check(&RealFs, &inputs, options).map_err(|message| usage_error(&message))?;
    match nothing_checked(&outcome) {
        Some(status) => Err(status),
        None => Ok(outcome),
    }
}

/// A folder that held no `.eco` file to check, or only ignored ones, is an
/// error of its own (exit 2): a CI job must never pass having checked nothing.
pub fn nothing_checked(outcome: &Outcome) -> Option<u8> {
    let mut status = None;
    for searched in outcome.workspace.searched.iter().filter(|s| s.found == 0) {
        let folder = searched.folder.to_string_lossy();
        let folder = render::escape_controls(&folder);
        status = Some(if searched.ignored {
            usage_error(&format!(
                "every `.eco` file in `{folder}` is ignored (by `.gitignore` or `.ignore`): nothing was checked"
            ))
        } else {
            usage_error(&format!(
                "no `.eco` file in `{folder}` (hidden folders are skipped): nothing was checked"
            ))
        });
    }
    status
}

fn render_to(
    outcome: &Outcome,
    format: Format,
    color: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let text = match format {
        Format::Json => return render::write_json(outcome, out),
        Format::Human => render::human(outcome, render::HumanOptions { color }),
        Format::Short => render::short(outcome),
        Format::Sarif => format!("{:#}\n", render::sarif(outcome)),
        Format::Github => render::github(outcome),
    };
    out.write_all(text.as_bytes())
}

fn options(args: &CheckArgs) -> Result<Options, String> {
    let mut overrides = Vec::new();
    for (names, level) in [
        (&args.allow, Level::Allow),
        (&args.warn, Level::Warn),
        (&args.deny, Level::Deny),
    ] {
        for name in names {
            overrides.push((lint_by_name(name)?, level));
        }
    }
    Ok(Options {
        load: LoadOptions {
            allow_outside_imports: args.allow_outside_imports,
        },
        overrides,
        apply: args.apply.clone(),
        record_names: false,
        // The report needs the model, not the trees (`--fix` reads them).
        consume_trees: !args.fix,
    })
}

pub fn exit_status(outcome: &Outcome, deny_warnings: bool) -> u8 {
    let errors = outcome.count(Severity::Error);
    let warnings = outcome.count(Severity::Warning);
    if errors > 0 || (deny_warnings && warnings > 0) {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic)]

    use clap::Parser;

    use super::*;
    use crate::args::{Cli, Command};
    use crate::exit::EXIT_USAGE;

    fn check_args(line: &[&str]) -> CheckArgs {
        match Cli::try_parse_from([&["ecospec", "check"], line].concat())
            .unwrap()
            .command
        {
            Command::Check(args) => args,
            other => panic!("not a check: {other:?}"),
        }
    }

    #[test]
    fn a_folder_and_a_file_become_inputs_of_their_kind() {
        let here = env!("CARGO_MANIFEST_DIR");
        let file = format!("{here}/Cargo.toml");
        let (inputs, options) = prepare(&check_args(&[here, &file, "-D", "W0401"])).unwrap();
        assert!(matches!(&inputs[..], [Input::Folder(_), Input::File(_)]));
        assert_eq!(options.overrides.len(), 1);
        // Without --fix the trees are dropped once resolved.
        assert!(options.consume_trees);
        let (_, options) = prepare(&check_args(&[here, "--fix"])).unwrap();
        assert!(!options.consume_trees);
    }

    #[test]
    fn an_unknown_lint_or_a_missing_path_is_a_usage_error() {
        let here = env!("CARGO_MANIFEST_DIR");
        assert_eq!(
            prepare(&check_args(&[here, "-A", "no-such-lint"])).err(),
            Some(EXIT_USAGE)
        );
        assert_eq!(
            prepare(&check_args(&["/no/such/path"])).err(),
            Some(EXIT_USAGE)
        );
    }
}
