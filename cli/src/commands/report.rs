//! `ecospec report`: the checked folder as a report for people, in
//! Markdown or as one HTML page, on standard output or in `-o FILE`.

use ecospec::check::Options;
use ecospec::load::LoadOptions;
use ecospec::report;

use crate::args::{ReportArgs, ReportFormat};
use crate::checking::checked;
use crate::exit::{usage_error, EXIT_OK};
use crate::files::emit;

pub fn run(args: &ReportArgs) -> u8 {
    let options = Options {
        load: LoadOptions {
            allow_outside_imports: args.allow_outside_imports,
        },
        ..Options::default()
    };
    let outcome = match checked(&args.path, &options) {
        Ok(outcome) => outcome,
        Err(status) => return status,
    };
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
