//! The training exercises (`examples/training/`), embedded at build time
//! by `build.rs`: `GET /api/exercises`.

use serde::Serialize;

/// One exercise: its folder's name and its two files.
#[derive(Debug)]
pub struct Exercise {
    pub name: &'static str,
    pub gap: &'static str,
    pub fixed: &'static str,
}

/// Every exercise, sorted by name.
pub static EXERCISES: &[Exercise] = include!(concat!(env!("OUT_DIR"), "/exercises.rs"));

/// An exercise as the page receives it.
#[derive(Serialize)]
pub struct Shown {
    pub name: &'static str,
    pub title: String,
    pub gap: &'static str,
    pub fixed: &'static str,
}

impl Exercise {
    pub fn shown(&self) -> Shown {
        Shown {
            name: self.name,
            title: title(self.gap),
            gap: self.gap,
            fixed: self.fixed,
        }
    }
}

/// The story's first sentence, from `gap.eco`'s opening comment: its
/// heading (`Exercise W0401 unbridged-cluster: the gap.`) and licence line
/// skipped, or the heading's own question after `Exercise: ` when the
/// heading is the story (`what-if-ban`).
pub fn title(gap: &str) -> String {
    let text: Vec<&str> = gap
        .lines()
        .map_while(|line| line.trim_start().strip_prefix("//"))
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with("SPDX-License-Identifier"))
        .collect();
    let text = text.join(" ");
    let mut sentences = sentences(&text);
    match sentences.first() {
        Some(first) if first.starts_with("Exercise: ") => {
            first.trim_start_matches("Exercise: ").to_string()
        }
        Some(first) if first.starts_with("Exercise ") && sentences.len() > 1 => {
            sentences.swap_remove(1).to_string()
        }
        Some(first) => first.to_string(),
        None => String::new(),
    }
}

/// The sentences of a text: each ends at `.`, `?` or `!` followed by a space.
fn sentences(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    for (at, c) in text.char_indices() {
        let next = text
            .get(at + c.len_utf8()..)
            .and_then(|rest| rest.chars().next());
        if matches!(c, '.' | '?' | '!') && next == Some(' ') {
            out.extend(text.get(start..=at).map(str::trim));
            start = at + 1;
        }
    }
    out.extend(
        text.get(start..)
            .map(str::trim)
            .filter(|rest| !rest.is_empty()),
    );
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]
    use super::*;

    #[test]
    fn every_training_folder_is_embedded_in_order() {
        let training =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/training");
        let mut folders: Vec<String> = std::fs::read_dir(training)
            .unwrap()
            .map(|entry| entry.unwrap())
            .filter(|entry| entry.file_type().unwrap().is_dir())
            .map(|entry| entry.file_name().into_string().unwrap())
            .collect();
        folders.sort();
        let embedded: Vec<&str> = EXERCISES.iter().map(|e| e.name).collect();
        assert_eq!(embedded, folders);
        assert!(embedded.len() >= 24, "{embedded:?}");
        let training =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/training");
        for exercise in EXERCISES {
            let folder = training.join(exercise.name);
            let gap = std::fs::read_to_string(folder.join("gap.eco")).unwrap();
            let fixed = std::fs::read_to_string(folder.join("fixed.eco")).unwrap();
            assert_eq!(exercise.gap, gap, "{}", exercise.name);
            assert_eq!(exercise.fixed, fixed, "{}", exercise.name);
        }
    }

    #[test]
    fn the_title_is_the_first_line_of_the_story() {
        let w0401 = EXERCISES
            .iter()
            .find(|e| e.name == "W0401-unbridged-cluster")
            .unwrap();
        assert_eq!(
            title(w0401.gap),
            "Two clusters, each with its grand strategy, and nothing between them."
        );
        let ban = EXERCISES.iter().find(|e| e.name == "what-if-ban").unwrap();
        assert_eq!(
            title(ban.gap),
            "what if the war escalates, and the government bans the Peace Alliance?"
        );
        assert_eq!(
            title("// Exercise X: the gap.\necosystem a {}\n"),
            "Exercise X: the gap."
        );
        assert_eq!(title(""), "");
    }
}
