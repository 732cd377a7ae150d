//! Fields against their declaration's schema: unknown (E0204), repeated
//! (E0205), of the wrong type (E0206), and the names they hold.

use ecospec_syntax::{DeclKind, Field, Ident, ListEntry, Span, Text, Value};

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Loc};
use crate::model::*;
use crate::source::FileId;

use super::names::{kind_word, unknown_field, with_suggestion};
use super::removes::is_removes;
use super::resolved::FieldValue;
use super::resolver::{Resolver, Scope};
use super::schema::{a_kind, field_type, FieldType};
use super::suggest::closest;

impl Resolver {
    /// Checks the fields of a block against its declaration's schema and
    /// returns them typed: unknown fields (E0204), repeats (E0205), values of
    /// the wrong type (E0206) and references (E0201, E0203).
    pub(super) fn typed_fields<'f>(
        &mut self,
        file: FileId,
        kind: DeclKind,
        fields: impl Iterator<Item = &'f Field>,
        scope: Option<&Scope>,
    ) -> Vec<(&'static str, FieldValue)> {
        let mut seen: Vec<(&str, Span)> = Vec::new();
        let mut typed = Vec::new();
        self.misspelt_fields.clear();
        for field in fields {
            let name = field.name.as_str();
            let before = self.unsuggested;
            let (name, ty, misspelt) = match field_type(kind, name) {
                Some((name, ty)) => (name, ty, false),
                None => {
                    let (diagnostic, meant) = unknown_field(file, kind, &field.name);
                    self.diagnostics.push(diagnostic);
                    // For the lints, it counts as the field it most likely
                    // meant (section 9.5); without one, it breaks its
                    // declaration.
                    match meant.and_then(|meant| field_type(kind, meant)) {
                        Some((name, ty)) => (name, ty, true),
                        None => {
                            self.unsuggested += 1;
                            self.misspelt_fields.push(None);
                            continue;
                        }
                    }
                }
            };
            // A misspelt field adds to the field it meant, with no E0205
            // that would only follow from the misspelling.
            if misspelt {
                if let Some(value) = self.value(file, kind, name, ty, &field.value, scope) {
                    typed.push((name, value));
                }
                if self.unsuggested > before {
                    self.misspelt_fields.push(Some(name));
                }
                continue;
            }
            if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
                let help = if ty.is_list() {
                    format!("give `{name}` once, with every entry in one list: `{name}: a, b`")
                } else {
                    format!("give `{name}` once: remove one of the two")
                };
                self.diagnostics.push(
                    Diagnostic::error(Code::E0205, format!("field `{name}` is given twice"))
                        .at(Loc::new(file, field.name.span), "given again here")
                        .label(Loc::new(file, *first), "first given here")
                        .help(help),
                );
                continue;
            }
            seen.push((name, field.name.span));
            if let Some(value) = self.value(file, kind, name, ty, &field.value, scope) {
                typed.push((name, value));
            }
            if self.unsuggested > before {
                self.misspelt_fields.push(Some(name));
            }
        }
        typed
    }

    pub(super) fn value(
        &mut self,
        file: FileId,
        kind: DeclKind,
        field: &'static str,
        ty: FieldType,
        value: &Value,
        scope: Option<&Scope>,
    ) -> Option<FieldValue> {
        match (ty, value) {
            (FieldType::Text, Value::Text(text)) => Some(FieldValue::Text(text.value.clone())),
            (FieldType::Text, Value::Names(names)) => {
                let span = value.span();
                let written: Vec<&str> = names.iter().map(|name| name.as_str()).collect();
                self.diagnostics.push(
                    Diagnostic::error(Code::E0206, format!("`{field}` takes a string, not a name"))
                        .at(Loc::new(file, span), "expected a string")
                        .help(format!(
                            "put the text in double quotes: `{field}: \"{}\"`",
                            written.join(", ")
                        )),
                );
                None
            }
            (FieldType::Names(_), Value::Names(names)) if is_removes(field) => {
                Some(FieldValue::Removals(self.removals(file, names, scope)))
            }
            (FieldType::Names(_), Value::Names(names))
                if kind == DeclKind::On && field == "support" =>
            {
                Some(self.supporters(file, names, scope))
            }
            (FieldType::Names(target), Value::Names(names)) => Some(FieldValue::Refs(
                self.refs(file, field, names, target, scope),
            )),
            (FieldType::Enum(allowed) | FieldType::EnumList(allowed), Value::Names(names)) => {
                let mut words = Vec::new();
                for (i, name) in names.iter().enumerate() {
                    if i > 0 && !ty.is_list() {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::E0206,
                                format!("`{field}` takes one value, not a list"),
                            )
                            .at(Loc::new(file, name.span), "a second value")
                            .help(format!("keep one of: {}", quoted(allowed))),
                        );
                        break;
                    }
                    if name.quoted {
                        self.diagnostics
                            .push(quoted_name(file, field, "values", name));
                    } else if allowed.contains(&name.as_str()) {
                        words.push(name.name.clone());
                    } else {
                        let diagnostic = Diagnostic::error(
                            Code::E0206,
                            format!("`{name}` is not a value of `{field}`"),
                        )
                        .at(
                            Loc::new(file, name.span),
                            format!("expected one of {}", quoted(allowed)),
                        )
                        .note(format!(
                            "`{field}` of {} is one of {}",
                            a_kind(kind),
                            quoted(allowed)
                        ));
                        let suggestion = closest(name.as_str(), allowed.iter().copied());
                        self.diagnostics
                            .push(with_suggestion(diagnostic, file, name, suggestion));
                        // It counts as the value it most likely meant.
                        match suggestion {
                            Some(meant) => words.push(meant.into()),
                            None => self.unsuggested += 1,
                        }
                    }
                }
                let first = names.first().map_or(value.span(), |n| n.span);
                Some(match ty {
                    FieldType::EnumList(_) => FieldValue::Words(words, Loc::new(file, first)),
                    _ => FieldValue::Word(words.into_iter().next()?),
                })
            }
            (_, Value::Text(text)) => {
                let what = match ty {
                    FieldType::Names(_) if is_removes(field) => {
                        "names of actors, bridges, clusters or capabilities".to_string()
                    }
                    FieldType::Names(target) => format!("{} names", kind_word(target)),
                    _ => "a name".to_string(),
                };
                self.diagnostics.push(
                    Diagnostic::error(Code::E0206, format!("`{field}` takes {what}, not a string"))
                        .at(
                            Loc::new(file, text.span()),
                            "a string where names are expected",
                        )
                        .help(format!(
                            "names are written without quotes: `{field}: {}`",
                            unquoted_hint(text)
                        )),
                );
                // Like an unresolved name, the string keeps a list of
                // names non-empty: no W0405/W0408 that only follows from it.
                match ty {
                    FieldType::Names(_) if is_removes(field) => {
                        // Among four kinds: like an unresolved name
                        // without a suggestion.
                        self.unsuggested += 1;
                        Some(FieldValue::Removals(vec![Removal {
                            symbol: None,
                            name: text.value.clone(),
                            loc: Loc::new(file, text.span()),
                        }]))
                    }
                    FieldType::Names(_) if kind == DeclKind::On && field == "support" => {
                        // Among clusters and actors: like an unresolved
                        // name without a suggestion.
                        self.unsuggested += 1;
                        Some(FieldValue::Supporters {
                            clusters: vec![Ref {
                                index: None,
                                name: text.value.clone(),
                                loc: Loc::new(file, text.span()),
                            }],
                            actors: Vec::new(),
                        })
                    }
                    FieldType::Names(target) => {
                        // A quoted name counts as the name it spells, or
                        // else as its did-you-mean (section 9.5).
                        let quoted = self.quoted_ref(file, &text.value, text.span(), target, scope);
                        Some(FieldValue::Refs(vec![quoted]))
                    }
                    _ => None,
                }
            }
        }
    }

    /// Resolves names expected to be of `kind`, written together in one list
    /// (a did-you-mean never proposes a name the list already holds).
    pub(super) fn refs<N: ListEntry>(
        &mut self,
        file: FileId,
        field: &str,
        names: &[N],
        kind: DeclKind,
        scope: Option<&Scope>,
    ) -> Vec<Ref> {
        // The names the list holds, and each suggestion offered as a fix
        // so far: two typos must not both be fixed into the same name.
        let taken: Vec<&str> = names.iter().map(|name| name.ident().as_str()).collect();
        let mut offered = Vec::new();
        names
            .iter()
            .map(|entry| {
                let name = entry.ident();
                if !entry.quoted() {
                    return self.resolve_ref(file, name, kind, scope, &taken, &mut offered);
                }
                // A string among the names: E0206, and it counts as the name
                // it spells, or else as its did-you-mean (9.5); unresolved,
                // it keeps the list non-empty for W0405/W0408.
                let what = format!("{} names", kind_word(kind));
                self.diagnostics.push(quoted_name(file, field, &what, name));
                self.quoted_ref(file, &name.name, name.span, kind, scope)
            })
            .collect()
    }
}

/// E0206 for a string written as an entry of a list of names.
fn quoted_name(file: FileId, field: &str, what: &str, name: &Ident) -> Diagnostic {
    Diagnostic::error(Code::E0206, format!("`{field}` takes {what}, not a string"))
        .at(
            Loc::new(file, name.span),
            "a string where a name is expected",
        )
        .help(format!(
            "names are written without quotes: `{}`",
            unquoted_hint(&Text {
                value: name.name.clone(),
                parts: Box::default(),
            })
        ))
}

pub(super) fn quoted(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn unquoted_hint(text: &Text) -> String {
    let words: Vec<String> = text
        .value
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        "a, b".to_string()
    } else {
        words.join(", ")
    }
}
