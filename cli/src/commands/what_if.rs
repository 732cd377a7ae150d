//! `ecospec what-if`: one check of the folder, then a scenario walked
//! through (`--scenario`) or the single losses ranked (`--losses`) on the
//! ecosystem asked of (the library computes and renders;
//! this file reads the arguments and writes the output).

use std::io::IsTerminal;

use ecospec::check::check;
use ecospec::load::RealFs;
use ecospec::scenario::losses::losses;
use ecospec::scenario::{pick_root, render, Now};

use crate::args::{CheckArgs, Color, Format, WhatIfArgs, WhatIfFormat};
use crate::checking::prepare;
use crate::exit::{usage_error, EXIT_OK};
use crate::files::emit;

pub fn run(args: &WhatIfArgs) -> u8 {
    // The same loading as `check`; levels from `ecospec.toml` and `@allow`.
    let check_args = CheckArgs {
        paths: vec![args.path.clone()],
        format: Format::Human,
        color: args.color,
        apply: args.apply.clone(),
        allow: Vec::new(),
        warn: Vec::new(),
        deny: Vec::new(),
        deny_warnings: false,
        allow_outside_imports: args.allow_outside_imports,
        output: Vec::new(),
        fix: false,
        watch: false,
    };
    let (inputs, options) = match prepare(&check_args) {
        Ok(prepared) => prepared,
        Err(status) => return status,
    };
    let outcome = match check(&RealFs, &inputs, &options) {
        Ok(outcome) => outcome,
        Err(message) => return usage_error(&message),
    };
    let root = match &args.root {
        Some(path) => match path.canonicalize() {
            Ok(real) => Some(real),
            Err(e) => return usage_error(&format!("`--root {}`: {e}", path.display())),
        },
        None => None,
    };
    let index = match pick_root(&outcome, root.as_deref()) {
        Ok(index) => index,
        Err(message) => return usage_error(&message),
    };
    let now = match Now::new(&outcome, index, args.apply.as_deref()) {
        Ok(now) => now,
        Err(message) => return usage_error(&message),
    };
    let applied = args.apply.as_deref();
    let root = outcome
        .ecosystems
        .get(index)
        .and_then(|eco| outcome.sources.get(eco.root))
        .map_or("", |f| f.name.as_str());
    let text = match &args.scenario {
        Some(scenario) => {
            let answer = match now.what_if(scenario, &args.without) {
                Ok(answer) => answer,
                Err(message) => return usage_error(&message),
            };
            match args.format {
                WhatIfFormat::Human => render::human(&answer, applied, color(args)),
                WhatIfFormat::Markdown => render::markdown(&answer, applied),
                WhatIfFormat::Json => format!(
                    "{:#}\n",
                    render::json(&answer, applied, root, &outcome.sources)
                ),
            }
        }
        None => {
            let ranked = losses(&now);
            let top = args.top.unwrap_or(usize::MAX);
            match args.format {
                WhatIfFormat::Human => render::losses::human(&ranked, top, applied),
                WhatIfFormat::Markdown => render::losses::markdown(&ranked, top, applied),
                WhatIfFormat::Json => format!(
                    "{:#}\n",
                    render::losses::json(&ranked, top, applied, root, &outcome.sources)
                ),
            }
        }
    };
    let errors = outcome.count(ecospec::diagnostic::Severity::Error);
    if errors > 0 {
        let (s, them) = if errors == 1 {
            ("", "it")
        } else {
            ("s", "them")
        };
        eprintln!(
            "note: the spec has {errors} error{s}: the walk reads what resolved; `ecospec check` shows {them}"
        );
    }
    if let Err(message) = emit(args.output.as_deref(), text.as_bytes()) {
        return usage_error(&message);
    }
    EXIT_OK
}

/// Colour for human output on standard output, as `check` decides it.
fn color(args: &WhatIfArgs) -> bool {
    args.output.is_none()
        && match args.color {
            Color::Always => true,
            Color::Never => false,
            Color::Auto => {
                std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none()
            }
        }
}
