//! Kinds of tokens: the declaration keywords, and what a syntax error found
//! or expected. Data only: the compiler puts them into words.

use crate::ast::DeclKind;

/// A declaration keyword (the keywords that start an item).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Keyword {
    Import,
    Ecosystem,
    Capability,
    Scenario,
    Cluster,
    Actor,
    Bridge,
    On,
    Intervention,
}

impl Keyword {
    /// Every declaration keyword, in the order of the contract's grammar.
    pub const ALL: [Keyword; 9] = [
        Keyword::Import,
        Keyword::Ecosystem,
        Keyword::Capability,
        Keyword::Scenario,
        Keyword::Cluster,
        Keyword::Actor,
        Keyword::Bridge,
        Keyword::On,
        Keyword::Intervention,
    ];

    /// The declaration this keyword introduces (`import` introduces none).
    pub fn decl_kind(self) -> Option<DeclKind> {
        Some(match self {
            Keyword::Import => return None,
            Keyword::Ecosystem => DeclKind::Ecosystem,
            Keyword::Capability => DeclKind::Capability,
            Keyword::Scenario => DeclKind::Scenario,
            Keyword::Cluster => DeclKind::Cluster,
            Keyword::Actor => DeclKind::Actor,
            Keyword::Bridge => DeclKind::Bridge,
            Keyword::On => DeclKind::On,
            Keyword::Intervention => DeclKind::Intervention,
        })
    }

    pub fn as_str(self) -> &'static str {
        self.decl_kind().map_or("import", DeclKind::keyword)
    }

    /// Whether a declaration with this keyword may stand inside an
    /// intervention (as a change it proposes).
    pub fn nests_in_intervention(self) -> bool {
        !matches!(
            self,
            Keyword::Import | Keyword::Ecosystem | Keyword::Intervention
        )
    }
}

/// What a syntax error found, or one thing it expected: a kind of token
/// (a declaration keyword counts as one kind at any brace depth), or the
/// end of the file.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// An identifier.
    Name,
    /// A string literal.
    String,
    Keyword(Keyword),
    Between,
    And,
    Among,
    Extend,
    LBrace,
    RBrace,
    LParen,
    RParen,
    Colon,
    Comma,
    At,
    /// Only ever expected: an error that finds nothing is an unexpected end
    /// of file.
    EndOfFile,
}

impl TokenKind {
    /// The kinds written one way (all but names, strings and the end of
    /// the file) other than the declaration keywords.
    const SPELLED: [TokenKind; 11] = [
        TokenKind::Between,
        TokenKind::And,
        TokenKind::Among,
        TokenKind::Extend,
        TokenKind::LBrace,
        TokenKind::RBrace,
        TokenKind::LParen,
        TokenKind::RParen,
        TokenKind::Colon,
        TokenKind::Comma,
        TokenKind::At,
    ];

    /// How a token of this kind is written, when it is written one way.
    pub fn spelling(self) -> Option<&'static str> {
        Some(match self {
            TokenKind::Keyword(keyword) => keyword.as_str(),
            TokenKind::Between => "between",
            TokenKind::And => "and",
            TokenKind::Among => "among",
            TokenKind::Extend => "extend",
            TokenKind::LBrace => "{",
            TokenKind::RBrace => "}",
            TokenKind::LParen => "(",
            TokenKind::RParen => ")",
            TokenKind::Colon => ":",
            TokenKind::Comma => ",",
            TokenKind::At => "@",
            TokenKind::Name | TokenKind::String | TokenKind::EndOfFile => return None,
        })
    }

    /// Every keyword (a word that cannot be a name), declaration keywords
    /// first: what the language reference must document.
    pub fn keywords() -> impl Iterator<Item = &'static str> {
        TokenKind::written_one_way()
            .filter(|kind| kind.is_keyword())
            .filter_map(TokenKind::spelling)
    }

    /// Every kind of declaration, in the order of their keywords.
    pub fn declarations() -> impl Iterator<Item = DeclKind> {
        Keyword::ALL
            .iter()
            .filter_map(|keyword| keyword.decl_kind())
    }

    /// The declaration keywords, then the other kinds written one way.
    fn written_one_way() -> impl Iterator<Item = TokenKind> {
        Keyword::ALL
            .iter()
            .map(|keyword| TokenKind::Keyword(*keyword))
            .chain(TokenKind::SPELLED)
    }

    /// The kind written `spelling` (a keyword or a symbol).
    pub fn spelled(spelling: &str) -> Option<TokenKind> {
        TokenKind::written_one_way().find(|kind| kind.spelling() == Some(spelling))
    }

    /// Whether the token is a keyword (a word that cannot be a name).
    pub fn is_keyword(self) -> bool {
        matches!(
            self,
            TokenKind::Keyword(_)
                | TokenKind::Between
                | TokenKind::And
                | TokenKind::Among
                | TokenKind::Extend
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelled_kind_is_found_by_its_spelling() {
        for kind in TokenKind::written_one_way() {
            let spelling = kind.spelling();
            assert!(spelling.is_some(), "{kind:?}");
            assert_eq!(spelling.and_then(TokenKind::spelled), Some(kind));
        }
        assert_eq!(
            TokenKind::spelled("cluster"),
            Some(TokenKind::Keyword(Keyword::Cluster))
        );
        assert_eq!(TokenKind::spelled("cohesion"), None);
    }

    #[test]
    fn keywords_are_the_words_that_cannot_be_names() {
        assert!(TokenKind::Keyword(Keyword::On).is_keyword());
        assert!(TokenKind::Among.is_keyword());
        assert!(!TokenKind::Name.is_keyword());
        assert!(!TokenKind::Colon.is_keyword());
    }

    #[test]
    fn every_declaration_kind_has_its_keyword() {
        let kinds: Vec<&str> = TokenKind::declarations().map(DeclKind::keyword).collect();
        assert_eq!(kinds.len(), 8, "{kinds:?}");
        assert!(!kinds.contains(&"import"));
    }
}
