//! Did-you-mean: the closest candidate by edit distance, when close enough
//! to be a likely typo.
//!
//! Within budgets (docs/limits.md), since an edit distance costs the product
//! of the two lengths: a name longer than [`MAX_NAME`] characters gets no
//! suggestion and is never suggested; a candidate whose length alone rules it
//! out costs nothing; one typo may spend [`TYPO_BUDGET`] character
//! comparisons and one ecosystem [`ECOSYSTEM_BUDGET`], after which the
//! candidates left are not compared (the diagnostic keeps its other help).

use rustc_hash::FxHashMap;

use ecospec_syntax::DeclKind;

/// Names longer than this (in characters) get no suggestion.
pub const MAX_NAME: usize = 64;
/// Character comparisons one did-you-mean may spend: a 20-character name
/// against 500 candidates of its length.
pub const TYPO_BUDGET: usize = 200_000;
/// Character comparisons the did-you-means of one ecosystem may spend
/// together (well under a second).
pub const ECOSYSTEM_BUDGET: usize = 50_000_000;

/// The candidate closest to `typo`, if its distance is small for its length.
pub fn closest<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    closest_within(typo, candidates, &mut TYPO_BUDGET.clone())
}

/// The did-you-means of one ecosystem's names: what is left of the budget,
/// and the answer for each typo already asked (per kind; names declared
/// inside an intervention are not cached).
#[derive(Debug)]
pub struct Suggestions {
    left: usize,
    asked: FxHashMap<(Box<str>, DeclKind), Option<String>>,
}

impl Default for Suggestions {
    fn default() -> Suggestions {
        Suggestions {
            left: ECOSYSTEM_BUDGET,
            asked: FxHashMap::default(),
        }
    }
}

impl Suggestions {
    /// The closest of `candidates`, all of `kind`; `cache`: the candidates
    /// are the ecosystem's names of that kind, the same for every call.
    pub fn closest<'a>(
        &mut self,
        typo: &str,
        kind: DeclKind,
        cache: bool,
        candidates: impl IntoIterator<Item = &'a str>,
    ) -> Option<String> {
        let key = (Box::from(typo), kind);
        if let (true, Some(known)) = (cache, self.asked.get(&key)) {
            return known.clone();
        }
        let mut budget = TYPO_BUDGET.min(self.left);
        let before = budget;
        let found = closest_within(typo, candidates, &mut budget).map(str::to_string);
        self.left -= before - budget;
        if cache {
            self.asked.insert(key, found.clone());
        }
        found
    }
}

/// As [`closest`], spending at most `budget` character comparisons (what
/// is left of it stays in `budget`).
fn closest_within<'a>(
    typo: &str,
    candidates: impl IntoIterator<Item = &'a str>,
    budget: &mut usize,
) -> Option<&'a str> {
    // At most four bytes a character: a longer text has too many characters.
    if typo.len() > 4 * MAX_NAME {
        return None;
    }
    let len = typo.chars().count();
    if len > MAX_NAME {
        return None;
    }
    let limit = (len / 3).max(1);
    let lowercase = typo.to_lowercase();
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if candidate.len() > 4 * (len + limit) || candidate == typo {
            continue;
        }
        let other = candidate.chars().count();
        if other.abs_diff(len) > limit {
            continue;
        }
        let cost = len.max(1) * other.max(1);
        let Some(left) = budget.checked_sub(cost) else {
            break;
        };
        *budget = left;
        let distance = strsim::damerau_levenshtein(typo, candidate);
        let case_only = candidate.to_lowercase() == lowercase;
        if distance <= limit || case_only {
            let score = if case_only { 0 } else { distance };
            if best.is_none_or(|(d, c)| score < d || (score == d && candidate < c)) {
                best = Some((score, candidate));
            }
        }
    }
    best.map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::{closest, closest_within, MAX_NAME};

    #[test]
    fn finds_close_names_only() {
        let names = ["mobilization", "antimilitarist", "care_network"];
        assert_eq!(closest("mobilisation", names), Some("mobilization"));
        assert_eq!(closest("antimilitarism", names), Some("antimilitarist"));
        assert_eq!(closest("legal", names), None);
        assert_eq!(closest("need", ["needs", "bets_on"]), Some("needs"));
    }

    #[test]
    fn long_names_get_no_suggestion() {
        let long = "a".repeat(100_000);
        let near = format!("{}b", "a".repeat(99_999));
        assert_eq!(closest(&near, [long.as_str()]), None);
        let name = "a".repeat(MAX_NAME);
        let typo = format!("{}b", "a".repeat(MAX_NAME - 1));
        assert_eq!(closest(&typo, [name.as_str()]), Some(name.as_str()));
    }

    #[test]
    fn a_typo_stops_at_its_budget() {
        let names: Vec<String> = (0..10_000).map(|i| format!("cluster_{i:05}")).collect();
        let mut budget = 10 * 13 * 13;
        let found = closest_within(
            "clustre_99999",
            names.iter().map(String::as_str),
            &mut budget,
        );
        assert_eq!(found, None);
        assert!(budget < 13 * 13);
        assert_eq!(
            closest("clustre_00002", names.iter().map(String::as_str)),
            Some("cluster_00002")
        );
    }
}
