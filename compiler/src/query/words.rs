//! Words at a place of a text: the whole word under the cursor (a lint
//! name, a diagnostic code), and the part of a name already typed before it.

use ecospec_syntax::Span;

/// What a word is made of: names, lint names and diagnostic codes.
fn is_word(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '_'
}

/// The word around byte `offset` of `text` (its end included); `None` when
/// there is none or `offset` does not fall between characters.
pub fn word_at(text: &str, offset: usize) -> Option<Span> {
    let start = text
        .get(..offset)?
        .rfind(|c: char| !is_word(c))
        .map_or(0, |i| i + 1);
    let end = text
        .get(offset..)?
        .find(|c: char| !is_word(c))
        .map_or(text.len(), |i| offset + i);
    (end > start).then(|| Span::new(start, end))
}

/// The part of a name before byte `offset` of `text` (names only: no
/// digits-first rule, as completion filters by prefix).
pub fn typed_prefix(text: &str, offset: usize) -> &str {
    let before = text.get(..offset).unwrap_or_default();
    let start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '-')
        .last()
        .map_or(offset, |(i, _)| i);
    before.get(start..).unwrap_or_default()
}
