//! `ecospec check` as a library call: load → resolve → lints → levels →
//! diagnostics, for every ecosystem of the inputs. The command line and the
//! language server both call [`check`].

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::PathBuf;

use crate::apply::{apply, apply_in_place};
use crate::code::Code;
use crate::diagnostic::{Diagnostic, Loc, Severity};
use crate::incremental::ParseCache;
use crate::levels::Levels;
use crate::lints::{self, Finding, Level, Lint};
use crate::load::{load_with, FileSystem, Input, LoadOptions, Workspace};
use crate::model::{Facts, Model};
use crate::query::allow::AllowPlaces;
use crate::resolve::closest;
use crate::resolve::{resolve, resolve_consuming, Resolved};
use crate::source::{FileId, Position, SourceMap};

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
    /// Let resolution take the syntax trees out of the workspace: each
    /// ecosystem's `Resolved::spent` holds them, freed with the outcome (the
    /// command line forgets its outcome and never pays for freeing them).
    /// The outcome's `workspace` is left without the trees it took; a file
    /// an ecosystem still to be checked imports, or a tree shared with a
    /// [`ParseCache`], is kept.
    pub consume_trees: bool,
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
            consume_trees: false,
        }
    }
}

pub use crate::lints::Change;

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
    /// `--apply NAME`: the intervention applied, in each ecosystem that
    /// declares it (its name in its declaration).
    pub applied: Vec<(String, Loc)>,
    /// Distinct `.eco` files read.
    pub files_read: usize,
    /// The loaded files; its `sources` and `diagnostics` moved into the
    /// outcome's own (they are empty here).
    pub workspace: Workspace,
    pub ecosystems: Vec<Resolved>,
    /// Per ecosystem (in the order of `ecosystems`): its lint levels from
    /// `ecospec.toml` and the command line (`@allow`s are in its model).
    pub levels: Vec<Levels>,
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
    // Recorded before resolution may take the trees.
    let allow_places = AllowPlaces::of(
        workspace
            .sources
            .iter()
            .filter_map(|(id, _)| Some((id, &*workspace.file(id)?.ast))),
    );
    let mut levels_by_folder: HashMap<PathBuf, Levels> = HashMap::new();
    let mut ecosystems = Vec::with_capacity(workspace.ecosystems.len());
    let mut ecosystem_levels = Vec::with_capacity(workspace.ecosystems.len());
    let mut interventions = Vec::new();
    let mut applied = Vec::new();
    // For an `--apply` of an unknown name: the interventions that exist.
    let mut known_interventions: BTreeSet<String> = BTreeSet::new();
    // Per file, the last ecosystem that reads it: only then may its tree go.
    let last_reader = if options.consume_trees {
        last_readers(&workspace)
    } else {
        HashMap::new()
    };
    for eco_index in 0..workspace.ecosystems.len() {
        let Some((root, folder)) = workspace
            .ecosystems
            .get(eco_index)
            .map(|eco| (eco.root, eco.folder.clone()))
        else {
            continue;
        };
        let levels = levels_by_folder.entry(folder).or_insert_with_key(|folder| {
            let mut levels = Levels::with_command_line(&options.overrides);
            levels.read_config(fs, folder, &mut workspace.sources, &mut diagnostics);
            levels
        });
        let mut resolved = if options.consume_trees {
            resolve_consuming(&mut workspace, root, options.record_names, |file| {
                last_reader.get(&file) == Some(&eco_index)
            })
        } else {
            resolve(&workspace, root, options.record_names)
        };
        diagnostics.extend(resolved.diagnostics.iter().cloned());
        ecosystem_levels.push(levels.clone());
        let baseline = &resolved.baseline;
        match &options.apply {
            Some(name) => {
                let Some(index) = baseline
                    .interventions
                    .iter()
                    .position(|i| &*i.common.name == name)
                else {
                    known_interventions.extend(
                        baseline
                            .interventions
                            .iter()
                            .map(|i| i.common.name.to_string()),
                    );
                    ecosystems.push(resolved);
                    continue;
                };
                if let Some(intervention) = baseline.interventions.get(index) {
                    applied.push((name.clone(), intervention.common.name_loc));
                }
                if let Some(delta) = resolved.deltas.get(index) {
                    let model = apply(baseline, delta);
                    report(lints::run(&model), &model, levels, &mut diagnostics);
                }
            }
            None => {
                let (findings, facts) = lints::run_with_facts(baseline);
                if !baseline.interventions.is_empty() {
                    evaluate_interventions(
                        &mut resolved,
                        &findings,
                        &facts,
                        levels,
                        &mut diagnostics,
                        &mut interventions,
                    );
                }
                report(findings, &resolved.baseline, levels, &mut diagnostics);
            }
        }
        ecosystems.push(resolved);
    }
    if let Some(name) = &options.apply {
        if applied.is_empty() {
            return Err(unknown_intervention(name, &known_interventions));
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
    allow_places.attach(&sources, &mut diagnostics);
    Ok(Outcome {
        sources,
        diagnostics,
        interventions,
        applied,
        files_read,
        workspace,
        ecosystems,
        levels: ecosystem_levels,
    })
}

/// Per file, the index of the last ecosystem whose imports reach it.
fn last_readers(workspace: &Workspace) -> HashMap<FileId, usize> {
    let mut last = HashMap::new();
    for (index, eco) in workspace.ecosystems.iter().enumerate() {
        let mut seen = HashSet::from([eco.root]);
        let mut stack = vec![eco.root];
        while let Some(file) = stack.pop() {
            last.insert(file, index);
            let targets = workspace
                .file(file)
                .into_iter()
                .flat_map(|loaded| &loaded.imports)
                .filter_map(|edge| edge.target);
            for target in targets {
                if seen.insert(target) {
                    stack.push(target);
                }
            }
        }
    }
    last
}

/// Findings at a level other than `allow` become diagnostics. Their texts
/// move into the diagnostics (a million findings are not held twice).
fn report(findings: Vec<Finding>, model: &Model, levels: &Levels, out: &mut Vec<Diagnostic>) {
    out.reserve(findings.len());
    for finding in findings {
        let level = levels.level(finding.lint, finding.primary, &model.allows);
        if let Some(diagnostic) = into_diagnostic(finding, level) {
            out.push(diagnostic);
        }
    }
}

/// The diagnostic a finding becomes at `level` (none at `allow`); it takes
/// the finding's texts instead of copies.
pub fn into_diagnostic(finding: Finding, level: Level) -> Option<Diagnostic> {
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
        message: finding.message,
        primary: Some(finding.primary),
        primary_label: finding.primary_label,
        labels: finding.labels,
        notes: Vec::new(),
        help: finding.help,
        fixes: Vec::new(),
    })
}

/// W0416 and W0417: each intervention against the baseline (see
/// [`lints::Baseline`]). Each intervention is applied to the baseline in
/// place and undone after (no copy of the model), which leaves
/// `resolved.baseline` as it was.
fn evaluate_interventions(
    resolved: &mut Resolved,
    baseline_findings: &[Finding],
    baseline_facts: &Facts,
    levels: &Levels,
    diagnostics: &mut Vec<Diagnostic>,
    reports: &mut Vec<InterventionReport>,
) {
    let baseline = lints::Baseline::new(&resolved.baseline, baseline_findings, baseline_facts);
    let model = &mut resolved.baseline;
    for (index, delta) in resolved.deltas.iter().enumerate() {
        let Some(common) = model.interventions.get(index).map(|i| i.common.clone()) else {
            continue;
        };
        let undo = apply_in_place(model, delta);
        let (after_findings, facts) = lints::run_with_facts(model);
        // `@allow`s are the baseline's: an intervention adds none.
        let level = |lint: &Lint, at: Loc| levels.level(lint, at, &model.allows);
        let effect = baseline.effect(&common, (model, &facts), &after_findings, level);
        for finding in effect.findings {
            let level = level(finding.lint, finding.primary);
            diagnostics.extend(into_diagnostic(finding, level));
        }
        undo.restore(model);
        reports.push(InterventionReport {
            name: common.name.to_string(),
            file: common.name_loc.file,
            loc: common.name_loc,
            root: resolved.root,
            closes: effect.closes,
            opens: effect.opens,
        });
    }
}

/// By file (path as shown), line, column, code, then message; diagnostics
/// with no place first; stable. The keys are computed once and hold no copy
/// of a text (files are ranked by name, messages compared in place), and
/// the diagnostics are then moved in place to their sorted order.
fn sort(sources: &SourceMap, diagnostics: &mut [Diagnostic]) {
    let mut by_name: Vec<(&str, FileId)> = sources
        .iter()
        .map(|(id, f)| (f.name.as_str(), id))
        .collect();
    by_name.sort();
    // Files of the same name share a rank.
    let mut rank = vec![0u32; sources.len()];
    let mut r = 0u32;
    for (i, (name, id)) in by_name.iter().enumerate() {
        if i > 0
            && by_name
                .get(i - 1)
                .is_some_and(|(previous, _)| previous != name)
        {
            r += 1;
        }
        if let Some(slot) = rank.get_mut(id.index()) {
            *slot = r;
        }
    }
    let mut keys: Vec<SortKey> = diagnostics
        .iter()
        .enumerate()
        .map(|(i, d)| {
            let place = d.primary.and_then(|loc| {
                let file = sources.get(loc.file)?;
                let rank = rank.get(loc.file.index()).copied()?;
                Some((rank, file.position(loc.span.start)))
            });
            (place, d.code, i)
        })
        .collect();
    keys.sort_by(|a, b| {
        (a.0, a.1).cmp(&(b.0, b.1)).then_with(|| {
            let message = |i: usize| diagnostics.get(i).map(|d| d.message.as_str());
            message(a.2).cmp(&message(b.2)).then(a.2.cmp(&b.2))
        })
    });
    let order: Vec<usize> = keys.into_iter().map(|(_, _, i)| i).collect();
    permute(diagnostics, order);
}

/// A diagnostic's place (file rank, start), code and index.
type SortKey = (Option<(u32, Position)>, Code, usize);

/// Puts `items[order[i]]` at `i` for every `i`, by swaps along the cycles
/// of the permutation (no second vector of items).
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    for start in 0..order.len() {
        let mut at = start;
        while let Some(&from) = order.get(at) {
            // Mark `at` as placed.
            if let Some(slot) = order.get_mut(at) {
                *slot = at;
            }
            if from == start || from == at {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

/// Interventions an `--apply` of an unknown name lists by name.
const LISTED_INTERVENTIONS: usize = 20;

/// The usage error of `--apply NAME` when no ecosystem declares `NAME`: a
/// did-you-mean, and the interventions that exist.
pub fn unknown_intervention(name: &str, known: &BTreeSet<String>) -> String {
    let mut message = format!("no ecosystem declares an intervention named `{name}`");
    if known.is_empty() {
        message.push_str(" (no ecosystem declares any intervention)");
        return message;
    }
    if let Some(suggestion) = closest(name, known.iter().map(String::as_str)) {
        message.push_str(&format!(": did you mean `{suggestion}`?"));
    }
    let listed: Vec<String> = known
        .iter()
        .take(LISTED_INTERVENTIONS)
        .map(|i| format!("`{i}`"))
        .collect();
    message.push_str(&format!("\nthe interventions are {}", listed.join(", ")));
    if known.len() > LISTED_INTERVENTIONS {
        message.push_str(&format!(" and {} more", known.len() - LISTED_INTERVENTIONS));
    }
    message
}
