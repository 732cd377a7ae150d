//! Folding ranges: the compiler's folds of the file, as whole lines.

use ecospec::query::{self, FoldKind};
use tower_lsp_server::ls_types::{FoldingRange, FoldingRangeKind};

use crate::analysis::Query;

pub fn folding_ranges(q: &Query) -> Option<Vec<FoldingRange>> {
    let folds = query::folding_ranges(q.outcome(), q.file)?;
    let ranges = folds
        .into_iter()
        .map(|fold| FoldingRange {
            start_line: u32::try_from(fold.start_line).unwrap_or(0),
            start_character: None,
            end_line: u32::try_from(fold.end_line).unwrap_or(0),
            end_character: None,
            kind: Some(match fold.kind {
                FoldKind::Region => FoldingRangeKind::Region,
                FoldKind::Comment => FoldingRangeKind::Comment,
            }),
            collapsed_text: None,
        })
        .collect();
    Some(ranges)
}
