#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::PathBuf;

use crate::check::{check, Options, Outcome};
use crate::load::Input;
use crate::memfs::MemFs;

use super::{html, markdown, report, Cell};

fn checked(text: &str) -> Outcome {
    let mut fs = MemFs::new();
    fs.insert("/spec/all.eco", text.as_bytes());
    check(
        &fs,
        &[Input::Folder(PathBuf::from("/spec"))],
        &Options::default(),
    )
    .unwrap()
}

const SPEC: &str = r#"
ecosystem "All In" { task: "System change" }
capability comms
capability legal
capability unused
scenario arrests "A wave of arrests" { removes: lawyer }
scenario quiet
cluster a { bets_on: arrests needs: comms, legal }
cluster b { bets_on: arrests needs: comms }
actor x { in: a provides: comms }
actor y { in: b serves: a provides: comms }
actor lawyer { serves: a provides: legal }
bridge ab between a and b { via: comms }
on arrests { activate: a support: b }
"#;

#[test]
fn the_coverage_table_marks_uncovered_needs_and_single_providers() {
    let r = report(&checked(SPEC));
    let coverage = &r.ecosystems[0].coverage;
    let columns: Vec<&str> = coverage
        .capabilities
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    // Only needed capabilities are columns.
    assert_eq!(columns, ["comms", "legal"]);
    let a = &coverage.rows[0];
    assert_eq!(a.cluster.name, "a");
    assert!(matches!(&a.cells[0], Cell::Provided { count: 2, .. }));
    assert!(matches!(&a.cells[1], Cell::Provided { count: 1, shown } if shown[0].name == "lawyer"));
    let b = &coverage.rows[1];
    assert!(matches!(&b.cells[0], Cell::Provided { count: 1, .. }));
    assert_eq!(b.cells[1], Cell::NotNeeded);
}

#[test]
fn each_scenario_is_walked_by_what_if() {
    let r = report(&checked(SPEC));
    let scenarios = &r.ecosystems[0].scenarios;
    assert_eq!(scenarios.walked.len(), 2);
    assert!(scenarios.not_walked.is_empty());
    let text = markdown(&r);
    // What-if's own walk: the arrests take the lawyer, and `legal` with it.
    let outcome = checked(SPEC);
    let now = crate::scenario::Now::new(&outcome, 0, None).unwrap();
    let walk = crate::scenario::render::markdown(&now.what_if("arrests", &[]).unwrap(), None);
    assert!(text.contains(walk.trim_end()), "{text}");
    assert!(walk.contains("needs `legal`: **nobody**"), "{walk}");
    // Without an `on` rule, why not.
    assert!(
        text.contains("### `quiet`\n\nscenario `quiet` has no `on` rule"),
        "{text}"
    );
    let page = html(&r);
    assert!(
        page.contains("<strong class=\"gap\">nobody</strong>"),
        "{page}"
    );
}

#[test]
fn a_large_ecosystem_walks_a_few_scenarios_and_names_the_others() {
    assert_eq!(super::walk_limit(10), 50);
    assert_eq!(super::walk_limit(200_000), 2);
    assert_eq!(super::walk_limit(10_000_000), 1);
    let mut spec = String::from("cluster c\n");
    for i in 0..80 {
        spec.push_str(&format!("scenario s{i}\n"));
    }
    let r = report(&checked(&spec));
    let scenarios = &r.ecosystems[0].scenarios;
    assert_eq!(scenarios.walked.len(), 50);
    // The first twenty left out are named, the others counted.
    assert_eq!(scenarios.not_walked.len(), 20);
    assert_eq!(scenarios.more, 10);
    let text = markdown(&r);
    assert!(text.contains("30 more scenarios are not walked here (ask `ecospec what-if --scenario NAME`): `s50`, `s51`,"), "{text}");
    assert!(text.contains("`s69`, and 10 more.\n"), "{text}");
}

#[test]
fn findings_come_with_their_explanation() {
    let text = markdown(&report(&checked(&format!(
        "{SPEC}\ncluster c {{ bets_on: quiet }}\n"
    ))));
    assert!(
        text.contains("### W0401 `unbridged-cluster` (1)\n\n"),
        "{text}"
    );
    let after = text.split("### W0401").nth(1).unwrap();
    // The catalog's first paragraph, then the finding.
    assert!(after.contains("bridge"), "{after}");
    assert!(after.contains("- **warning** cluster `c`"), "{after}");
    assert!(after.contains("(`/spec/all.eco:16:9`)"), "{after}");
}

const HOSTILE: &str = "ecosystem \"<script>alert('t')</script> | ]]> -->\" { task: \"a \\\"quoted\\\" \\\\ task $x$ *b* [l](http://e) \u{1F30D}\" }\ncapability k \"K | <b>\"\ncluster c \"C | <img src=x onerror=alert(1)> ` \u{270A}\" { needs: k }\nactor a \"A</td><script>x</script>\" { in: c provides: k }\n";

#[test]
fn spec_text_never_becomes_markup_in_html() {
    let page = html(&report(&checked(HOSTILE)));
    assert!(!page.contains("<script"), "{page}");
    assert!(!page.contains("<img"), "{page}");
    assert!(!page.contains("<b>"), "{page}");
    assert!(!page.contains("]]>"), "{page}");
    assert!(!page.contains("-->"), "{page}");
    assert!(
        page.contains("<h1>&lt;script&gt;alert(&#39;t&#39;)&lt;/script&gt; | ]]&gt; --&gt;</h1>"),
        "{page}"
    );
    assert!(
        page.contains("A&lt;/td&gt;&lt;script&gt;x&lt;/script&gt;"),
        "{page}"
    );
    assert!(page.contains("\u{270A}") && page.contains("\u{1F30D}"));
    assert!(page.contains("a &quot;quoted&quot; \\ task"), "{page}");
    // Nothing is fetched, nothing runs.
    assert!(page.contains("default-src 'none'"));
    for fetched in ["src=\"", "href=\"", "url(", "@import"] {
        assert!(!page.contains(fetched), "{fetched}: {page}");
    }
}

#[test]
fn spec_text_never_becomes_markup_in_markdown() {
    let text = markdown(&report(&checked(HOSTILE)));
    assert!(!text.contains("<script"), "{text}");
    assert!(!text.contains("<img"), "{text}");
    assert!(
        text.starts_with("# &lt;script&gt;alert('t')&lt;/script&gt; \\| \\]\\]&gt; --&gt;\n"),
        "{text}"
    );
    assert!(
        text.contains(
            "**Task:** a \"quoted\" \\\\ task \\$x\\$ \\*b\\* \\[l\\](http://e) \u{1F30D}"
        ),
        "{text}"
    );
    // The table keeps its columns: a `|` in a label is escaped.
    let row = text.lines().find(|l| l.starts_with("| C ")).unwrap();
    let cells = row
        .char_indices()
        .filter(|(i, c)| *c == '|' && !row[..*i].ends_with('\\'))
        .count();
    assert_eq!(cells, 3, "{row}");
    assert!(
        row.contains("A&lt;/td&gt;&lt;script&gt;x&lt;/script&gt;"),
        "{row}"
    );
}

#[test]
fn the_html_page_stands_alone_and_reflows() {
    let page = html(&report(&checked(SPEC)));
    assert!(page.starts_with("<!DOCTYPE html>\n"));
    assert!(
        page.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
    );
    assert!(page.contains("@media print"));
    assert!(page.contains("@media (max-width: 40rem)"));
    for fetched in ["<link", "<script", "src=", "@import", "url("] {
        assert!(!page.contains(fetched), "{fetched}");
    }
    assert!(page.contains("<td class=\"uncovered\">") || page.contains("class=\"single\""));
}

#[test]
fn the_same_spec_gives_the_same_bytes() {
    assert_eq!(
        markdown(&report(&checked(SPEC))),
        markdown(&report(&checked(SPEC)))
    );
    assert_eq!(html(&report(&checked(SPEC))), html(&report(&checked(SPEC))));
}

#[test]
fn a_wide_coverage_is_a_list_per_cluster() {
    let mut spec = String::from("cluster c { needs: ");
    let caps: Vec<String> = (0..=super::TABLE_COLUMNS)
        .map(|i| format!("k{i}"))
        .collect();
    spec.push_str(&caps.join(", "));
    spec.push_str(" }\n");
    for cap in &caps {
        spec.push_str(&format!("capability {cap}\n"));
    }
    let text = markdown(&report(&checked(&spec)));
    assert!(!text.contains("| cluster | `k0`"), "{text}");
    assert!(text.contains("- `c`\n  - `k0`: 🔴 **nobody**\n"), "{text}");
}

#[test]
fn the_losses_are_what_if_s_ranking() {
    let outcome = checked(SPEC);
    let r = report(&outcome);
    let now = crate::scenario::Now::new(&outcome, 0, None).unwrap();
    let ranking = crate::scenario::losses::losses(&now);
    assert!(ranking.iter().any(|l| &*l.name == "lawyer"), "{ranking:?}");
    assert_eq!(r.ecosystems[0].losses, ranking);
    let text = markdown(&r);
    let table = crate::scenario::render::losses::markdown(&ranking, super::TOP, None);
    assert!(
        text.contains(&format!("## Losses\n\n{}", table.trim_end())),
        "{text}"
    );
    let page = html(&r);
    assert!(page.contains("<td><code>lawyer</code></td><td>actor</td><td>1</td><td>warning W0403 <code>uncovered-capability</code> (<code>a</code>, <code>legal</code>)</td>"), "{page}");
}
