//! The diagnostics catalog as data: every code (errors and lints) with its
//! name, one-line and full descriptions and its explanation, read from the
//! one table `build.rs` collects. SARIF rules, GitHub annotation titles,
//! what `ecospec explain` prints and `docs/src/diagnostics.md` are all made
//! from it.

use crate::code::Code;
use crate::lints::{self, Level};
use crate::read_next::{read_more_line, read_next, Chapter};

/// Where the generated catalog page lives, for links (SARIF `helpUri`).
pub const DOCS_URL: &str = "https://github.com/ecospec/ecospec/blob/main/docs/src/diagnostics.md";

/// The project's home, for SARIF `informationUri`.
pub const HOME_URL: &str = "https://github.com/ecospec/ecospec";

#[derive(Clone, Debug)]
pub struct Rule {
    /// `E0201`, `W0403`.
    pub code: Code,
    /// The lint's name, or the error's title in kebab case (`undefined-name`).
    pub name: String,
    /// The explanation's heading after the code (`undefined name`,
    /// `` `uncovered-capability` ``).
    pub title: String,
    /// One line: the lint's summary, or the error's title.
    pub short: String,
    /// The first paragraph of "What it finds", on one line.
    pub full: String,
    /// The whole explanation (Markdown).
    pub explanation: &'static str,
    /// The default level of a lint; `None` for an error code (always an error).
    pub default: Option<Level>,
    /// The chapter of the book to read after the explanation.
    pub read_next: Chapter,
}

impl Rule {
    /// `https://…/docs/src/diagnostics.md#w0403-uncovered-capability`
    pub fn help_uri(&self) -> String {
        format!("{DOCS_URL}#{}", anchor(&self.heading()))
    }

    /// What `ecospec explain` prints: the explanation, then the line
    /// naming the chapter of the book to read next.
    pub fn explained(&self) -> String {
        format!("{}\n\n{}", self.explanation, read_more_line(self.code))
    }

    /// The heading of this code in `docs/src/diagnostics.md`.
    pub fn heading(&self) -> String {
        format!("{} {}", self.code, self.title)
    }
}

/// Every code, errors then lints (sorted by code), with its explanation;
/// built once (every SARIF and GitHub report reads it).
pub fn rules() -> &'static [Rule] {
    static RULES: std::sync::OnceLock<Vec<Rule>> = std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        let errors = Code::ERRORS.into_iter().map(|code| (code, None));
        let lints = lints::LINTS.iter().map(|lint| (lint.code, Some(*lint)));
        errors
            .chain(lints)
            .map(|(code, lint)| rule(code, lint, explanation(code)))
            .collect()
    })
}

/// The explanation `build.rs` collected for `code` (a test checks every
/// code has one).
fn explanation(code: Code) -> &'static str {
    crate::EXPLANATIONS
        .iter()
        .find(|(c, _)| *c == code.as_str())
        .map_or("", |(_, text)| *text)
}

fn rule(code: Code, lint: Option<&lints::Lint>, text: &'static str) -> Rule {
    let title = text
        .lines()
        .next()
        .and_then(|line| line.strip_prefix("# "))
        .and_then(|line| line.strip_prefix(code.as_str()))
        .map(str::trim)
        .unwrap_or_default()
        .to_string();
    let full = section(text, "What it finds")
        .split("\n\n")
        .next()
        .unwrap_or_default()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    match lint {
        Some(lint) => Rule {
            code,
            name: lint.name.to_string(),
            title,
            short: capitalized(lint.summary),
            full,
            explanation: text,
            default: Some(lint.default),
            read_next: read_next(code),
        },
        None => Rule {
            code,
            name: title
                .chars()
                .filter(|c| *c != '`')
                .map(|c| {
                    if c.is_alphanumeric() || c == '-' {
                        c
                    } else {
                        ' '
                    }
                })
                .collect::<String>()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join("-")
                .to_lowercase(),
            short: capitalized(&title.replace('`', "")),
            title,
            full,
            explanation: text,
            default: None,
            read_next: read_next(code),
        },
    }
}

/// What `ecospec explain CODE_OR_NAME` prints: the explanation, then the
/// line naming the chapter of the book to read next. `None` for a code or
/// lint name that does not exist.
pub fn explain(code_or_name: &str) -> Option<String> {
    find(code_or_name).map(Rule::explained)
}

/// The rule `ecospec explain` takes: a code (in any case) or a lint's name.
pub fn find(code_or_name: &str) -> Option<&'static Rule> {
    let code = lints::find(code_or_name).map_or(code_or_name, |lint| lint.code.as_str());
    rules()
        .iter()
        .find(|rule| rule.code.as_str().eq_ignore_ascii_case(code))
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The text of a `## NAME` section, trimmed.
pub fn section<'a>(text: &'a str, name: &str) -> &'a str {
    let heading = format!("## {name}\n");
    let Some(start) = text.find(&heading) else {
        return "";
    };
    let rest = text.get(start + heading.len()..).unwrap_or_default();
    let end = rest.find("\n## ").unwrap_or(rest.len());
    rest.get(..end).unwrap_or_default().trim()
}

/// The anchor GitHub gives a Markdown heading: lowercase, punctuation
/// other than `-` and `_` dropped, spaces made `-`.
pub fn anchor(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

/// `docs/src/diagnostics.md`: the whole catalog, one section per code, made
/// from the explanations (a test keeps the committed file up to date).
pub fn diagnostics_markdown() -> String {
    let rules = rules();
    let mut out = String::from(
        "# Diagnostics\n\n\
         <!-- Generated from compiler/explain/E*.md and the `//!` docs of\n\
         compiler/src/lints/*.rs by `UPDATE_DOCS=1 cargo test -p ecospec --test docs`.\n\
         Do not edit by hand: edit the explanation and regenerate. -->\n\n\
         Every diagnostic of ecospec, as `ecospec explain CODE` prints it. Errors\n\
         are always errors; a lint's level is its default, changed by\n\
         `ecospec.toml`, `-A/-W/-D` or `@allow(...)`.\n\n\
         | code | name | level | what it finds |\n|---|---|---|---|\n",
    );
    for rule in rules {
        let level = rule.default.map_or("error", Level::as_str);
        out.push_str(&format!(
            "| [{}](#{}) | `{}` | {} | {} |\n",
            rule.code,
            anchor(&rule.heading()),
            rule.name,
            level,
            rule.short
        ));
    }
    for rule in rules {
        out.push('\n');
        out.push_str(&format!("## {}\n", rule.heading()));
        let body = rule
            .explanation
            .split_once('\n')
            .map_or("", |(_, rest)| rest);
        let mut fenced = false;
        for line in body.lines() {
            if line.starts_with("```") {
                fenced = !fenced;
            }
            if !fenced && line.starts_with('#') {
                out.push('#');
            }
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!(
            "\nRead more: [{}]({}).\n",
            rule.read_next.title, rule.read_next.path
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn anchors_follow_github() {
        assert_eq!(
            anchor("W0403 `uncovered-capability`"),
            "w0403-uncovered-capability"
        );
        assert_eq!(
            anchor("E0305 invalid `ecospec.toml`"),
            "e0305-invalid-ecospectoml"
        );
    }

    #[test]
    fn explain_ends_with_the_chapter_to_read_next() {
        let text = explain("W0401").unwrap_or_default();
        assert!(text.starts_with("# W0401 `unbridged-cluster`\n"), "{text}");
        assert!(
            text.ends_with(
                "\n\nRead more in the ecospec book: Bridges (docs/src/reference/bridge.md)"
            ),
            "{text}"
        );
        // A lint's name finds it too; an unknown code finds nothing.
        assert_eq!(explain("unbridged-cluster"), explain("W0401"));
        assert_eq!(explain("W0999"), None);
    }

    #[test]
    fn every_code_is_a_rule_with_descriptions() {
        let rules = rules();
        assert_eq!(rules.len(), crate::EXPLANATIONS.len());
        assert_eq!(rules.len(), Code::ERRORS.len() + lints::LINTS.len());
        assert!(rules.windows(2).all(|w| w[0].code < w[1].code));
        for rule in rules {
            assert!(!rule.name.is_empty(), "{}", rule.code);
            assert!(!rule.short.is_empty(), "{}", rule.code);
            assert!(!rule.full.is_empty(), "{}", rule.code);
        }
        let e0201 = rules.iter().find(|r| r.code == Code::E0201);
        assert_eq!(e0201.map(|r| r.name.as_str()), Some("undefined-name"));
        let e0305 = rules.iter().find(|r| r.code == Code::E0305);
        assert_eq!(e0305.map(|r| r.name.as_str()), Some("invalid-ecospec-toml"));
    }
}
