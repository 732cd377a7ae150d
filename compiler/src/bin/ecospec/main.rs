//! The `ecospec` command. Each subcommand is a thin layer over the library.

mod check_cmd;
mod cli;
mod files;
mod fix_cmd;
mod fmt_cmd;
mod gen_cmd;
mod info_cmd;
mod init_cmd;
mod output;
mod watch;

use std::process::ExitCode;

use clap::Parser;

use cli::{Cli, Command};

/// mimalloc, not the system allocator: a check allocates millions of small
/// names and lists, where glibc's malloc cost a third of all instructions.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Exit statuses of the contract (LANGUAGE.md section 7).
pub const EXIT_OK: u8 = 0;
pub const EXIT_FINDINGS: u8 = 1;
pub const EXIT_USAGE: u8 = 2;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Check(args) => check_cmd::run(&args),
        Command::Explain(args) => info_cmd::explain(&args),
        Command::Lints(args) => info_cmd::lints(&args),
        Command::Init(args) => init_cmd::run(&args),
        Command::Completions(args) => gen_cmd::completions(&args),
        Command::Man => gen_cmd::man(),
        Command::Fmt(args) => fmt_cmd::run(&args),
    };
    ExitCode::from(status)
}
