//! Did-you-mean: the closest candidate by edit distance, when close enough
//! to be a likely typo.

/// The candidate closest to `typo`, if its distance is small for its length.
pub fn closest<'a>(typo: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let len = typo.chars().count();
    let limit = (len / 3).max(1);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        let other = candidate.chars().count();
        if other.abs_diff(len) > limit || candidate == typo {
            continue;
        }
        let distance = strsim::damerau_levenshtein(typo, candidate);
        let case_only = candidate.to_lowercase() == typo.to_lowercase();
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
    use super::closest;

    #[test]
    fn finds_close_names_only() {
        let names = ["mobilization", "antimilitarist", "care_network"];
        assert_eq!(closest("mobilisation", names), Some("mobilization"));
        assert_eq!(closest("antimilitarism", names), Some("antimilitarist"));
        assert_eq!(closest("legal", names), None);
        assert_eq!(closest("need", ["needs", "bets_on"]), Some("needs"));
    }
}
