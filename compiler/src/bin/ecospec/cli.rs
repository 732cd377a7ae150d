//! The command line, declared with clap.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

#[derive(Parser, Debug)]
#[command(
    name = "ecospec",
    version,
    about = "Checks movement-ecosystem specs: clusters, bridges, capabilities, scenarios and interventions"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Check files and folders for errors and gaps in the ecosystem
    Check(CheckArgs),
    /// Explain a diagnostic code or lint name, with a failing and a fixed example
    Explain(ExplainArgs),
    /// List every lint with its code, name, default level and summary
    Lints(LintsArgs),
    /// Write a commented starter spec and `ecospec.toml` into a folder
    Init(crate::init_cmd::InitArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(crate::gen_cmd::CompletionsArgs),
    /// Print the manual page (roff), e.g. `ecospec man > ecospec.1`
    Man,
    /// Format files in place in the canonical layout (`-`: stdin to stdout)
    Fmt(FmtArgs),
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Short,
    Json,
    /// SARIF 2.1.0, for code scanning
    Sarif,
    /// GitHub Actions workflow-command annotations
    Github,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

#[derive(Args, Debug)]
pub struct CheckArgs {
    /// Files and folders to check (every `.eco` file under a folder)
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// When to color human output
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Report the findings with this intervention applied
    #[arg(long, value_name = "NAME")]
    pub apply: Option<String>,
    /// Silence a lint (name or code); may be repeated
    #[arg(short = 'A', long = "allow", value_name = "LINT")]
    pub allow: Vec<String>,
    /// Report a lint as a warning
    #[arg(short = 'W', long = "warn", value_name = "LINT")]
    pub warn: Vec<String>,
    /// Report a lint as an error
    #[arg(short = 'D', long = "deny", value_name = "LINT")]
    pub deny: Vec<String>,
    /// Exit with status 1 when there is a warning
    #[arg(long)]
    pub deny_warnings: bool,
    /// Let imports leave the folder being checked (only for specs you trust)
    #[arg(long)]
    pub allow_outside_imports: bool,
    /// Also write the diagnostics in FORMAT to FILE (`--output sarif=results.sarif`); may be repeated
    #[arg(long, value_name = "FORMAT=FILE", value_parser = crate::output::parse_output)]
    pub output: Vec<crate::output::OutputSpec>,
    /// Apply the safe fixes (did-you-mean renames) to the files, then report what remains
    #[arg(long, conflicts_with = "watch")]
    pub fix: bool,
    /// Check again whenever a `.eco` file or `ecospec.toml` changes (Ctrl-C stops)
    #[arg(long)]
    pub watch: bool,
}

#[derive(Args, Debug)]
pub struct ExplainArgs {
    /// A code (`W0403`, `E0201`) or a lint name (`uncovered-capability`)
    pub code: String,
}

#[derive(Args, Debug)]
pub struct LintsArgs {
    /// Output format
    #[arg(long, value_enum, default_value_t = LintsFormat::Human)]
    pub format: LintsFormat,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum LintsFormat {
    Human,
    Json,
}

#[derive(Args, Debug)]
pub struct FmtArgs {
    /// Files and folders to format (every `.eco` file under a folder); `-` for stdin
    #[arg(default_value = ".")]
    pub paths: Vec<PathBuf>,
    /// Change nothing: print a diff and exit with status 1 when a file is not formatted
    #[arg(long)]
    pub check: bool,
}
