//! Reading a revision of a git repository with the `git` command, without
//! a checkout: `git ls-tree` lists the tree, `git cat-file --batch` reads
//! the blobs. Neither touches the work tree, the index or the refs, and
//! git runs with optional locks off, no pager and no prompt, so a diff
//! never writes anything (not even the index's stat cache).
//!
//! The tree is untrusted: a path that would leave the repository (a `..`
//! or `.git` component that a hand-made tree can hold) is refused with a
//! diagnostic (E0303) and never read; a blob above the spec limit is never
//! read (E0301 when the loader asks for it); a symbolic link is kept as
//! its target, resolved inside the tree only ([`TreeFs`]).

use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::code::Code;
use crate::diagnostic::Diagnostic;
use crate::load::{CONFIG_LIMIT, SPEC_LIMIT};

use super::tree::{TreeEntry, TreeFs};

/// The largest symbolic link target read (a path).
const LINK_LIMIT: u64 = 4096;

/// The repository the working directory is in.
#[derive(Clone, Debug)]
pub struct Repository {
    /// Its top folder, symbolic links resolved.
    pub toplevel: PathBuf,
}

/// A revision read: its files mounted at the repository's top folder, and
/// the entries refused (a diagnostic each).
pub struct Revision {
    pub fs: TreeFs,
    pub refused: Vec<Diagnostic>,
}

/// How an error of starting git begins.
const CANNOT_RUN: &str = "cannot run `git`";

/// `git` with the environment that keeps it read-only and quiet (and
/// pathspecs literal: a folder's name is never a pattern).
fn git(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .current_dir(dir)
        .env("GIT_OPTIONAL_LOCKS", "0")
        .env("GIT_TERMINAL_PROMPT", "0")
        .env("GIT_PAGER", "cat")
        .env("GIT_NO_REPLACE_OBJECTS", "1")
        .env("GIT_LITERAL_PATHSPECS", "1")
        .env("LC_ALL", "C")
        .stdin(Stdio::null());
    command
}

/// Runs a git command to its end: its standard output, or its first line
/// of standard error.
fn output(command: &mut Command) -> Result<Vec<u8>, String> {
    let out = command
        .stderr(Stdio::piped())
        .output()
        .map_err(|error| format!("{CANNOT_RUN}: {error}"))?;
    if out.status.success() {
        Ok(out.stdout)
    } else {
        let stderr = String::from_utf8_lossy(&out.stderr);
        Err(stderr.lines().next().unwrap_or("git failed").to_string())
    }
}

impl Repository {
    /// The repository `dir` is in; else why not, in one line.
    pub fn containing(dir: &Path) -> Result<Repository, String> {
        let top = output(git(dir).args(["rev-parse", "--show-toplevel"])).map_err(|error| {
            if error.starts_with(CANNOT_RUN) {
                return error;
            }
            format!(
                "`{}` is not inside a git repository: BASE and HEAD are revisions of the repository the working directory is in, or two folders",
                dir.display()
            )
        })?;
        let top = String::from_utf8_lossy(&top)
            .trim_end_matches('\n')
            .to_string();
        let toplevel = std::fs::canonicalize(&top).unwrap_or_else(|_| PathBuf::from(top));
        Ok(Repository { toplevel })
    }

    /// The commit a revision names; else a line saying it does not exist.
    pub fn commit(&self, revision: &str) -> Result<String, String> {
        let missing = || format!("revision `{revision}` does not exist in this repository");
        if revision.starts_with('-') || revision.is_empty() {
            return Err(missing());
        }
        let named = format!("{revision}^{{commit}}");
        let id = output(git(&self.toplevel).args([
            "rev-parse",
            "--verify",
            "--quiet",
            "--end-of-options",
            &named,
        ]))
        .map_err(|_| missing())?;
        Ok(String::from_utf8_lossy(&id).trim().to_string())
    }

    /// The files of `revision` under the folder `under` (relative to the
    /// top folder) that a check reads: `.eco` files, `ecospec.toml`,
    /// `.gitignore` and `.ignore`.
    pub fn read(&self, revision: &str, under: &Path) -> Result<Revision, String> {
        let commit = self.commit(revision)?;
        let mut ls_tree = git(&self.toplevel);
        ls_tree.args(["ls-tree", "-r", "-z", "-l", "--full-tree", &commit]);
        // Only the folder compared is listed (sizes are read per blob).
        if let Some(folder) = under.to_str().filter(|f| !f.is_empty()) {
            ls_tree.args(["--", folder]);
        }
        let listing = output(&mut ls_tree)?;
        let mut refused = Vec::new();
        let mut wanted: Vec<(PathBuf, Kind, String)> = Vec::new();
        let mut fs = TreeFs::new();
        for record in listing.split(|b| *b == 0).filter(|r| !r.is_empty()) {
            let Some(entry) = parse_entry(record) else {
                continue;
            };
            if entry.kind != "blob" {
                continue;
            }
            let Some(relative) = safe_path(entry.path) else {
                refused.push(leaves(entry.path, revision));
                continue;
            };
            if !relative.starts_with(under) || !is_read_by_check(&relative) {
                continue;
            }
            let path = self.toplevel.join(&relative);
            let link = entry.mode == "120000";
            let limit = if link {
                LINK_LIMIT
            } else if is_spec(&relative) {
                SPEC_LIMIT
            } else {
                CONFIG_LIMIT
            };
            if entry.size > limit {
                if link {
                    refused.push(leaves(entry.path, revision));
                } else {
                    fs.insert(path, TreeEntry::TooLarge(entry.size));
                }
                continue;
            }
            let kind = if link { Kind::Link } else { Kind::File };
            wanted.push((path, kind, entry.object.to_string()));
        }
        let blobs = cat_file(&self.toplevel, wanted.iter().map(|(_, _, id)| id.as_str()))?;
        for ((path, kind, _), bytes) in wanted.into_iter().zip(blobs) {
            let entry = match kind {
                Kind::File => TreeEntry::File(bytes),
                Kind::Link => {
                    TreeEntry::Link(PathBuf::from(String::from_utf8_lossy(&bytes).into_owned()))
                }
            };
            fs.insert(path, entry);
        }
        Ok(Revision { fs, refused })
    }
}

enum Kind {
    File,
    Link,
}

/// One record of `git ls-tree -r -z -l`: `MODE TYPE OBJECT SIZE\tPATH`.
struct Entry<'a> {
    mode: &'a str,
    kind: &'a str,
    object: &'a str,
    size: u64,
    path: &'a [u8],
}

fn parse_entry(record: &[u8]) -> Option<Entry<'_>> {
    let tab = record.iter().position(|b| *b == b'\t')?;
    let head = std::str::from_utf8(record.get(..tab)?).ok()?;
    let path = record.get(tab + 1..)?;
    let mut words = head.split_whitespace();
    let mode = words.next()?;
    let kind = words.next()?;
    let object = words.next()?;
    let size = words.next()?.parse().unwrap_or(0);
    Some(Entry {
        mode,
        kind,
        object,
        size,
        path,
    })
}

/// The path of a tree entry when every component is a plain name (no
/// `..`, `.`, empty or `.git` component that a hand-made tree can hold).
fn safe_path(bytes: &[u8]) -> Option<PathBuf> {
    let mut out = PathBuf::new();
    for part in bytes.split(|b| *b == b'/') {
        let plain = !part.is_empty()
            && part != b"."
            && part != b".."
            && !part.eq_ignore_ascii_case(b".git")
            && !part.contains(&b'\\');
        if !plain {
            return None;
        }
        out.push(os_str(part));
    }
    Some(out)
}

#[cfg(unix)]
fn os_str(bytes: &[u8]) -> &std::ffi::OsStr {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::OsStr::from_bytes(bytes)
}

#[cfg(not(unix))]
fn os_str(bytes: &[u8]) -> std::ffi::OsString {
    String::from_utf8_lossy(bytes).into_owned().into()
}

/// E0303 for a tree entry that is not read.
fn leaves(path: &[u8], revision: &str) -> Diagnostic {
    // Control characters escaped: a name cannot forge a line of output.
    let shown: String = String::from_utf8_lossy(path)
        .chars()
        .map(|c| {
            if c.is_control() {
                c.escape_debug().to_string()
            } else {
                c.to_string()
            }
        })
        .collect();
    Diagnostic::error(
        Code::E0303,
        format!("`{shown}` in revision `{revision}` would leave the repository: it is not read"),
    )
    .help("a tree made by git itself never holds such a path: the revision was made by hand")
}

fn is_spec(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "eco")
}

/// The files a check of a folder reads besides nothing else.
fn is_read_by_check(path: &Path) -> bool {
    is_spec(path)
        || path
            .file_name()
            .is_some_and(|name| name == "ecospec.toml" || name == ".gitignore" || name == ".ignore")
}

/// The blobs `ids` name, in order, read by one `git cat-file --batch`
/// (the requests written from a second thread, so neither pipe fills).
fn cat_file<'a>(dir: &Path, ids: impl Iterator<Item = &'a str>) -> Result<Vec<Vec<u8>>, String> {
    let requests: String = ids.map(|id| format!("{id}\n")).collect();
    if requests.is_empty() {
        return Ok(Vec::new());
    }
    let mut child = git(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|error| format!("{CANNOT_RUN}: {error}"))?;
    let (Some(mut stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
        return Err("cannot talk to `git cat-file`".to_string());
    };
    let count = requests.lines().count();
    let blobs = std::thread::scope(|scope| {
        scope.spawn(move || {
            // A git that stops early closes the pipe: its output says so.
            let _ = stdin.write_all(requests.as_bytes());
        });
        read_batch(BufReader::new(stdout), count)
    });
    let _ = child.wait();
    blobs
}

/// `count` answers of `git cat-file --batch`: `ID TYPE SIZE\n`, the bytes, `\n`.
fn read_batch(mut out: impl BufRead, count: usize) -> Result<Vec<Vec<u8>>, String> {
    let mut blobs = Vec::with_capacity(count);
    for _ in 0..count {
        let mut header = String::new();
        out.read_line(&mut header)
            .map_err(|error| format!("cannot read from `git cat-file`: {error}"))?;
        let size: usize = header
            .split_whitespace()
            .nth(2)
            .and_then(|size| size.parse().ok())
            .ok_or_else(|| format!("`git cat-file` answered `{}`", header.trim()))?;
        let mut bytes = vec![0; size];
        out.read_exact(&mut bytes)
            .and_then(|()| out.read_exact(&mut [0u8; 1]))
            .map_err(|error| format!("cannot read from `git cat-file`: {error}"))?;
        blobs.push(bytes);
    }
    Ok(blobs)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn only_plain_names_make_a_path() {
        assert_eq!(safe_path(b"a/b.eco"), Some(PathBuf::from("a/b.eco")));
        for bad in [
            &b"../x.eco"[..],
            b"a/../x.eco",
            b"a//x.eco",
            b"./x",
            b".git/config",
            b"a/.GIT/x",
        ] {
            assert_eq!(safe_path(bad), None, "{}", String::from_utf8_lossy(bad));
        }
    }

    #[test]
    fn ls_tree_records_and_batch_answers_parse() {
        let entry = parse_entry(b"100644 blob 45b9   12\tsub/a.eco").unwrap();
        assert_eq!(
            (entry.mode, entry.kind, entry.object, entry.size),
            ("100644", "blob", "45b9", 12)
        );
        assert_eq!(entry.path, b"sub/a.eco");
        let answers = b"aa blob 3\nabc\nbb blob 0\n\n";
        let blobs = read_batch(&answers[..], 2).unwrap();
        assert_eq!(blobs, [b"abc".to_vec(), Vec::new()]);
        assert!(read_batch(&b"aa missing\n"[..], 1).is_err());
    }
}
