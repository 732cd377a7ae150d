//! Completion: what may be typed at a place (read off the tokens before it,
//! so it works in a half-typed file), and the candidates for it.

use ecospec_syntax::lexer::{Keyword, Lexer, Tok};
use ecospec_syntax::DeclKind;

use crate::check::Outcome;
use crate::lints::LINTS;
use crate::resolve::schema::{fields, FieldType, ACTOR_KINDS, REMOVABLE, REMOVES, SUPPORTERS};
use crate::source::FileId;

/// What the cursor is in the middle of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Context {
    /// Between declarations: declaration keywords and `import`.
    TopLevel,
    /// A field name in the block of a declaration (or `extend`) of this kind.
    FieldName(DeclKind),
    /// The value of a field: names of a kind, or enum values.
    Value(FieldType),
    /// A list that takes names of several kinds (`removes`, an `on` rule's
    /// `support`).
    AnyNames(&'static [DeclKind]),
    /// A header name: `between`, `among` and `on` take clusters or scenarios.
    Names(DeclKind),
    /// `actor name: |`
    ActorKind,
    /// `extend |`
    ExtendKind,
    /// `@|`
    Attribute,
    /// `@allow(|`
    Lint,
    /// Nothing to offer (in a string, after a declaration's name, …).
    Nothing,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CandidateKind {
    Keyword,
    Field,
    Name(DeclKind),
    Value,
    Lint,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Candidate {
    pub label: String,
    pub kind: CandidateKind,
    /// One line: a declaration's label, a lint's summary, a field's type.
    pub detail: Option<String>,
    /// A declaration's doc comment.
    pub documentation: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Owner {
    Decl(DeclKind),
    Other,
}

/// The completion context at byte `offset` of `text`; a name being typed
/// at the offset is left out (the client filters by it).
pub fn completion_context(text: &str, offset: usize) -> Context {
    let mut toks: Vec<(usize, Tok<'_>, usize)> = Lexer::new(text)
        .as_written()
        .take_while(|(start, _, _)| *start < offset)
        .collect();
    if toks.last().is_some_and(|(_, tok, end)| {
        matches!(
            tok,
            Tok::Ident(_) | Tok::JoinedIdent(_) | Tok::Kw(_) | Tok::InnerKw(_)
        ) && *end >= offset
    }) {
        toks.pop();
    }
    if let Some((_, tok, end)) = toks.last() {
        // Inside a string or a comment the lexer gives no token at the offset.
        let open = matches!(tok, Tok::Str(s) if !s.terminated);
        if matches!(tok, Tok::Str(_)) && (*end > offset || open) {
            return Context::Nothing;
        }
    }
    if in_comment(text, offset) {
        return Context::Nothing;
    }
    let mut blocks: Vec<Owner> = Vec::new();
    let mut statement: Vec<Tok<'_>> = Vec::new();
    for (_, tok, _) in &toks {
        match tok {
            Tok::LBrace => {
                blocks.push(owner(&statement));
                statement.clear();
            }
            Tok::RBrace => {
                blocks.pop();
                statement.clear();
            }
            Tok::Kw(_) | Tok::InnerKw(_) | Tok::Extend | Tok::At => {
                let in_attribute =
                    matches!(statement.first(), Some(Tok::At)) && !statement.contains(&Tok::RParen);
                if !in_attribute && !matches!(statement.last(), Some(Tok::Extend)) {
                    statement.clear();
                }
                statement.push(*tok);
            }
            other => statement.push(*other),
        }
    }
    let innermost = blocks.last().copied();
    header_context(&statement).unwrap_or_else(|| match innermost {
        None => Context::TopLevel,
        Some(Owner::Decl(kind)) => field_context(kind, &statement),
        Some(Owner::Other) => Context::Nothing,
    })
}

fn in_comment(text: &str, offset: usize) -> bool {
    let line_start = text
        .get(..offset)
        .and_then(|t| t.rfind('\n'))
        .map_or(0, |i| i + 1);
    let line = text.get(line_start..offset).unwrap_or_default();
    // A `//` outside a string starts a comment.
    let mut in_string = false;
    let mut escaped = false;
    let mut previous_slash = false;
    for c in line.chars() {
        if in_string {
            match c {
                '\\' if !escaped => escaped = true,
                '"' if !escaped => in_string = false,
                _ => escaped = false,
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '/' if previous_slash => return true,
            _ => {}
        }
        previous_slash = c == '/';
    }
    false
}

/// The declaration a block belongs to, from the tokens before its `{`.
fn owner(statement: &[Tok<'_>]) -> Owner {
    let start = statement
        .iter()
        .position(|t| matches!(t, Tok::Kw(_) | Tok::InnerKw(_) | Tok::Extend));
    match start.and_then(|i| statement.get(i..)) {
        Some([Tok::Extend, Tok::InnerKw(kw) | Tok::Kw(kw), ..]) => {
            kw.decl_kind().map_or(Owner::Other, Owner::Decl)
        }
        Some([Tok::Kw(kw) | Tok::InnerKw(kw), ..]) => {
            kw.decl_kind().map_or(Owner::Other, Owner::Decl)
        }
        _ => Owner::Other,
    }
}

/// Contexts inside a header or an attribute, before any `{`.
fn header_context(statement: &[Tok<'_>]) -> Option<Context> {
    let is_kw = |t: &Tok<'_>, kw: Keyword| matches!(t, Tok::Kw(k) | Tok::InnerKw(k) if *k == kw);
    match statement {
        [Tok::At] => Some(Context::Attribute),
        [Tok::At, Tok::Ident(_), Tok::LParen, rest @ ..]
            if !rest.contains(&Tok::RParen) && matches!(rest.last(), None | Some(Tok::Comma)) =>
        {
            Some(Context::Lint)
        }
        [Tok::At, ..] if !statement.contains(&Tok::RParen) => Some(Context::Nothing),
        [Tok::Extend] => Some(Context::ExtendKind),
        [Tok::Extend, Tok::InnerKw(kw) | Tok::Kw(kw)] => Some(match kw {
            Keyword::On => Context::Names(DeclKind::Scenario),
            other => other.decl_kind().map_or(Context::Nothing, Context::Names),
        }),
        [first] if is_kw(first, Keyword::On) => Some(Context::Names(DeclKind::Scenario)),
        [first, Tok::Ident(_), Tok::Colon] if is_kw(first, Keyword::Actor) => {
            Some(Context::ActorKind)
        }
        [first, Tok::Ident(_), rest @ ..] if is_kw(first, Keyword::Bridge) => match rest.last() {
            Some(Tok::Between | Tok::And | Tok::Among | Tok::Comma) => {
                Some(Context::Names(DeclKind::Cluster))
            }
            _ => Some(Context::Nothing),
        },
        [Tok::Kw(_) | Tok::InnerKw(_), ..] => Some(Context::Nothing),
        _ => None,
    }
}

/// Inside a block: a field's value after `name:` (or `, `), else a field name.
fn field_context(kind: DeclKind, statement: &[Tok<'_>]) -> Context {
    let mut rest = statement;
    // Walk back over a list being typed: `name: a, b, |`.
    if let Some((Tok::Comma, before)) = rest.split_last() {
        rest = before;
        while let Some((Tok::Ident(_), before)) = rest.split_last() {
            match before.split_last() {
                Some((Tok::Comma, earlier)) => rest = earlier,
                _ => {
                    rest = before;
                    break;
                }
            }
        }
    }
    match rest {
        [.., Tok::Ident(field), Tok::Colon] if *field == REMOVES => Context::AnyNames(REMOVABLE),
        [.., Tok::Ident(field), Tok::Colon] if kind == DeclKind::On && *field == "support" => {
            Context::AnyNames(SUPPORTERS)
        }
        [.., Tok::Ident(field), Tok::Colon] => fields(kind)
            .iter()
            .find(|(name, _)| name == field)
            .map_or(Context::Nothing, |(_, ty)| Context::Value(*ty)),
        _ => Context::FieldName(kind),
    }
}

/// The candidates for a context in `file` at byte `offset`.
pub fn complete(
    outcome: Option<&Outcome>,
    file: Option<FileId>,
    offset: u32,
    context: &Context,
) -> Vec<Candidate> {
    let keyword = |word: &str| Candidate {
        label: word.to_string(),
        kind: CandidateKind::Keyword,
        detail: None,
        documentation: None,
    };
    let values = |set: &[&str]| -> Vec<Candidate> {
        set.iter()
            .map(|v| Candidate {
                label: (*v).to_string(),
                kind: CandidateKind::Value,
                detail: None,
                documentation: None,
            })
            .collect()
    };
    let names = |kind: DeclKind| -> Vec<Candidate> {
        let (Some(outcome), Some(file)) = (outcome, file) else {
            return Vec::new();
        };
        super::names::names_of_kind(outcome, file, offset, kind)
            .into_iter()
            .map(|d| {
                let common = super::describe::common_of(outcome, d);
                Candidate {
                    label: d.name.to_string(),
                    kind: CandidateKind::Name(kind),
                    detail: common
                        .and_then(|c| c.doc.as_deref().or(c.label.as_deref()))
                        .map(str::to_string)
                        .or_else(|| Some(kind.keyword().to_string())),
                    documentation: common.and_then(|c| c.doc.as_deref().map(str::to_string)),
                }
            })
            .collect()
    };
    match context {
        Context::TopLevel => Keyword::ALL.iter().map(|kw| keyword(kw.as_str())).collect(),
        Context::FieldName(kind) => {
            let mut out: Vec<Candidate> = fields(*kind)
                .iter()
                .map(|(name, ty)| Candidate {
                    label: (*name).to_string(),
                    kind: CandidateKind::Field,
                    detail: Some(field_detail(*kind, name, *ty)),
                    documentation: None,
                })
                .collect();
            if *kind == DeclKind::Intervention {
                let nested = Keyword::ALL
                    .iter()
                    .filter(|kw| kw.nests_in_intervention())
                    .map(|kw| kw.as_str());
                out.extend(nested.chain(["extend"]).map(keyword));
            }
            out
        }
        Context::Value(FieldType::Names(kind)) | Context::Names(kind) => names(*kind),
        Context::AnyNames(kinds) => kinds.iter().flat_map(|kind| names(*kind)).collect(),
        Context::Value(FieldType::Enum(set) | FieldType::EnumList(set)) => values(set),
        Context::Value(FieldType::Text) | Context::Nothing => Vec::new(),
        Context::ActorKind => values(ACTOR_KINDS),
        Context::ExtendKind => ["actor", "cluster", "bridge", "on"]
            .into_iter()
            .map(keyword)
            .collect(),
        Context::Attribute => vec![keyword("allow")],
        Context::Lint => LINTS
            .iter()
            .map(|lint| Candidate {
                label: lint.name.to_string(),
                kind: CandidateKind::Lint,
                detail: Some(format!("{} {}", lint.code, lint.summary)),
                documentation: None,
            })
            .collect(),
    }
}

/// A field's type in words; the lists of several kinds say each.
fn field_detail(kind: DeclKind, field: &str, ty: FieldType) -> String {
    let several = |kinds: &[DeclKind]| {
        let words: Vec<&str> = kinds.iter().map(|k| k.keyword()).collect();
        format!("list of {} names", words.join(" | "))
    };
    if field == REMOVES {
        several(REMOVABLE)
    } else if kind == DeclKind::On && field == "support" {
        several(SUPPORTERS)
    } else {
        type_name(ty)
    }
}

fn type_name(ty: FieldType) -> String {
    match ty {
        FieldType::Text => "string".to_string(),
        FieldType::Names(kind) => format!("list of {} names", kind.keyword()),
        FieldType::Enum(set) => set.join(" | "),
        FieldType::EnumList(set) => format!("list of {}", set.join(" | ")),
    }
}
