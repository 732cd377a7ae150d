//! Which ecosystem of a checked folder a custom request is about (the
//! map, the interventions, the scenarios, a what-if): the one whose root
//! was asked for, else the document's, else the folder's only one.

use std::path::Path;

use ecospec::check::Outcome;
use ecospec::resolve::Resolved;
use ecospec::source::FileId;

/// Where the request's ecosystem is found: the document's file, if the
/// request named one, and the root file asked for.
pub struct Target<'a> {
    pub file: Option<FileId>,
    pub root: Option<&'a Path>,
}

/// The ecosystem asked for, with its index in `outcome.ecosystems`: the
/// one whose root is `target.root`; else the one whose root is the
/// document, or the only one holding it; else, for a folder, its only one.
/// Otherwise an error naming the roots.
pub fn ecosystem<'a>(
    outcome: &'a Outcome,
    target: &Target,
) -> std::result::Result<(usize, &'a Resolved), String> {
    let path_of = |eco: &Resolved| outcome.sources.get(eco.root).map(|f| f.path.as_path());
    let roots = || {
        let names: Vec<String> = outcome
            .ecosystems
            .iter()
            .filter_map(|eco| outcome.sources.get(eco.root))
            .map(|f| format!("`{}`", f.name))
            .collect();
        names.join(", ")
    };
    let all = || outcome.ecosystems.iter().enumerate();
    if outcome.ecosystems.is_empty() {
        return Err("no ecosystem here: the folder holds no spec that checked".into());
    }
    if let Some(root) = target.root {
        return all()
            .find(|(_, eco)| path_of(eco) == Some(root))
            .ok_or_else(|| {
                format!(
                    "`{}` is not the root of an ecosystem here; the roots: {}",
                    root.display(),
                    roots()
                )
            });
    }
    let holding: Vec<(usize, &Resolved)> = match target.file {
        Some(file) => {
            if let Some(own) = all().find(|(_, eco)| eco.root == file) {
                return Ok(own);
            }
            all().filter(|(_, eco)| eco.files.contains(&file)).collect()
        }
        None => all().collect(),
    };
    match holding[..] {
        [only] => Ok(only),
        [] => Err(format!(
            "the document is in no ecosystem; the roots: {}",
            roots()
        )),
        _ => Err(format!(
            "several ecosystems hold it: choose one with `root`; the roots: {}",
            roots()
        )),
    }
}

/// Where a custom request's ecosystem is: a document's (`textDocument`) or
/// a folder's (`folder`), and the root file when there are several.
#[derive(Debug, Default, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Where {
    pub text_document: Option<tower_lsp_server::ls_types::TextDocumentIdentifier>,
    pub folder: Option<tower_lsp_server::ls_types::Uri>,
    pub root: Option<tower_lsp_server::ls_types::Uri>,
}
