//! The map in the report (section 10: Mermaid in Markdown, inline SVG in
//! HTML), before and after each intervention. The drawings are the
//! `graph` command's (the picture module); until the report is joined to
//! it, a root's map is empty and the report says how to draw it.

use crate::export::Configuration;

/// One drawing of a configuration, in the forms the report can hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Map {
    /// A Mermaid `flowchart` (the `clusters` view).
    pub mermaid: Option<String>,
    /// An SVG document, to be inlined.
    pub svg: Option<String>,
}

/// The map of `configuration`, or with intervention `apply` applied.
pub fn map(configuration: &Configuration<'_>, apply: Option<&str>) -> Map {
    let _ = (configuration, apply);
    Map::default()
}
