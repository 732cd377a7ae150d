//! The properties the fuzz targets check (`fuzz/`, see docs/src/fuzzing.md),
//! as plain functions: the fuzz binaries call them on generated inputs, and
//! ordinary tests call them on the committed corpora ([`replay`]), so each
//! property is written once.
//!
//! Each property takes the fuzzer's bytes and returns `Err` with what went
//! wrong when the property fails; a panic in the code it exercises is a
//! failure too.

use std::path::{Path, PathBuf};

use ecospec_syntax::lexer::{Lexer, Tok};
use ecospec_syntax::{parse, Block, Decl, Entry, Extend, Item, Span, Value};

use crate::check::{check, Options, Outcome};
use crate::code::Code;
use crate::diagnostic::{Loc, Severity};
use crate::fix::safe_fixes;
use crate::fmt::{format_source, FormatError};
use crate::load::Input;
use crate::memfs::MemFs;
use crate::render;

/// The folder of [`folder`]'s files.
pub const ROOT: &str = "/fuzz";
/// At most this many files are cut from one input.
pub const MAX_FILES: usize = 4;

/// `Ok` when `span` lies in `text` and starts and ends on character boundaries.
fn span_in(text: &str, span: Span, what: &str) -> Result<(), String> {
    let (start, end) = (span.start as usize, span.end as usize);
    if start > end || end > text.len() {
        return Err(format!(
            "{what}: span {start}..{end} out of bounds (text of {} bytes)",
            text.len()
        ));
    }
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return Err(format!(
            "{what}: span {start}..{end} not on character boundaries"
        ));
    }
    Ok(())
}

/// **parse**: lexing and parsing never panic, and every span of the
/// tokens, comments, errors and tree lies in the text, on character
/// boundaries; tokens come in order and do not overlap.
pub fn parse_property(data: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(data);
    let mut lexer = Lexer::new(&text);
    let mut previous_end = 0;
    for (start, _, end) in lexer.by_ref().flatten() {
        span_in(&text, Span::new(start, end), "token")?;
        if start < previous_end {
            return Err(format!(
                "token {start}..{end} overlaps the one ending at {previous_end}"
            ));
        }
        previous_end = end;
    }
    for error in &lexer.errors {
        span_in(&text, error.span, "lexer error")?;
    }
    for comment in &lexer.comments {
        span_in(&text, comment.span, "lexer comment")?;
    }
    let file = parse(&text);
    for error in &file.errors {
        span_in(&text, error.span, "syntax error")?;
    }
    for comment in &file.comments {
        span_in(&text, comment.span, "comment")?;
    }
    let mut spans = Vec::new();
    for item in &file.items {
        match item {
            Item::Import(import) => {
                spans.extend([import.keyword, import.span]);
                spans.extend(&import.path.parts);
            }
            Item::Decl(decl) => decl_spans(decl, &mut spans),
            Item::Error(span) => spans.push(*span),
        }
    }
    spans
        .into_iter()
        .try_for_each(|span| span_in(&text, span, "syntax tree"))
}

fn decl_spans(decl: &Decl, out: &mut Vec<Span>) {
    out.extend([decl.keyword, decl.span]);
    for attr in &decl.attrs {
        out.extend([attr.span, attr.name.span]);
        out.extend(attr.args.iter().map(|arg| arg.span));
    }
    out.extend(decl.name.iter().chain(&decl.actor_kind).map(|i| i.span));
    if let Some(ends) = &decl.ends {
        out.extend(ends.clusters().iter().map(|i| i.span));
    }
    if let Some(label) = &decl.label {
        out.extend(&label.parts);
    }
    if let Some(body) = &decl.body {
        block_spans(body, out);
    }
}

fn extend_spans(extend: &Extend, out: &mut Vec<Span>) {
    out.extend([
        extend.keyword,
        extend.target_keyword,
        extend.name.span,
        extend.span,
    ]);
    for attr in &extend.attrs {
        out.extend([attr.span, attr.name.span]);
        out.extend(attr.args.iter().map(|arg| arg.span));
    }
    if let Some(body) = &extend.body {
        block_spans(body, out);
    }
}

fn block_spans(block: &Block, out: &mut Vec<Span>) {
    out.push(block.open);
    out.extend(block.close);
    for entry in &block.entries {
        match entry {
            Entry::Field(field) => {
                out.extend([field.span(), field.name.span]);
                match &field.value {
                    Value::Text(text) => out.extend(&text.parts),
                    Value::Names(names) => out.extend(names.iter().map(|n| n.span)),
                }
            }
            Entry::Decl(decl) => decl_spans(decl, out),
            Entry::Extend(extend) => extend_spans(extend, out),
            Entry::Error(span) => out.push(*span),
        }
    }
}

/// An in-memory folder cut from the fuzzer's bytes: the pieces between NUL
/// bytes (at most [`MAX_FILES`], the last keeps the rest) become `a.eco`,
/// `b.eco`, ... in [`ROOT`], so that they can import each other. Returns the
/// folder and its files' paths, in order.
pub fn folder(data: &[u8]) -> (MemFs, Vec<PathBuf>) {
    let mut fs = MemFs::new();
    let mut paths = Vec::new();
    for (piece, name) in data.splitn(MAX_FILES, |b| *b == 0).zip('a'..) {
        let path = Path::new(ROOT).join(format!("{name}.eco"));
        fs.insert(path.clone(), piece);
        paths.push(path);
    }
    (fs, paths)
}

fn check_folder(fs: &MemFs, paths: &[PathBuf]) -> Option<Outcome> {
    let inputs: Vec<Input> = paths.iter().cloned().map(Input::File).collect();
    check(fs, &inputs, &Options::default()).ok()
}

/// Every place a diagnostic or intervention report points at lies in its file.
fn places_in_bounds(outcome: &Outcome) -> Result<(), String> {
    let in_file = |loc: Loc, what: &str| match outcome.sources.get(loc.file) {
        Some(file) => span_in(&file.text, loc.span, what),
        None => Err(format!("{what}: no file {}", loc.file.0)),
    };
    for d in &outcome.diagnostics {
        let what = format!("{} `{}`", d.code, d.message);
        if let Some(loc) = d.primary {
            in_file(loc, &what)?;
        }
        for label in &d.labels {
            in_file(label.loc, &what)?;
        }
        for edit in d.fixes.iter().flat_map(|fix| &fix.edits) {
            in_file(edit.loc, &what)?;
        }
    }
    for report in &outcome.interventions {
        in_file(report.loc, &format!("intervention `{}`", report.name))?;
    }
    Ok(())
}

/// **check**: checking an in-memory folder ([`folder`]) never panics;
/// every diagnostic's places lie in their files; every output format
/// renders it without panicking.
pub fn check_property(data: &[u8]) -> Result<(), String> {
    let (fs, paths) = folder(data);
    let Some(outcome) = check_folder(&fs, &paths) else {
        return Ok(());
    };
    places_in_bounds(&outcome)?;
    let _ = render::human(&outcome, render::HumanOptions::default());
    let _ = render::short(&outcome);
    let _ = render::github(&outcome);
    let _ = render::json(&outcome);
    let _ = render::sarif(&outcome);
    Ok(())
}

/// The tokens of `text`, a comma right before `)` left out (`fmt` drops the
/// trailing comma of `@allow(a, b,)`).
fn tokens(text: &str) -> Vec<Tok<'_>> {
    let all: Vec<Tok<'_>> = Lexer::new(text).flatten().map(|(_, tok, _)| tok).collect();
    let mut out = Vec::with_capacity(all.len());
    let mut rest = all.iter().peekable();
    while let Some(tok) = rest.next() {
        if !(*tok == Tok::Comma && rest.peek() == Some(&&Tok::RParen)) {
            out.push(*tok);
        }
    }
    out
}

/// The comments of `text` as written, trailing spaces removed (as `fmt` does).
fn comments(text: &str) -> Vec<&str> {
    parse(text)
        .comments
        .iter()
        .map(|c| text.get(c.span.range()).unwrap_or_default().trim_end())
        .collect()
}

/// **fmt**: the formatter never reports an internal error; when it formats
/// a text, formatting the result again changes nothing, and the result has
/// the same tokens (but a trailing comma in `@allow`) and the same comments.
pub fn fmt_property(data: &[u8]) -> Result<(), String> {
    let text = String::from_utf8_lossy(data);
    let once = match format_source(&text) {
        Ok(once) => once,
        Err(FormatError::Syntax { .. }) => return Ok(()),
        Err(error) => return Err(format!("format: {error}")),
    };
    match format_source(&once) {
        Ok(twice) if twice == once => {}
        Ok(_) => return Err("formatting the formatted text changes it".to_string()),
        Err(error) => return Err(format!("formatting the formatted text: {error}")),
    }
    if tokens(&text) != tokens(&once) {
        return Err("the formatted text has other tokens".to_string());
    }
    if comments(&text) != comments(&once) {
        return Err("the formatted text has other comments".to_string());
    }
    Ok(())
}

/// **fix**: applying a check's safe fixes ([`safe_fixes`]) to the in-memory
/// folder ([`folder`]) leaves every fixed file without syntax errors and
/// the folder with no more places with an error than before, unless a fix renamed an
/// unknown field (E0204): the values of an unknown field are not checked,
/// so naming the field right may reveal errors in them (docs/src/decisions.md,
/// "Fuzzing").
pub fn fix_property(data: &[u8]) -> Result<(), String> {
    let (mut fs, paths) = folder(data);
    let Some(before) = check_folder(&fs, &paths) else {
        return Ok(());
    };
    let fixes = safe_fixes(&before);
    if fixes.is_empty() {
        return Ok(());
    }
    for fix in &fixes {
        let Some(file) = before.sources.get(fix.file) else {
            return Err(format!("a fix for an unknown file {}", fix.file.0));
        };
        if let Some(error) = parse(&fix.text).errors.first() {
            return Err(format!(
                "the fixed `{}` has a syntax error: {:?}",
                file.name, error.kind
            ));
        }
        fs.insert(file.path.clone(), fix.text.clone());
    }
    let Some(after) = check_folder(&fs, &paths) else {
        return Err("the fixed folder cannot be checked".to_string());
    };
    let (was, is) = (error_places(&before), error_places(&after));
    if is > was && !renames_a_field(&before, &fixes) {
        return Err(format!("fixing raised the errors from {was} to {is}"));
    }
    Ok(())
}

/// The places with an error: a file checked by several ecosystems gets one
/// diagnostic per distinct wording (its did-you-mean may differ in each),
/// so diagnostics are counted by code and place.
fn error_places(outcome: &Outcome) -> usize {
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| (d.code, d.primary))
        .collect::<std::collections::HashSet<_>>()
        .len()
}

/// Whether one of `fixes` is the did-you-mean of an unknown field (E0204).
fn renames_a_field(outcome: &Outcome, fixes: &[crate::fix::FileFix]) -> bool {
    outcome
        .diagnostics
        .iter()
        .filter(|d| d.code == Code::E0204)
        .flat_map(|d| d.fixes.iter().flat_map(|fix| &fix.edits))
        .any(|edit| {
            fixes
                .iter()
                .flat_map(|fix| &fix.applied)
                .any(|applied| applied.loc == edit.loc)
        })
}

/// The committed corpus of a fuzz target: `fuzz/corpus/<target>/*`.
pub fn corpus(target: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../fuzz/corpus")
        .join(target)
}

/// Runs `property` on every input of the committed corpus of `target`;
/// `Err` lists the inputs (by file name) it failed on, and why. A missing
/// or empty corpus is an error too: the replay would prove nothing.
pub fn replay(target: &str, property: fn(&[u8]) -> Result<(), String>) -> Result<usize, String> {
    let dir = corpus(target);
    let entries = std::fs::read_dir(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut inputs: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.is_file())
        .collect();
    inputs.sort();
    if inputs.is_empty() {
        return Err(format!("{}: no input", dir.display()));
    }
    let mut failures = Vec::new();
    for path in &inputs {
        let data = std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))?;
        if let Err(why) = property(&data) {
            failures.push(format!("{}: {why}", path.display()));
        }
    }
    if failures.is_empty() {
        Ok(inputs.len())
    } else {
        Err(failures.join("\n"))
    }
}
