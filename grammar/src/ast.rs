//! The syntax tree of one `.eco` file, with byte spans into its text.
//!
//! The tree is total: the parser always returns one, with what it could read
//! before an error and an [`Item::Error`] node where it skipped input, so the
//! checker and the language server work on broken files too.

use std::fmt;

/// A byte range `start..end` in one file's text.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Span {
    pub start: u32,
    pub end: u32,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Span {
        Span {
            start: clamp_u32(start),
            end: clamp_u32(end),
        }
    }

    /// The smallest span covering both.
    pub fn to(self, other: Span) -> Span {
        Span {
            start: self.start.min(other.start),
            end: self.end.max(other.end),
        }
    }

    pub fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

fn clamp_u32(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A name as written: a declaration's name or a reference to one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub name: Box<str>,
    pub span: Span,
}

impl Ident {
    pub fn as_str(&self) -> &str {
        &self.name
    }
}

impl fmt::Display for Ident {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.name)
    }
}

/// An entry of a list of names (`needs: a, "b"`): a name, or a string
/// written where a name is expected (`quoted`: the name is the string's
/// value, the span covers its quotes). The flag lives here, not in every
/// [`Ident`]: declaration and field names are never strings, and 8 bytes
/// more in each made a declaration and a block's entries a size class larger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    pub ident: Ident,
    pub quoted: bool,
}

impl std::ops::Deref for Name {
    type Target = Ident;

    fn deref(&self) -> &Ident {
        &self.ident
    }
}

impl std::ops::DerefMut for Name {
    fn deref_mut(&mut self) -> &mut Ident {
        &mut self.ident
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.ident.fmt(f)
    }
}

/// An entry of a list of names: a bridge's clusters are names, a field's
/// list may also hold strings.
pub trait ListEntry {
    fn ident(&self) -> &Ident;
    fn quoted(&self) -> bool;
}

impl ListEntry for Ident {
    fn ident(&self) -> &Ident {
        self
    }

    fn quoted(&self) -> bool {
        false
    }
}

impl ListEntry for Name {
    fn ident(&self) -> &Ident {
        &self.ident
    }

    fn quoted(&self) -> bool {
        self.quoted
    }
}

/// One or more adjacent string literals, joined into one text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Text {
    /// The joined value, escapes resolved.
    pub value: Box<str>,
    /// Each literal as written, quotes included. Boxed slices, not vectors:
    /// a spec holds a text per label and string field, and the two spare
    /// capacities cost 16 bytes each.
    pub parts: Box<[Span]>,
}

impl Text {
    pub fn span(&self) -> Span {
        match (self.parts.first(), self.parts.last()) {
            (Some(first), Some(last)) => first.to(*last),
            _ => Span::default(),
        }
    }
}

/// What follows `name:` in a field.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Value {
    Text(Text),
    Names(Vec<Name>),
}

impl Value {
    pub fn span(&self) -> Span {
        match self {
            Value::Text(text) => text.span(),
            Value::Names(names) => match (names.first(), names.last()) {
                (Some(first), Some(last)) => first.span.to(last.span),
                _ => Span::default(),
            },
        }
    }
}

/// `name: value`. Its span is computed, not stored: a spec holds a field per
/// line, and 8 bytes more made each block's entries a size class larger.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field {
    pub name: Ident,
    pub value: Value,
}

impl Field {
    /// From the field's name to the end of its value.
    pub fn span(&self) -> Span {
        match self.value.span() {
            // An empty list (only after recovery) has no span of its own.
            value if value == Span::default() => self.name.span,
            value => self.name.span.to(value),
        }
    }
}

/// `@name(arg, ...)`: in v0 only `@allow(lint, ...)`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Attribute {
    pub name: Ident,
    pub args: Vec<Ident>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeclKind {
    Ecosystem,
    Capability,
    Scenario,
    Cluster,
    Actor,
    Bridge,
    On,
    Intervention,
}

impl DeclKind {
    /// The keyword that introduces the declaration.
    pub fn keyword(self) -> &'static str {
        match self {
            DeclKind::Ecosystem => "ecosystem",
            DeclKind::Capability => "capability",
            DeclKind::Scenario => "scenario",
            DeclKind::Cluster => "cluster",
            DeclKind::Actor => "actor",
            DeclKind::Bridge => "bridge",
            DeclKind::On => "on",
            DeclKind::Intervention => "intervention",
        }
    }
}

/// How a bridge names its clusters.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BridgeEnds {
    /// `between a and b`
    Between(Vec<Ident>),
    /// `among a, b, c`
    Among(Vec<Ident>),
}

impl BridgeEnds {
    pub fn clusters(&self) -> &[Ident] {
        match self {
            BridgeEnds::Between(names) | BridgeEnds::Among(names) => names,
        }
    }
}

/// A declaration: at the top of a file, or a change inside an intervention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decl {
    pub kind: DeclKind,
    pub attrs: Vec<Attribute>,
    /// The doc comment (`///` lines) before it, markers stripped, lines joined by `\n`.
    pub doc: Option<Box<str>>,
    pub keyword: Span,
    /// The declared name; for `on`, the scenario. `None` for `ecosystem`.
    pub name: Option<Ident>,
    /// `actor name: kind`
    pub actor_kind: Option<Ident>,
    /// A bridge's clusters.
    pub ends: Option<BridgeEnds>,
    /// The short display name after the name.
    pub label: Option<Text>,
    pub body: Option<Block>,
    /// From its first attribute (or keyword) to its last token.
    pub span: Span,
    /// A syntax error was recovered inside it: its fields may be cut short.
    pub broken: bool,
}

impl Decl {
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.body.iter().flat_map(|body| body.fields())
    }

    /// The span of the name, or of the keyword when there is none.
    pub fn name_span(&self) -> Span {
        self.name.as_ref().map_or(self.keyword, |name| name.span)
    }
}

/// `extend actor|cluster|bridge|on NAME { ... }` inside an intervention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Extend {
    pub attrs: Vec<Attribute>,
    pub keyword: Span,
    pub target_kind: DeclKind,
    pub target_keyword: Span,
    pub name: Ident,
    pub body: Option<Block>,
    pub span: Span,
    pub broken: bool,
}

impl Extend {
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.body.iter().flat_map(|body| body.fields())
    }
}

/// What a block holds, in source order. Only an intervention's block holds
/// declarations and extends; the checker reports them elsewhere.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Entry {
    Field(Field),
    // Boxed, so that an entry (most are fields) is the size of a field.
    Decl(Box<Decl>),
    Extend(Box<Extend>),
    /// A member the parser skipped while recovering from a syntax error.
    Error(Span),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Block {
    pub open: Span,
    /// `None` when the closing brace is missing.
    pub close: Option<Span>,
    pub entries: Vec<Entry>,
}

impl Block {
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.entries.iter().filter_map(|entry| match entry {
            Entry::Field(field) => Some(field),
            _ => None,
        })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Import {
    pub keyword: Span,
    pub path: Text,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Item {
    /// Boxed: an import is rare, and a list of items is as long as a file's
    /// declarations (an inline `Import` made every item 64 bytes, not 16).
    Import(Box<Import>),
    // Boxed: a declaration is built once and never moved by the parser.
    Decl(Box<Decl>),
    /// Input the parser skipped while recovering from a syntax error.
    Error(Span),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CommentKind {
    /// `// ...` (and `//// ...`)
    Line,
    /// `/// ...`
    Doc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Comment {
    pub kind: CommentKind,
    /// From the slashes to the end of the line, line end excluded.
    pub span: Span,
}

/// A parsed file: the tree, every comment, and every syntax error.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct File {
    pub items: Vec<Item>,
    pub comments: Vec<Comment>,
    pub errors: Vec<crate::SyntaxError>,
}

impl File {
    pub fn imports(&self) -> impl Iterator<Item = &Import> {
        self.items.iter().filter_map(|item| match item {
            Item::Import(import) => Some(&**import),
            _ => None,
        })
    }

    pub fn decls(&self) -> impl Iterator<Item = &Decl> {
        self.items.iter().filter_map(|item| match item {
            Item::Decl(decl) => Some(&**decl),
            _ => None,
        })
    }
}
