//! `ecospec diff BASE HEAD [PATH]`: reads the two sides (two revisions of
//! the repository the working directory is in, through the library's
//! reader of git trees, or two folders), has the library check and compare
//! them, prints the comparison. Writes nothing anywhere.

use std::io::Write;
use std::path::Path;

use ecospec::compare::{check_folders, check_revisions, compare, Repository, Side};
use ecospec::load::normalize;
use ecospec::render;

use crate::args::{DiffArgs, DiffFormat};
use crate::exit::{usage_error, EXIT_FINDINGS, EXIT_OK};

pub fn run(args: &DiffArgs) -> u8 {
    let (base, head) = match sides(args) {
        Ok(sides) => sides,
        Err(message) => return usage_error(&message),
    };
    // As `check`: a job that compared nothing never passes.
    if [&base, &head]
        .iter()
        .all(|side| side.roots.is_empty() && side.identical == 0)
    {
        return usage_error(&format!(
            "no `.eco` file under `{}` in `{}` or `{}`",
            args.path.display(),
            args.base,
            args.head
        ));
    }
    let comparison = compare(&base, &head);
    let text = match args.format {
        DiffFormat::Human => render::diff_human(&comparison),
        DiffFormat::Markdown => render::diff_markdown(&comparison),
        DiffFormat::Json => format!("{:#}\n", render::diff_json(&comparison)),
        DiffFormat::Github => render::diff_github(&comparison),
    };
    // A reader that stops early (`| head`) is not an error of the diff.
    let _ = std::io::stdout().lock().write_all(text.as_bytes());
    if args.fail_on_new && comparison.fails() {
        EXIT_FINDINGS
    } else {
        EXIT_OK
    }
}

/// Both sides checked: two folders when BASE and HEAD both are folders,
/// else two revisions of the repository the working directory is in.
fn sides(args: &DiffArgs) -> Result<(Side, Side), String> {
    let (base_dir, head_dir) = (Path::new(&args.base), Path::new(&args.head));
    if base_dir.is_dir() && head_dir.is_dir() {
        return Ok(check_folders(
            (&base_dir.join(&args.path), &args.base),
            (&head_dir.join(&args.path), &args.head),
        ));
    }
    let cwd = std::env::current_dir()
        .and_then(std::fs::canonicalize)
        .map_err(|error| format!("cannot read the working directory: {error}"))?;
    let repository = Repository::containing(&cwd)?;
    let folder = std::fs::canonicalize(cwd.join(&args.path))
        .unwrap_or_else(|_| normalize(&cwd.join(&args.path)));
    let under = folder
        .strip_prefix(&repository.toplevel)
        .map_err(|_| {
            format!(
                "`{}` is outside the repository at `{}`",
                args.path.display(),
                repository.toplevel.display()
            )
        })?
        .to_path_buf();
    let base = repository.read(&args.base, &under)?;
    let head = repository.read(&args.head, &under)?;
    Ok(check_revisions(
        (base, &args.base),
        (head, &args.head),
        &folder,
    ))
}
