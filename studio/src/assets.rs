//! The page: the committed bundle of the web front end
//! (`studio/web/dist/`, built with esbuild), embedded so that building the
//! binary needs no Node.

/// A file of the page: its bytes and content type.
pub struct Asset {
    pub bytes: &'static [u8],
    pub content_type: &'static str,
}

pub const INDEX: Asset = Asset {
    bytes: include_bytes!("../web/dist/index.html"),
    content_type: "text/html; charset=utf-8",
};

pub const SCRIPT: Asset = Asset {
    bytes: include_bytes!("../web/dist/studio.js"),
    content_type: "text/javascript; charset=utf-8",
};

pub const STYLE: Asset = Asset {
    bytes: include_bytes!("../web/dist/studio.css"),
    content_type: "text/css; charset=utf-8",
};
