//! A picture as a Mermaid `flowchart` (what GitHub renders in Markdown):
//! nodes `n0`, `n1`, … in the picture's order with quoted labels, bridges
//! as labelled links, the actors view's clusters as `subgraph`s, the marks
//! as classes and link styles. Every text goes through [`mermaid_text`].

use std::fmt::Write;

use super::drawing::{Edge, EdgeKind, Marks, Node, NodeKind, Picture};

pub fn render_mermaid(picture: &Picture) -> String {
    let mut out = String::from("flowchart LR\n");
    let _ = writeln!(out, "    %% {}", mermaid_text(&picture.title));
    let mut in_group = vec![false; picture.nodes.len()];
    for group in &picture.groups {
        let Some(cluster) = picture.nodes.get(group.cluster) else {
            continue;
        };
        if let Some(flag) = in_group.get_mut(group.cluster) {
            *flag = true;
        }
        let _ = writeln!(
            out,
            "    subgraph n{} [\"{}\"]",
            group.cluster,
            lines(cluster)
        );
        let _ = writeln!(out, "        direction TB");
        if group.members.is_empty() {
            // An empty subgraph: something to hold.
            let _ = writeln!(out, "        n{}_empty[\" \"]", group.cluster);
            let _ = writeln!(
                out,
                "        style n{}_empty fill:none,stroke:none",
                group.cluster
            );
        }
        for &m in &group.members {
            if let (Some(node), Some(flag)) = (picture.nodes.get(m), in_group.get_mut(m)) {
                *flag = true;
                let _ = writeln!(out, "        {}", shape(m, node));
            }
        }
        out.push_str("    end\n");
        let _ = writeln!(
            out,
            "    class n{} {}",
            group.cluster,
            classes(&cluster.marks, true)
        );
    }
    for (n, node) in picture.nodes.iter().enumerate() {
        if !in_group.get(n).copied().unwrap_or(false) {
            let _ = writeln!(out, "    {}", shape(n, node));
        }
    }
    let mut link_styles = Vec::new();
    for (e, edge) in picture.edges.iter().enumerate() {
        let _ = writeln!(out, "    {}", link(edge));
        if let Some(style) = link_style(edge) {
            link_styles.push(format!("    linkStyle {e} {style}"));
        }
    }
    for line in link_styles {
        out.push_str(&line);
        out.push('\n');
    }
    if !picture.legend.is_empty() {
        let texts: Vec<String> = picture
            .legend
            .iter()
            .map(|l| mermaid_text(l.text))
            .collect();
        let _ = writeln!(out, "    legend[\"Legend<br/>{}\"]", texts.join("<br/>"));
        out.push_str("    class legend legend\n");
    }
    for (n, node) in picture.nodes.iter().enumerate() {
        if in_group.get(n).copied().unwrap_or(false) && node.kind == NodeKind::Cluster {
            continue;
        }
        let class = classes(&node.marks, false);
        if !class.is_empty() {
            let _ = writeln!(out, "    class n{n} {class}");
        }
    }
    out.push_str("    classDef gap stroke:#c62828,color:#c62828,stroke-width:2px\n");
    out.push_str("    classDef critical stroke-width:4px\n");
    out.push_str("    classDef activated stroke:#1565c0,stroke-width:4px\n");
    out.push_str("    classDef supporter stroke:#1565c0,stroke-width:2px\n");
    out.push_str("    classDef removed stroke:#9e9e9e,color:#9e9e9e,stroke-dasharray:5 5\n");
    out.push_str("    classDef legend fill:#fafafa,stroke:#bdbdbd,text-align:left\n");
    out.push_str("    classDef plain stroke:#616161\n");
    out
}

fn shape(n: usize, node: &Node) -> String {
    let text = lines(node);
    match node.kind {
        NodeKind::Cluster => format!("n{n}[\"{text}\"]"),
        NodeKind::Actor => format!("n{n}(\"{text}\")"),
        NodeKind::Capability => format!("n{n}([\"{text}\"])"),
        NodeKind::Bridge => format!("n{n}{{{{\"{text}\"}}}}"),
    }
}

fn lines(node: &Node) -> String {
    node.lines()
        .iter()
        .map(|l| mermaid_text(l))
        .collect::<Vec<_>>()
        .join("<br/>")
}

fn link(edge: &Edge) -> String {
    let arrow = if edge.kind == EdgeKind::Serves || edge.marks.removed {
        "-.-"
    } else if edge.marks.critical {
        "==="
    } else {
        "---"
    };
    match &edge.label {
        Some(label) => format!(
            "n{} {arrow}|\"{}\"| n{}",
            edge.from,
            mermaid_text(label),
            edge.to
        ),
        None => format!("n{} {arrow} n{}", edge.from, edge.to),
    }
}

fn link_style(edge: &Edge) -> Option<&'static str> {
    let m = edge.marks;
    if m.removed {
        Some("stroke:#9e9e9e,color:#9e9e9e")
    } else if m.gap {
        Some("stroke:#c62828,color:#c62828,stroke-width:2px")
    } else if m.critical {
        Some("stroke-width:4px")
    } else {
        None
    }
}

/// The classes of a node's marks, separated by commas ("plain" for a
/// subgraph without any: a `class` line needs one).
fn classes(marks: &Marks, subgraph: bool) -> String {
    let mut out = Vec::new();
    for (on, class) in [
        (marks.removed, "removed"),
        (marks.gap && !marks.removed, "gap"),
        (marks.critical, "critical"),
        (marks.activated, "activated"),
        (marks.supporter && !marks.activated, "supporter"),
    ] {
        if on {
            out.push(class);
        }
    }
    if out.is_empty() && subgraph {
        out.push("plain");
    }
    out.join(",")
}

/// `text` for a quoted Mermaid label: letters, digits, spaces and plain
/// punctuation as they are; every other character (quotes, `<`, `#`, `;`,
/// brackets, non-ASCII letters, emoji) as Mermaid's entity code `#N;`, so
/// nothing in a spec can close the label or become markup.
pub fn mermaid_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'a'..='z'
            | 'A'..='Z'
            | '0'..='9'
            | ' '
            | ','
            | '.'
            | ':'
            | '_'
            | '-'
            | '('
            | ')'
            | '/'
            | '+'
            | '\''
            | '!'
            | '?'
            | '*' => out.push(c),
            '\n' => out.push(' '),
            c if c.is_control() => {}
            c => {
                let _ = write!(out, "#{};", u32::from(c));
            }
        }
    }
    out
}
