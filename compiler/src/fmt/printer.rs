//! The printer: lines, indentation and comments, driven by the layout.
//!
//! The layout ([`super::layout`]) walks the syntax tree and hands the printer
//! every token in source order. The printer checks each one against the
//! file's own token stream (so a token is never lost, added or reordered:
//! a mismatch is a [`FormatError::Internal`], never a wrong file) and takes
//! the token's source span from there. Before a token, it prints every
//! comment that stands before it in the source:
//!
//! - a comment on the same source line as the token before it is a trailing
//!   comment: it stays on its line (with the space written before it when
//!   the code before it did not move, else one space), and the statement
//!   goes on on a new line;
//! - any other comment gets a line of its own: at the statement's indent
//!   between statements, with at most one blank line before it where the
//!   source had some; inside a statement, at the continuation indent.

use ecospec_syntax::{Comment, Span};

use super::error::FormatError;
use super::style::INDENT;

/// How many blank lines go before the next statement-level line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gap {
    /// As in the source, at most one.
    Source,
    /// Exactly this many, whatever the source had.
    Exactly(usize),
}

pub struct Printer<'a> {
    src: &'a str,
    tokens: Vec<Span>,
    next_token: usize,
    comments: &'a [Comment],
    next_comment: usize,
    out: String,
    /// The current line, without its indentation.
    line: String,
    /// The indentation of the current line (or of the next one, when the
    /// current line is empty).
    line_col: usize,
    /// Where statement-level lines start.
    indent: usize,
    /// Where a statement goes on after a comment broke it.
    cont: usize,
    /// A token of the current statement has been printed.
    in_statement: bool,
    /// The layout asked for a line break before the next token, at this column.
    pending_break: Option<usize>,
    gap: Gap,
    /// End of the last token or comment printed, in the source.
    last_end: usize,
    /// The column where the last token (not punctuation) ended in the output.
    last_out_end: usize,
}

impl<'a> Printer<'a> {
    pub fn new(src: &'a str, comments: &'a [Comment]) -> Printer<'a> {
        let tokens = ecospec_syntax::lexer::Lexer::new(src)
            .filter_map(Result::ok)
            .map(|(start, _, end)| Span::new(start, end))
            .collect();
        Printer {
            src,
            tokens,
            next_token: 0,
            comments,
            next_comment: 0,
            out: String::new(),
            line: String::new(),
            line_col: 0,
            indent: 0,
            cont: INDENT,
            in_statement: false,
            pending_break: None,
            gap: Gap::Source,
            last_end: 0,
            last_out_end: 0,
        }
    }

    /// Sets where statement-level lines start; the continuation indent is one
    /// level deeper.
    pub fn set_indent(&mut self, indent: usize) {
        self.indent = indent;
        self.cont = indent + INDENT;
    }

    pub fn indent(&self) -> usize {
        self.indent
    }

    /// The blank lines before the next statement-level line.
    pub fn set_gap(&mut self, gap: Gap) {
        self.gap = gap;
    }

    /// The column where the next token would start, were it printed now.
    pub fn column(&self) -> usize {
        match self.pending_break {
            Some(col) => col,
            None if self.line.is_empty() => self.line_col,
            None => self.line_col + self.line.chars().count(),
        }
    }

    /// Whether a comment starts inside `span`.
    pub fn has_comment_in(&self, span: Span) -> bool {
        // Comments come sorted by position.
        let first = self
            .comments
            .partition_point(|c| c.span.start <= span.start);
        self.comments
            .get(first)
            .is_some_and(|c| c.span.start < span.end)
    }

    /// The source text of a span (a literal, printed as written).
    pub fn slice(&self, span: Span) -> Result<String, FormatError> {
        self.src
            .get(span.range())
            .map(str::to_string)
            .ok_or_else(|| FormatError::Internal(format!("no text at bytes {:?}", span.range())))
    }

    /// The text of the next source token, if any.
    pub fn peek(&self) -> Option<&'a str> {
        self.tokens
            .get(self.next_token)
            .and_then(|span| self.src.get(span.range()))
    }

    /// Prints a token after a space (none at the start of a line). Returns
    /// the column it starts at.
    pub fn word(&mut self, text: &str) -> Result<usize, FormatError> {
        self.token(text, true, true)
    }

    /// Prints a token with no space before it.
    pub fn tight(&mut self, text: &str) -> Result<usize, FormatError> {
        self.token(text, false, true)
    }

    /// Prints punctuation that sticks to what precedes it (`,` `:` `)`):
    /// comments before it are printed after it.
    pub fn attach(&mut self, text: &str) -> Result<(), FormatError> {
        self.token(text, false, false).map(|_| ())
    }

    /// Consumes a source token without printing it (a trailing comma the
    /// canonical form drops).
    pub fn skip(&mut self, text: &str) -> Result<(), FormatError> {
        self.expect(text).map(|_| ())
    }

    /// The next token starts a new line at `col`.
    pub fn break_to(&mut self, col: usize) {
        self.pending_break = Some(col);
    }

    /// Ends the current statement: its trailing comments stay on its line.
    pub fn end_statement(&mut self) {
        let next_token = self
            .tokens
            .get(self.next_token)
            .map_or(u32::MAX, |span| span.start);
        while let Some(comment) = self.comments.get(self.next_comment) {
            if self.in_statement
                && comment.span.start < next_token
                && self.same_line(comment.span.start)
            {
                self.trailing(*comment);
                self.next_comment += 1;
            } else {
                break;
            }
        }
        self.finish_line();
        self.in_statement = false;
        self.pending_break = None;
    }

    /// Prints every comment that starts before `pos`.
    pub fn comments_before(&mut self, pos: usize) {
        while let Some(comment) = self.comments.get(self.next_comment) {
            if comment.span.start as usize >= pos {
                break;
            }
            self.next_comment += 1;
            self.comment(*comment);
        }
    }

    /// The formatted text; every token and comment must have been printed.
    pub fn finish(mut self) -> Result<String, FormatError> {
        self.end_statement();
        self.comments_before(self.src.len() + 1);
        self.finish_line();
        if let Some(span) = self.tokens.get(self.next_token) {
            return Err(FormatError::Internal(format!(
                "token `{}` at byte {} was not printed",
                self.src.get(span.range()).unwrap_or_default(),
                span.start
            )));
        }
        Ok(self.out)
    }

    fn expect(&mut self, text: &str) -> Result<Span, FormatError> {
        let span = self.tokens.get(self.next_token).copied();
        match span {
            Some(span) if self.src.get(span.range()) == Some(text) => {
                self.next_token += 1;
                Ok(span)
            }
            Some(span) => Err(FormatError::Internal(format!(
                "expected `{text}`, found `{}` at byte {}",
                self.src.get(span.range()).unwrap_or_default(),
                span.start
            ))),
            None => Err(FormatError::Internal(format!(
                "expected `{text}`, found the end of the file"
            ))),
        }
    }

    fn token(&mut self, text: &str, space: bool, flush: bool) -> Result<usize, FormatError> {
        let span = self.expect(text)?;
        if flush {
            self.comments_before(span.start as usize);
        }
        if !self.in_statement {
            self.start_statement_line(span.start as usize);
            self.in_statement = true;
            self.pending_break = None;
        } else if let Some(col) = self.pending_break.take() {
            self.finish_line();
            self.line_col = col;
        }
        if space && !self.line.is_empty() {
            self.line.push(' ');
        }
        let col = self.column();
        self.line.push_str(text);
        // Punctuation does not move the point trailing comments are measured
        // from: a comment before a `,` still trails the name before it.
        if flush {
            self.last_end = span.end as usize;
            self.last_out_end = self.column();
        }
        Ok(col)
    }

    fn comment(&mut self, comment: Comment) {
        let text = self
            .src
            .get(comment.span.range())
            .unwrap_or_default()
            .trim_end();
        if self.in_statement && !self.line.is_empty() && self.same_line(comment.span.start) {
            self.trailing(comment);
            return;
        }
        if self.in_statement {
            match self.pending_break {
                Some(col) => {
                    self.finish_line();
                    self.line_col = col;
                }
                None if !self.line.is_empty() => {
                    self.finish_line();
                    self.line_col = self.cont;
                }
                None => {}
            }
        } else {
            self.start_statement_line(comment.span.start as usize);
        }
        self.line.push_str(text);
        self.last_end = comment.span.end as usize;
        let col = self.line_col;
        self.finish_line();
        self.line_col = col;
    }

    /// A comment on the line of the token before it.
    fn trailing(&mut self, comment: Comment) {
        let text = self
            .src
            .get(comment.span.range())
            .unwrap_or_default()
            .trim_end();
        let end = self.line_col + self.line.chars().count();
        // The space written before the comment is kept when the code before
        // it did not move (aligned comments stay aligned); else one space.
        let pad = if self.last_out_end == self.source_column(self.last_end) {
            self.source_column(comment.span.start as usize)
                .saturating_sub(end)
                .max(1)
        } else {
            1
        };
        self.line.extend(std::iter::repeat_n(' ', pad));
        self.line.push_str(text);
        self.last_end = comment.span.end as usize;
        self.finish_line();
        self.line_col = self.cont;
    }

    /// Opens a statement-level line at the indent, after the blank lines due.
    fn start_statement_line(&mut self, start: usize) {
        self.finish_line();
        let blanks = match std::mem::replace(&mut self.gap, Gap::Source) {
            Gap::Exactly(n) => n,
            Gap::Source => self.source_blank_lines(start).min(1),
        };
        if !self.out.is_empty() {
            for _ in 0..blanks {
                self.out.push('\n');
            }
        }
        self.line_col = self.indent;
    }

    fn finish_line(&mut self) {
        if self.line.is_empty() {
            return;
        }
        self.out.extend(std::iter::repeat_n(' ', self.line_col));
        self.out.push_str(self.line.trim_end());
        self.out.push('\n');
        self.line.clear();
    }

    /// Whether no line break stands between the last thing printed and `pos`.
    fn same_line(&self, pos: u32) -> bool {
        self.src
            .get(self.last_end..pos as usize)
            .is_some_and(|between| !between.contains('\n'))
    }

    fn source_blank_lines(&self, start: usize) -> usize {
        self.src
            .get(self.last_end..start)
            .map_or(0, |between| between.matches('\n').count().saturating_sub(1))
    }

    /// The 0-based column, in characters, of `pos` on its source line.
    fn source_column(&self, pos: usize) -> usize {
        let before = self.src.get(..pos).unwrap_or_default();
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        before.get(line_start..).map_or(0, |s| s.chars().count())
    }
}
