//! The report as data: what `ecospec report` says about each root, in the
//! order of its sections (section 10: the task, the map, the coverage
//! table, each scenario walked through, the findings with their
//! explanations, each intervention before and after, the losses). The
//! Markdown and HTML renderers only lay it out.

use crate::catalog;
use crate::check::{Change, Outcome};
use crate::diagnostic::Severity;
use crate::export::{configurations, Configuration};
use crate::lints::Level;
use crate::model::{distinct, Facts, Model};

use super::cells::{cell, Cell, Named};
use super::losses::ranking;
use super::pictures::{map, Map};
use super::walk::{scenarios, Scenarios};
use crate::scenario::losses::Loss;

/// Past this many capabilities, the coverage is a list per cluster instead
/// of a table (a table that wide is read by nobody, and its size would grow
/// as clusters × capabilities).
pub const TABLE_COLUMNS: usize = 40;

pub struct Report {
    /// `--apply NAME`: the intervention applied.
    pub applied: Option<String>,
    /// Errors `check` reported: the report then says the spec is not sound.
    pub errors: usize,
    pub ecosystems: Vec<EcosystemReport>,
}

pub struct EcosystemReport {
    /// The root file as shown.
    pub root: String,
    /// The `ecosystem` header's label, else the root file.
    pub title: String,
    pub task: Option<String>,
    pub description: Option<String>,
    pub map: Map,
    pub coverage: Coverage,
    pub scenarios: Scenarios,
    /// What losing each actor, bridge or cluster alone would open, ranked
    /// (`what-if --losses`).
    pub losses: Vec<Loss>,
    pub findings: Vec<FindingGroup>,
    pub interventions: Vec<InterventionItem>,
}

/// Capabilities against clusters: who provides each need.
pub struct Coverage {
    /// The columns: capabilities some cluster needs, in source order.
    pub capabilities: Vec<Named>,
    pub rows: Vec<CoverageRow>,
}

pub struct CoverageRow {
    pub cluster: Named,
    /// One per column.
    pub cells: Vec<Cell>,
}

impl Coverage {
    /// Whether the table is too wide to read: the report lists each
    /// cluster's needs instead.
    pub fn as_list(&self) -> bool {
        self.capabilities.len() > TABLE_COLUMNS
    }
}

/// The reported findings of one code, with its explanation.
pub struct FindingGroup {
    pub code: String,
    pub lint: String,
    /// The first paragraph of the catalog's "What it finds".
    pub explanation: String,
    pub items: Vec<FindingItem>,
}

pub struct FindingItem {
    pub level: Level,
    pub message: String,
    /// `file:line:column`.
    pub place: String,
}

pub struct InterventionItem {
    pub intervention: Named,
    pub goal: Option<String>,
    pub pathway: Option<String>,
    pub closes: Vec<ChangeItem>,
    pub opens: Vec<ChangeItem>,
    /// The map with it applied.
    pub map_after: Map,
}

pub struct ChangeItem {
    pub code: String,
    pub lint: String,
    pub level: Level,
    pub message: String,
    /// The stronger finding it replaces (the gap ladder): code and message.
    pub replaces: Option<(String, String)>,
}

/// The report of every root of `outcome`.
pub fn report(outcome: &Outcome) -> Report {
    let configurations = configurations(outcome);
    Report {
        applied: configurations
            .first()
            .and_then(|c| c.applied())
            .map(str::to_string),
        errors: outcome.count(Severity::Error),
        ecosystems: configurations
            .iter()
            .map(|c| ecosystem(outcome, c))
            .collect(),
    }
}

fn ecosystem(outcome: &Outcome, c: &Configuration<'_>) -> EcosystemReport {
    let model: &Model = c.model();
    let root = outcome
        .sources
        .get(c.root)
        .map_or_else(String::new, |f| f.name.clone());
    let header = model.header.as_ref();
    // The map's title when the header gives no label (as `graph` does).
    let file_name = crate::picture::root_title(outcome, c.resolved());
    EcosystemReport {
        title: header
            .and_then(|h| h.label.as_deref())
            .map_or_else(|| root.clone(), str::to_string),
        root,
        task: header.and_then(|h| h.task.as_deref().map(str::to_string)),
        description: header.and_then(|h| h.description.as_deref().map(str::to_string)),
        map: map(c, None, &file_name),
        coverage: coverage(model, c.facts()),
        scenarios: scenarios(c),
        losses: ranking(c),
        findings: findings(outcome, c),
        interventions: model
            .interventions
            .iter()
            .map(|i| {
                let report = c.interventions.iter().find(|r| r.loc == i.common.name_loc);
                let changes = |list: Option<&Vec<Change>>| -> Vec<ChangeItem> {
                    list.into_iter().flatten().map(change).collect()
                };
                InterventionItem {
                    intervention: Named::of(&i.common),
                    goal: i.goal.as_deref().map(str::to_string),
                    pathway: i.pathway.as_deref().map(str::to_string),
                    closes: changes(report.map(|r| &r.closes)),
                    opens: changes(report.map(|r| &r.opens)),
                    // With an intervention applied, the others are not judged.
                    map_after: match c.applied() {
                        None => map(c, Some(&i.common.name), &file_name),
                        Some(_) => Map::default(),
                    },
                }
            })
            .collect(),
    }
}

fn coverage(model: &Model, facts: &Facts) -> Coverage {
    // The columns: each needed capability once, in source order.
    let mut needed = vec![false; model.capabilities.len()];
    for cluster in model.clusters.iter().filter(|c| !c.common.removed) {
        for (cap, _) in distinct(&cluster.needs) {
            if let Some(flag) = needed.get_mut(cap) {
                *flag = true;
            }
        }
    }
    let columns: Vec<usize> = (0..model.capabilities.len())
        .filter(|cap| needed.get(*cap).copied().unwrap_or(false))
        .collect();
    let rows = model
        .clusters
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.common.removed)
        .map(|(k, cluster)| {
            let cells = columns
                .iter()
                .map(|cap| cell(model, facts, k, *cap))
                .collect();
            CoverageRow {
                cluster: Named::of(&cluster.common),
                cells,
            }
        })
        .collect();
    Coverage {
        capabilities: columns
            .iter()
            .filter_map(|cap| model.capabilities.get(*cap))
            .map(|c| Named::of(&c.common))
            .collect(),
        rows,
    }
}

/// The findings `check` reported (not those at `allow`), grouped by code in
/// order of code, each group with its explanation.
fn findings(outcome: &Outcome, c: &Configuration<'_>) -> Vec<FindingGroup> {
    let mut groups: Vec<FindingGroup> = Vec::new();
    for f in c.findings.iter().filter(|f| f.level != Level::Allow) {
        let code = f.lint.code.as_str();
        if groups.last().is_none_or(|g| g.code != code) {
            groups.push(FindingGroup {
                code: code.to_string(),
                lint: f.lint.name.to_string(),
                explanation: catalog::rules()
                    .iter()
                    .find(|r| r.code == f.lint.code)
                    .map_or_else(String::new, |r| r.full.clone()),
                items: Vec::new(),
            });
        }
        let place = crate::render::place(&outcome.sources, f.primary)
            .map_or_else(String::new, |(file, start, _)| {
                format!("{file}:{}:{}", start.line, start.column)
            });
        if let Some(group) = groups.last_mut() {
            group.items.push(FindingItem {
                level: f.level,
                message: f.message.clone(),
                place,
            });
        }
    }
    groups
}

fn change(c: &Change) -> ChangeItem {
    ChangeItem {
        code: c.lint.code.as_str().to_string(),
        lint: c.lint.name.to_string(),
        level: c.level,
        message: c.message.clone(),
        replaces: c
            .replaces
            .as_ref()
            .map(|r| (r.lint.code.as_str().to_string(), r.message.clone())),
    }
}
