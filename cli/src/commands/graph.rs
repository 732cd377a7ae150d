//! `ecospec graph`: the checked ecosystem as a picture (section 10 of the
//! contract). The library builds the picture and draws it; this command
//! picks the ecosystem (`--root`), and writes the drawing to standard
//! output or, atomically, to `-o FILE`.

use std::path::{Path, PathBuf};

use ecospec::check::{Options, Outcome};
use ecospec::load::LoadOptions;
use ecospec::picture::{self, Request, View};
use ecospec::resolve::Resolved;

use crate::args::{GraphArgs, GraphFormat, GraphView};
use crate::checking::{checked, exit_status};
use crate::exit::usage_error;
use crate::files::emit;

pub fn run(args: &GraphArgs) -> u8 {
    let options = Options {
        load: LoadOptions {
            allow_outside_imports: args.allow_outside_imports,
        },
        apply: args.apply.clone(),
        consume_trees: true,
        ..Options::default()
    };
    let outcome = match checked(&args.path, &options) {
        Ok(outcome) => outcome,
        Err(status) => return status,
    };
    let drawing = match args.format {
        GraphFormat::Dot | GraphFormat::Mermaid | GraphFormat::Svg => draw(args, &outcome),
        // The data exports cover every root (section 10) and draw no view.
        GraphFormat::Json => Ok(ecospec::export::model_json(&outcome)),
        GraphFormat::Kumu => Ok(ecospec::export::kumu(&outcome)),
    };
    let bytes = match drawing {
        Ok(text) => text.into_bytes(),
        Err(message) => return usage_error(&message),
    };
    let written = emit(args.output.as_deref(), &bytes);
    if let Err(message) = written {
        return usage_error(&message);
    }
    let status = exit_status(&outcome, false);
    if status != 0 {
        eprintln!("error: the spec has errors; the picture shows what resolved (`ecospec check` lists them)");
    }
    status
}

/// The drawing of the one ecosystem asked for, in `dot`, `mermaid` or `svg`.
fn draw(args: &GraphArgs, outcome: &Outcome) -> Result<String, String> {
    let resolved = root(outcome, args.root.as_deref())?;
    let title = picture::root_title(outcome, resolved);
    let request = Request {
        view: match args.view {
            GraphView::Clusters => View::Clusters,
            GraphView::Actors => View::Actors,
            GraphView::Capabilities => View::Capabilities,
        },
        apply: args.apply.as_deref(),
        scenario: args.scenario.as_deref(),
        title: &title,
    };
    let picture = picture::picture(resolved, &request)?;
    match args.format {
        GraphFormat::Dot => Ok(picture::render_dot(&picture)),
        GraphFormat::Mermaid => Ok(picture::render_mermaid(&picture)),
        _ => picture::render_svg(&picture),
    }
}

/// The ecosystem `--root` names, or the only one; with several roots and
/// no `--root`, an error naming them.
fn root<'a>(outcome: &'a Outcome, wanted: Option<&Path>) -> Result<&'a Resolved, String> {
    let shown = |eco: &Resolved| {
        outcome
            .sources
            .get(eco.root)
            .map_or_else(String::new, |f| format!("`{}`", f.name))
    };
    let roots = || {
        outcome
            .ecosystems
            .iter()
            .map(shown)
            .collect::<Vec<_>>()
            .join(", ")
    };
    match (wanted, &outcome.ecosystems[..]) {
        (None, [only]) => Ok(only),
        (None, _) => Err(format!(
            "the folder holds several roots ({}): choose one with `--root FILE`",
            roots()
        )),
        (Some(file), _) => {
            let real = std::fs::canonicalize(file).unwrap_or_else(|_| PathBuf::from(file));
            outcome
                .ecosystems
                .iter()
                .find(|eco| {
                    outcome
                        .sources
                        .get(eco.root)
                        .is_some_and(|f| f.path == real)
                })
                .ok_or_else(|| {
                    format!(
                        "`{}` is not the root of an ecosystem here; the roots: {}",
                        file.display(),
                        roots()
                    )
                })
        }
    }
}
