//! The fields of each declaration and their types (the contract's section 3;
//! `docs/src/diagnostics.md` shows them in use).

use ecospec_syntax::DeclKind;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldType {
    Text,
    /// A list of names of this kind.
    Names(DeclKind),
    /// One value of this set.
    Enum(&'static [&'static str]),
    /// A list of values of this set.
    EnumList(&'static [&'static str]),
}

impl FieldType {
    pub fn is_list(self) -> bool {
        matches!(self, FieldType::Names(_) | FieldType::EnumList(_))
    }
}

pub const COHESION: &[&str] = &["tight", "loose"];
pub const FORMS: &[&str] = &["informal", "network", "organization", "conference"];
pub const STRENGTHS: &[&str] = &["loose", "tight"];
pub const UNITIES: &[&str] = &["strategic", "tactical", "institutional", "ideological"];
pub const ACTOR_KINDS: &[&str] = &[
    "organization",
    "campaign",
    "alliance",
    "network",
    "association",
    "collective",
    "union",
    "party",
    "coalition",
    "media",
    "community",
    "funder",
    "faith_group",
    "legal_group",
];
/// The four roles of social activism (Bill Moyer's Movement Action Plan).
pub const ROLES: &[&str] = &["citizen", "rebel", "reformer", "change_agent"];
/// The approaches of the movement-ecology framework.
pub const APPROACHES: &[&str] = &[
    "personal_transformation",
    "alternatives",
    "inside_game",
    "structure_organizing",
    "mass_protest",
];

pub fn fields(kind: DeclKind) -> &'static [(&'static str, FieldType)] {
    use FieldType::*;
    match kind {
        DeclKind::Ecosystem => &[("task", Text), ("description", Text)],
        DeclKind::Capability => &[("description", Text)],
        // `removes` (v1) holds names of several kinds: see [`REMOVABLE`].
        DeclKind::Scenario => &[("description", Text), ("removes", Names(DeclKind::Actor))],
        DeclKind::Cluster => &[
            ("bets_on", Names(DeclKind::Scenario)),
            ("strategy", Text),
            ("description", Text),
            ("cohesion", Enum(COHESION)),
            ("needs", Names(DeclKind::Capability)),
            ("approach", EnumList(APPROACHES)),
        ],
        DeclKind::Actor => &[
            ("in", Names(DeclKind::Cluster)),
            ("serves", Names(DeclKind::Cluster)),
            ("provides", Names(DeclKind::Capability)),
            ("organizes", Text),
            ("description", Text),
            ("roles", EnumList(ROLES)),
        ],
        DeclKind::Bridge => &[
            ("via", Names(DeclKind::Capability)),
            ("through", Names(DeclKind::Actor)),
            ("form", Enum(FORMS)),
            ("strength", Enum(STRENGTHS)),
            ("unity", EnumList(UNITIES)),
        ],
        DeclKind::On => &[
            ("activate", Names(DeclKind::Cluster)),
            ("support", Names(DeclKind::Cluster)),
        ],
        DeclKind::Intervention => &[
            ("goal", Text),
            ("pathway", Text),
            ("removes", Names(DeclKind::Actor)),
        ],
    }
}

/// The field of scenarios and interventions that takes things out of the
/// configuration (v1, section 9.2). Its schema entry says actor names; it
/// resolves (and completes) among every kind of [`REMOVABLE`].
pub const REMOVES: &str = "removes";

/// The kinds a `removes` list names.
pub const REMOVABLE: &[DeclKind] = &[
    DeclKind::Actor,
    DeclKind::Bridge,
    DeclKind::Cluster,
    DeclKind::Capability,
];

/// The kinds an `on` rule's `support` names (v1, section 9.3); its schema
/// entry says clusters.
pub const SUPPORTERS: &[DeclKind] = &[DeclKind::Cluster, DeclKind::Actor];

pub fn field_type(kind: DeclKind, name: &str) -> Option<(&'static str, FieldType)> {
    fields(kind)
        .iter()
        .find(|(field, _)| *field == name)
        .copied()
}

/// The field a written field name stands for, for the lints: itself, or
/// else its did-you-mean among the fields of `kind` (section 9.5).
pub fn meant_field(kind: DeclKind, name: &str) -> Option<&'static str> {
    field_type(kind, name)
        .map(|(field, _)| field)
        .or_else(|| super::suggest::closest(name, fields(kind).iter().map(|(field, _)| *field)))
}

/// `a cluster`, `an actor`, `an intervention`.
pub fn a_kind(kind: DeclKind) -> &'static str {
    match kind {
        DeclKind::Ecosystem => "an ecosystem header",
        DeclKind::Capability => "a capability",
        DeclKind::Scenario => "a scenario",
        DeclKind::Cluster => "a cluster",
        DeclKind::Actor => "an actor",
        DeclKind::Bridge => "a bridge",
        DeclKind::On => "an `on` rule",
        DeclKind::Intervention => "an intervention",
    }
}
