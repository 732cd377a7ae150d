//! A name in a list, resolved (or not) to an index, and walking a list's
//! resolved entries, each once.

use crate::diagnostic::Loc;

/// A name in a list, resolved (or not) to an index in its kind's vector.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ref {
    pub index: Option<usize>,
    pub name: Box<str>,
    pub loc: Loc,
}

/// Resolved entries of a list, each index once, in order of first entry.
/// Linear in the list's length (a bridge `among` 100,000 clusters, a rule
/// activating as many).
pub fn distinct(refs: &[Ref]) -> impl Iterator<Item = (usize, &Ref)> {
    let mut seen = Seen::default();
    refs.iter().filter_map(move |r| {
        r.index
            .filter(|index| seen.insert(*index))
            .map(|index| (index, r))
    })
}

/// A set of indices, searched linearly while it is small (most lists hold a
/// name or two) and hashed once it grows.
#[derive(Default)]
pub struct Seen {
    few: Vec<usize>,
    many: rustc_hash::FxHashSet<usize>,
}

impl Seen {
    /// Past this many, indices move to the hash set.
    const FEW: usize = 16;

    /// Adds `index`; whether it was new.
    pub fn insert(&mut self, index: usize) -> bool {
        if self.many.is_empty() {
            if self.few.contains(&index) {
                return false;
            }
            if self.few.len() < Self::FEW {
                self.few.push(index);
                return true;
            }
            self.many.extend(self.few.drain(..));
        }
        self.many.insert(index)
    }
}
