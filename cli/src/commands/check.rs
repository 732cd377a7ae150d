//! `ecospec check` (without `--watch`): one check and its report.

use crate::args::CheckArgs;
use crate::checking::{once, prepare};

pub fn run(args: &CheckArgs) -> u8 {
    match prepare(args) {
        Ok((inputs, options)) => once(args, &inputs, &options),
        Err(status) => status,
    }
}
