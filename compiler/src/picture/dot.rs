//! A picture as Graphviz DOT: one `graph`, nodes and edges with quoted ids,
//! the actors view's clusters as `subgraph cluster_N` boxes (edges to a
//! box end at its border through `compound=true` and `lhead`/`ltail`), the
//! legend as a note. Every text is a quoted DOT string (`dot_string`).

use std::fmt::Write;

use super::drawing::{Edge, EdgeKind, Marks, Node, NodeKind, Picture, View};

pub fn render_dot(picture: &Picture) -> String {
    let mut out = String::new();
    let actors = picture.view == View::Actors;
    out.push_str("graph ecospec {\n");
    let _ = writeln!(
        out,
        "    graph [label={}, labelloc=t, fontname=\"Helvetica\", rankdir=LR{}];",
        dot_string(&picture.title),
        if actors { ", compound=true" } else { "" }
    );
    out.push_str("    node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
    out.push_str("    edge [fontname=\"Helvetica\", fontsize=10];\n");
    // The box that holds each actor, in the actors view.
    let mut box_of: Vec<Option<usize>> = vec![None; picture.nodes.len()];
    for (g, group) in picture.groups.iter().enumerate() {
        for slot in std::iter::once(group.cluster).chain(group.members.iter().copied()) {
            if let Some(b) = box_of.get_mut(slot) {
                *b = Some(g);
            }
        }
    }
    for (g, group) in picture.groups.iter().enumerate() {
        let Some(cluster) = picture.nodes.get(group.cluster) else {
            continue;
        };
        let _ = writeln!(out, "    subgraph cluster_{g} {{");
        let _ = writeln!(
            out,
            "        graph [label={}, style={}, color={}{}];",
            dot_string(&cluster.lines().join("\n")),
            dot_string(&styles(&cluster.marks, true).join(",")),
            dot_string(color(&cluster.marks)),
            tooltip_attr(cluster.tooltip.as_deref())
        );
        // Where edges to the box start and end.
        let _ = writeln!(
            out,
            "        {} [shape=point, style=invis, label=\"\"];",
            dot_string(&cluster.id)
        );
        for member in group.members.iter().filter_map(|m| picture.nodes.get(*m)) {
            out.push_str("        ");
            node(&mut out, member);
        }
        out.push_str("    }\n");
    }
    for (n, node_) in picture.nodes.iter().enumerate() {
        if box_of.get(n).copied().flatten().is_none() {
            out.push_str("    ");
            node(&mut out, node_);
        }
    }
    for edge_ in &picture.edges {
        edge(&mut out, picture, edge_, &box_of);
    }
    if !picture.legend.is_empty() {
        let mut text = String::from("Legend\\l");
        for entry in &picture.legend {
            text.push_str(&escape(entry.text));
            text.push_str("\\l");
        }
        let _ = writeln!(
            out,
            "    legend [shape=note, fontsize=10, label=\"{text}\"];"
        );
    }
    out.push_str("}\n");
    out
}

fn node(out: &mut String, node: &Node) {
    let shape = match node.kind {
        NodeKind::Cluster => "box",
        NodeKind::Actor => "box",
        NodeKind::Capability => "ellipse",
        NodeKind::Bridge => "hexagon",
    };
    let mut style = styles(&node.marks, node.kind != NodeKind::Capability);
    if node.kind == NodeKind::Bridge {
        style.retain(|s| *s != "rounded");
    }
    let _ = writeln!(
        out,
        "{} [label={}, shape={shape}, style={}, color={}, fontcolor={}{}{}];",
        dot_string(&node.id),
        dot_string(&node.lines().join("\n")),
        dot_string(&style.join(",")),
        dot_string(color(&node.marks)),
        dot_string(font_color(&node.marks)),
        if node.marks.critical || node.marks.activated {
            ", penwidth=3"
        } else {
            ""
        },
        tooltip_attr(node.tooltip.as_deref()),
    );
}

fn edge(out: &mut String, picture: &Picture, edge: &Edge, box_of: &[Option<usize>]) {
    let (Some(from), Some(to)) = (picture.nodes.get(edge.from), picture.nodes.get(edge.to)) else {
        return;
    };
    let mut attrs = Vec::new();
    if let Some(label) = &edge.label {
        attrs.push(format!("label={}", dot_string(label)));
    }
    let dashed = edge.kind == EdgeKind::Serves || edge.marks.removed;
    if dashed {
        attrs.push("style=dashed".to_string());
    }
    let color = color(&edge.marks);
    if color != "black" {
        attrs.push(format!(
            "color={}, fontcolor={}",
            dot_string(color),
            dot_string(color)
        ));
    }
    if edge.marks.critical {
        attrs.push("penwidth=4".to_string());
    } else if edge.marks.single {
        attrs.push("penwidth=2".to_string());
    }
    // An edge to a cluster's box ends at its border.
    let boxed = |n: usize| {
        let cluster = picture
            .nodes
            .get(n)
            .is_some_and(|n| n.kind == NodeKind::Cluster);
        box_of.get(n).copied().flatten().filter(|_| cluster)
    };
    if let Some(g) = boxed(edge.from) {
        attrs.push(format!("ltail=cluster_{g}"));
    }
    if let Some(g) = boxed(edge.to) {
        attrs.push(format!("lhead=cluster_{g}"));
    }
    if let Some(tip) = &edge.tooltip {
        attrs.push(format!("tooltip={}", dot_string(tip)));
    }
    let _ = write!(
        out,
        "    {} -- {}",
        dot_string(&from.id),
        dot_string(&to.id)
    );
    if !attrs.is_empty() {
        let _ = write!(out, " [{}]", attrs.join(", "));
    }
    out.push_str(";\n");
}

fn styles(marks: &Marks, rounded: bool) -> Vec<&'static str> {
    let mut style = Vec::new();
    if rounded {
        style.push("rounded");
    }
    if marks.removed {
        style.push("dashed");
    }
    if marks.activated || marks.critical {
        style.push("bold");
    }
    style
}

fn color(marks: &Marks) -> &'static str {
    marks.stroke().unwrap_or("black")
}

fn font_color(marks: &Marks) -> &'static str {
    marks.ink().unwrap_or("black")
}

fn tooltip_attr(tooltip: Option<&str>) -> String {
    tooltip.map_or_else(String::new, |t| format!(", tooltip={}", dot_string(t)))
}

/// `text` as a quoted DOT string: quotes and backslashes escaped (a
/// backslash would start one of Graphviz's own escapes, such as `\N`),
/// line breaks as `\n`, other control characters dropped.
pub fn dot_string(text: &str) -> String {
    format!("\"{}\"", escape(text))
}

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
