//! The command line's arguments, declared with clap: every subcommand's
//! options, and the parsing of the values that are more than a word.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use clap_complete::Shell;

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
    Init(InitArgs),
    /// Print a shell completion script (bash, zsh, fish, powershell, elvish)
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `ecospec man > ecospec.1`
    Man,
    /// Format files in place in the canonical layout (`-`: stdin to stdout)
    Fmt(FmtArgs),
    /// Write a report of the ecosystem for people: the task, the map, who provides what, the scenarios, the findings and the interventions
    Report(ReportArgs),
    /// Walk a scenario through (who activates, who joins in over which bridges, who provides each need), or rank single losses
    WhatIf(WhatIfArgs),
    /// Draw the ecosystem: clusters and bridges, actors, or capabilities, with its findings
    Graph(GraphArgs),
    /// What a change does: declarations added, removed and changed, findings opened and closed, between two git revisions (or two folders)
    Diff(DiffArgs),
    /// The workshop studio: the folder's specs, their findings and map in a browser (serves until Ctrl-C)
    Serve(ServeArgs),
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
    #[arg(long, value_name = "FORMAT=FILE", value_parser = parse_output)]
    pub output: Vec<OutputSpec>,
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

#[derive(Args, Debug)]
pub struct ReportArgs {
    /// The file or folder to report on (every root of a folder)
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Markdown (a repository, a pull request) or one self-contained HTML page
    #[arg(long, value_enum, default_value_t = ReportFormat::Markdown)]
    pub format: ReportFormat,
    /// Write the report to FILE (atomically) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Let imports leave the folder being checked (only for specs you trust)
    #[arg(long)]
    pub allow_outside_imports: bool,
}

#[derive(Args, Debug)]
pub struct GraphArgs {
    /// A file or folder (every `.eco` file under a folder)
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Output format
    #[arg(long, value_enum)]
    pub format: GraphFormat,
    /// What to draw
    #[arg(long, value_enum, default_value_t = GraphView::Clusters)]
    pub view: GraphView,
    /// Draw the configuration with this intervention applied
    #[arg(long, value_name = "NAME")]
    pub apply: Option<String>,
    /// Draw the configuration under this scenario (what it activates, who supports, what it removes)
    #[arg(long, value_name = "S")]
    pub scenario: Option<String>,
    /// The ecosystem to draw when PATH holds several roots
    #[arg(long, value_name = "FILE")]
    pub root: Option<PathBuf>,
    /// Write the picture to FILE (atomically) instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Let imports leave the folder being checked (only for specs you trust)
    #[arg(long)]
    pub allow_outside_imports: bool,
}

#[derive(Args, Debug)]
pub struct ServeArgs {
    /// The folder whose `.eco` files the studio shows (and, in trainer mode, saves)
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// The port to listen on (0: a free one)
    #[arg(long, value_name = "N", default_value_t = 7878)]
    pub port: u16,
    /// The address to listen on; a non-loopback one (0.0.0.0) is participant mode: nothing is saved to disk
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    Markdown,
    Html,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz
    Dot,
    /// A Mermaid flowchart (renders on GitHub)
    Mermaid,
    /// SVG drawn by ecospec itself
    Svg,
    /// The resolved model with its facts and findings
    Json,
    /// A Kumu blueprint
    Kumu,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum GraphView {
    /// Clusters as nodes, bridges as edges
    Clusters,
    /// Clusters as boxes holding their members, serving actors outside
    Actors,
    /// Capabilities against clusters: who provides, what is uncovered
    Capabilities,
}

#[derive(Args, Debug)]
pub struct DiffArgs {
    /// The revision before the change (`origin/main`, a tag, a commit, `HEAD~1`), or a folder
    pub base: String,
    /// The revision after the change, or a folder (with BASE a folder too)
    pub head: String,
    /// The folder of the repository to compare (the same folder under two folders)
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = DiffFormat::Human)]
    pub format: DiffFormat,
    /// Exit with status 1 when the change opens a finding at `warn` or `deny` or introduces an error
    #[arg(long)]
    pub fail_on_new: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum DiffFormat {
    Human,
    /// A pull-request comment: a verdict line, then collapsible details
    Markdown,
    /// Versioned JSON (docs/src/diff-json.md)
    Json,
    /// GitHub Actions annotations of the opened findings
    Github,
}

#[derive(Args, Debug)]
pub struct InitArgs {
    /// The folder to write into (made when missing)
    #[arg(default_value = ".")]
    pub dir: PathBuf,
}

#[derive(Args, Debug)]
pub struct CompletionsArgs {
    /// The shell to complete for
    #[arg(value_enum)]
    pub shell: Shell,
}

#[derive(Args, Debug)]
pub struct WhatIfArgs {
    /// The file or folder of the ecosystem
    #[arg(default_value = ".")]
    pub path: PathBuf,
    /// The scenario to walk through
    #[arg(long, value_name = "S", required_unless_present = "losses")]
    pub scenario: Option<String>,
    /// Also take this actor, bridge, cluster or capability away; may be repeated
    #[arg(long, value_name = "NAME", conflicts_with = "losses")]
    pub without: Vec<String>,
    /// Rank every actor, bridge and cluster by what losing it alone would open
    #[arg(long, conflicts_with = "scenario")]
    pub losses: bool,
    /// With --losses: show only the first N losses
    #[arg(long, value_name = "N", requires = "losses")]
    pub top: Option<usize>,
    /// Ask of the configuration with this intervention applied
    #[arg(long, value_name = "NAME")]
    pub apply: Option<String>,
    /// The root file of the ecosystem to ask of, when the folder holds several
    #[arg(long, value_name = "FILE")]
    pub root: Option<PathBuf>,
    /// Output format
    #[arg(long, value_enum, default_value_t = WhatIfFormat::Human)]
    pub format: WhatIfFormat,
    /// When to color human output
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Write the output to FILE instead of standard output
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Let imports leave the folder being checked (only for specs you trust)
    #[arg(long)]
    pub allow_outside_imports: bool,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub enum WhatIfFormat {
    Human,
    Json,
    /// Markdown, for pull requests and reports
    Markdown,
}

/// `--output FORMAT=FILE`: a second rendering of the same check written to
/// a file, so that one run prints human output and leaves SARIF for upload.
#[derive(Clone, Debug)]
pub struct OutputSpec {
    pub format: Format,
    pub path: PathBuf,
}

/// `sarif=results.sarif` → (Sarif, `results.sarif`).
pub fn parse_output(text: &str) -> Result<OutputSpec, String> {
    let Some((format, path)) = text.split_once('=') else {
        return Err(format!(
            "expected FORMAT=FILE (e.g. `sarif=results.sarif`), found `{text}`"
        ));
    };
    let format = Format::from_str(format, true).map_err(|_| {
        let names: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_string()))
            .collect();
        format!("unknown format `{format}`: one of {}", names.join(", "))
    })?;
    if path.is_empty() {
        return Err("the file after `=` is empty".to_string());
    }
    Ok(OutputSpec {
        format,
        path: PathBuf::from(path),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::*;

    #[test]
    fn output_names_a_format_and_a_file() {
        let spec = parse_output("sarif=out/results.sarif").unwrap();
        assert_eq!(spec.format, Format::Sarif);
        assert_eq!(spec.path, PathBuf::from("out/results.sarif"));
        // Only the first `=` separates: the file may hold one.
        assert_eq!(
            parse_output("JSON=a=b.json").unwrap().path,
            PathBuf::from("a=b.json")
        );
    }

    #[test]
    fn output_refuses_what_is_not_format_equals_file() {
        assert!(parse_output("results.sarif")
            .unwrap_err()
            .contains("FORMAT=FILE"));
        assert_eq!(
            parse_output("xml=a").unwrap_err(),
            "unknown format `xml`: one of human, short, json, sarif, github"
        );
        assert_eq!(
            parse_output("json=").unwrap_err(),
            "the file after `=` is empty"
        );
    }

    #[test]
    fn the_declaration_is_consistent() {
        use clap::CommandFactory;
        Cli::command().debug_assert();
    }
}
