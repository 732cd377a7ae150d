//! The source order of an ecosystem's declarations, and import cycles (E0302).

use std::collections::HashSet;

use ecospec_syntax::Decl;

use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::load::Workspace;
use crate::source::FileId;

/// The declarations of an ecosystem in source order (an imported file's
/// declarations stand where its first import stands), each as its file and
/// its index among the file's items, and its files; import cycles are
/// reported at the import that closes them.
pub(super) fn ecosystem_decls(
    ws: &Workspace,
    root: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<FileId>, Vec<(FileId, usize)>) {
    let mut files = Vec::new();
    let mut decls = Vec::new();
    let mut visited = HashSet::new();
    // An explicit stack (no recursion): a long import chain cannot overflow.
    // Each frame is a file, its position among its items, and its imports.
    let mut chain: Vec<(FileId, usize, usize)> = Vec::new();
    // The files on `chain`: a cycle is looked for only when it closes one,
    // so a long chain costs linear time, not quadratic.
    let mut on_chain: HashSet<FileId> = HashSet::from([root]);
    visited.insert(root);
    files.push(root);
    chain.push((root, 0, 0));
    while let Some((file, item_index, import_index)) = chain.last_mut() {
        let Some(item) = ws
            .file(*file)
            .and_then(|loaded| loaded.ast.items.get(*item_index))
        else {
            on_chain.remove(file);
            chain.pop();
            continue;
        };
        let index = *item_index;
        *item_index += 1;
        match item {
            ecospec_syntax::Item::Decl(_) => decls.push((*file, index)),
            ecospec_syntax::Item::Import(_) => {
                let edge = ws
                    .file(*file)
                    .and_then(|loaded| loaded.imports.get(*import_index));
                *import_index += 1;
                let Some(edge) = edge else { continue };
                let Some(target) = edge.target else { continue };
                let closes = on_chain
                    .contains(&target)
                    .then(|| chain.iter().position(|(f, _, _)| *f == target))
                    .flatten();
                if let Some(pos) = closes {
                    let names: Vec<String> = chain
                        .iter()
                        .skip(pos)
                        .map(|(f, _, _)| file_name(ws, *f))
                        .chain(std::iter::once(file_name(ws, target)))
                        .collect();
                    diagnostics.push(
                        Diagnostic::error(Code::E0302,
                            format!("import cycle: {}", names.join(" → ")),
                        )
                        .at(edge.loc, "this import closes the cycle")
                        .help("remove one of the imports in the cycle: a file cannot import itself, directly or through others"),
                    );
                    continue;
                }
                if visited.insert(target) {
                    files.push(target);
                    on_chain.insert(target);
                    chain.push((target, 0, 0));
                }
            }
            ecospec_syntax::Item::Error(_) => {}
        }
    }
    (files, decls)
}

pub(super) fn file_name(ws: &Workspace, id: FileId) -> String {
    ws.sources
        .get(id)
        .map(|f| f.name.clone())
        .unwrap_or_default()
}

/// The declaration at `index` among the items of `file`.
pub(super) fn decl_at(ws: &Workspace, file: FileId, index: usize) -> Option<&Decl> {
    match ws.file(file)?.ast.items.get(index)? {
        ecospec_syntax::Item::Decl(decl) => Some(decl),
        _ => None,
    }
}
