//! Did-you-mean: the closest candidate by edit distance, when close enough
//! to be a likely typo.
//!
//! Within budgets (docs/src/limits.md), since an edit distance costs the product
//! of the two lengths: a name longer than [`MAX_NAME`] characters gets no
//! suggestion and is never suggested; a candidate whose length alone rules it
//! out costs nothing; one typo may spend [`TYPO_BUDGET`] character
//! comparisons and one ecosystem [`ECOSYSTEM_BUDGET`]. A suggestion is always
//! the closest candidate: a typo whose budget runs out before every
//! candidate was compared gets none (the diagnostic keeps its other help).

use rustc_hash::FxHashMap;

use ecospec_syntax::DeclKind;

use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Loc};

/// Names longer than this (in characters) get no suggestion.
pub const MAX_NAME: usize = 64;
/// Character comparisons one did-you-mean may spend: a 20-character name
/// against 5,000 candidates of its length, or against 500 that are all close.
pub const TYPO_BUDGET: usize = 200_000;
/// Character comparisons the did-you-means of one ecosystem may spend
/// together (well under a second).
pub const ECOSYSTEM_BUDGET: usize = 20_000_000;

/// Adds `help: did you mean ...?` and the safe fix that replaces `name`,
/// written at `at`, with `suggestion`.
pub fn did_you_mean(diagnostic: Diagnostic, at: Loc, name: &str, suggestion: &str) -> Diagnostic {
    diagnostic
        .help(format!("did you mean `{suggestion}`?"))
        .fix(Fix {
            message: format!("replace `{name}` with `{suggestion}`"),
            edits: vec![Edit {
                loc: at,
                replacement: suggestion.to_string(),
            }],
            applicability: Applicability::Safe,
        })
}

/// The candidate closest to `typo`, if its distance is small for its length.
pub fn closest<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    closest_within(typo, candidates, &mut TYPO_BUDGET.clone())
}

/// The level of ecospec a level written as another tool's word means
/// (`warning` → `warn`, `error` → `deny`, `info` → `note`, `off` and
/// `ignore` → `allow`, in any case), else the closest level by edit
/// distance. Help only: the word is still not a level.
pub fn level_word(word: &str) -> Option<&'static str> {
    const LEVELS: [&str; 4] = ["allow", "note", "warn", "deny"];
    const OTHER_TOOLS: [(&str, &str); 12] = [
        ("warning", "warn"),
        ("warnings", "warn"),
        ("error", "deny"),
        ("errors", "deny"),
        ("forbid", "deny"),
        ("info", "note"),
        ("information", "note"),
        ("hint", "note"),
        ("off", "allow"),
        ("ignore", "allow"),
        ("none", "allow"),
        ("disabled", "allow"),
    ];
    let lower = word.to_lowercase();
    if let Some(level) = LEVELS.iter().find(|level| **level == lower) {
        return Some(level);
    }
    if let Some((_, level)) = OTHER_TOOLS.iter().find(|(other, _)| *other == lower) {
        return Some(level);
    }
    closest(word, LEVELS)
}

/// The lint `name` most likely means: the closest lint name by edit
/// distance, else the one lint name `name` is a prefix of (`unbridged` →
/// `unbridged-cluster`). Help only.
pub fn lint_name_for<'a>(
    name: &str,
    lints: impl Iterator<Item = &'a str> + Clone,
) -> Option<&'a str> {
    if let Some(found) = closest(name, lints.clone()) {
        return Some(found);
    }
    if name.is_empty() {
        return None;
    }
    let mut prefixed = lints.filter(|lint| lint.starts_with(name) && *lint != name);
    match (prefixed.next(), prefixed.next()) {
        (Some(one), None) => Some(one),
        _ => None,
    }
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
/// is left of it stays in `budget`); `None` when they do not suffice.
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
    let bag = Bag::of(typo);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if candidate.len() > 4 * (len + limit) || candidate == typo {
            continue;
        }
        let other = candidate.chars().count();
        if other.abs_diff(len) > limit {
            continue;
        }
        // A lower bound first, in a pass over the candidate; the distance
        // itself compares every character with every other.
        *budget = budget.checked_sub(len + other)?;
        if bag.distance(candidate) > limit {
            continue;
        }
        *budget = budget.checked_sub(len.max(1) * other.max(1))?;
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

/// The letters of a name as a multiset, ASCII case folded, every other
/// character counted as one: how many characters of another name find no
/// match in it (or the other way round) is at most their edit distance, for
/// none of insertion, deletion, substitution and transposition changes it
/// by more than one.
struct Bag {
    counts: [u8; 128],
    len: usize,
}

impl Bag {
    fn slot(c: char) -> usize {
        if c.is_ascii() {
            usize::from(c.to_ascii_lowercase() as u8)
        } else {
            0
        }
    }

    fn of(name: &str) -> Bag {
        let mut counts = [0u8; 128];
        let mut len = 0;
        for c in name.chars() {
            if let Some(count) = counts.get_mut(Bag::slot(c)) {
                *count = count.saturating_add(1);
            }
            len += 1;
        }
        Bag { counts, len }
    }

    /// A lower bound of the edit distance between this name and `other`.
    fn distance(&self, other: &str) -> usize {
        let mut counts = self.counts;
        let (mut unmatched, mut other_len) = (0, 0);
        for c in other.chars() {
            other_len += 1;
            match counts.get_mut(Bag::slot(c)) {
                Some(count) if *count > 0 => *count -= 1,
                _ => unmatched += 1,
            }
        }
        let matched = other_len - unmatched;
        unmatched.max(self.len.saturating_sub(matched))
    }
}

#[cfg(test)]
mod tests {
    use super::{closest, closest_within, level_word, lint_name_for, Bag, MAX_NAME};

    // 9.5, rule by rule.

    #[test]
    fn the_distance_is_damerau_levenshtein() {
        // A transposition is one edit (Levenshtein would count two).
        assert_eq!(closest("ab", ["ba"]), Some("ba"));
        assert_eq!(
            closest("mobilizaiton", ["mobilization"]),
            Some("mobilization")
        );
    }

    #[test]
    fn the_distance_is_at_most_a_third_of_the_length_and_at_least_one() {
        // 3 characters: 1 edit; 6: 2 edits; 2: still 1.
        assert_eq!(closest("abc", ["abd"]), Some("abd"));
        assert_eq!(closest("abc", ["ade"]), None);
        assert_eq!(closest("abcdef", ["abcdxy"]), Some("abcdxy"));
        assert_eq!(closest("abcdef", ["abcxyz"]), None);
        assert_eq!(closest("ab", ["xb"]), Some("xb"));
    }

    #[test]
    fn the_length_is_counted_in_characters() {
        // `ñandú` is 5 characters (7 bytes): 1 edit allowed, not 2.
        assert_eq!(closest("ñandú", ["ñandu"]), Some("ñandu"));
        assert_eq!(closest("ñandú", ["nandu"]), None);
    }

    #[test]
    fn lengths_differ_by_no_more_than_the_limit() {
        assert_eq!(closest("need", ["needs"]), Some("needs"));
        assert_eq!(closest("need", ["needss"]), None);
        assert_eq!(closest("abcdef", ["abcdefgh"]), Some("abcdefgh"));
        assert_eq!(closest("abcdef", ["abcdefghi"]), None);
    }

    #[test]
    fn a_candidate_equal_but_for_case_wins() {
        // Whatever its distance, and over a closer one.
        assert_eq!(
            closest("MOBILIZATION", ["mobilization"]),
            Some("mobilization")
        );
        assert_eq!(
            closest("Mobilization", ["Mobilizations", "mobilization"]),
            Some("mobilization")
        );
        assert_eq!(closest("Çevre", ["çevre", "Çevrea"]), Some("çevre"));
    }

    #[test]
    fn ties_go_to_the_smaller_name_by_code_points() {
        for names in [["zb", "ñb"], ["ñb", "zb"]] {
            assert_eq!(closest("ab", names), Some("zb"));
        }
        for names in [["cat_", "cbt"], ["cbt", "cat_"]] {
            assert_eq!(closest("cat", names), Some("cat_"));
        }
        for names in [["MOB", "Mob"], ["Mob", "MOB"]] {
            assert_eq!(closest("mob", names), Some("MOB"));
        }
    }

    #[test]
    fn other_tools_level_words_suggest_ours() {
        for (word, ours) in [
            ("warning", "warn"),
            ("error", "deny"),
            ("info", "note"),
            ("off", "allow"),
            ("ignore", "allow"),
            ("Warning", "warn"),
            ("DENY", "deny"),
            ("alow", "allow"),
        ] {
            assert_eq!(level_word(word), Some(ours), "{word}");
        }
        assert_eq!(level_word("loud"), None);
    }

    #[test]
    fn a_prefix_of_exactly_one_lint_name_suggests_it() {
        let lints = ["unbridged-cluster", "unused-capability", "orphan-actor"];
        assert_eq!(
            lint_name_for("unbridged", lints.iter().copied()),
            Some("unbridged-cluster")
        );
        assert_eq!(lint_name_for("un", lints.iter().copied()), None);
        assert_eq!(lint_name_for("", lints.iter().copied()), None);
        // Edit distance first.
        assert_eq!(
            lint_name_for("orphan-actr", lints.iter().copied()),
            Some("orphan-actor")
        );
    }

    #[test]
    fn finds_close_names_only() {
        let names = ["mobilization", "antimilitarist", "care_network"];
        assert_eq!(closest("mobilisation", names), Some("mobilization"));
        assert_eq!(closest("antimilitarism", names), Some("antimilitarist"));
        assert_eq!(closest("legal", names), None);
        assert_eq!(closest("need", ["needs", "bets_on"]), Some("needs"));
    }

    #[test]
    fn the_bag_bound_never_exceeds_the_distance() {
        let names = [
            "",
            "a",
            "ab",
            "ba",
            "abc",
            "ca",
            "Mobilization",
            "mobilisation",
            "care_network",
            "carenetwork",
            "ñandú",
            "nandu",
            "antimilitarist",
            "militarist_anti",
            "c0",
            "c00",
        ];
        for a in names {
            for b in names {
                let bound = Bag::of(a).distance(b);
                let distance = strsim::damerau_levenshtein(&a.to_lowercase(), &b.to_lowercase());
                assert!(bound <= distance, "{a} {b}: {bound} > {distance}");
            }
        }
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
    fn a_typo_gets_no_suggestion_past_its_budget() {
        let names: Vec<String> = (0..500).map(|i| format!("cluster_{i:05}")).collect();
        let names = || names.iter().map(String::as_str);
        assert_eq!(closest("clustre_00002", names()), Some("cluster_00002"));
        // Enough for ten candidates only: the closest may be among the others.
        let mut budget = 10 * (13 * 13 + 26);
        assert_eq!(closest_within("clustre_00002", names(), &mut budget), None);
        assert!(budget < 13 * 13 + 26);
    }
}
