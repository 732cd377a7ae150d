//! Query tests as fixtures (as rust-analyzer's hover tests and Nickel's
//! language server inputs are): each file of `fixtures/QUERY/` is
//! a folder of specs, `//- NAME.eco` starting each file, with `$0` marking
//! the cursor; lines before the first file are settings (`new-name: X` for
//! a rename, `apply: NAME` to check with an intervention applied). The answer of the compiler's query at the cursor is rendered
//! as text and compared with its insta snapshot in `snapshots/`
//! (`cargo insta review`, or `INSTA_UPDATE=always`, to accept a change).

use std::fmt::Write;
use std::path::{Path, PathBuf};

use crate::check::{check, Options, Outcome};
use crate::diagnostic::{Edit, Loc};
use crate::load::Input;
use crate::memfs::MemFs;
use crate::query::{
    complete, completion_context, hover, references, rename, symbol_at, CandidateKind,
};
use crate::source::FileId;

/// Where the folder of a fixture is placed in memory.
const ROOT: &str = "/fixture";
const CURSOR: &str = "$0";

/// A fixture read: its settings, its files, and the cursor.
struct Fixture {
    settings: Vec<(String, String)>,
    files: Vec<(String, String)>,
    /// The file holding `$0`, and the byte offset of `$0` in it (removed).
    cursor: (String, u32),
}

fn parse(text: &str) -> Fixture {
    let mut settings = Vec::new();
    let mut files: Vec<(String, String)> = Vec::new();
    for line in text.split_inclusive('\n') {
        if let Some(name) = line.strip_prefix("//- ") {
            files.push((name.trim().to_string(), String::new()));
        } else if let Some((_, body)) = files.last_mut() {
            body.push_str(line);
        } else if let Some((key, value)) = line.split_once(':') {
            settings.push((key.trim().to_string(), value.trim().to_string()));
        }
    }
    let mut cursor = None;
    for (name, body) in &mut files {
        if let Some(at) = body.find(CURSOR) {
            assert!(cursor.is_none(), "one `$0` per fixture");
            body.replace_range(at..at + CURSOR.len(), "");
            cursor = Some((name.clone(), u32::try_from(at).unwrap()));
        }
    }
    Fixture {
        settings,
        files,
        cursor: cursor.expect("a fixture marks its cursor with `$0`"),
    }
}

impl Fixture {
    fn setting(&self, key: &str) -> Option<&str> {
        self.settings
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    fn check(&self) -> (Outcome, FileId, u32) {
        let mut fs = MemFs::new();
        for (name, body) in &self.files {
            fs.insert(Path::new(ROOT).join(name), body.clone());
        }
        let options = Options {
            record_names: true,
            consume_trees: false,
            apply: self.setting("apply").map(str::to_string),
            ..Options::default()
        };
        let outcome = check(&fs, &[Input::Folder(ROOT.into())], &options).unwrap();
        let (name, offset) = &self.cursor;
        let file = outcome
            .sources
            .find(&Path::new(ROOT).join(name))
            .expect("the cursor's file is checked");
        (outcome, file, *offset)
    }
}

/// A place as `NAME:LINE:COLUMN` (1-based) with its line underlined.
fn place(outcome: &Outcome, loc: Loc) -> String {
    let file = outcome.sources.get(loc.file).unwrap();
    let line = file.line_of(loc.span.start);
    let start = file.line_start(line);
    let text = file.text[start as usize..].lines().next().unwrap_or("");
    let column = loc.span.start - start;
    let width = (loc.span.end - loc.span.start).max(1) as usize;
    format!(
        "{}:{}:{}\n    {text}\n    {}{}\n",
        short_name(&file.path),
        line + 1,
        column + 1,
        " ".repeat(column as usize),
        "^".repeat(width)
    )
}

fn short_name(path: &Path) -> String {
    path.strip_prefix(ROOT)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// Each file the edits change, whole, after them.
fn edited(outcome: &Outcome, edits: &[Edit]) -> String {
    let mut files: Vec<FileId> = edits.iter().map(|e| e.loc.file).collect();
    files.sort();
    files.dedup();
    let mut out = String::new();
    for file in files {
        let source = outcome.sources.get(file).unwrap();
        let mut mine: Vec<&Edit> = edits.iter().filter(|e| e.loc.file == file).collect();
        mine.sort_by_key(|e| std::cmp::Reverse(e.loc.span.start));
        let mut text = source.text.clone();
        for edit in mine {
            text.replace_range(edit.loc.span.range(), &edit.replacement);
        }
        write!(out, "//- {}\n{text}", short_name(&source.path)).unwrap();
        if !text.ends_with('\n') {
            out.push('\n');
        }
    }
    out
}

fn answer(query: &str, fixture: &Fixture) -> String {
    let (outcome, file, offset) = fixture.check();
    let outcome = &outcome;
    let found = symbol_at(outcome, file, offset);
    match query {
        "hover" => match hover(outcome, file, offset) {
            Some((text, span)) => format!("{}\n{text}\n", place(outcome, Loc::new(file, span))),
            None => "no hover\n".into(),
        },
        "definition" => match found {
            Some(found) => place(outcome, found.definition.loc),
            None => "no definition\n".into(),
        },
        "references" => match found {
            Some(found) => references(outcome, found.definition.loc)
                .into_iter()
                .map(|loc| place(outcome, loc))
                .collect(),
            None => "no references\n".into(),
        },
        "rename" => {
            let new_name = fixture
                .setting("new-name")
                .expect("a rename sets `new-name`");
            let Some(found) = found else {
                return "nothing to rename\n".into();
            };
            match rename(outcome, found.definition.loc, new_name) {
                Ok(places) => {
                    let edits: Vec<Edit> = places
                        .into_iter()
                        .map(|loc| Edit {
                            loc,
                            replacement: new_name.to_string(),
                        })
                        .collect();
                    edited(outcome, &edits)
                }
                Err(refused) => format!("refused: {refused}\n"),
            }
        }
        "completion" => {
            let text = &outcome.sources.get(file).unwrap().text;
            let context = completion_context(text, offset as usize);
            let mut out = format!("context: {context:?}\n");
            for candidate in complete(Some(outcome), Some(file), offset, &context) {
                let kind = match candidate.kind {
                    CandidateKind::Name(kind) => kind.keyword().to_string(),
                    other => format!("{other:?}").to_lowercase(),
                };
                write!(out, "{kind:<12} {}", candidate.label).unwrap();
                if let Some(detail) = candidate.detail {
                    write!(out, "  ({detail})").unwrap();
                }
                out.push('\n');
            }
            out
        }
        "code_actions" => {
            let mut out = String::new();
            let under = outcome.diagnostics.iter().filter(|d| {
                d.primary.is_some_and(|p| {
                    p.file == file && p.span.start <= offset && offset <= p.span.end
                })
            });
            for diagnostic in under {
                writeln!(out, "{} {}", diagnostic.code, diagnostic.message).unwrap();
                for fix in &diagnostic.fixes {
                    let safe = if fix.is_safe() { "safe" } else { "not safe" };
                    writeln!(out, "fix ({safe}): {}", fix.message).unwrap();
                    out.push_str(&edited(outcome, &fix.edits));
                }
            }
            if out.is_empty() {
                out.push_str("no diagnostic here\n");
            }
            out
        }
        other => panic!("no query `{other}`: a folder of fixtures/ names one"),
    }
}

fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src/query/tests/fixtures")
}

/// Every fixture of every query, each against its snapshot.
#[test]
fn query_fixtures() {
    let mut queries: Vec<PathBuf> = std::fs::read_dir(fixtures_dir())
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    queries.sort();
    let mut count = 0;
    for dir in queries {
        let query = dir.file_name().unwrap().to_string_lossy().into_owned();
        let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        cases.sort();
        for case in cases {
            let name = case.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(&case).unwrap();
            let fixture = parse(&text);
            insta::with_settings!({
                snapshot_path => dir.join("snapshots"),
                prepend_module_to_snapshot => false,
                omit_expression => true,
            }, {
                insta::assert_snapshot!(name.clone(), answer(&query, &fixture));
            });
            count += 1;
        }
    }
    assert!(count >= 6, "the fixtures are found ({count})");
}

#[test]
fn a_fixture_splits_into_files_with_the_cursor_removed() {
    let fixture = parse("new-name: x\n//- a.eco\ncluster c\n//- b/c.eco\nactor $0d\n");
    assert_eq!(fixture.setting("new-name"), Some("x"));
    assert_eq!(
        fixture.files,
        [
            ("a.eco".to_string(), "cluster c\n".to_string()),
            ("b/c.eco".to_string(), "actor d\n".to_string())
        ]
    );
    assert_eq!(fixture.cursor, ("b/c.eco".to_string(), 6));
}
