//! The whole-file parse that recovers from syntax errors: every error of
//! the lexer and the parser, each once (the cascades one slip causes are
//! dropped), and a tree of everything that could be read.

use crate::ast::File;
use crate::error::SyntaxError;
use crate::parse_error::syntax_error;
use crate::{cascades, docs, grammar, lexer};

/// The tree and errors of `src`, parsed on this thread.
pub fn parse_recovering(src: &str) -> File {
    let mut lexer = lexer::Lexer::new(src);
    let mut recovered = Vec::new();
    let result = grammar::ItemsParser::new().parse(&mut recovered, &mut lexer);
    let mut errors = std::mem::take(&mut lexer.errors);
    let comments = std::mem::take(&mut lexer.comments);
    let mut parse_errors: Vec<SyntaxError> = recovered
        .into_iter()
        .map(|r| syntax_error(src, r.error))
        .collect();
    let mut items = match result {
        Ok(items) => items,
        Err(error) => {
            parse_errors.push(syntax_error(src, error));
            Vec::new()
        }
    };
    // Two recoveries can stop at the same token: report it once.
    parse_errors.dedup_by(|a, b| a.span.start == b.span.start);
    cascades::drop_keyword_cascades(src, &mut parse_errors);
    cascades::drop_invalid_character_cascades(src, &errors, &mut parse_errors);
    cascades::drop_swallowed_field_names(src, &parse_errors, &mut items);
    errors.extend(parse_errors);
    errors.sort_by_key(|e| (e.span.start, e.span.end));
    let mut file = File {
        items,
        comments,
        errors,
    };
    docs::attach_doc_comments(src, &mut file);
    file
}
