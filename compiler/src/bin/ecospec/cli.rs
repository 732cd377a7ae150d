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
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Human,
    Short,
    Json,
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
