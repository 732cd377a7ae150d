//! `ecospec report`: the Markdown report of the All In example and of two
//! training exercises against golden files (`tests/report/*.md`; `BLESS=1`
//! rewrites them), `-o FILE`, usage errors, and the HTML page opened in
//! headless Chromium (Debian's `chromium`, installed as
//! `tests/debian-packages.sh` does: as root, else one line and a skip;
//! never skipped with `CI=true`): screenshots at 1280 and 375 px that are
//! not blank, and no console message at all (the page has no script, so
//! any message is an error, such as a blocked load).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::time::Duration;

use test_support::{debian_packages, folder, golden, repo_root, text, Program};

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));
const CHROMIUM: Program = Program("chromium");

/// The examples with a golden Markdown report, by the golden file's name.
const GOLDEN: &[(&str, &str)] = &[
    ("all-in", "examples/all-in"),
    (
        "W0401-unbridged-cluster",
        "examples/training/W0401-unbridged-cluster",
    ),
    ("W0422-scenario-gap", "examples/training/W0422-scenario-gap"),
];

#[test]
fn the_markdown_reports_match_their_golden_files() {
    let root = repo_root();
    let mut problems = Vec::new();
    for (name, example) in GOLDEN {
        let output = ECOSPEC.run(&root, &["report", example, "--format", "markdown"]);
        assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
        let path = root.join("tests/report").join(format!("{name}.md"));
        if let Err(problem) = golden(&path, &text(&output.stdout)) {
            problems.push(problem);
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn dash_o_writes_what_standard_output_shows() {
    let dir = folder(&[(
        "spec/all.eco",
        "cluster a\ncluster b\nbridge ab between a and b\n",
    )]);
    let shown = ECOSPEC.run(dir.path(), &["report", "spec", "--format", "html"]);
    assert_eq!(shown.status.code(), Some(0));
    let written = ECOSPEC.run(
        dir.path(),
        &[
            "report",
            "spec",
            "--format",
            "html",
            "-o",
            "out/report.html",
        ],
    );
    // The folder of `-o` must exist: nothing is made around the file.
    assert_eq!(written.status.code(), Some(2), "{}", text(&written.stderr));
    let written = ECOSPEC.run(
        dir.path(),
        &["report", "spec", "--format", "html", "-o", "report.html"],
    );
    assert_eq!(written.status.code(), Some(0), "{}", text(&written.stderr));
    assert!(written.stdout.is_empty());
    assert_eq!(
        std::fs::read(dir.path().join("report.html")).unwrap(),
        shown.stdout
    );
}

#[test]
fn a_missing_path_is_a_usage_error() {
    let dir = folder(&[]);
    let output = ECOSPEC.run(dir.path(), &["report", "nowhere"]);
    assert_eq!(output.status.code(), Some(2));
    let stderr = text(&output.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("`nowhere` does not exist"), "{stderr}");
    assert!(output.stdout.is_empty());
}

/// Whether Chromium is there (installing it when we may); `false`: the
/// test is skipped, with the line `tests/debian-packages.sh` printed.
fn chromium_ready(step: &str) -> bool {
    debian_packages(step, &["chromium:chromium"])
}

/// Opens `page` in headless Chromium at `width` px; the screenshot's
/// pixels (RGBA rows) and what Chromium logged.
fn screenshot(page: &Path, width: u32, dir: &Path) -> (png::OutputInfo, Vec<u8>, String) {
    let shot = dir.join(format!("shot-{width}.png"));
    let profile = dir.join(format!("profile-{width}"));
    let args = [
        "--headless".to_string(),
        "--no-sandbox".into(),
        "--disable-gpu".into(),
        "--no-first-run".into(),
        "--disable-background-networking".into(),
        "--disable-component-update".into(),
        "--disable-sync".into(),
        format!("--user-data-dir={}", profile.display()),
        "--enable-logging=stderr".into(),
        "--v=0".into(),
        format!("--window-size={width},900"),
        format!("--screenshot={}", shot.display()),
        format!("file://{}", page.display()),
    ];
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = CHROMIUM.run_within(dir, &args, &[], Duration::from_secs(120));
    let log = text(&output.stderr);
    assert!(output.status.success(), "{log}");
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(&shot).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size()];
    let info = reader.next_frame(&mut pixels).unwrap();
    pixels.truncate(info.buffer_size());
    (info, pixels, log)
}

/// The share of pixels that differ from the first one (the page's
/// background).
fn ink(info: &png::OutputInfo, pixels: &[u8]) -> f64 {
    let step = info.color_type.samples();
    let background = &pixels[..step];
    let differing = pixels.chunks(step).filter(|p| *p != background).count();
    differing as f64 / (info.width as f64 * info.height as f64)
}

#[test]
fn the_html_report_opens_in_headless_chromium() {
    if !chromium_ready("the HTML report in headless Chromium (cli/tests/report.rs)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("all-in.html");
    let output = ECOSPEC.run(
        &repo_root(),
        &[
            "report",
            "examples/all-in",
            "--format",
            "html",
            "-o",
            page.to_str().unwrap(),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", text(&output.stderr));
    for width in [1280, 375] {
        let (info, pixels, log) = screenshot(&page, width, dir.path());
        assert_eq!(info.width, width);
        let share = ink(&info, &pixels);
        assert!(
            share > 0.01,
            "{width} px: the screenshot is blank ({share})"
        );
        let console: Vec<&str> = log.lines().filter(|l| l.contains(":CONSOLE")).collect();
        assert!(console.is_empty(), "{width} px: {}", console.join("\n"));
    }
}

#[test]
fn the_console_check_sees_a_blocked_script() {
    // The check above is only worth something if a page that logs is seen.
    if !chromium_ready("the HTML report in headless Chromium (cli/tests/report.rs)") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("bad.html");
    std::fs::write(
        &page,
        "<!DOCTYPE html><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"><p>x</p><script>1</script>",
    )
    .unwrap();
    let (_, _, log) = screenshot(&page, 375, dir.path());
    assert!(log.lines().any(|l| l.contains(":CONSOLE")), "{log}");
}
