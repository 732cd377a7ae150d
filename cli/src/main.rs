//! The `ecospec` command. Each subcommand is a thin layer over the library:
//! the arguments are declared in [`args`], each command is one module of
//! [`commands`] (none imports another), and [`exit`] holds the statuses.

mod args;
mod checking;
mod commands;
mod exit;
mod files;
mod fixes;

use std::process::ExitCode;

use clap::Parser;

use args::{Cli, Command};

/// mimalloc, not the system allocator: a check allocates millions of small
/// names and lists, where glibc's malloc cost a third of all instructions.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let status = match cli.command {
        Command::Check(args) if args.watch => commands::watch::run(&args),
        Command::Check(args) => commands::check::run(&args),
        Command::Explain(args) => commands::explain::run(&args),
        Command::Lints(args) => commands::lints::run(&args),
        Command::Init(args) => commands::init::run(&args),
        Command::Completions(args) => commands::completions::run(&args),
        Command::Man => commands::man::run(),
        Command::Fmt(args) => commands::fmt::run(&args),
        Command::Report(args) => commands::report::run(&args),
        Command::WhatIf(args) => commands::what_if::run(&args),
        Command::Graph(args) => commands::graph::run(&args),
        Command::Diff(args) => commands::diff::run(&args),
        Command::Serve(args) => commands::serve::run(&args),
    };
    ExitCode::from(status)
}
