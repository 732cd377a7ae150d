//! `ecospec report`: the checked folder as a report for people, in
//! Markdown or as one HTML page, on standard output or in `-o FILE`.

use ecospec::check::{check, Options};
use ecospec::load::{LoadOptions, RealFs};
use ecospec::report;

use crate::args::{ReportArgs, ReportFormat};
use crate::checking::{inputs_of, nothing_checked};
use crate::exit::{usage_error, EXIT_OK};
use crate::files::emit;

pub fn run(args: &ReportArgs) -> u8 {
    let inputs = match inputs_of(std::slice::from_ref(&args.path)) {
        Ok(inputs) => inputs,
        Err(status) => return status,
    };
    let options = Options {
        load: LoadOptions {
            allow_outside_imports: args.allow_outside_imports,
        },
        ..Options::default()
    };
    let outcome = match check(&RealFs, &inputs, &options) {
        Ok(outcome) => outcome,
        Err(message) => return usage_error(&message),
    };
    if let Some(status) = nothing_checked(&outcome) {
        return status;
    }
    let content = report::report(&outcome);
    let text = match args.format {
        ReportFormat::Markdown => report::markdown(&content),
        ReportFormat::Html => report::html(&content),
    };
    if let Err(message) = emit(args.output.as_deref(), text.as_bytes()) {
        return usage_error(&message);
    }
    EXIT_OK
}
