//! A declaration's record: header, attributes (E0209), actor kind (E0207),
//! bridge ends (E0208) and `on` rules.

use rustc_hash::FxHashMap;

use ecospec_syntax::{Attribute, Decl, DeclKind, Entry, Ident};

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Loc};
use crate::lints;
use crate::model::*;
use crate::source::FileId;

use super::names::with_suggestion;
use super::record::set_rule_field;
use super::removes::is_removes;
use super::resolved::Record;
use super::resolver::{Resolver, Scope};
use super::schema::{meant_field, ACTOR_KINDS};
use super::suggest::closest;
use super::unknown_lint::{unknown_lint, LintNamePlace};

impl Resolver {
    /// `@allow(lint, ...)`: unknown lints and other attributes are E0209.
    pub(super) fn check_attributes(&mut self, file: FileId, decl: &Decl, allows: &mut Vec<Allow>) {
        let lints = self.attributes(file, &decl.attrs);
        if !lints.is_empty() {
            allows.push(Allow {
                decl_loc: Loc::new(file, decl.span),
                lints,
            });
        }
        if decl.kind == DeclKind::Intervention {
            for entry in decl.body.iter().flat_map(|b| &b.entries) {
                match entry {
                    Entry::Decl(inner) => self.check_attributes(file, inner, allows),
                    Entry::Extend(extend) => {
                        let lints = self.attributes(file, &extend.attrs);
                        if !lints.is_empty() {
                            allows.push(Allow {
                                decl_loc: Loc::new(file, extend.span),
                                lints,
                            });
                        }
                    }
                    Entry::Field(_) | Entry::Error(_) => {}
                }
            }
        }
    }

    pub(super) fn attributes(&mut self, file: FileId, attrs: &[Attribute]) -> Vec<&'static str> {
        let mut lints = Vec::new();
        for attr in attrs {
            if attr.name.as_str() != "allow" {
                self.diagnostics.push(
                    Diagnostic::error(Code::E0209, format!("unknown attribute `@{}`", attr.name))
                        .at(
                            Loc::new(file, attr.name.span),
                            "not an attribute of ecospec",
                        )
                        .help("the only attribute is `@allow(lint, ...)`"),
                );
                continue;
            }
            for arg in &attr.args {
                match lints::find(arg.as_str()) {
                    Some(lint) => lints.push(lint.name),
                    None => self.diagnostics.push(unknown_lint(
                        Loc::new(file, arg.span),
                        arg.as_str(),
                        LintNamePlace::Allow,
                    )),
                }
            }
        }
        lints
    }

    /// A declaration's record: its header and fields, typed and resolved.
    pub(super) fn record(&mut self, file: FileId, decl: &Decl, scope: Option<&Scope>) -> Record {
        let mut common = self.common(file, decl, scope.map(|s| s.intervention));
        let before = self.unsuggested;
        // An intervention's `removes` resolves among its own names too: with
        // its entries (`Resolver::intervention`), not with its record.
        let own = |f: &&ecospec_syntax::Field| {
            decl.kind != DeclKind::Intervention || !is_removes(f.name.as_str())
        };
        let fields = self.typed_fields(file, decl.kind, decl.fields().filter(own), scope);
        // An unknown field or a name in `in`, `serves` or `provides` that
        // is misspelt without a suggestion may hide what an actor provides
        // (section 9.5); a syntax error may too (9.6).
        let unsure = decl.broken
            || self
                .misspelt_fields
                .iter()
                .any(|field| matches!(field, None | Some("in" | "serves" | "provides")));
        let ends = match decl.kind {
            DeclKind::Bridge => self.bridge_ends(file, decl, scope),
            _ => Vec::new(),
        };
        // A misspelling without a suggestion breaks its declaration for
        // the lints, as a syntax error does (section 9.5).
        common.broken |= self.unsuggested > before;
        let mut record = match decl.kind {
            DeclKind::Capability => Record::Capability(Capability {
                common,
                description: None,
            }),
            DeclKind::Scenario => Record::Scenario(Scenario {
                common,
                description: None,
                removes: Vec::new(),
            }),
            DeclKind::Cluster => Record::Cluster(Cluster {
                common,
                bets_on: Vec::new(),
                needs: Vec::new(),
                cohesion: None,
                strategy: None,
                description: None,
                approach: Vec::new(),
                approach_at: None,
            }),
            DeclKind::Actor => Record::Actor(Actor {
                common,
                kind: self.actor_kind(file, decl.actor_kind.as_ref()),
                member_of: Vec::new(),
                serves: Vec::new(),
                provides: Vec::new(),
                organizes: None,
                description: None,
                roles: Vec::new(),
                unsure,
            }),
            DeclKind::Bridge => Record::Bridge(Bridge {
                common,
                ends,
                among: matches!(decl.ends, Some(ecospec_syntax::ast::BridgeEnds::Among(_))),
                via: Vec::new(),
                through: Vec::new(),
                form: None,
                strength: None,
                unity: Vec::new(),
            }),
            DeclKind::Intervention | DeclKind::Ecosystem | DeclKind::On => {
                Record::Intervention(Intervention {
                    common,
                    goal: None,
                    pathway: None,
                })
            }
        };
        for (name, value) in fields {
            record.set(name, value);
        }
        record
    }

    pub(super) fn common(&self, file: FileId, decl: &Decl, intervention: Option<usize>) -> Common {
        let name_span = decl.name_span();
        Common {
            name: decl
                .name
                .as_ref()
                .map_or_else(Box::default, |n| n.name.clone()),
            name_loc: Loc::new(file, name_span),
            decl_loc: Loc::new(file, decl.span),
            label: decl.label.as_ref().map(|t| t.value.clone()),
            doc: decl.doc.clone(),
            fields: decl
                .fields()
                .map(|f| {
                    // A misspelt field stands for the field it meant.
                    let name = meant_field(decl.kind, f.name.as_str())
                        .map_or_else(|| f.name.name.clone(), Box::from);
                    (name, Loc::new(file, f.name.span))
                })
                .collect(),
            broken: decl.broken,
            intervention,
            removed: false,
        }
    }

    pub(super) fn actor_kind(&mut self, file: FileId, kind: Option<&Ident>) -> Box<str> {
        let Some(kind) = kind else {
            return "organization".into();
        };
        if !ACTOR_KINDS.contains(&kind.as_str()) {
            let mut diagnostic =
                Diagnostic::error(Code::E0207, format!("unknown actor kind `{kind}`"))
                    .at(Loc::new(file, kind.span), "not a kind of actor")
                    .note(format!("the kinds are: {}", ACTOR_KINDS.join(", ")));
            diagnostic = with_suggestion(
                diagnostic,
                file,
                kind,
                closest(kind.as_str(), ACTOR_KINDS.iter().copied()),
            );
            self.diagnostics.push(diagnostic);
        }
        kind.name.clone()
    }

    pub(super) fn bridge_ends(
        &mut self,
        file: FileId,
        decl: &Decl,
        scope: Option<&Scope>,
    ) -> Vec<Ref> {
        let Some(ends) = &decl.ends else {
            return Vec::new();
        };
        let names = ends.clusters();
        let refs = self.refs(file, "among", names, DeclKind::Cluster, scope);
        // The first entry of each name: linear in the list (a bridge `among`
        // 100,000 clusters).
        let mut firsts: FxHashMap<&str, &Ident> = FxHashMap::default();
        for name in names {
            let first = *firsts.entry(name.as_str()).or_insert(name);
            if !std::ptr::eq(first, name) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::E0208,
                        format!(
                            "cluster `{name}` is named twice in bridge `{}`",
                            decl.name.as_ref().map_or("", |n| n.as_str())
                        ),
                    )
                    .at(Loc::new(file, name.span), "named again here")
                    .label(Loc::new(file, first.span), "first named here")
                    .help("a bridge joins two or more distinct clusters: name each once"),
                );
            }
        }
        refs
    }

    /// An `on` rule: its scenario and clusters.
    pub(super) fn rule(
        &mut self,
        file: FileId,
        decl: &Decl,
        scope: Option<&Scope>,
    ) -> Option<Rule> {
        let name = decl.name.as_ref()?;
        let before = self.unsuggested;
        let scenario =
            self.resolve_ref(file, name, DeclKind::Scenario, scope, &[], &mut Vec::new());
        let mut rule = Rule {
            scenario,
            activate: Vec::new(),
            support: Vec::new(),
            support_actors: Vec::new(),
            decl_loc: Loc::new(file, decl.span),
            broken: decl.broken,
            intervention: scope.map(|s| s.intervention),
        };
        for (field, value) in self.typed_fields(file, DeclKind::On, decl.fields(), scope) {
            set_rule_field(&mut rule, field, value);
        }
        rule.broken |= self.unsuggested > before;
        Some(rule)
    }
}
