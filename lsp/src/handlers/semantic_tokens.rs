//! Semantic tokens: the compiler's highlights ([`ecospec::query::highlight`])
//! in the protocol's legend and delta encoding.

use ecospec::query::{self, HighlightTag};
use ecospec_syntax::DeclKind;
use tower_lsp_server::ls_types::*;

use crate::analysis::Query;
use crate::convert;

const TYPES: &[SemanticTokenType] = &[
    SemanticTokenType::KEYWORD,
    SemanticTokenType::STRING,
    SemanticTokenType::COMMENT,
    SemanticTokenType::PROPERTY,
    SemanticTokenType::DECORATOR,
    SemanticTokenType::TYPE,
    SemanticTokenType::ENUM_MEMBER,
    SemanticTokenType::NAMESPACE,
    SemanticTokenType::CLASS,
    SemanticTokenType::INTERFACE,
    SemanticTokenType::EVENT,
    SemanticTokenType::STRUCT,
    SemanticTokenType::FUNCTION,
];

const KEYWORD: u32 = 0;
const STRING: u32 = 1;
const COMMENT: u32 = 2;
const PROPERTY: u32 = 3;
const DECORATOR: u32 = 4;
const TYPE: u32 = 5;
const ENUM_MEMBER: u32 = 6;

const DECLARATION: u32 = 1;
const DOCUMENTATION: u32 = 2;

pub fn capability() -> SemanticTokensServerCapabilities {
    SemanticTokensServerCapabilities::SemanticTokensOptions(SemanticTokensOptions {
        legend: SemanticTokensLegend {
            token_types: TYPES.to_vec(),
            token_modifiers: vec![
                SemanticTokenModifier::DECLARATION,
                SemanticTokenModifier::DOCUMENTATION,
            ],
        },
        full: Some(SemanticTokensFullOptions::Bool(true)),
        range: None,
        work_done_progress_options: WorkDoneProgressOptions::default(),
    })
}

/// The legend index of a highlight's tag.
fn token_type(tag: HighlightTag) -> u32 {
    match tag {
        HighlightTag::Keyword => KEYWORD,
        HighlightTag::String => STRING,
        HighlightTag::Comment => COMMENT,
        HighlightTag::Property => PROPERTY,
        HighlightTag::Decorator => DECORATOR,
        HighlightTag::Type => TYPE,
        HighlightTag::EnumMember => ENUM_MEMBER,
        HighlightTag::Name(kind) => match kind {
            DeclKind::Cluster => 7,
            DeclKind::Actor => 8,
            DeclKind::Capability => 9,
            DeclKind::Scenario | DeclKind::On => 10,
            DeclKind::Bridge => 11,
            DeclKind::Intervention | DeclKind::Ecosystem => 12,
        },
    }
}

/// The file's highlights (the compiler's), delta-encoded in the legend.
pub fn full(q: &Query) -> Option<SemanticTokensResult> {
    let highlights = query::highlight(q.outcome(), q.file)?;
    let file = q.source()?;
    let mut data = Vec::with_capacity(highlights.len());
    let (mut line, mut column) = (0, 0);
    for highlight in highlights {
        let start = convert::position(file, highlight.span.start, q.encoding);
        let length = q.encoding.len(file.slice(highlight.span));
        let delta_line = start.line.saturating_sub(line);
        let delta_start = if delta_line == 0 {
            start.character.saturating_sub(column)
        } else {
            start.character
        };
        let mut modifiers = 0;
        if highlight.declaration {
            modifiers |= DECLARATION;
        }
        if highlight.documentation {
            modifiers |= DOCUMENTATION;
        }
        data.push(SemanticToken {
            delta_line,
            delta_start,
            length,
            token_type: token_type(highlight.tag),
            token_modifiers_bitset: modifiers,
        });
        line = start.line;
        column = start.character;
    }
    Some(SemanticTokensResult::Tokens(SemanticTokens {
        result_id: None,
        data,
    }))
}
