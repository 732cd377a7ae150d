//! `ecospec report --format html`: one self-contained page (its style
//! inline, no script, font or anything fetched), readable printed (a print
//! stylesheet) and on a phone (it reflows at 375 px; wide tables scroll in
//! their own box). Every spec text is escaped, and the page's content
//! security policy forbids scripts besides, so spec text never runs as
//! markup.

use std::fmt::Write as _;

use crate::lints::Level;
// Spec text as HTML: the SVG's escaping (`&`, `<`, `>` and both quotes as
// entities, control characters dropped) is the page's too.
use crate::picture::xml_text as escape;

use super::cells::{Cell, Named};
use super::content::{
    ChangeItem, Coverage, EcosystemReport, FindingGroup, InterventionItem, Report,
};
use super::losses::TOP;
use super::pictures::Map;
use super::walk::{Scenarios, Walked};
use crate::scenario::losses::Loss;
use crate::scenario::render::level_word;
use crate::scenario::render::{Line, Style};

const STYLE: &str = include_str!("report.css");

/// Nothing but the inline style and inline images may load.
const POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The report of every root, as one HTML page.
pub fn html(report: &Report) -> String {
    let title = match report.ecosystems.as_slice() {
        [one] => one.title.as_str(),
        _ => "ecospec report",
    };
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"{POLICY}\">\n\
         <title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    );
    if report.ecosystems.is_empty() {
        out.push_str("<h1>ecospec report</h1>\n<p>No ecosystem was checked.</p>\n");
    }
    for eco in &report.ecosystems {
        ecosystem(&mut out, report, eco);
    }
    out.push_str("</body>\n</html>\n");
    out
}

fn ecosystem(out: &mut String, report: &Report, eco: &EcosystemReport) {
    out.push_str("<section class=\"ecosystem\">\n");
    let _ = writeln!(out, "<h1>{}</h1>", escape(&eco.title));
    let _ = write!(
        out,
        "<p class=\"muted\">Root: <code>{}</code>",
        escape(&eco.root)
    );
    if let Some(applied) = &report.applied {
        let _ = write!(
            out,
            " · with the intervention <code>{}</code> applied",
            escape(applied)
        );
    }
    out.push_str("</p>\n");
    if let Some(task) = &eco.task {
        let _ = writeln!(
            out,
            "<p class=\"task\"><strong>Task:</strong> {}</p>",
            escape(task)
        );
    }
    if let Some(description) = &eco.description {
        let _ = writeln!(out, "<p>{}</p>", escape(description));
    }
    if report.errors > 0 {
        let _ = writeln!(
            out,
            "<p class=\"alert\"><strong>The spec has {} error{}</strong> (<code>ecospec check</code> lists them): what follows reads only what resolved.</p>",
            report.errors,
            if report.errors == 1 { "" } else { "s" }
        );
    }
    out.push_str("<h2>The map</h2>\n");
    map(out, &eco.map, &eco.root);
    out.push_str("<h2>Who provides what each cluster needs</h2>\n");
    coverage(out, &eco.coverage);
    out.push_str("<h2>Scenarios</h2>\n");
    scenarios(out, &eco.scenarios);
    out.push_str("<h2>Losses</h2>\n");
    losses(out, &eco.losses);
    out.push_str("<h2>Findings</h2>\n");
    if eco.findings.is_empty() {
        out.push_str("<p><code>ecospec check</code> reports no finding.</p>\n");
    }
    for group in &eco.findings {
        findings(out, group);
    }
    if !eco.interventions.is_empty() {
        out.push_str("<h2>Interventions</h2>\n");
        for item in &eco.interventions {
            intervention(out, item);
        }
    }
    out.push_str("</section>\n");
}

fn map(out: &mut String, map: &Map, root: &str) {
    match (&map.svg, &map.none) {
        // The picture module escapes the spec's text in its SVG itself.
        (Some(svg), _) => {
            let _ = writeln!(
                out,
                "<div class=\"map scroll\">\n{}\n</div>",
                svg.trim_end()
            );
        }
        (None, Some(why)) => {
            let _ = writeln!(out, "<p class=\"muted\">No map here: {}</p>", inline(why));
        }
        (None, None) => {
            let _ = writeln!(
                out,
                "<p class=\"muted\">Draw it with <code>ecospec graph --format svg --root {}</code>.</p>",
                escape(root)
            );
        }
    }
}

fn coverage(out: &mut String, coverage: &Coverage) {
    if coverage.rows.is_empty() || coverage.capabilities.is_empty() {
        out.push_str("<p>No cluster needs a capability.</p>\n");
        return;
    }
    if coverage.as_list() {
        out.push_str("<ul>\n");
        for row in &coverage.rows {
            let _ = writeln!(out, "<li>{}<ul>", named(&row.cluster));
            for (capability, cell) in coverage.capabilities.iter().zip(&row.cells) {
                if *cell != Cell::NotNeeded {
                    let (class, text) = cell_html(cell);
                    let _ = writeln!(
                        out,
                        "<li><code>{}</code>: <span class=\"{class}\">{text}</span></li>",
                        escape(&capability.name)
                    );
                }
            }
            out.push_str("</ul></li>\n");
        }
        out.push_str("</ul>\n");
    } else {
        out.push_str("<div class=\"scroll\">\n<table>\n<thead><tr><th scope=\"col\">cluster</th>");
        for capability in &coverage.capabilities {
            let _ = write!(
                out,
                "<th scope=\"col\" title=\"{}\"><code>{}</code></th>",
                escape(&capability.label),
                escape(&capability.name)
            );
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in &coverage.rows {
            let _ = write!(out, "<tr><th scope=\"row\">{}</th>", named(&row.cluster));
            for cell in &row.cells {
                let (class, text) = cell_html(cell);
                let _ = write!(out, "<td class=\"{class}\">{text}</td>");
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</div>\n");
    }
    out.push_str(
        "<p class=\"legend\"><span class=\"mark red\">nobody</span>: a need nobody in or serving the cluster provides (red). \
         <span class=\"mark\">★</span>: its only provider. ·: not needed.</p>\n",
    );
}

/// A cell's class and content.
fn cell_html(cell: &Cell) -> (&'static str, String) {
    match cell {
        Cell::NotNeeded => ("none", "·".to_string()),
        Cell::Uncovered => ("uncovered", "nobody".to_string()),
        Cell::Provided { shown, count } => {
            let names: Vec<String> = shown.iter().map(|a| escape(&a.label)).collect();
            let mut text = names.join(", ");
            if *count == 1 {
                return ("single", format!("<span class=\"mark\">★</span> {text}"));
            }
            if *count > shown.len() {
                let _ = write!(text, " and {} more", count - shown.len());
            }
            ("provided", text)
        }
    }
}

fn scenarios(out: &mut String, scenarios: &Scenarios) {
    if scenarios.walked.is_empty() {
        out.push_str("<p>No scenario is declared.</p>\n");
    }
    for walked in &scenarios.walked {
        match walked {
            Walked::Walk { tree, .. } => {
                let _ = writeln!(out, "<h3>{}</h3>", line(tree));
                lines(out, &tree.children);
            }
            Walked::Not { scenario, why } => {
                let _ = writeln!(out, "<h3>{}</h3>\n<p>{}</p>", named(scenario), inline(why));
            }
        }
    }
    if !scenarios.not_walked.is_empty() {
        let mut names: Vec<String> = scenarios
            .not_walked
            .iter()
            .map(|n| format!("<code>{}</code>", escape(&n.name)))
            .collect();
        if scenarios.more > 0 {
            names.push(format!("and {} more", scenarios.more));
        }
        let _ = writeln!(
            out,
            "<p>{} more scenarios are not walked here (ask <code>ecospec what-if --scenario NAME</code>): {}.</p>",
            scenarios.not_walked.len() + scenarios.more,
            names.join(", ")
        );
    }
}

/// A walk's lines as nested lists.
fn lines(out: &mut String, children: &[Line]) {
    if children.is_empty() {
        return;
    }
    out.push_str("<ul>\n");
    for child in children {
        let _ = write!(out, "<li>{}", line(child));
        lines(out, &child.children);
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

/// One line of a walk, each piece escaped and marked up by what it is.
fn line(line: &Line) -> String {
    let mut out = String::new();
    for (style, text) in &line.parts {
        let _ = match style {
            Style::Plain => write!(out, "{}", escape(text)),
            Style::Name => write!(out, "<code>{}</code>", escape(text)),
            Style::Text => write!(out, "“{}”", escape(text)),
            Style::Gap => write!(out, "<strong class=\"gap\">{}</strong>", escape(text)),
            Style::Taken => write!(out, "<em>{}</em>", escape(text)),
            Style::TakenName => write!(out, "<em><code>{}</code></em>", escape(text)),
            Style::Level(level) => write!(
                out,
                "<span class=\"{}\">{}</span>",
                self::level(*level).0,
                escape(text)
            ),
            Style::Message => write!(out, "{}", inline(text)),
        };
    }
    out
}

/// The losses ranking (`what-if --losses`) as a table, the first [`TOP`].
fn losses(out: &mut String, losses: &[Loss]) {
    if losses.is_empty() {
        out.push_str("<p>No single actor, bridge or cluster, lost alone, opens a finding at warn or deny.</p>\n");
        return;
    }
    out.push_str(
        "<p>What losing each alone would open (findings at warn or deny), most first.</p>\n\
         <div class=\"scroll\">\n<table>\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">loss</th>\
         <th scope=\"col\">kind</th><th scope=\"col\">opens</th><th scope=\"col\">findings</th></tr></thead>\n<tbody>\n",
    );
    for (i, loss) in losses.iter().take(TOP).enumerate() {
        let findings: Vec<String> = loss
            .opens
            .iter()
            .map(|lost| {
                let subjects: Vec<String> = lost
                    .subjects
                    .iter()
                    .map(|s| format!("<code>{}</code>", escape(s)))
                    .collect();
                format!(
                    "{} {} <code>{}</code> ({})",
                    level_word(lost.level),
                    lost.lint.code,
                    lost.lint.name,
                    subjects.join(", ")
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td><code>{}</code></td><td>{}</td><td>{}</td><td>{}</td></tr>",
            i + 1,
            escape(&loss.name),
            loss.who.kind.keyword(),
            loss.opens.len(),
            findings.join("<br>")
        );
    }
    out.push_str("</tbody>\n</table>\n</div>\n");
    if losses.len() > TOP {
        let _ = writeln!(
            out,
            "<p>{} more losses open something (<code>ecospec what-if --losses --top N</code> lists them).</p>",
            losses.len() - TOP
        );
    }
}

fn findings(out: &mut String, group: &FindingGroup) {
    let _ = writeln!(
        out,
        "<h3>{} <code>{}</code> ({})</h3>",
        escape(&group.code),
        escape(&group.lint),
        group.items.len()
    );
    if !group.explanation.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", inline(&group.explanation));
    }
    out.push_str("<ul>\n");
    for item in &group.items {
        let (class, word) = level(item.level);
        let _ = writeln!(
            out,
            "<li><span class=\"{class}\">{word}</span> {} <span class=\"place\">{}</span></li>",
            inline(&item.message),
            escape(&item.place)
        );
    }
    out.push_str("</ul>\n");
}

fn intervention(out: &mut String, item: &InterventionItem) {
    let _ = writeln!(out, "<h3>{}</h3>", named(&item.intervention));
    if let Some(goal) = &item.goal {
        let _ = writeln!(out, "<p><strong>Goal:</strong> {}</p>", escape(goal));
    }
    if let Some(pathway) = &item.pathway {
        let _ = writeln!(out, "<p><strong>Pathway:</strong> {}</p>", escape(pathway));
    }
    let _ = writeln!(
        out,
        "<p>Closes {}, opens {}.</p>",
        item.closes.len(),
        item.opens.len()
    );
    if !item.closes.is_empty() || !item.opens.is_empty() {
        out.push_str("<ul>\n");
        for change in &item.closes {
            changed(out, "closes", change);
        }
        for change in &item.opens {
            changed(out, "opens", change);
        }
        out.push_str("</ul>\n");
    }
    if item.map_after.svg.is_some() {
        out.push_str("<p>The map after:</p>\n");
        map(out, &item.map_after, "");
    }
}

fn changed(out: &mut String, verb: &str, change: &ChangeItem) {
    let _ = write!(
        out,
        "<li><span class=\"{verb}\">{verb}</span> {} <code>{}</code> ({}): {}",
        escape(&change.code),
        escape(&change.lint),
        change.level.as_str(),
        inline(&change.message)
    );
    if let Some((code, replaced)) = &change.replaces {
        let _ = write!(out, " (replaces {}: {})", escape(code), inline(replaced));
    }
    out.push_str("</li>\n");
}

fn level(level: Level) -> (&'static str, &'static str) {
    match level {
        Level::Deny => ("level-deny", "error"),
        Level::Warn => ("level-warn", "warning"),
        Level::Note => ("level-note", "note"),
        Level::Allow => ("level-allow", "allowed"),
    }
}

/// A declaration: its label, with its name when they differ.
fn named(n: &Named) -> String {
    if n.label == n.name {
        format!("<code>{}</code>", escape(&n.name))
    } else {
        format!("{} <code>{}</code>", escape(&n.label), escape(&n.name))
    }
}

/// ecospec's own words (a message, an explanation), escaped, with their
/// `backquoted` names as code.
fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for (i, piece) in escape(text).split('`').enumerate() {
        // Odd pieces stand between backquotes (an unpaired last one too).
        if i % 2 == 1 {
            let _ = write!(out, "<code>{piece}</code>");
        } else {
            out.push_str(piece);
        }
    }
    out
}
