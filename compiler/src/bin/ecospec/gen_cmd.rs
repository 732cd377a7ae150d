//! `ecospec completions SHELL` and `ecospec man`: generated from the clap
//! declaration, so they never fall behind the options.

use clap::{Args, CommandFactory};
use clap_complete::Shell;

use crate::cli::Cli;
use crate::{EXIT_OK, EXIT_USAGE};

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

pub fn completions(args: &CompletionsArgs) -> u8 {
    let mut command = Cli::command();
    clap_complete::generate(args.shell, &mut command, "ecospec", &mut std::io::stdout());
    EXIT_OK
}

pub fn man() -> u8 {
    let page = clap_mangen::Man::new(Cli::command());
    let mut out = Vec::new();
    if let Err(e) = page.render(&mut out) {
        eprintln!("error: cannot render the manual page: {e}");
        return EXIT_USAGE;
    }
    use std::io::Write;
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(&out);
    let _ = stdout.flush();
    EXIT_OK
}
