//! The chapter of the ecospec book (`docs/src`, an mdBook) to read after a
//! diagnostic's explanation: the page that describes what the finding is
//! about. `ecospec explain` ends with it and the diagnostics chapter links
//! it (`catalog`); a test checks that each page exists and has this title.

use crate::code::Code;

/// Where the book's pages live, from the repository's root.
pub const BOOK_SOURCE: &str = "docs/src";

/// A page of the book.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Chapter {
    /// Its path under `docs/src`: `reference/bridge.md`.
    pub path: &'static str,
    /// Its first heading: `Bridges`.
    pub title: &'static str,
}

const LEXICAL: Chapter = Chapter {
    path: "reference/lexical.md",
    title: "Files, names and comments",
};
const REFERENCE: Chapter = Chapter {
    path: "reference.md",
    title: "Language reference",
};
const ECOSYSTEM: Chapter = Chapter {
    path: "reference/ecosystem.md",
    title: "Imports and ecosystems",
};
const LEVELS: Chapter = Chapter {
    path: "reference/levels.md",
    title: "Levels, `ecospec.toml` and `@allow`",
};
const ACTOR: Chapter = Chapter {
    path: "reference/actor.md",
    title: "Actors",
};
const BRIDGE: Chapter = Chapter {
    path: "reference/bridge.md",
    title: "Bridges",
};
const CAPABILITY: Chapter = Chapter {
    path: "reference/capability.md",
    title: "Capabilities",
};
const CLUSTER: Chapter = Chapter {
    path: "reference/cluster.md",
    title: "Clusters",
};
const SCENARIO: Chapter = Chapter {
    path: "reference/scenario.md",
    title: "Scenarios",
};
const ON: Chapter = Chapter {
    path: "reference/on.md",
    title: "`on` rules",
};
const INTERVENTION: Chapter = Chapter {
    path: "reference/intervention.md",
    title: "Interventions",
};
const MODEL: Chapter = Chapter {
    path: "reference/model.md",
    title: "How ecospec reads an ecosystem",
};
const WHAT_IF: Chapter = Chapter {
    path: "what-if.md",
    title: "Asking \"what if\": a scenario walked through",
};

/// The chapter to read after `code`'s explanation. A code this table does
/// not know (none today: a test asks of every code) gets the language
/// reference's table of contents.
pub fn read_next(code: Code) -> Chapter {
    match code.as_str() {
        // The lexical page's section "Fields" covers the field errors of
        // every declaration.
        "E0101" | "E0102" | "E0103" | "E0201" | "E0202" | "E0203" | "E0204" | "E0205" | "E0206" => {
            LEXICAL
        }
        "E0207" | "W0405" | "W0419" => ACTOR,
        "E0208" | "W0401" | "W0402" | "W0411" | "W0412" | "W0418" => BRIDGE,
        "E0209" | "E0305" => LEVELS,
        "E0210" | "W0416" | "W0417" => INTERVENTION,
        "E0301" | "E0302" | "E0303" | "E0304" => ECOSYSTEM,
        "W0403" | "W0423" => MODEL,
        "W0404" | "W0410" => CAPABILITY,
        "W0406" | "W0408" | "W0409" | "W0420" | "W0421" => CLUSTER,
        "W0407" => SCENARIO,
        "W0413" | "W0414" | "W0415" => ON,
        "W0422" => WHAT_IF,
        _ => REFERENCE,
    }
}

/// The line `ecospec explain` ends with: `Read more in the ecospec book:
/// Bridges (docs/src/reference/bridge.md)`.
pub fn read_more_line(code: Code) -> String {
    let chapter = read_next(code);
    format!(
        "Read more in the ecospec book: {} ({BOOK_SOURCE}/{})",
        chapter.title, chapter.path
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_names_its_chapter_and_where_it_lives() {
        assert_eq!(read_next(Code::E0207), ACTOR);
        assert_eq!(
            read_more_line(Code::E0305),
            "Read more in the ecospec book: Levels, `ecospec.toml` and `@allow` (docs/src/reference/levels.md)"
        );
    }

    #[test]
    fn every_code_has_a_chapter_of_its_own() {
        // No code is sent to the reference's table of contents: each names
        // the page that describes what it is about.
        let lints = crate::lints::LINTS.iter().map(|lint| lint.code);
        for code in Code::ERRORS.into_iter().chain(lints) {
            assert_ne!(read_next(code), REFERENCE, "{code}");
        }
        assert_eq!(read_next(Code::E0205), LEXICAL);
    }
}
