//! A picture of one configuration, before any format: nodes, edges, the
//! groups of the actors view, and the legend. Built by `build.rs`, drawn by
//! one renderer per format. Every list is in a deterministic order (source
//! order of the declarations), so the same spec gives the same bytes.

use crate::lints::Finding;

/// Which picture of the ecosystem (section 10 of the contract).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Clusters as nodes, bridges as edges (an `among` bridge as a node).
    Clusters,
    /// Clusters as boxes holding their members; serving actors outside.
    Actors,
    /// Capabilities against clusters: who provides, what is uncovered.
    Capabilities,
}

impl View {
    pub fn name(self) -> &'static str {
        match self {
            View::Clusters => "clusters",
            View::Actors => "actors",
            View::Capabilities => "capabilities",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    Cluster,
    Actor,
    Capability,
    /// An `among` bridge: one small node joined to each of its clusters.
    Bridge,
}

/// How a node or an edge is marked: the findings and the scenario drawn.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Marks {
    /// A gap: an unbridged cluster (W0401), an uncovered need (W0403).
    pub gap: bool,
    /// A critical bridge (W0418).
    pub critical: bool,
    /// The only provider of a capability someone needs (W0404, W0423).
    pub single: bool,
    /// Activated by the scenario drawn.
    pub activated: bool,
    /// Joins in to support under the scenario drawn.
    pub supporter: bool,
    /// Taken out of the configuration (a scenario's or intervention's `removes`).
    pub removed: bool,
}

/// The colours of the marks, the same in every format.
pub const RED: &str = "#c62828";
pub const BLUE: &str = "#1565c0";
pub const GREY: &str = "#9e9e9e";

impl Marks {
    /// The colour of a border or a line: grey for what is taken out, blue
    /// for the scenario's response, red for a gap (whose text stays red
    /// under a blue border); `None` when plain.
    pub fn stroke(&self) -> Option<&'static str> {
        if self.removed {
            Some(GREY)
        } else if self.activated || self.supporter {
            Some(BLUE)
        } else if self.gap {
            Some(RED)
        } else {
            None
        }
    }

    /// The colour of the text; `None` when plain.
    pub fn ink(&self) -> Option<&'static str> {
        if self.removed {
            Some(GREY)
        } else if self.gap {
            Some(RED)
        } else {
            None
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Node {
    /// Stable across runs: `cluster:mobilization`, `actor:lawyers`,
    /// `capability:legal_support`, `bridge:spokes`.
    pub id: String,
    pub kind: NodeKind,
    /// The declared name.
    pub name: String,
    /// The display name: the label string, else the name.
    pub label: String,
    /// Further lines under the label (a cluster's scenarios, a gap).
    pub details: Vec<String>,
    /// The longer text (description, else doc comment): a tooltip.
    pub tooltip: Option<String>,
    pub marks: Marks,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EdgeKind {
    /// A `between` bridge, cluster to cluster.
    Bridge,
    /// From an `among` bridge's node to one of its clusters.
    AmongLeg,
    /// An actor to a cluster it is in, beyond the one whose box holds it.
    Member,
    /// An actor to a cluster it serves without being a member (dashed).
    Serves,
    /// A cluster to a capability it needs.
    Need,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Edge {
    /// Indices into [`Picture::nodes`].
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    /// What it carries (a bridge's `via`), who provides (a need).
    pub label: Option<String>,
    /// The bridge's description or doc comment.
    pub tooltip: Option<String>,
    pub marks: Marks,
}

/// The actors view: a cluster's box and the actors drawn inside it (each
/// actor in the box of the first cluster it is in).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Group {
    /// The cluster's node.
    pub cluster: usize,
    pub members: Vec<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LegendKey {
    Gap,
    Critical,
    Single,
    Activated,
    Supporter,
    Removed,
    Serves,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LegendEntry {
    pub key: LegendKey,
    pub text: &'static str,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Picture {
    pub view: View,
    /// What is drawn: the ecosystem, and the intervention or scenario.
    pub title: String,
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
    /// Empty but in the actors view.
    pub groups: Vec<Group>,
    /// What the marks mean, only those the picture uses.
    pub legend: Vec<LegendEntry>,
    /// The findings whose marks the picture draws, in the lints' order: what
    /// an editor lists beside the drawing and takes a click to.
    pub findings: Vec<DrawnFinding>,
}

/// A finding the picture draws, and the id of the element that shows it
/// (a node's id; `bridge:x` also for a bridge drawn as a line).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DrawnFinding {
    pub element: String,
    pub finding: Finding,
}

impl Picture {
    pub fn clusters(&self) -> usize {
        self.nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Cluster)
            .count()
    }
}

impl Node {
    /// The text drawn in the node, one entry a line: the label (after the
    /// signs of its marks), then its details.
    pub fn lines(&self) -> Vec<String> {
        let mut first = String::new();
        if self.marks.activated {
            first.push_str("▶ ");
        }
        if self.marks.supporter {
            first.push_str("+ ");
        }
        if self.marks.single {
            first.push_str("★ ");
        }
        first.push_str(&self.label);
        std::iter::once(first)
            .chain(self.details.iter().cloned())
            .collect()
    }
}
