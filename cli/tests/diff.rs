//! `ecospec diff` on real git repositories built here (fixed author and
//! date, no user or system configuration): every case of the issue, each
//! run checked to leave `git status --porcelain`, the refs and the index
//! exactly as they were. Golden outputs in `cli/tests/diff_golden/`
//! (`BLESS=1` writes them; review the diff).
#![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use test_support::{repo_root, text, Program, TempDir};

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));

/// The environment every git and ecospec run here gets: no configuration
/// from the machine, a fixed author and date.
const GIT_ENV: &[(&str, &str)] = &[
    ("GIT_CONFIG_GLOBAL", "/dev/null"),
    ("GIT_CONFIG_NOSYSTEM", "1"),
    ("GIT_AUTHOR_NAME", "Ada Organizer"),
    ("GIT_AUTHOR_EMAIL", "ada@example.org"),
    ("GIT_COMMITTER_NAME", "Ada Organizer"),
    ("GIT_COMMITTER_EMAIL", "ada@example.org"),
    ("GIT_AUTHOR_DATE", "2026-01-01T12:00:00Z"),
    ("GIT_COMMITTER_DATE", "2026-01-01T12:00:00Z"),
];

fn training(lint: &str, side: &str) -> String {
    let dir = repo_root().join("examples/training");
    let folder = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with(lint))
        .unwrap();
    std::fs::read_to_string(folder.path().join(format!("{side}.eco"))).unwrap()
}

struct Repo {
    dir: TempDir,
}

impl Repo {
    fn new() -> Repo {
        let repo = Repo {
            dir: TempDir::new().unwrap(),
        };
        repo.git(&["init", "-q", "-b", "main"]);
        repo
    }

    fn path(&self) -> PathBuf {
        std::fs::canonicalize(self.dir.path()).unwrap()
    }

    fn git_in(dir: &Path, args: &[&str], input: Option<&[u8]>) -> Vec<u8> {
        use std::io::Write;
        let mut child = Command::new("git")
            .current_dir(dir)
            .args(args)
            .envs(GIT_ENV.iter().copied())
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut stdin = child.stdin.take().unwrap();
        if let Some(input) = input {
            stdin.write_all(input).unwrap();
        }
        drop(stdin);
        let out = child.wait_with_output().unwrap();
        assert!(out.status.success(), "git {args:?}: {}", text(&out.stderr));
        out.stdout
    }

    fn git(&self, args: &[&str]) -> String {
        text(&Repo::git_in(&self.path(), args, None))
            .trim_end()
            .to_string()
    }

    fn write(&self, path: &str, content: &str) -> &Repo {
        let path = self.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, content).unwrap();
        self
    }

    fn remove(&self, path: &str) -> &Repo {
        std::fs::remove_file(self.path().join(path)).unwrap();
        self
    }

    fn commit(&self, message: &str) -> &Repo {
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "--allow-empty", "-m", message]);
        self
    }

    /// What a diff must leave unchanged: the status, every ref, HEAD and
    /// the index's bytes.
    fn state(&self) -> (String, String, String, Vec<u8>) {
        (
            self.git(&["status", "--porcelain", "--untracked-files=all"]),
            self.git(&["for-each-ref"]),
            self.git(&["rev-parse", "HEAD"]),
            std::fs::read(self.path().join(".git/index")).unwrap_or_default(),
        )
    }

    /// `ecospec diff ARGS` in the repository's top folder.
    fn diff(&self, args: &[&str]) -> Output {
        self.diff_in(&self.path(), args)
    }

    fn diff_in(&self, dir: &Path, args: &[&str]) -> Output {
        let before = self.state();
        let out = ECOSPEC
            .command()
            .current_dir(dir)
            .arg("diff")
            .args(args)
            .envs(GIT_ENV.iter().copied())
            .stdin(Stdio::null())
            .output()
            .unwrap();
        assert_eq!(self.state(), before, "the diff changed the repository");
        out
    }
}

fn code(out: &Output) -> i32 {
    out.status.code().unwrap()
}

/// Compares with (or, under `BLESS=1`, writes) `cli/tests/diff_golden/NAME`.
fn golden(name: &str, actual: &str) {
    let path = repo_root().join("cli/tests/diff_golden").join(name);
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("{} is missing: run with BLESS=1", path.display()));
    assert_eq!(actual, expected, "{} differs", path.display());
}

/// Each root of a JSON diff with its status.
fn root_statuses(out: &Output) -> Vec<(String, String)> {
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["roots"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["path"].as_str().unwrap().to_string(),
                r["status"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// A repository of one spec: `base` then `head` committed on `main`.
fn two_commits(base: &str, head: &str) -> Repo {
    let repo = Repo::new();
    repo.write("spec.eco", base).commit("base");
    repo.write("spec.eco", head).commit("head");
    repo
}

#[test]
fn a_commit_that_adds_a_bridge_closes_w0401_in_every_format() {
    let repo = two_commits(&training("W0401", "gap"), &training("W0401", "fixed"));
    for (format, file) in [
        ("human", "bridge.txt"),
        ("markdown", "bridge.md"),
        ("json", "bridge.json"),
        ("github", "bridge.github"),
    ] {
        let out = repo.diff(&["HEAD~1", "HEAD", "--format", format, "--fail-on-new"]);
        assert_eq!(code(&out), 0, "{format}: {}", text(&out.stderr));
        golden(file, &text(&out.stdout));
    }
    let json: serde_json::Value =
        serde_json::from_slice(&repo.diff(&["main~1", "main", "--format", "json"]).stdout).unwrap();
    assert_eq!(json["version"], 1);
    let closed: Vec<&str> = json["roots"][0]["closed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    assert_eq!(closed, ["W0401", "W0401"]);
    // The critical bridge it opens is the weaker form of what it closes.
    assert_eq!(json["roots"][0]["opened"][0]["replaces"]["code"], "W0401");
    // Taken back, the bridge's removal opens both W0401s (new: it fails)
    // and closes W0418, replaced by its stronger form.
    let out = repo.diff(&["HEAD", "HEAD~1", "--format", "json", "--fail-on-new"]);
    assert_eq!(code(&out), 1);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["roots"][0]["closed"][0]["code"], "W0418");
    assert_eq!(
        json["roots"][0]["closed"][0]["replaced_by"]["code"],
        "W0401"
    );
    assert_eq!(json["verdict"]["new_gaps"], 2);
    assert_eq!(json["verdict"]["closed_gaps"], 0);
}

#[test]
fn a_commit_that_removes_a_provider_opens_w0403_and_fails_on_new() {
    let repo = two_commits(&training("W0403", "fixed"), &training("W0403", "gap"));
    let out = repo.diff(&["HEAD~1", "HEAD", "--fail-on-new"]);
    assert_eq!(code(&out), 1, "{}", text(&out.stderr));
    golden("provider.txt", &text(&out.stdout));
    let out = repo.diff(&["HEAD~1", "HEAD", "--format", "github"]);
    assert_eq!(code(&out), 0, "without --fail-on-new the status is 0");
    golden("provider.github", &text(&out.stdout));
    let out = repo.diff(&["HEAD~1", "HEAD", "--format", "markdown"]);
    golden("provider.md", &text(&out.stdout));
}

#[test]
fn a_renamed_file_changes_nothing_and_a_renamed_root_is_said_so() {
    let repo = Repo::new();
    let spec = training("W0401", "fixed");
    repo.write("main.eco", "import \"parts/a.eco\"\n")
        .write("parts/a.eco", &spec)
        .commit("base");
    repo.git(&["mv", "parts/a.eco", "parts/b.eco"]);
    repo.write("main.eco", "import \"parts/b.eco\"\n")
        .commit("rename the imported file");
    let out = repo.diff(&["HEAD~1", "HEAD", "--fail-on-new"]);
    assert_eq!(code(&out), 0);
    assert_eq!(
        text(&out.stdout),
        "ecospec diff HEAD~1 HEAD: no change to the configuration (1 ecosystem compared)\n"
    );
    repo.git(&["mv", "main.eco", "movement.eco"]);
    repo.commit("rename the root");
    let out = repo.diff(&["HEAD~1", "HEAD", "--fail-on-new"]);
    assert_eq!(code(&out), 0);
    golden("renamed-root.txt", &text(&out.stdout));
}

#[test]
fn a_syntax_error_in_head_is_an_error_introduced() {
    let spec = training("W0401", "fixed");
    let broken = spec.replace("strength: loose\n}", "strength: loose\n");
    let repo = two_commits(&spec, &broken);
    let out = repo.diff(&["HEAD~1", "HEAD", "--fail-on-new"]);
    assert_eq!(code(&out), 1);
    golden("syntax-error.txt", &text(&out.stdout));
    let out = repo.diff(&["HEAD~1", "HEAD", "--format", "markdown"]);
    golden("syntax-error.md", &text(&out.stdout));
    let out = repo.diff(&["HEAD~1", "HEAD", "--format", "github"]);
    let annotations = text(&out.stdout);
    assert!(
        annotations
            .lines()
            .any(|l| l.starts_with("::error file=spec.eco,line=") && l.contains("title=E010")),
        "{annotations}"
    );
    // The other way round the change fixes it and fails nothing.
    let out = repo.diff(&["HEAD", "HEAD~1", "--fail-on-new"]);
    assert_eq!(code(&out), 0);
    assert!(text(&out.stdout).contains("errors fixed:"));
}

#[test]
fn a_root_added_and_one_removed_are_said_so() {
    let repo = Repo::new();
    repo.write("old.eco", &training("W0401", "fixed"))
        .commit("base");
    repo.remove("old.eco")
        .write("new.eco", &training("W0403", "gap"))
        .commit("replace the ecosystem");
    let out = repo.diff(&["HEAD~1", "HEAD", "--format", "json", "--fail-on-new"]);
    assert_eq!(code(&out), 1, "the new root opens W0403 at warn");
    let roots = root_statuses(&out);
    assert_eq!(
        roots,
        [
            ("new.eco".into(), "added".into()),
            ("old.eco".into(), "removed".into())
        ]
    );
    golden("roots.txt", &text(&repo.diff(&["HEAD~1", "HEAD"]).stdout));
}

#[test]
fn each_side_reads_its_own_ecospec_toml() {
    let repo = Repo::new();
    repo.write("spec.eco", &training("W0401", "gap"))
        .write("ecospec.toml", "[lints]\nunbridged-cluster = \"allow\"\n")
        .commit("base: the gap allowed");
    repo.write("ecospec.toml", "[lints]\n")
        .commit("head: the gap warned");
    let out = repo.diff(&["HEAD~1", "HEAD", "--fail-on-new"]);
    assert_eq!(code(&out), 1, "raised from allow to warn: new at warn");
    golden("toml.txt", &text(&out.stdout));
    for (format, file) in [("markdown", "toml.md"), ("github", "toml.github")] {
        golden(
            file,
            &text(&repo.diff(&["HEAD~1", "HEAD", "--format", format]).stdout),
        );
    }
    // Lowered back: nothing new.
    let out = repo.diff(&["HEAD", "HEAD~1", "--fail-on-new"]);
    assert_eq!(code(&out), 0);
}

#[test]
fn a_revision_that_does_not_exist_is_status_2_with_one_line() {
    let repo = two_commits("", "");
    for (base, head) in [
        ("no-such-branch", "HEAD"),
        ("HEAD", "--help-me"),
        ("HEAD", "HEAD~5"),
    ] {
        // After `--`, a revision that looks like an option reaches git's
        // lookup as a name, never as an option of git.
        let out = repo.diff(&["--fail-on-new", "--", base, head]);
        assert_eq!(code(&out), 2, "{base} {head}");
        let missing = if base == "HEAD" { head } else { base };
        assert_eq!(
            text(&out.stderr),
            format!("error: revision `{missing}` does not exist in this repository\n")
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_path_with_no_spec_on_either_side_is_status_2() {
    let repo = two_commits(&training("W0401", "gap"), &training("W0401", "fixed"));
    let out = repo.diff(&["HEAD~1", "HEAD", "no-such-folder"]);
    assert_eq!(code(&out), 2);
    assert_eq!(
        text(&out.stderr),
        "error: no `.eco` file under `no-such-folder` in `HEAD~1` or `HEAD`\n"
    );
    let out = repo.diff(&["HEAD~1", "HEAD", "/"]);
    assert_eq!(code(&out), 2);
    assert!(text(&out.stderr).contains("is outside the repository"));
}

#[test]
fn without_git_on_the_path_it_says_so_in_one_line() {
    let repo = two_commits("", "");
    let out = ECOSPEC
        .command()
        .current_dir(repo.path())
        .args(["diff", "HEAD~1", "HEAD"])
        .env("PATH", "")
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    let stderr = text(&out.stderr);
    assert!(stderr.starts_with("error: cannot run `git`: "), "{stderr}");
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
}

#[test]
fn outside_any_repository_two_revisions_are_status_2() {
    let outside = TempDir::new().unwrap();
    let out = ECOSPEC
        .command()
        .current_dir(outside.path())
        .args(["diff", "main", "HEAD"])
        .envs(GIT_ENV.iter().copied())
        .env("GIT_CEILING_DIRECTORIES", outside.path().parent().unwrap())
        .output()
        .unwrap();
    assert_eq!(code(&out), 2);
    let stderr = text(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(
        stderr.contains("is not inside a git repository"),
        "{stderr}"
    );
}

#[test]
fn two_folders_are_compared_root_by_relative_path() {
    let repo = Repo::new();
    repo.write("README", "specs in two folders\n")
        .commit("base");
    repo.write("before/spec.eco", &training("W0403", "fixed"))
        .write("after/spec.eco", &training("W0403", "gap"));
    let out = repo.diff(&["before", "after", "--fail-on-new"]);
    assert_eq!(code(&out), 1);
    golden("folders.txt", &text(&out.stdout));
}

#[test]
fn a_tree_path_that_would_leave_the_repository_is_refused_unread() {
    let repo = two_commits(&training("W0401", "fixed"), &training("W0401", "fixed"));
    let root = repo.path();
    // A tree git itself never makes: a folder named `..` holding a spec.
    let blob = text(&Repo::git_in(
        &root,
        &["hash-object", "-w", "--stdin"],
        Some(b"cluster escaped \"from above\" {}\n"),
    ));
    let hex = |id: &str| -> Vec<u8> {
        (0..id.trim().len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&id.trim()[i..i + 2], 16).unwrap())
            .collect()
    };
    let tree = |entries: &[(&str, &str, &str)]| -> String {
        let mut bytes = Vec::new();
        for (mode, name, id) in entries {
            bytes.extend_from_slice(format!("{mode} {name}\0").as_bytes());
            bytes.extend(hex(id));
        }
        text(&Repo::git_in(
            &root,
            &["hash-object", "-t", "tree", "--literally", "-w", "--stdin"],
            Some(&bytes),
        ))
        .trim()
        .to_string()
    };
    let inner = tree(&[("100644", "evil.eco", &blob)]);
    let spec = repo.git(&["rev-parse", "HEAD:spec.eco"]);
    let top = tree(&[("40000", "..", &inner), ("100644", "spec.eco", &spec)]);
    let commit = repo.git(&["commit-tree", &top, "-p", "HEAD", "-m", "hand-made"]);
    repo.git(&["update-ref", "refs/heads/evil", &commit]);
    let out = repo.diff(&["main", "evil", "--fail-on-new"]);
    assert_eq!(code(&out), 1);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "error[E0303]: `../evil.eco` in revision `evil` would leave the repository: it is not read"
        ),
        "{stdout}"
    );
    assert!(!stdout.contains("escaped"), "{stdout}");
}

#[cfg(unix)]
#[test]
fn a_link_in_the_tree_pointing_outside_is_never_followed() {
    let outside = TempDir::new().unwrap();
    std::fs::write(
        outside.path().join("secret.eco"),
        "cluster secret_cluster \"outside the repository\" {}\n",
    )
    .unwrap();
    let repo = Repo::new();
    repo.write("spec.eco", &training("W0401", "fixed"))
        .commit("base");
    let target = outside.path().join("secret.eco");
    std::os::unix::fs::symlink(&target, repo.path().join("link.eco")).unwrap();
    std::os::unix::fs::symlink(
        "../../../../../../../../etc/passwd",
        repo.path().join("up.eco"),
    )
    .unwrap();
    let spec = training("W0401", "fixed");
    repo.write(
        "spec.eco",
        &format!("import \"link.eco\"\nimport \"up.eco\"\n{spec}"),
    )
    .commit("links");
    let out = repo.diff(&["HEAD~1", "HEAD", "--fail-on-new"]);
    assert_eq!(code(&out), 1);
    let stdout = text(&out.stdout);
    for import in ["link.eco", "up.eco"] {
        assert!(
            stdout.contains(&format!(
                "error[E0303]: import `{import}` leaves the folder being checked"
            )),
            "{stdout}"
        );
    }
    assert!(!stdout.contains("secret_cluster"), "{stdout}");
}

#[test]
fn a_huge_blob_is_never_read() {
    let repo = Repo::new();
    repo.write("spec.eco", &training("W0401", "fixed"))
        .commit("base");
    let huge = repo.path().join("huge.eco");
    let file = std::fs::File::create(&huge).unwrap();
    file.set_len((64 << 20) + 1).unwrap();
    drop(file);
    repo.commit("a blob over 64 MB");
    let out = repo.diff(&["HEAD~1", "HEAD", "--fail-on-new"]);
    assert_eq!(code(&out), 1);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains(
            "error[E0301]: cannot read `huge.eco`: it is larger than 64 MB, the most ecospec reads"
        ),
        "{stdout}"
    );
}

#[test]
fn a_path_limits_the_comparison_to_a_folder() {
    let repo = Repo::new();
    repo.write("a/spec.eco", &training("W0401", "gap"))
        .write("b/spec.eco", &training("W0403", "fixed"))
        .commit("base");
    repo.write("a/spec.eco", &training("W0401", "fixed"))
        .write("b/spec.eco", &training("W0403", "gap"))
        .commit("both change");
    let out = repo.diff(&["HEAD~1", "HEAD", "a", "--fail-on-new"]);
    assert_eq!(code(&out), 0, "b/ is not compared: {}", text(&out.stdout));
    // From inside b/, the folder is b/ by default.
    let out = repo.diff_in(&repo.path().join("b"), &["HEAD~1", "HEAD", "--fail-on-new"]);
    assert_eq!(code(&out), 1);
    assert!(text(&out.stdout).contains("W0403"));
}

/// Runs a python3 script with `args`: its standard output, or `None` (a
/// skip, said in one line) when python3 or the module it imports is
/// missing outside CI (`python3-yaml`, `python3-jsonschema`).
fn python(script: &str, args: &[&Path], package: &str) -> Option<Vec<u8>> {
    let out = Command::new("python3")
        .args(["-c", script])
        .args(args)
        .output();
    match out {
        Ok(out) if out.status.success() => Some(out.stdout),
        Ok(out) if !text(&out.stderr).contains("No module named") => {
            panic!("python3 {args:?}: {}", text(&out.stderr))
        }
        _ if std::env::var("CI").as_deref() == Ok("true") => {
            panic!("this test needs python3 and {package} (apt-get install {package})")
        }
        _ => {
            eprintln!("skipped: needs {package} (sudo apt-get install {package})");
            None
        }
    }
}

/// A workflow file's step names (by `name`, else `uses`), parsed as YAML.
fn workflow_steps(path: &Path) -> Option<Vec<String>> {
    let script = "import sys, yaml, json\n\
        doc = yaml.safe_load(open(sys.argv[1]))\n\
        print(json.dumps([s.get('name') or s.get('uses') for j in doc['jobs'].values() for s in j['steps']]))";
    let out = python(script, &[path], "python3-yaml")?;
    Some(serde_json::from_slice(&out).unwrap())
}

/// Validates JSON files against `docs/src/diff-json.schema.json`.
fn validate_json(files: &[&Path]) {
    let schema = repo_root().join("docs/src/diff-json.schema.json");
    let script = "import sys, json, jsonschema\n\
        schema = json.load(open(sys.argv[1]))\n\
        jsonschema.Draft202012Validator.check_schema(schema)\n\
        [jsonschema.validate(json.load(open(f)), schema, cls=jsonschema.Draft202012Validator) for f in sys.argv[2:]]";
    let args: Vec<&Path> = std::iter::once(schema.as_path())
        .chain(files.iter().copied())
        .collect();
    python(script, &args, "python3-jsonschema");
}

#[test]
fn the_json_outputs_follow_the_documented_schema() {
    let repo = Repo::new();
    repo.write("old.eco", &training("W0401", "fixed"))
        .write("spec.eco", &training("W0401", "gap"))
        .write("ecospec.toml", "[lints]\nunbridged-cluster = \"allow\"\n")
        .commit("base");
    repo.remove("old.eco")
        .remove("ecospec.toml")
        .write("new.eco", "cluster broken {")
        .commit("head");
    let out = repo.diff(&["HEAD~1", "HEAD", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["verdict"]["raised"], 2);
    assert_eq!(json["verdict"]["errors_introduced"], 1);
    let scratch = TempDir::new().unwrap();
    let file = scratch.path().join("diff.json");
    std::fs::write(&file, &out.stdout).unwrap();
    let golden = repo_root().join("cli/tests/diff_golden/bridge.json");
    validate_json(&[&file, &golden]);
}

#[test]
fn the_workflow_in_the_docs_is_valid_yaml_with_the_steps_the_docs_name() {
    let docs = repo_root().join("docs/src");
    let ci = std::fs::read_to_string(docs.join("ci.md")).unwrap();
    let Some(steps) = workflow_steps(&docs.join("github-workflow-diff.yml")) else {
        return;
    };
    let named = [
        "Install ecospec",
        "Compare with the base branch",
        "Annotate the opened findings",
        "Post or update the comment",
        "Fail on new findings",
    ];
    for name in named {
        assert!(
            steps.iter().any(|s| s == name),
            "no step `{name}` in {steps:?}"
        );
        assert!(
            ci.contains(&format!("**{name}**")),
            "docs/src/ci.md does not name `{name}`"
        );
    }
    // The check workflow beside it parses too.
    assert!(workflow_steps(&docs.join("github-workflow.yml")).is_some());
}

#[test]
fn an_ecosystem_identical_on_both_sides_is_counted_unchanged() {
    let repo = Repo::new();
    repo.write("same.eco", &training("W0401", "gap"))
        .write("changed.eco", &training("W0403", "fixed"))
        .commit("base");
    repo.write("changed.eco", &training("W0403", "gap"))
        .commit("head");
    let out = repo.diff(&["HEAD~1", "HEAD", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["verdict"]["unchanged_roots"], 1);
    assert_eq!(json["verdict"]["opened"], 1);
    assert_eq!(json["verdict"]["closed"], 0, "same.eco's W0401s stay");
    assert_eq!(json["roots"].as_array().unwrap().len(), 1);
}

#[test]
fn a_file_no_longer_imported_becomes_a_root_of_its_own() {
    let repo = Repo::new();
    repo.write("lib.eco", &training("W0401", "fixed"))
        .write(
            "main.eco",
            "import \"lib.eco\"\nactor tenant_union: union {}\n",
        )
        .commit("base");
    repo.write("main.eco", "actor tenant_union: union {}\n")
        .commit("head");
    let out = repo.diff(&["HEAD~1", "HEAD", "--format", "json"]);
    let roots = root_statuses(&out);
    assert_eq!(
        roots,
        [
            ("lib.eco".into(), "added".into()),
            ("main.eco".into(), "kept".into())
        ]
    );
}

#[test]
fn an_unchanged_file_whose_import_was_deleted_is_compared() {
    let repo = Repo::new();
    repo.write(
        "main.eco",
        &format!("import \"part.eco\"\n{}", training("W0401", "gap")),
    )
    .write("part.eco", "actor helper: person {}\n")
    .commit("base");
    repo.remove("part.eco").commit("head");
    let out = repo.diff(&["HEAD~1", "HEAD", "--fail-on-new"]);
    assert_eq!(code(&out), 1);
    let stdout = text(&out.stdout);
    assert!(stdout.contains("  - actor `helper`"), "{stdout}");
    assert!(
        stdout.contains("error[E0301]: imported file `part.eco` not found"),
        "{stdout}"
    );
}
