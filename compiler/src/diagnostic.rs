//! The one diagnostic model of ecospec (after Gleam). Every finding, error
//! and lint is a [`Diagnostic`]; the renderers (terminal, short, JSON, SARIF,
//! GitHub, the language server) each turn it into their own shape and none
//! builds its own.

use ecospec_syntax::Span;

use crate::code::Code;
use crate::source::FileId;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    Note,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// A place in a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Loc {
    pub file: FileId,
    pub span: Span,
}

impl Loc {
    pub fn new(file: FileId, span: Span) -> Loc {
        Loc { file, span }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Label {
    pub loc: Loc,
    pub message: String,
}

/// One replacement of a span's text.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Edit {
    pub loc: Loc,
    pub replacement: String,
}

/// Whether a fix may be applied without review (after ruff's
/// `Applicability`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Applicability {
    /// `ecospec check --fix` applies it: a did-you-mean rename to an
    /// existing name of the right kind keeps the meaning the author wrote.
    Safe,
    /// Offered to the editor, never applied by `--fix`: it may change what
    /// the configuration means.
    Unsafe,
}

/// A suggested change: what it does and the edits that do it.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Fix {
    pub message: String,
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

impl Fix {
    pub fn is_safe(&self) -> bool {
        self.applicability == Applicability::Safe
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Diagnostic {
    /// Stable code: `E0201`, `W0403`.
    pub code: Code,
    /// The lint's name, for lints.
    pub lint: Option<&'static str>,
    pub severity: Severity,
    pub message: String,
    /// `None` for a diagnostic with no place in a file (an unreadable root).
    pub primary: Option<Loc>,
    /// The primary label's text, shown under the marked place.
    pub primary_label: String,
    pub labels: Vec<Label>,
    pub notes: Vec<String>,
    pub help: Option<String>,
    pub fixes: Vec<Fix>,
}

impl Diagnostic {
    pub fn error(code: Code, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            code,
            lint: None,
            severity: Severity::Error,
            message: message.into(),
            primary: None,
            primary_label: String::new(),
            labels: Vec::new(),
            notes: Vec::new(),
            help: None,
            fixes: Vec::new(),
        }
    }

    pub fn at(mut self, loc: Loc, label: impl Into<String>) -> Diagnostic {
        self.primary = Some(loc);
        self.primary_label = label.into();
        self
    }

    pub fn label(mut self, loc: Loc, message: impl Into<String>) -> Diagnostic {
        self.labels.push(Label {
            loc,
            message: message.into(),
        });
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    pub fn note(mut self, note: impl Into<String>) -> Diagnostic {
        self.notes.push(note.into());
        self
    }

    pub fn fix(mut self, fix: Fix) -> Diagnostic {
        self.fixes.push(fix);
        self
    }
}
