//! The real movement ecosystems of `examples/`: what `ecospec check` reports
//! on each, pinned finding by finding (code, file, line and column, message),
//! each intervention's closes and opens, and the exit status, so that a
//! change of verdict on a real spec shows up here and in the example's
//! `EXPECTED` comment and README together.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::Value;
use test_support::{repo_root, text, Program};

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));

/// `code file:line:column message` for each diagnostic, in output order.
fn findings(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["file"].as_str().unwrap();
            let file = file.rsplit('/').next().unwrap();
            let start = &d["range"]["start"];
            format!(
                "{} {}:{}:{} {}",
                d["code"].as_str().unwrap(),
                file,
                start["line"],
                start["column"],
                d["message"].as_str().unwrap()
            )
        })
        .collect()
}

/// `name: closes|opens code message` for each intervention's findings.
fn verdicts(report: &Value) -> Vec<String> {
    let mut lines = Vec::new();
    for intervention in report["interventions"].as_array().unwrap() {
        let name = intervention["name"].as_str().unwrap();
        for side in ["closes", "opens"] {
            for f in intervention[side].as_array().unwrap() {
                lines.push(format!(
                    "{name}: {side} {} {}",
                    f["code"].as_str().unwrap(),
                    f["message"].as_str().unwrap()
                ));
            }
        }
    }
    lines
}

#[test]
fn march_on_washington_reports_what_its_readme_says() {
    let root = repo_root();
    let out = ECOSPEC.run(
        &root,
        &["check", "examples/march-on-washington", "--format", "json"],
    );
    let stdout = text(&out.stdout);
    // Warnings and notes only: the check passes.
    assert_eq!(out.status.code(), Some(0), "{stdout}{}", text(&out.stderr));
    let report: Value = serde_json::from_str(&stdout).unwrap();

    assert_eq!(
        findings(&report),
        [
            "W0404 march.eco:51:12 capability `demonstrators` is needed, but only `birmingham_volunteers` provides it",
            "W0404 march.eco:53:12 capability `legal_defense` is needed, but only `ldf` provides it",
            "W0404 march.eco:55:12 capability `lobbying` is needed, but only `naacp` provides it",
            "W0404 march.eco:56:12 capability `negotiation` is needed, but only `urban_league` provides it",
            "W0404 march.eco:57:12 capability `logistics` is needed, but only `march_office` provides it",
            "W0404 march.eco:59:12 capability `funds` is needed, but only `taconic_foundation` provides it",
            "W0422 march.eco:79:14 scenario `injunction_and_arrests` takes `demonstrators` away from cluster `direct_action`",
            "W0416 march.eco:182:14 intervention `call_off_the_march` opens a gap: actor `american_jewish_congress` serves no cluster",
            "W0416 march.eco:182:14 intervention `call_off_the_march` opens a gap: actor `bscp` serves no cluster",
            "W0416 march.eco:182:14 intervention `call_off_the_march` opens a gap: actor `council_of_churches` serves no cluster",
            "W0416 march.eco:182:14 intervention `call_off_the_march` opens a gap: actor `uaw` serves no cluster",
            "W0416 march.eco:182:14 intervention `call_off_the_march` opens a gap: bridge `big_six` runs through `bscp`, which serves none of its clusters",
            "W0416 march.eco:182:14 intervention `call_off_the_march` opens a gap: capability `logistics` is declared but nobody needs, provides or bridges with it",
        ]
    );

    assert_eq!(
        verdicts(&report),
        [
            "childrens_crusade: closes W0404 capability `demonstrators` is needed, but only `birmingham_volunteers` provides it",
            "childrens_crusade: closes W0422 scenario `injunction_and_arrests` takes `demonstrators` away from cluster `direct_action`",
            "childrens_crusade: closes W0423 only `birmingham_volunteers` provides `demonstrators` to cluster `direct_action`",
            "call_off_the_march: closes W0404 capability `logistics` is needed, but only `march_office` provides it",
            "call_off_the_march: closes W0418 bridge `big_six` is the only link holding its clusters together: without it, `march` would be cut off from `direct_action` and `courts_and_congress`",
            "call_off_the_march: closes W0423 only `march_office` provides `logistics` to cluster `march`",
            "call_off_the_march: closes W0423 only `bscp` provides `spokespeople` to cluster `march`",
            "call_off_the_march: opens W0405 actor `bscp` serves no cluster",
            "call_off_the_march: opens W0405 actor `uaw` serves no cluster",
            "call_off_the_march: opens W0405 actor `council_of_churches` serves no cluster",
            "call_off_the_march: opens W0405 actor `american_jewish_congress` serves no cluster",
            "call_off_the_march: opens W0410 capability `logistics` is declared but nobody needs, provides or bridges with it",
            "call_off_the_march: opens W0412 bridge `big_six` runs through `bscp`, which serves none of its clusters",
        ]
    );

    let summary = &report["summary"];
    assert_eq!(
        (
            &summary["files"],
            &summary["errors"],
            &summary["warnings"],
            &summary["notes"]
        ),
        (
            &Value::from(2),
            &Value::from(0),
            &Value::from(7),
            &Value::from(6)
        )
    );
}

#[test]
fn march_on_washington_children_s_crusade_leaves_only_the_single_providers() {
    // Applying the intervention that closes the scenario gap: the output
    // names the intervention applied, and what remains are the single
    // providers that no intervention of the example addresses.
    let root = repo_root();
    let human = ECOSPEC.run(
        &root,
        &[
            "check",
            "examples/march-on-washington",
            "--apply",
            "childrens_crusade",
        ],
    );
    assert_eq!(human.status.code(), Some(0), "{}", text(&human.stderr));
    let stdout = text(&human.stdout);
    assert!(
        stdout.starts_with("with intervention `childrens_crusade` (examples/march-on-washington/march.eco:168) applied\n"),
        "{stdout}"
    );
    let json = ECOSPEC.run(
        &root,
        &[
            "check",
            "examples/march-on-washington",
            "--apply",
            "childrens_crusade",
            "--format",
            "json",
        ],
    );
    assert_eq!(json.status.code(), Some(0), "{}", text(&json.stderr));
    let report: Value = serde_json::from_str(&text(&json.stdout)).unwrap();
    assert_eq!(
        findings(&report),
        [
            "W0404 march.eco:53:12 capability `legal_defense` is needed, but only `ldf` provides it",
            "W0404 march.eco:55:12 capability `lobbying` is needed, but only `naacp` provides it",
            "W0404 march.eco:56:12 capability `negotiation` is needed, but only `urban_league` provides it",
            "W0404 march.eco:57:12 capability `logistics` is needed, but only `march_office` provides it",
            "W0404 march.eco:59:12 capability `funds` is needed, but only `taconic_foundation` provides it",
        ]
    );
}
