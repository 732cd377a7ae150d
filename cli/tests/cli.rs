//! The `ecospec` command as a user runs it: SARIF and GitHub output,
//! `--output`, `--fix`, `--watch`, `init`, `lints --format json`,
//! completions and the man page.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use test_support::{folder, repo_root, text, Program};

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));

const TYPOS: &str = "capability communications \"Communication teams\"
cluster mobilization {
    needs: comunications
}
actor çevre_derneği { in: mobilisation provides: communications }
";

#[test]
fn sarif_has_rules_results_locations_and_fixes() {
    let dir = folder(&[("specs/main.eco", TYPOS)]);
    let out = ECOSPEC.run(dir.path(), &["check", "specs", "--format", "sarif"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    let log: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let run = &runs[0];
    assert_eq!(run["columnKind"], "unicodeCodePoints");
    let driver = &run["tool"]["driver"];
    assert_eq!(driver["name"], "ecospec");
    assert_eq!(driver["version"], env!("CARGO_PKG_VERSION"));
    let rules = driver["rules"].as_array().unwrap();
    // Every code of the catalog: 18 errors and 23 lints.
    assert_eq!(rules.len(), 41);
    let w0418 = rules.iter().find(|r| r["id"] == "W0418").unwrap();
    assert_eq!(w0418["name"], "critical-bridge");
    assert_eq!(w0418["defaultConfiguration"]["enabled"], false);
    assert!(w0418["help"]["markdown"]
        .as_str()
        .unwrap()
        .contains("## How to fix it"));
    assert_eq!(
        w0418["helpUri"],
        "https://github.com/ecospec/ecospec/blob/main/docs/src/diagnostics.md#w0418-critical-bridge"
    );
    let e0201 = rules.iter().find(|r| r["id"] == "E0201").unwrap();
    assert_eq!(e0201["name"], "undefined-name");
    assert_eq!(e0201["defaultConfiguration"]["level"], "error");

    let results = run["results"].as_array().unwrap();
    let typo = results
        .iter()
        .find(|r| {
            r["message"]["text"]
                .as_str()
                .unwrap()
                .contains("`mobilisation`")
        })
        .unwrap();
    assert_eq!(typo["ruleId"], "E0201");
    assert_eq!(
        rules[typo["ruleIndex"].as_u64().unwrap() as usize]["id"],
        "E0201"
    );
    assert_eq!(typo["level"], "error");
    let location = &typo["locations"][0]["physicalLocation"];
    assert_eq!(location["artifactLocation"]["uri"], "specs/main.eco");
    assert_eq!(location["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    // `actor çevre_derneği { in: ` is 26 characters (28 bytes): columns count characters.
    assert_eq!(
        location["region"],
        serde_json::json!({"startLine": 5, "startColumn": 27, "endLine": 5, "endColumn": 39})
    );
    let replacement = &typo["fixes"][0]["artifactChanges"][0]["replacements"][0];
    assert_eq!(replacement["insertedContent"]["text"], "mobilization");
    assert_eq!(replacement["deletedRegion"]["startColumn"], 27);
}

#[test]
fn sarif_related_locations_carry_labels() {
    let dir = folder(&[(
        "main.eco",
        "capability coordination\ncluster a { bets_on: s needs: coordination }\nscenario s\nactor x { in: a provides: coordination }\non s { activate: a }\n",
    )]);
    let out = ECOSPEC.run(dir.path(), &["check", ".", "--format", "sarif"]);
    let log: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let results = log["runs"][0]["results"].as_array().unwrap();
    let single = results.iter().find(|r| r["ruleId"] == "W0404").unwrap();
    assert_eq!(single["level"], "note");
    let related = &single["relatedLocations"][0];
    assert_eq!(related["message"]["text"], "the only provider");
    assert_eq!(related["physicalLocation"]["region"]["startLine"], 4);
}

#[test]
fn github_annotations_escape_and_map_notes() {
    let dir = folder(&[(
        "a,b.eco",
        "capability coordination\ncluster a { bets_on: s needs: coordination }\nscenario s\nactor x { in: a provides: coordination }\non s { activate: a }\nactor lone\n",
    )]);
    let out = ECOSPEC.run(dir.path(), &["check", ".", "--format", "github"]);
    let text = text(&out.stdout);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 2, "{text}");
    assert_eq!(
        lines[0],
        "::notice file=a%2Cb.eco,line=1,endLine=1,col=12,endColumn=23,title=W0404 single-provider::capability `coordination` is needed, but only `x` provides it%0Ahelp: if `x` cannot deliver, no one can: have a second actor provide `coordination`"
    );
    assert!(
        lines[1].starts_with("::warning file=a%2Cb.eco,line=6,endLine=6,col=7,endColumn=10,title=W0405 orphan-actor::actor `lone`"),
        "{}",
        lines[1]
    );
}

#[test]
fn output_writes_another_format_beside_human_output() {
    let dir = folder(&[("main.eco", TYPOS)]);
    let out = ECOSPEC.run(
        dir.path(),
        &[
            "check",
            "main.eco",
            "--color",
            "never",
            "--output",
            "sarif=out/results.sarif",
            "--output",
            "json=r.json",
        ],
    );
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("cannot write `out/results.sarif`"),
        "a missing folder is reported: {}",
        text(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(2));
    std::fs::create_dir(dir.path().join("out")).unwrap();
    let out = ECOSPEC.run(
        dir.path(),
        &[
            "check",
            "main.eco",
            "--color",
            "never",
            "--output",
            "sarif=out/results.sarif",
            "--output",
            "json=r.json",
        ],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stdout).contains("error[E0201]: no cluster named `mobilisation`"));
    let sarif: Value = serde_json::from_str(
        &std::fs::read_to_string(dir.path().join("out/results.sarif")).unwrap(),
    )
    .unwrap();
    let codes: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["ruleId"].as_str().unwrap())
        .collect();
    // `mobilisation` counts as `mobilization` for the lints (section
    // 9.5): the cluster has a member (no W0406), with one provider (W0404).
    assert_eq!(codes, ["W0404", "W0408", "E0201", "E0201"]);
    let json: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("r.json")).unwrap()).unwrap();
    assert_eq!(json["summary"]["errors"], 2);
    assert_eq!(json["summary"]["warnings"], 1);
    // No temporary file is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["results.sarif"]);

    let bad = ECOSPEC.run(
        dir.path(),
        &["check", "main.eco", "--output", "results.sarif"],
    );
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("expected FORMAT=FILE"),
        "{}",
        text(&bad.stderr)
    );
    let bad = ECOSPEC.run(dir.path(), &["check", "main.eco", "--output", "xml=r.xml"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(
        text(&bad.stderr).contains("unknown format `xml`"),
        "{}",
        text(&bad.stderr)
    );
}

const BROKEN: &str = "capability legal_support
actor a: collective { provides: legal_suport }
cluster care { needs: legal_support,
}
";

#[test]
fn fix_applies_safe_renames_and_reports_what_remains() {
    let dir = folder(&[
        ("main.eco", &format!("\u{feff}{TYPOS}")),
        ("broken.eco", BROKEN),
    ]);
    let out = ECOSPEC.run(dir.path(), &["check", ".", "--fix", "--format", "short"]);
    let err = text(&out.stderr);
    assert_eq!(
        err.lines().collect::<Vec<_>>(),
        [
            "nothing fixed in broken.eco: it has a syntax error (broken.eco:3:36, E0101); correct it, then run `--fix` again",
            "fixed main.eco:3:12: comunications → communications",
            "fixed main.eco:5:27: mobilisation → mobilization",
        ]
    );
    let fixed = std::fs::read_to_string(dir.path().join("main.eco")).unwrap();
    assert!(fixed.starts_with('\u{feff}'), "the BOM is kept");
    assert_eq!(
        fixed.trim_start_matches('\u{feff}'),
        TYPOS
            .replace("comunications", "communications")
            .replace("mobilisation", "mobilization")
    );
    // A file with a syntax error is never written, though its typo has a fix.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("broken.eco")).unwrap(),
        BROKEN
    );
    let report = text(&out.stdout);
    assert_eq!(
        report.lines().collect::<Vec<_>>(),
        [
            // A trailing comma does not break its declaration (9.5): `care`
            // is the subject of findings; `legal_suport` counts as
            // `legal_support` (9.5): no W0410, and `a` is its one provider.
            "broken.eco:1:12: note[W0404]: capability `legal_support` is needed, but only `a` provides it",
            "broken.eco:2:7: warning[W0405]: actor `a` serves no cluster",
            "broken.eco:2:33: error[E0201]: no capability named `legal_suport`",
            "broken.eco:3:9: warning[W0406]: cluster `care` has no members",
            "broken.eco:3:9: warning[W0408]: cluster `care` bets on no scenario",
            "broken.eco:3:23: warning[W0403]: cluster `care` needs `legal_support`, but no actor serving it provides it",
            "broken.eco:3:36: error[E0101]: a list ends with a comma",
            "main.eco:1:12: note[W0404]: capability `communications` is needed, but only `çevre_derneği` provides it",
            "main.eco:2:9: warning[W0408]: cluster `mobilization` bets on no scenario",
        ]
    );
    assert_eq!(out.status.code(), Some(1));

    // Nothing left to fix: nothing is written or reported.
    let again = ECOSPEC.run(
        dir.path(),
        &["check", "main.eco", "--fix", "--format", "short"],
    );
    assert_eq!(text(&again.stderr), "");
    assert_eq!(again.status.code(), Some(0), "{}", text(&again.stdout));
    assert_eq!(
        text(&again.stdout),
        "main.eco:1:12: note[W0404]: capability `communications` is needed, but only `çevre_derneği` provides it\n\
         main.eco:2:9: warning[W0408]: cluster `mobilization` bets on no scenario\n"
    );
}

#[test]
fn watch_checks_again_after_a_change_and_stops_on_ctrl_c() {
    let dir = folder(&[("main.eco", "capability a\n")]);
    let mut child = ECOSPEC
        .command()
        .current_dir(dir.path())
        .args(["check", ".", "--watch", "--format", "short"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let out = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(out).lines() {
            let _ = tx.send(line.unwrap());
        }
    });
    let wait_for = |needle: &str| {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(line) = rx.recv_timeout(Duration::from_millis(100)) {
                if line.contains(needle) {
                    return;
                }
            }
        }
        panic!("no line with {needle:?}");
    };
    wait_for("warning[W0410]: capability `a`");
    // Give the watcher time to start before the change.
    std::thread::sleep(Duration::from_millis(500));
    std::fs::write(dir.path().join("main.eco"), "capability b\n").unwrap();
    wait_for("warning[W0410]: capability `b`");
    // The shell's own `kill`: /bin/kill (procps) is not on every machine.
    let status = Command::new("sh")
        .args(["-c", &format!("kill -INT {}", child.id())])
        .status()
        .unwrap();
    assert!(status.success());
    let deadline = Instant::now() + Duration::from_secs(10);
    let exit = loop {
        if let Some(exit) = child.try_wait().unwrap() {
            break exit;
        }
        assert!(Instant::now() < deadline, "--watch did not stop on SIGINT");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(exit.code(), Some(0));
}

#[test]
fn init_writes_a_spec_with_no_finding_at_any_level() {
    let dir = tempfile::tempdir().unwrap();
    let out = ECOSPEC.run(dir.path(), &["init", "movement"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let spec = dir.path().join("movement/ecosystem.eco");
    assert!(std::fs::read_to_string(&spec).unwrap().starts_with("// "));
    let config = std::fs::read_to_string(dir.path().join("movement/ecospec.toml")).unwrap();
    assert!(config.contains("\n[lints]\n"));

    // Every lint at `warn`, `critical-bridge` (allow by default) included.
    let lints: Value = serde_json::from_str(&text(
        &ECOSPEC
            .run(dir.path(), &["lints", "--format", "json"])
            .stdout,
    ))
    .unwrap();
    let mut args = vec!["check", "movement", "--format", "json"];
    for lint in lints.as_array().unwrap() {
        args.push("-W");
        args.push(lint["name"].as_str().unwrap());
    }
    let out = ECOSPEC.run(dir.path(), &args);
    let report: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    assert_eq!(report["diagnostics"], serde_json::json!([]), "{report:#}");
    assert_eq!(report["summary"]["files"], 1);
    assert_eq!(out.status.code(), Some(0));

    // Never overwrites.
    let again = ECOSPEC.run(dir.path(), &["init", "movement"]);
    assert_eq!(again.status.code(), Some(2));
    assert!(
        text(&again.stderr).contains("already exist"),
        "{}",
        text(&again.stderr)
    );
}

#[test]
fn lints_json_lists_every_lint() {
    let out = ECOSPEC.run(&repo_root(), &["lints", "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    let lints: Value = serde_json::from_str(&text(&out.stdout)).unwrap();
    let lints = lints.as_array().unwrap();
    assert_eq!(lints.len(), 23);
    let codes: Vec<&str> = lints.iter().map(|l| l["code"].as_str().unwrap()).collect();
    let expected: Vec<String> = (1..=23).map(|n| format!("W04{n:02}")).collect();
    assert_eq!(codes, expected);
    assert_eq!(
        lints[2],
        serde_json::json!({
            "code": "W0403",
            "name": "uncovered-capability",
            "level": "warn",
            "summary": "a cluster needs a capability no actor serving it provides",
        })
    );
    assert_eq!(lints[17]["level"], "allow");
    assert_eq!(lints[3]["level"], "note");
}

#[test]
fn completions_and_man_page_mention_check() {
    for shell in ["bash", "zsh", "fish", "powershell", "elvish"] {
        let out = ECOSPEC.run(&repo_root(), &["completions", shell]);
        assert_eq!(out.status.code(), Some(0), "{shell}");
        let text = text(&out.stdout);
        assert!(
            text.contains("check") && text.contains("format"),
            "{shell}: {text}"
        );
    }
    let out = ECOSPEC.run(&repo_root(), &["man"]);
    assert_eq!(out.status.code(), Some(0));
    let page = text(&out.stdout);
    assert!(page.starts_with(".ie") || page.starts_with(".TH"), "{page}");
    assert!(
        page.contains("ecospec\\-check") || page.contains("check"),
        "{page}"
    );
}

/// 9.5: the command line says why `--fix` skipped a file, lists the
/// interventions for an unknown `--apply`, and suggests ours for another
/// tool's level word and for a prefix of one lint's name (help only).
#[test]
fn command_line_suggestions_beyond_edit_distance() {
    let spec = "capability k\nscenario s\ncluster c { bets_on: s needs: k }\n\
                actor a { in: c provides: k }\non s { activate: c }\n\
                intervention trainings { extend actor a { provides: k } }\n\
                intervention joint_conference { extend actor a { provides: k } }\n";
    let dir = folder(&[
        ("main.eco", spec),
        (
            "ecospec.toml",
            "[lints]\nsingle-provider = \"warning\"\nempty-cluster = \"off\"\n",
        ),
    ]);
    // An unknown intervention: a did-you-mean and every intervention.
    let out = ECOSPEC.run(dir.path(), &["check", ".", "--apply", "trainigs"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(err.contains("did you mean `trainings`?"), "{err}");
    assert!(
        err.contains("the interventions are `joint_conference`, `trainings`"),
        "{err}"
    );
    // A prefix of exactly one lint's name.
    let out = ECOSPEC.run(dir.path(), &["check", ".", "-A", "unbridged"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        text(&out.stderr).trim_end(),
        "error: unknown lint `unbridged`: did you mean `unbridged-cluster`?"
    );
    // A prefix of two lints' names suggests neither.
    let out = ECOSPEC.run(dir.path(), &["check", ".", "-A", "un"]);
    assert!(
        !text(&out.stderr).contains("did you mean"),
        "{}",
        text(&out.stderr)
    );
    // Another tool's level words in `ecospec.toml`: help only, still E0305.
    let out = ECOSPEC.run(dir.path(), &["check", ".", "--format", "json"]);
    let report = text(&out.stdout);
    assert!(report.contains(r#"did you mean \"warn\"?"#), "{report}");
    assert!(report.contains(r#"did you mean \"allow\"?"#), "{report}");
    assert_eq!(report.matches("\"E0305\"").count(), 2, "{report}");
}

#[test]
fn explain_ends_with_the_chapter_of_the_book_to_read_next() {
    for (asked, chapter) in [
        ("W0413", "`on` rules (docs/src/reference/on.md)"),
        (
            "unbridged-cluster",
            "Bridges (docs/src/reference/bridge.md)",
        ),
        (
            "E0301",
            "Imports and ecosystems (docs/src/reference/ecosystem.md)",
        ),
    ] {
        let out = ECOSPEC.run(&repo_root(), &["explain", asked]);
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        let printed = text(&out.stdout);
        let last = printed.lines().last().unwrap_or_default();
        assert_eq!(last, format!("Read more in the ecospec book: {chapter}"));
        // The page it names is in the repository.
        let page = last
            .rsplit_once('(')
            .and_then(|(_, rest)| rest.strip_suffix(')'))
            .unwrap();
        assert!(repo_root().join(page).is_file(), "{asked}: no {page}");
    }
}
