//! `ecospec report --format markdown`: the report for a repository or a
//! pull request (GitHub renders its Mermaid map). Spec text is escaped, so
//! a label can neither break a table nor become markup.

use std::fmt::Write as _;

use crate::lints::Level;

use super::cells::{Cell, Named};
use super::content::{
    ChangeItem, Coverage, EcosystemReport, FindingGroup, InterventionItem, Report,
};
use super::losses::TOP;
use super::pictures::Map;
use super::walk::{Scenarios, Walked};
use crate::scenario::render::losses;

/// The legend under the coverage table, and the words of its cells.
const UNCOVERED: &str = "🔴 **nobody**";
const SINGLE: &str = "★";
const NOT_NEEDED: &str = "·";

/// The report of every root, as Markdown.
pub fn markdown(report: &Report) -> String {
    let mut out = String::new();
    for (i, eco) in report.ecosystems.iter().enumerate() {
        if i > 0 {
            out.push_str("\n---\n\n");
        }
        ecosystem(&mut out, report, eco);
    }
    if report.ecosystems.is_empty() {
        out.push_str("# ecospec report\n\nNo ecosystem was checked.\n");
    }
    out
}

fn ecosystem(out: &mut String, report: &Report, eco: &EcosystemReport) {
    let _ = writeln!(out, "# {}\n", text(&eco.title));
    let _ = write!(out, "Root: {}", code(&eco.root));
    if let Some(applied) = &report.applied {
        let _ = write!(out, " · with the intervention {} applied", code(applied));
    }
    out.push_str("\n\n");
    if let Some(task) = &eco.task {
        let _ = writeln!(out, "**Task:** {}\n", text(task));
    }
    if let Some(description) = &eco.description {
        let _ = writeln!(out, "{}\n", text(description));
    }
    if report.errors > 0 {
        let _ = writeln!(
            out,
            "> **The spec has {} error{}** (`ecospec check` lists them): what follows reads only what resolved.\n",
            report.errors,
            if report.errors == 1 { "" } else { "s" }
        );
    }
    out.push_str("## The map\n\n");
    map(out, &eco.map, &eco.root);
    out.push_str("## Who provides what each cluster needs\n\n");
    coverage(out, &eco.coverage);
    out.push_str("## Scenarios\n\n");
    scenarios(out, &eco.scenarios);
    out.push_str("## Losses\n\n");
    // `what-if --losses`'s own table, under its own heading.
    out.push_str(losses::markdown(&eco.losses, TOP, report.applied.as_deref()).trim_end());
    out.push_str("\n\n");
    out.push_str("## Findings\n\n");
    if eco.findings.is_empty() {
        out.push_str("`ecospec check` reports no finding.\n\n");
    }
    for group in &eco.findings {
        findings(out, group);
    }
    if !eco.interventions.is_empty() {
        out.push_str("## Interventions\n\n");
        for item in &eco.interventions {
            intervention(out, item);
        }
    }
}

fn map(out: &mut String, map: &Map, root: &str) {
    match (&map.mermaid, &map.none) {
        (Some(mermaid), _) => {
            // A fence longer than any run of backquotes in the drawing.
            let fence = "`".repeat(longest_run(mermaid, '`').max(2) + 1);
            let _ = writeln!(out, "{fence}mermaid\n{}\n{fence}\n", mermaid.trim_end());
        }
        (None, Some(why)) => {
            let _ = writeln!(out, "No map here: {}\n", message(why));
        }
        (None, None) => {
            let command = format!("ecospec graph --format svg --root {root}");
            let _ = writeln!(out, "Draw it with {}.\n", code(&command));
        }
    }
}

fn longest_run(text: &str, c: char) -> usize {
    let (mut longest, mut run) = (0, 0);
    for x in text.chars() {
        run = if x == c { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    longest
}

fn coverage(out: &mut String, coverage: &Coverage) {
    if coverage.rows.is_empty() || coverage.capabilities.is_empty() {
        out.push_str("No cluster needs a capability.\n\n");
        return;
    }
    if coverage.as_list() {
        for row in &coverage.rows {
            let _ = writeln!(out, "- {}", named(&row.cluster));
            for (capability, cell) in coverage.capabilities.iter().zip(&row.cells) {
                if *cell != Cell::NotNeeded {
                    let _ = writeln!(out, "  - {}: {}", code(&capability.name), cell_text(cell));
                }
            }
        }
    } else {
        out.push_str("| cluster |");
        for capability in &coverage.capabilities {
            let _ = write!(out, " {} |", code(&capability.name));
        }
        out.push_str("\n|---|");
        out.push_str(&"---|".repeat(coverage.capabilities.len()));
        out.push('\n');
        for row in &coverage.rows {
            let _ = write!(out, "| {} |", named(&row.cluster));
            for cell in &row.cells {
                let _ = write!(out, " {} |", cell_text(cell));
            }
            out.push('\n');
        }
    }
    let _ = writeln!(
        out,
        "\n{UNCOVERED}: a need nobody in or serving the cluster provides. {SINGLE}: its only provider. {NOT_NEEDED}: not needed.\n"
    );
}

fn cell_text(cell: &Cell) -> String {
    match cell {
        Cell::NotNeeded => NOT_NEEDED.to_string(),
        Cell::Uncovered => UNCOVERED.to_string(),
        Cell::Provided { shown, count } => {
            let names: Vec<String> = shown.iter().map(|a| text(&a.label)).collect();
            let mut cell = names.join(", ");
            if *count == 1 {
                cell = format!("{SINGLE} {cell}");
            } else if *count > shown.len() {
                let _ = write!(cell, " and {} more", count - shown.len());
            }
            cell
        }
    }
}

fn scenarios(out: &mut String, scenarios: &Scenarios) {
    if scenarios.walked.is_empty() {
        out.push_str("No scenario is declared.\n\n");
    }
    for walked in &scenarios.walked {
        match walked {
            // `what-if`'s own Markdown, under its own heading.
            Walked::Walk { markdown, .. } => {
                out.push_str(markdown.trim_end());
                out.push_str("\n\n");
            }
            Walked::Not { scenario, why } => {
                let _ = writeln!(out, "### {}\n\n{}\n", named(scenario), message(why));
            }
        }
    }
    if !scenarios.not_walked.is_empty() {
        let mut names: Vec<String> = scenarios.not_walked.iter().map(|n| code(&n.name)).collect();
        if scenarios.more > 0 {
            names.push(format!("and {} more", scenarios.more));
        }
        let _ = writeln!(
            out,
            "{} more scenarios are not walked here (ask `ecospec what-if --scenario NAME`): {}.\n",
            scenarios.not_walked.len() + scenarios.more,
            names.join(", ")
        );
    }
}

fn findings(out: &mut String, group: &FindingGroup) {
    let _ = writeln!(
        out,
        "### {} `{}` ({})\n",
        group.code,
        group.lint,
        group.items.len()
    );
    if !group.explanation.is_empty() {
        let _ = writeln!(out, "{}\n", group.explanation);
    }
    for item in &group.items {
        let _ = writeln!(
            out,
            "- {} {} ({})",
            level(item.level),
            message(&item.message),
            code(&item.place)
        );
    }
    out.push('\n');
}

fn intervention(out: &mut String, item: &InterventionItem) {
    let _ = writeln!(out, "### {}\n", named(&item.intervention));
    if let Some(goal) = &item.goal {
        let _ = writeln!(out, "**Goal:** {}\n", text(goal));
    }
    if let Some(pathway) = &item.pathway {
        let _ = writeln!(out, "**Pathway:** {}\n", text(pathway));
    }
    let _ = writeln!(
        out,
        "Closes {}, opens {}.\n",
        item.closes.len(),
        item.opens.len()
    );
    for change in &item.closes {
        changed(out, "closes", change);
    }
    for change in &item.opens {
        changed(out, "opens", change);
    }
    if !item.closes.is_empty() || !item.opens.is_empty() {
        out.push('\n');
    }
    if item.map_after.mermaid.is_some() {
        out.push_str("The map after:\n\n");
        map(out, &item.map_after, "");
    }
}

fn changed(out: &mut String, verb: &str, change: &ChangeItem) {
    let _ = write!(
        out,
        "- {verb} {} `{}` ({}): {}",
        change.code,
        change.lint,
        change.level.as_str(),
        message(&change.message)
    );
    if let Some((code, replaced)) = &change.replaces {
        let _ = write!(out, " (replaces {code}: {})", message(replaced));
    }
    out.push('\n');
}

fn level(level: Level) -> &'static str {
    match level {
        Level::Deny => "**error**",
        Level::Warn => "**warning**",
        Level::Note => "note",
        Level::Allow => "allowed",
    }
}

/// A declaration: its label, with its name when they differ.
fn named(n: &Named) -> String {
    if n.label == n.name {
        code(&n.name)
    } else {
        format!("{} ({})", text(&n.label), code(&n.name))
    }
}

/// Spec text, escaped: no Markdown or HTML of its own (GitHub's `$` math
/// included), one line (a table cell or a list item ends at a newline).
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for (i, c) in value.chars().enumerate() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' | '\t' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '!' | '|' | '~' | '$' => {
                out.push('\\');
                out.push(c);
            }
            // A list marker only where a line starts.
            '-' | '+' if i == 0 => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// A name or a path as code; one holding a backquote or a control
/// character as escaped text instead.
fn code(value: &str) -> String {
    if value.contains('`') || value.chars().any(char::is_control) || value.is_empty() {
        text(value)
    } else {
        format!("`{value}`")
    }
}

/// A finding's message (ecospec's words, with names in backquotes): kept
/// as Markdown, but no HTML and no table break.
fn message(value: &str) -> String {
    value
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}
