//! `ecospec completions SHELL`: generated from the clap declaration, so it
//! never falls behind the options.

use clap::CommandFactory;

use crate::args::{Cli, CompletionsArgs};
use crate::exit::EXIT_OK;

pub fn run(args: &CompletionsArgs) -> u8 {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "ecospec", &mut std::io::stdout());
    EXIT_OK
}
