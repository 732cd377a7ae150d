//! `ecospec man`: the manual page (roff), generated from the clap
//! declaration, so it never falls behind the options.

use std::io::Write;

use clap::CommandFactory;

use crate::args::Cli;
use crate::exit::{EXIT_OK, EXIT_USAGE};

pub fn run() -> u8 {
    let page = clap_mangen::Man::new(Cli::command());
    let mut out = Vec::new();
    if let Err(e) = page.render(&mut out) {
        eprintln!("error: cannot render the manual page: {e}");
        return EXIT_USAGE;
    }
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(&out);
    let _ = stdout.flush();
    EXIT_OK
}
