//! The studio's page (`studio/web`): the committed bundle is what a fresh
//! build of the sources makes (`npm run build` into a temporary folder),
//! the TypeScript type-checks (`tsc --noEmit`), and the page works in
//! headless Chromium against a real `ecospec serve`
//! (`studio/web/test/studio.test.mjs`, Playwright driving Debian's
//! `chromium`: installed as `tests/debian-packages.sh` does, as root, else
//! one line and a skip; never skipped with `CI=true`). The Node packages
//! come from `npm ci` when `studio/web/node_modules` is missing or older
//! than the lock file (`tests/run-all.sh` runs it before the tests);
//! without Node the tests are skipped with one line, and fail under
//! `CI=true`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;
use std::sync::Mutex;
use std::time::Duration;

use test_support::{debian_packages, repo_root, text, Program};

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));
const NODE: Program = Program("node");
const NPM: Program = Program("npm");

/// The files the Rust binary embeds.
const BUNDLE: &[&str] = &["index.html", "studio.js", "studio.css"];

/// The most the minified script may weigh: CodeMirror's view, state,
/// commands, lint and autocomplete with the page make about 370 kB; a
/// dependency that doubles it should be a decision, not an accident.
const SCRIPT_BUDGET: usize = 450_000;

/// One `npm ci` at a time: the tests of this binary run in parallel.
static INSTALL: Mutex<()> = Mutex::new(());

fn web() -> PathBuf {
    repo_root().join("studio/web")
}

/// Whether Node is there, with the page's packages (installed from the
/// lock file when missing or older than it); `false`: skip, after one line.
fn node_ready() -> bool {
    let found = NODE.command().arg("--version").output().is_ok();
    if !found {
        let said = "skipped: the studio's page tests need Node.js (node and npm on the PATH)";
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{said}");
        eprintln!("{said}");
        return false;
    }
    let _one = INSTALL
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    if !web().join("node_modules/.package-lock.json").exists() {
        let output = NPM.run_within(
            &web(),
            &["ci", "--no-audit", "--no-fund"],
            &[],
            Duration::from_secs(600),
        );
        assert!(
            output.status.success(),
            "npm ci in studio/web failed:\n{}{}",
            text(&output.stdout),
            text(&output.stderr)
        );
    }
    true
}

#[test]
fn the_committed_bundle_is_a_fresh_build_of_the_sources() {
    if !node_ready() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    let output = NPM.run_within(
        &web(),
        &[
            "run",
            "build",
            "--",
            "--outdir",
            out.path().to_str().unwrap(),
        ],
        &[],
        Duration::from_secs(300),
    );
    assert!(output.status.success(), "{}", text(&output.stderr));
    let stale: Vec<&str> = BUNDLE
        .iter()
        .copied()
        .filter(|name| {
            let fresh = std::fs::read(out.path().join(name)).unwrap();
            std::fs::read(web().join("dist").join(name)).ok() != Some(fresh)
        })
        .collect();
    assert!(
        stale.is_empty(),
        "studio/web/dist/{} {} from a fresh build: run `npm ci && npm run build` in studio/web and commit dist/",
        stale.join(", dist/"),
        if stale.len() == 1 { "differs" } else { "differ" }
    );
    let script = std::fs::read(web().join("dist/studio.js")).unwrap().len();
    assert!(
        script <= SCRIPT_BUDGET,
        "studio/web/dist/studio.js weighs {script} bytes, over the budget of {SCRIPT_BUDGET}"
    );
}

#[test]
fn the_page_type_checks() {
    if !node_ready() {
        return;
    }
    let output = NPM.run_within(&web(), &["run", "typecheck"], &[], Duration::from_secs(300));
    assert!(
        output.status.success(),
        "tsc --noEmit in studio/web:\n{}{}",
        text(&output.stdout),
        text(&output.stderr)
    );
}
/// Every step of `studio/web/test/studio.test.mjs` (it prints `ok - STEP`
/// for each, and exits 1 at the first that fails); with
/// `STUDIO_SCREENSHOTS=DIR` its screenshots are kept (the book's
/// `docs/src/studio.png` is its 1280 px one).
#[test]
fn the_studio_works_in_headless_chromium() {
    if !debian_packages(
        "the studio in headless Chromium (cli/tests/studio_browser.rs)",
        &["chromium:chromium"],
    ) || !node_ready()
    {
        return;
    }
    let output = NODE.run_within(
        &web(),
        &["test/studio.test.mjs"],
        &[("ECOSPEC", ECOSPEC.0)],
        Duration::from_secs(300),
    );
    let said = format!("{}{}", text(&output.stdout), text(&output.stderr));
    assert!(output.status.success(), "{said}");
    assert!(said.contains("ok - no console errors"), "{said}");
    assert!(!said.contains("not ok"), "{said}");
}
