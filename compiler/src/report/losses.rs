//! The losses ranking in the report (section 10): `ecospec what-if
//! --losses` itself (`scenario::losses`), the first [`TOP`] of it.

use crate::export::Configuration;
use crate::scenario::losses::{losses, Loss};

/// Losses the report lists, at most (`what-if --losses --top N` lists more).
pub const TOP: usize = 10;

/// Every single loss that opens a finding at warn or deny, ranked.
pub fn ranking(c: &Configuration<'_>) -> Vec<Loss> {
    losses(&c.now)
}
