//! Diagnostic codes as a type: the error codes are constants here, each
//! lint's code is written once in the lint's own declaration
//! (`lints::LintDecl`). Code compares codes with `==` and `matches!`,
//! never by their text; the text (`E0201`) is only what the renderers print.

use std::fmt;

/// A diagnostic's stable code: `E0201`, `W0403`. Ordered by its text, so
/// diagnostics sort by code as they always have.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Code(&'static str);

impl Code {
    /// Syntax error.
    pub const E0101: Code = Code("E0101");
    /// Unterminated string or unknown escape.
    pub const E0102: Code = Code("E0102");
    /// Unexpected character.
    pub const E0103: Code = Code("E0103");
    /// Undefined name.
    pub const E0201: Code = Code("E0201");
    /// Duplicate definition.
    pub const E0202: Code = Code("E0202");
    /// Reference to the wrong kind.
    pub const E0203: Code = Code("E0203");
    /// Unknown field.
    pub const E0204: Code = Code("E0204");
    /// Field given twice.
    pub const E0205: Code = Code("E0205");
    /// Invalid value.
    pub const E0206: Code = Code("E0206");
    /// Unknown actor kind.
    pub const E0207: Code = Code("E0207");
    /// Cluster named twice in one bridge.
    pub const E0208: Code = Code("E0208");
    /// Unknown lint or attribute.
    pub const E0209: Code = Code("E0209");
    /// A name removed and changed in the same intervention (v1).
    pub const E0210: Code = Code("E0210");
    /// Imported file not found.
    pub const E0301: Code = Code("E0301");
    /// Import cycle.
    pub const E0302: Code = Code("E0302");
    /// Import leaves the checked folder.
    pub const E0303: Code = Code("E0303");
    /// File is not valid UTF-8.
    pub const E0304: Code = Code("E0304");
    /// Invalid `ecospec.toml`.
    pub const E0305: Code = Code("E0305");

    /// Every error code, in order (each has an explanation under
    /// `compiler/explain/`).
    pub const ERRORS: [Code; 18] = [
        Code::E0101,
        Code::E0102,
        Code::E0103,
        Code::E0201,
        Code::E0202,
        Code::E0203,
        Code::E0204,
        Code::E0205,
        Code::E0206,
        Code::E0207,
        Code::E0208,
        Code::E0209,
        Code::E0210,
        Code::E0301,
        Code::E0302,
        Code::E0303,
        Code::E0304,
        Code::E0305,
    ];

    /// A lint's code, for its declaration; the registry's tests keep the
    /// lint codes distinct and equal to the headings of their docs.
    pub(crate) const fn lint(code: &'static str) -> Code {
        Code(code)
    }

    /// The code as printed: `E0201`.
    pub const fn as_str(self) -> &'static str {
        self.0
    }

    /// E0101–E0103: the file's syntax tree may be cut short.
    pub fn is_syntax_error(self) -> bool {
        matches!(self, Code::E0101 | Code::E0102 | Code::E0103)
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.0)
    }
}

impl fmt::Debug for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)
    }
}

impl serde::Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_errors_are_the_e01_codes() {
        let syntax: Vec<Code> = Code::ERRORS
            .into_iter()
            .filter(|c| c.is_syntax_error())
            .collect();
        assert_eq!(syntax, [Code::E0101, Code::E0102, Code::E0103]);
    }

    #[test]
    fn codes_print_and_order_by_their_text() {
        assert_eq!(format!("[{:<6}]", Code::E0201), "[E0201 ]");
        assert!(Code::E0305 < Code::lint("W0401"));
        assert!(Code::ERRORS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn every_error_code_has_an_explanation() {
        for code in Code::ERRORS {
            assert!(
                crate::EXPLANATIONS.iter().any(|(c, _)| *c == code.as_str()),
                "{code}"
            );
        }
    }
}
