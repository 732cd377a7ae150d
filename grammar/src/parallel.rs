//! The parallel split: a long file with no error is parsed in pieces, one
//! thread each.

use crate::ast::{Comment, File, Item};
use crate::docs;
use crate::piece::parse_piece;

/// Below this many bytes per thread, a file is parsed on one thread.
const BYTES_PER_THREAD: usize = 1 << 20;

/// A long file is cut at lines that begin with a declaration keyword, and
/// the pieces are parsed on as many threads. The tree is the one a single
/// parse would build only when every piece parses with no error of any
/// kind: each piece then ends at depth 0 after whole items, and the grammar
/// (LR(1), no conflicts) has one derivation of their concatenation. So the
/// pieces are kept only then (`None` otherwise: the file is parsed again on
/// one thread, errors and their recovery as always). Spans are offsets into
/// the whole text, and doc comments are attached over the whole file.
pub fn parse_in_parallel(src: &str) -> Option<File> {
    // Asking for the parallelism reads files (cgroup limits): not for the
    // many short files of a folder or an editor's keystrokes.
    if src.len() < 2 * BYTES_PER_THREAD {
        return None;
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(src.len() / BYTES_PER_THREAD);
    parse_in_pieces(src, threads)
}

fn parse_in_pieces(src: &str, threads: usize) -> Option<File> {
    if threads < 2 {
        return None;
    }
    let mut cuts = vec![0];
    for k in 1..threads {
        let from = (src.len() / threads * k).max(cuts.last().copied().unwrap_or(0));
        if let Some(cut) = item_line_after(src, from) {
            cuts.push(cut);
        }
    }
    cuts.push(src.len());
    cuts.dedup();
    if cuts.len() < 3 {
        return None;
    }
    let pieces: Vec<Option<(Vec<Item>, Vec<Comment>)>> = std::thread::scope(|scope| {
        let mut ranges = cuts.windows(2).filter_map(|w| match w {
            [start, end] => Some((*start, *end)),
            _ => None,
        });
        let first = ranges.next();
        // Each piece's doc comments are attached on its own thread.
        let parse = move |(start, end)| {
            let (mut items, comments) = parse_piece(src, start, end)?;
            docs::attach_to_items(src, &mut items, &comments);
            Some((items, comments))
        };
        let handles: Vec<_> = ranges
            .map(|range| scope.spawn(move || parse(range)))
            .collect();
        let mut pieces = vec![first.and_then(parse)];
        pieces.extend(handles.into_iter().map(|h| h.join().ok().flatten()));
        pieces
    });
    let mut file = File::default();
    let mut firsts = Vec::with_capacity(pieces.len());
    for piece in pieces {
        let (items, comments) = piece?;
        firsts.push(file.items.len());
        file.items.extend(items);
        file.comments.extend(comments);
    }
    // A piece's first declaration may be documented at the end of the piece
    // before it: attached again among all the file's comments.
    for at in firsts.into_iter().skip(1) {
        docs::attach_again(src, &mut file.items, &file.comments, at);
    }
    Some(file)
}

/// The first line at or after byte `from` that begins with a declaration
/// keyword and a space, after a line that is not an attribute.
fn item_line_after(src: &str, from: usize) -> Option<usize> {
    const STARTS: [&str; 6] = [
        "actor ",
        "cluster ",
        "bridge ",
        "scenario ",
        "capability ",
        "on ",
    ];
    let rest = src.get(from..)?;
    let mut previous_line = from;
    rest.match_indices('\n').find_map(|(i, _)| {
        let line = from + i + 1;
        let previous = src.get(previous_line..line).unwrap_or_default();
        previous_line = line;
        let starts_item = src
            .get(line..)
            .is_some_and(|text| STARTS.iter().any(|kw| text.starts_with(kw)));
        (starts_item && !previous.trim_start().starts_with('@')).then_some(line)
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::recovery::parse_recovering;

    fn spec(clusters: usize) -> String {
        let mut text = String::from("ecosystem \"E\" { task: \"t\" }\n");
        for c in 0..clusters {
            text.push_str(&format!(
                "/// Cluster {c}.\ncluster c{c} \"C {c}\" {{ bets_on: s needs: k }}\n\
                 @allow(orphan-actor)\nactor a{c}: campaign {{ in: c{c} provides: k }}\n\
                 // a comment\nbridge b{c} among c{c}, c0, c1 {{ via: k }}\n\n"
            ));
        }
        text
    }

    #[test]
    fn pieces_build_the_tree_of_one_parse() {
        let text = spec(2000);
        for threads in [2, 3, 7] {
            let pieces = parse_in_pieces(&text, threads).unwrap();
            assert_eq!(pieces, parse_recovering(&text));
        }
    }

    #[test]
    fn a_piece_with_an_error_is_parsed_again_whole() {
        let mut text = spec(2000);
        text.push_str("cluster broken {");
        assert!(parse_in_pieces(&text, 3).is_none());
        let text = spec(2000).replacen("cluster c1500 ", "cluster c1500 { ", 1);
        assert!(parse_in_pieces(&text, 3).is_none());
        assert!(!parse_recovering(&text).errors.is_empty());
    }
}
