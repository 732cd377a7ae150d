//! `ecospec explain CODE`: the documentation that lives beside each lint
//! (and in `compiler/explain/` for the errors), printed, then the chapter of
//! the book to read next.

use ecospec::catalog::explain;

use crate::args::ExplainArgs;
use crate::exit::{usage_error, EXIT_OK};

pub fn run(args: &ExplainArgs) -> u8 {
    match explain(&args.code) {
        Some(text) => {
            println!("{text}");
            EXIT_OK
        }
        None => usage_error(&format!(
            "no diagnostic `{}`: `ecospec lints` lists the lints; error codes run E0101–E0305",
            args.code
        )),
    }
}
