//! The map in the report (section 10: Mermaid in Markdown, inline SVG in
//! HTML), before and after each intervention: the `clusters` view drawn by
//! the picture module, as `ecospec graph` draws it. Past the size where the
//! drawing cannot stay readable, no map: the picture module's message
//! (which suggests `--format dot`) stands in its place.

use crate::export::Configuration;
use crate::picture::{picture, render_mermaid, render_svg, Request, View};

/// One drawing of a configuration, in the forms the report can hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Map {
    /// A Mermaid `flowchart` (the `clusters` view).
    pub mermaid: Option<String>,
    /// An SVG document, to be inlined.
    pub svg: Option<String>,
    /// Why there is no drawing.
    pub none: Option<String>,
}

/// The map of `configuration` (with its `--apply` intervention), or with
/// intervention `apply` applied instead; `title` names the ecosystem when
/// its header does not.
pub fn map(configuration: &Configuration<'_>, apply: Option<&str>, title: &str) -> Map {
    let request = Request {
        view: View::Clusters,
        apply: apply.or(configuration.applied()),
        scenario: None,
        title,
    };
    let drawn = picture(configuration.resolved(), &request)
        .and_then(|p| Ok((render_svg(&p)?, render_mermaid(&p))));
    match drawn {
        Ok((svg, mermaid)) => Map {
            mermaid: Some(mermaid),
            svg: Some(svg),
            none: None,
        },
        Err(why) => Map {
            none: Some(why),
            ..Map::default()
        },
    }
}
