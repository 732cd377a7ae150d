//! `ecospec check` as a library call: load → resolve → lints → levels →
//! diagnostics, for every ecosystem of the inputs. The command line and the
//! language server both call [`check`].

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use crate::apply::apply;
use crate::diagnostic::{Diagnostic, Loc, Severity};
use crate::incremental::ParseCache;
use crate::levels::Levels;
use crate::lints::{self, Finding, Level, Lint};
use crate::load::{load_with, FileSystem, Input, LoadOptions, Workspace};
use crate::model::Model;
use crate::resolve::{resolve, Resolved};
use crate::source::{FileId, SourceMap};

#[derive(Clone, Debug)]
pub struct Options {
    pub load: LoadOptions,
    /// `-A/-W/-D NAME`, in order.
    pub overrides: Vec<(&'static Lint, Level)>,
    /// `--apply NAME`: check the configuration with this intervention applied.
    pub apply: Option<String>,
    /// Keep every definition and use of a name in [`Resolved::definitions`]
    /// and [`Resolved::uses`] (editor queries: the language server); off,
    /// they stay empty.
    pub record_names: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            load: LoadOptions {
                allow_outside_imports: false,
            },
            overrides: Vec::new(),
            apply: None,
            record_names: false,
        }
    }
}

/// A finding as listed in an intervention's `closes` or `opens`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub lint: &'static Lint,
    pub level: Level,
    pub message: String,
}

#[derive(Clone, Debug)]
pub struct InterventionReport {
    pub name: String,
    pub file: FileId,
    pub loc: Loc,
    pub root: FileId,
    pub closes: Vec<Change>,
    pub opens: Vec<Change>,
}

pub struct Outcome {
    pub sources: SourceMap,
    /// Sorted by file, line, column, code, message; each distinct one once.
    pub diagnostics: Vec<Diagnostic>,
    pub interventions: Vec<InterventionReport>,
    /// Distinct `.eco` files read.
    pub files_read: usize,
    /// The loaded files; its `sources` and `diagnostics` moved into the
    /// outcome's own (they are empty here).
    pub workspace: Workspace,
    pub ecosystems: Vec<Resolved>,
}

impl Outcome {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Checks the inputs. `apply` names an intervention that no ecosystem declares: `Err`.
pub fn check(fs: &dyn FileSystem, inputs: &[Input], options: &Options) -> Result<Outcome, String> {
    check_with(fs, inputs, options, None)
}

/// [`check`], reusing the syntax trees of `cache` for the files whose text
/// did not change since the last check with it (the language server).
pub fn check_with(
    fs: &dyn FileSystem,
    inputs: &[Input],
    options: &Options,
    cache: Option<&mut ParseCache>,
) -> Result<Outcome, String> {
    let mut workspace = load_with(fs, inputs, options.load.clone(), cache);
    // The workspace's text and diagnostics move into the outcome (no copy of
    // the text): configuration files join its sources after the `.eco` files.
    let files_read = {
        let unread: HashSet<FileId> = workspace.unread.iter().copied().collect();
        workspace
            .sources
            .iter()
            .filter(|(id, _)| !unread.contains(id))
            .count()
    };
    let mut diagnostics = std::mem::take(&mut workspace.diagnostics);
    let mut levels_by_folder: HashMap<PathBuf, Levels> = HashMap::new();
    let mut ecosystems = Vec::with_capacity(workspace.ecosystems.len());
    let mut interventions = Vec::new();
    let mut applied_somewhere = false;
    for eco in &workspace.ecosystems {
        let levels = levels_by_folder
            .entry(eco.folder.clone())
            .or_insert_with(|| {
                let mut levels = Levels::with_command_line(&options.overrides);
                levels.read_config(&eco.folder, &mut workspace.sources, &mut diagnostics);
                levels
            });
        let resolved = resolve(&workspace, eco.root, options.record_names);
        diagnostics.extend(resolved.diagnostics.iter().cloned());
        let baseline = &resolved.baseline;
        match &options.apply {
            Some(name) => {
                let Some(index) = baseline
                    .interventions
                    .iter()
                    .position(|i| &*i.common.name == name)
                else {
                    ecosystems.push(resolved);
                    continue;
                };
                applied_somewhere = true;
                if let Some(delta) = resolved.deltas.get(index) {
                    let model = apply(baseline, delta);
                    report(&lints::run(&model), &model, levels, &mut diagnostics);
                }
            }
            None => {
                let findings = lints::run(baseline);
                report(&findings, baseline, levels, &mut diagnostics);
                evaluate_interventions(
                    &resolved,
                    &findings,
                    levels,
                    &mut diagnostics,
                    &mut interventions,
                );
            }
        }
        ecosystems.push(resolved);
    }
    if let Some(name) = &options.apply {
        if !applied_somewhere {
            return Err(format!(
                "no ecosystem declares an intervention named `{name}`"
            ));
        }
    }
    // Each distinct diagnostic once, the first kept (compared by
    // reference: no diagnostic is cloned).
    let keep: Vec<bool> = {
        let mut seen = HashSet::with_capacity(diagnostics.len());
        diagnostics.iter().map(|d| seen.insert(d)).collect()
    };
    let mut keep = keep.into_iter();
    diagnostics.retain(|_| keep.next().unwrap_or(true));
    let sources = std::mem::take(&mut workspace.sources);
    sort(&sources, &mut diagnostics);
    Ok(Outcome {
        sources,
        diagnostics,
        interventions,
        files_read,
        workspace,
        ecosystems,
    })
}

/// Findings at a level other than `allow` become diagnostics.
fn report(findings: &[Finding], model: &Model, levels: &Levels, out: &mut Vec<Diagnostic>) {
    for finding in findings {
        let level = levels.level(finding.lint, finding.primary, &model.allows);
        if let Some(diagnostic) = to_diagnostic(finding, level) {
            out.push(diagnostic);
        }
    }
}

pub fn to_diagnostic(finding: &Finding, level: Level) -> Option<Diagnostic> {
    let severity = match level {
        Level::Allow => return None,
        Level::Note => Severity::Note,
        Level::Warn => Severity::Warning,
        Level::Deny => Severity::Error,
    };
    Some(Diagnostic {
        code: finding.lint.code,
        lint: Some(finding.lint.name),
        severity,
        message: finding.message.clone(),
        primary: Some(finding.primary),
        primary_label: finding.label.clone(),
        labels: finding.labels.clone(),
        notes: Vec::new(),
        help: finding.help.clone(),
        fixes: Vec::new(),
    })
}

/// W0416 and W0417: each intervention against the baseline, findings
/// compared by identity (lint and subject names), never by position.
fn evaluate_interventions(
    resolved: &Resolved,
    baseline_findings: &[Finding],
    levels: &Levels,
    diagnostics: &mut Vec<Diagnostic>,
    reports: &mut Vec<InterventionReport>,
) {
    let baseline = &resolved.baseline;
    let before: HashMap<_, &Finding> = baseline_findings
        .iter()
        .map(|f| (f.identity(), f))
        .collect();
    for (intervention, delta) in baseline.interventions.iter().zip(&resolved.deltas) {
        let model = apply(baseline, delta);
        let after_findings = lints::run(&model);
        let after: HashMap<_, &Finding> =
            after_findings.iter().map(|f| (f.identity(), f)).collect();
        let change = |finding: &Finding, model: &Model| Change {
            lint: finding.lint,
            level: levels.level(finding.lint, finding.primary, &model.allows),
            message: finding.message.clone(),
        };
        let closes: Vec<Change> = baseline_findings
            .iter()
            .filter(|f| !after.contains_key(&f.identity()))
            .map(|f| change(f, baseline))
            .collect();
        let opened: Vec<&Finding> = after_findings
            .iter()
            .filter(|f| !before.contains_key(&f.identity()))
            .collect();
        let opens: Vec<Change> = opened.iter().map(|f| change(f, &model)).collect();
        let common = &intervention.common;
        if !common.broken {
            let at = common.name_loc;
            let name = &*common.name;
            for (finding, opened) in opened.iter().zip(&opens) {
                if opened.level < Level::Warn {
                    continue;
                }
                let lint = lints::intervention_opens_gap();
                let level = levels.level(lint, at, &baseline.allows);
                let gap = Finding::new(lint.code, &[name], at, format!(
                    "intervention `{name}` opens a gap: {}",
                    finding.message
                ))
                .label(format!("applying `{name}` creates a new {} finding", finding.lint.name))
                .related(finding.primary, format!("{} `{}` appears here", finding.lint.code, finding.lint.name))
                .help("an intervention should leave the whole configuration in a better state: change it so it does not create this gap");
                diagnostics.extend(to_diagnostic(&gap, level));
            }
            if closes.is_empty() {
                let lint = lints::intervention_without_effect();
                let level = levels.level(lint, at, &baseline.allows);
                let idle = Finding::new(lint.code, &[name], at, format!(
                    "intervention `{name}` closes no gap of the ecosystem"
                ))
                .label("applying it removes no finding")
                .help("an intervention succeeds when the whole configuration reaches a better state: make it bridge a cluster, cover a capability or answer a scenario");
                diagnostics.extend(to_diagnostic(&idle, level));
            }
        }
        reports.push(InterventionReport {
            name: common.name.to_string(),
            file: common.name_loc.file,
            loc: common.name_loc,
            root: resolved.root,
            closes,
            opens,
        });
    }
}

/// By file (path as shown), line, column, code, then message; diagnostics
/// with no place first.
fn sort(sources: &SourceMap, diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_cached_key(|d| {
        let place = d.primary.and_then(|loc| {
            let file = sources.get(loc.file)?;
            Some((file.name.clone(), file.position(loc.span.start)))
        });
        (place, d.code, d.message.clone())
    });
}
