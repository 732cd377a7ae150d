//! Questions an editor asks of a checked folder: which declaration a place
//! names, where a name is used, whether a rename is safe, what to show on
//! hover, what to offer for completion, how to colour, outline and fold a
//! file, and where an `@allow` goes. Everything is read off
//! [`check`](crate::check::check)'s [`Outcome`](crate::check::Outcome) and
//! the syntax trees; nothing is checked again. Positions are byte offsets:
//! converting them is the editor side's job.

pub mod allow;
mod complete;
mod describe;
mod folding;
mod highlight;
mod hover;
mod names;
mod outline;
mod words;

pub use complete::{complete, completion_context, Candidate, CandidateKind, Context};
pub use describe::describe;
pub use folding::{folding_ranges, Fold, FoldKind};
pub use highlight::{highlight, Highlight, HighlightTag};
pub use hover::hover;
pub use names::{ecosystems_of, names_of_kind, references, rename, symbol_at, Found};
pub use outline::{outline, OutlineItem};
pub use words::{typed_prefix, word_at};

#[cfg(test)]
mod tests;
