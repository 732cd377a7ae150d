//! Where the SVG drawing puts things: a layered layout in three columns.
//! Clusters stand in the two outer columns; everything that connects them
//! (a `between` bridge's label, an `among` bridge, an actor outside the
//! boxes, a capability) stands in the middle column, and every line runs
//! between the middle column and an outer one. Text only ever stands inside
//! a column and lines only in the gaps between columns, so no two labels
//! overlap and no line crosses a label, whatever the ecosystem; the order
//! within each column is chosen (barycentres, a few sweeps) to keep lines
//! short and crossings few.

use super::drawing::{EdgeKind, NodeKind, Picture};
use super::text::{cells, wrap, CELL, LINE};

/// Past this many clusters a drawing cannot stay readable.
pub const MAX_CLUSTERS: usize = 60;
/// Past this many items in the middle column, neither.
pub const MAX_MIDDLE: usize = 400;

const PAD: f64 = 8.0;
const GAP: f64 = 14.0;
const COLUMN_GAP: f64 = 130.0;
const MARGIN: f64 = 20.0;
const TITLE: f64 = 36.0;
/// Cells per line: a cluster box, an item in the middle.
const SIDE_CELLS: usize = 36;
const MIDDLE_CELLS: usize = 30;
const SWEEPS: usize = 4;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    /// Whether the two overlap (touching edges do not).
    #[cfg(test)]
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    Left,
    Middle,
    Right,
}

/// A box in a column: a picture node, or the label of an edge between two
/// boxes of the outer columns.
#[derive(Clone, Debug)]
pub struct Item {
    pub node: Option<usize>,
    /// The edge whose label this is.
    pub edge: Option<usize>,
    pub column: Column,
    pub rect: Rect,
    pub lines: Vec<String>,
    /// The actors drawn inside a cluster's box.
    pub rows: Vec<Row>,
}

#[derive(Clone, Debug)]
pub struct Row {
    pub node: usize,
    pub rect: Rect,
    pub lines: Vec<String>,
}

/// A straight line for (half of) a picture edge.
#[derive(Clone, Debug)]
pub struct Segment {
    pub edge: usize,
    pub from: (f64, f64),
    pub to: (f64, f64),
}

#[derive(Clone, Debug)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub items: Vec<Item>,
    pub segments: Vec<Segment>,
    /// The top of the legend.
    pub legend_y: f64,
}

/// Where a picture node is drawn: an item, or a row inside one.
#[derive(Clone, Copy)]
enum Place {
    Item(usize),
    Row(usize, usize),
}

/// Lays `picture` out; too large to stay readable: `Err` saying so.
pub fn layout(picture: &Picture) -> Result<Layout, String> {
    let clusters = picture.clusters();
    if clusters > MAX_CLUSTERS {
        return Err(format!(
            "{clusters} clusters are more than an SVG drawn by ecospec keeps readable (at most {MAX_CLUSTERS}): use `--format dot` and Graphviz (`dot -Tsvg`)"
        ));
    }
    let mut items: Vec<Item> = Vec::new();
    let mut place: Vec<Option<Place>> = vec![None; picture.nodes.len()];
    for (n, node) in picture.nodes.iter().enumerate() {
        if node.kind == NodeKind::Cluster {
            set(&mut place, n, Place::Item(items.len()));
            items.push(item(
                Some(n),
                None,
                Column::Left,
                lines(&node.lines(), SIDE_CELLS),
            ));
        }
    }
    for group in &picture.groups {
        let Some(Some(Place::Item(i))) = place.get(group.cluster).copied() else {
            continue;
        };
        for &m in &group.members {
            let Some(node) = picture.nodes.get(m) else {
                continue;
            };
            if let Some(it) = items.get_mut(i) {
                let row = Row {
                    node: m,
                    rect: Rect {
                        x: 0.0,
                        y: 0.0,
                        w: 0.0,
                        h: 0.0,
                    },
                    lines: lines(&node.lines(), SIDE_CELLS - 2),
                };
                set(&mut place, m, Place::Row(i, it.rows.len()));
                it.rows.push(row);
            }
        }
    }
    for (n, node) in picture.nodes.iter().enumerate() {
        if place.get(n).copied().flatten().is_none() {
            set(&mut place, n, Place::Item(items.len()));
            items.push(item(
                Some(n),
                None,
                Column::Middle,
                lines(&node.lines(), MIDDLE_CELLS),
            ));
        }
    }
    // Each edge as the items it joins: through its label's item when both
    // of its ends stand in outer columns.
    let side = |p: Place| match p {
        Place::Item(i) => items.get(i).is_some_and(|it| it.column == Column::Left),
        Place::Row(..) => true,
    };
    let mut links: Vec<(usize, Place, Place)> = Vec::new();
    let mut stubs = Vec::new();
    let mut boxed_labels = Vec::new();
    for (e, edge) in picture.edges.iter().enumerate() {
        let (Some(Some(a)), Some(Some(b))) =
            (place.get(edge.from).copied(), place.get(edge.to).copied())
        else {
            continue;
        };
        if side(a) && side(b) {
            let text = match (edge.kind, &edge.label) {
                (_, Some(label)) => label.clone(),
                (EdgeKind::Serves, None) => format!("{} serves", label_of(picture, edge.from)),
                (EdgeKind::Member, None) => format!("{} is also in", label_of(picture, edge.from)),
                (_, None) => String::new(),
            };
            stubs.push((e, a, b, lines(&[text], MIDDLE_CELLS)));
        } else {
            // A label cannot stand on a line that runs in a gap: it stands in
            // the cluster's box the line leaves ("legal: lawyers").
            if let (Some(label), Place::Item(i)) = (&edge.label, a) {
                if side(a) {
                    boxed_labels.push((i, format!("{}: {label}", label_of(picture, edge.to))));
                }
            }
            links.push((e, a, b));
        }
    }
    for (i, text) in boxed_labels {
        if let Some(it) = items.get_mut(i) {
            it.lines.extend(wrap(&text, SIDE_CELLS));
        }
    }
    for (e, a, b, text) in stubs {
        let stub = Place::Item(items.len());
        items.push(item(None, Some(e), Column::Middle, text));
        links.push((e, a, stub));
        links.push((e, stub, b));
    }
    if items.iter().filter(|i| i.column == Column::Middle).count() > MAX_MIDDLE {
        return Err(format!(
            "the picture has more bridges, actors and capabilities to place than an SVG drawn by ecospec keeps readable (at most {MAX_MIDDLE}): use `--format dot` and Graphviz (`dot -Tsvg`)"
        ));
    }
    let owner = |p: Place| match p {
        Place::Item(i) | Place::Row(i, _) => i,
    };
    let pairs: Vec<(usize, usize)> = links
        .iter()
        .map(|(_, a, b)| (owner(*a), owner(*b)))
        .collect();
    let order = arrange(&mut items, &pairs);
    let (width, legend_y) = position(&mut items, &order);
    let anchor = |p: Place, toward: Column, items: &[Item]| -> (f64, f64) {
        match p {
            Place::Item(i) => items.get(i).map_or((0.0, 0.0), |it| {
                let y = if it.rows.is_empty() {
                    it.rect.y + it.rect.h / 2.0
                } else {
                    it.rect.y + PAD + LINE / 2.0
                };
                (edge_x(it, toward), y)
            }),
            Place::Row(i, r) => items.get(i).map_or((0.0, 0.0), |it| {
                let y = it
                    .rows
                    .get(r)
                    .map_or(it.rect.y, |row| row.rect.y + row.rect.h / 2.0);
                (edge_x(it, toward), y)
            }),
        }
    };
    let column =
        |p: Place, items: &[Item]| items.get(owner(p)).map_or(Column::Middle, |it| it.column);
    let segments = links
        .iter()
        .map(|&(edge, a, b)| {
            let (ca, cb) = (column(a, &items), column(b, &items));
            Segment {
                edge,
                from: anchor(a, cb, &items),
                to: anchor(b, ca, &items),
            }
        })
        .collect();
    Ok(Layout {
        width,
        height: legend_y,
        items,
        segments,
        legend_y,
    })
}

fn set(place: &mut [Option<Place>], node: usize, at: Place) {
    if let Some(slot) = place.get_mut(node) {
        *slot = Some(at);
    }
}

fn label_of(picture: &Picture, node: usize) -> String {
    picture
        .nodes
        .get(node)
        .map_or_else(String::new, |n| n.label.clone())
}

fn lines(texts: &[String], max: usize) -> Vec<String> {
    texts.iter().flat_map(|t| wrap(t, max)).collect()
}

fn item(node: Option<usize>, edge: Option<usize>, column: Column, lines: Vec<String>) -> Item {
    Item {
        node,
        edge,
        column,
        rect: Rect {
            x: 0.0,
            y: 0.0,
            w: 0.0,
            h: 0.0,
        },
        lines,
        rows: Vec::new(),
    }
}

/// The x where a line from `item` toward `column` leaves it.
fn edge_x(item: &Item, toward: Column) -> f64 {
    let right = match (item.column, toward) {
        (Column::Left, _) => true,
        (Column::Right, _) => false,
        (Column::Middle, Column::Right) => true,
        (Column::Middle, _) => false,
    };
    if right {
        item.rect.x + item.rect.w
    } else {
        item.rect.x
    }
}

/// Puts the clusters on the left and right, alternately in breadth-first
/// order over what joins them, then orders each column by barycentres.
/// Returns the items of each column, top to bottom.
fn arrange(items: &mut [Item], pairs: &[(usize, usize)]) -> [Vec<usize>; 3] {
    let n = items.len();
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for &(a, b) in pairs {
        if let Some(list) = neighbours.get_mut(a) {
            list.push(b);
        }
        if let Some(list) = neighbours.get_mut(b) {
            list.push(a);
        }
    }
    for list in &mut neighbours {
        list.sort_unstable();
        list.dedup();
    }
    // Breadth-first over clusters, through the middle items between them.
    let sides: Vec<usize> = (0..n)
        .filter(|&i| items.get(i).is_some_and(|it| it.column != Column::Middle))
        .collect();
    let mut seen = vec![false; n];
    let mut bfs = Vec::with_capacity(sides.len());
    for &start in &sides {
        if seen.get(start).copied().unwrap_or(true) {
            continue;
        }
        mark(&mut seen, start);
        let mut queue = std::collections::VecDeque::from([start]);
        while let Some(i) = queue.pop_front() {
            if items.get(i).is_some_and(|it| it.column != Column::Middle) {
                bfs.push(i);
            }
            for &j in neighbours.get(i).into_iter().flatten() {
                if !seen.get(j).copied().unwrap_or(true) {
                    mark(&mut seen, j);
                    queue.push_back(j);
                }
            }
        }
    }
    let mut left = Vec::new();
    let mut right = Vec::new();
    for (k, &i) in bfs.iter().enumerate() {
        let column = if k % 2 == 0 {
            Column::Left
        } else {
            Column::Right
        };
        if let Some(it) = items.get_mut(i) {
            it.column = column;
        }
        if k % 2 == 0 {
            left.push(i)
        } else {
            right.push(i)
        }
    }
    let mut middle: Vec<usize> = (0..n)
        .filter(|&i| items.get(i).is_some_and(|it| it.column == Column::Middle))
        .collect();
    // Rank: the relative height of an item in its column (0 top, 1 bottom).
    let mut rank = vec![0.5; n];
    let set_ranks = |column: &[usize], rank: &mut Vec<f64>| {
        let len = column.len().max(1) as f64;
        for (k, &i) in column.iter().enumerate() {
            if let Some(r) = rank.get_mut(i) {
                *r = (k as f64 + 0.5) / len;
            }
        }
    };
    set_ranks(&left, &mut rank);
    set_ranks(&right, &mut rank);
    set_ranks(&middle, &mut rank);
    for _ in 0..SWEEPS {
        sort_by_barycentre(&mut middle, &neighbours, &rank);
        set_ranks(&middle, &mut rank);
        sort_by_barycentre(&mut left, &neighbours, &rank);
        sort_by_barycentre(&mut right, &neighbours, &rank);
        set_ranks(&left, &mut rank);
        set_ranks(&right, &mut rank);
    }
    [left, middle, right]
}

fn mark(seen: &mut [bool], i: usize) {
    if let Some(flag) = seen.get_mut(i) {
        *flag = true;
    }
}

/// Sorts `column` by the mean rank of each item's neighbours; an item with
/// none keeps its own rank. Stable, ties by position.
fn sort_by_barycentre(column: &mut [usize], neighbours: &[Vec<usize>], rank: &[f64]) {
    let key = |i: usize| {
        let list = neighbours.get(i).map_or(&[][..], |l| &l[..]);
        if list.is_empty() {
            return rank.get(i).copied().unwrap_or(0.5);
        }
        list.iter()
            .map(|j| rank.get(*j).copied().unwrap_or(0.5))
            .sum::<f64>()
            / list.len() as f64
    };
    let mut keyed: Vec<(f64, usize, usize)> = column
        .iter()
        .enumerate()
        .map(|(k, &i)| (key(i), k, i))
        .collect();
    keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
    for (slot, (_, _, i)) in column.iter_mut().zip(keyed) {
        *slot = i;
    }
}

/// Sizes every item and places the columns side by side, each spread over
/// the height of the tallest; the width and the bottom of the drawing.
fn position(items: &mut [Item], order: &[Vec<usize>; 3]) -> (f64, f64) {
    for it in items.iter_mut() {
        let text_w = it.lines.iter().map(|l| cells(l)).max().unwrap_or(0) as f64 * CELL;
        let rows_w = it
            .rows
            .iter()
            .flat_map(|r| &r.lines)
            .map(|l| cells(l))
            .max()
            .unwrap_or(0) as f64
            * CELL
            + 2.0 * PAD;
        it.rect.w = text_w.max(if it.rows.is_empty() { 0.0 } else { rows_w }) + 2.0 * PAD;
        let rows_h: f64 = it
            .rows
            .iter()
            .map(|r| r.lines.len() as f64 * LINE + PAD + GAP / 2.0)
            .sum();
        it.rect.h = it.lines.len() as f64 * LINE + 2.0 * PAD + rows_h;
    }
    let column_height = |column: &[usize], items: &[Item]| -> f64 {
        column
            .iter()
            .filter_map(|i| items.get(*i))
            .map(|it| it.rect.h + GAP)
            .sum::<f64>()
    };
    let height = order
        .iter()
        .map(|c| column_height(c, items))
        .fold(0.0, f64::max);
    let mut x = MARGIN;
    for column in order {
        let w = column
            .iter()
            .filter_map(|i| items.get(*i))
            .map(|it| it.rect.w)
            .fold(0.0, f64::max);
        // The spare height of a shorter column, shared between its gaps.
        let spare = (height - column_height(column, items)) / (column.len() as f64 + 1.0);
        let mut y = TITLE + MARGIN + spare;
        for &i in column {
            let Some(it) = items.get_mut(i) else { continue };
            // As wide as its column: a line to a column's edge then crosses
            // no box of that column.
            it.rect.x = x;
            it.rect.w = w;
            it.rect.y = y;
            let mut row_y = y + PAD + it.lines.len() as f64 * LINE + GAP / 2.0;
            for row in &mut it.rows {
                let h = row.lines.len() as f64 * LINE + PAD;
                row.rect = Rect {
                    x: it.rect.x + PAD,
                    y: row_y,
                    w: it.rect.w - 2.0 * PAD,
                    h,
                };
                row_y += h + GAP / 2.0;
            }
            y += it.rect.h + GAP + spare;
        }
        if w > 0.0 {
            x += w + COLUMN_GAP;
        }
    }
    (x - COLUMN_GAP + MARGIN, TITLE + MARGIN + height + MARGIN)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]

    use super::super::drawing::{Edge, Group, Marks, Node, View};
    use super::*;

    fn node(kind: NodeKind, name: &str, label: &str) -> Node {
        Node {
            id: name.to_string(),
            kind,
            name: name.to_string(),
            label: label.to_string(),
            details: vec![format!("bets on scenario_of_{name}")],
            tooltip: None,
            marks: Marks::default(),
        }
    }

    fn edge(from: usize, to: usize, kind: EdgeKind, label: Option<&str>) -> Edge {
        Edge {
            from,
            to,
            kind,
            label: label.map(str::to_string),
            tooltip: None,
            marks: Marks::default(),
        }
    }

    /// `clusters` clusters with long labels, a ring of `between` bridges,
    /// chords every seventh, an `among` bridge of every fifth cluster, and
    /// (actors view) two members each and an actor serving three.
    fn ecosystem(clusters: usize, view: View) -> Picture {
        let mut nodes = Vec::new();
        let mut edges = Vec::new();
        let mut groups = Vec::new();
        for c in 0..clusters {
            nodes.push(node(
                NodeKind::Cluster,
                &format!("c{c}"),
                &format!("Cluster number {c} with a rather long label that wraps"),
            ));
        }
        for c in 0..clusters {
            edges.push(edge(
                c,
                (c + 1) % clusters,
                EdgeKind::Bridge,
                Some("bridge: communications, coordination"),
            ));
            if c % 7 == 0 {
                edges.push(edge(
                    c,
                    (c * 3 + 11) % clusters,
                    EdgeKind::Bridge,
                    Some("chord"),
                ));
            }
        }
        let among = nodes.len();
        nodes.push(node(NodeKind::Bridge, "among", "Spokespeople network"));
        for c in (0..clusters).step_by(5) {
            edges.push(edge(among, c, EdgeKind::AmongLeg, None));
        }
        if view == View::Actors {
            for c in 0..clusters {
                let first = nodes.len();
                nodes.push(node(NodeKind::Actor, &format!("a{c}"), "An actor"));
                nodes.push(node(
                    NodeKind::Actor,
                    &format!("b{c}"),
                    "Another actor with a long name",
                ));
                groups.push(Group {
                    cluster: c,
                    members: vec![first, first + 1],
                });
                edges.push(edge(first, (c + 2) % clusters, EdgeKind::Serves, None));
            }
            let outsider = nodes.len();
            nodes.push(node(NodeKind::Actor, "lawyers", "Lawyers"));
            for c in 0..3.min(clusters) {
                edges.push(edge(outsider, c, EdgeKind::Serves, None));
            }
        }
        Picture {
            view,
            title: "t".into(),
            nodes,
            edges,
            groups,
            legend: Vec::new(),
            findings: Vec::new(),
        }
    }

    /// Whether the segment from `a` to `b` passes through the inside of `r`.
    fn crosses(a: (f64, f64), b: (f64, f64), r: &Rect) -> bool {
        let inner = Rect {
            x: r.x + 0.5,
            y: r.y + 0.5,
            w: r.w - 1.0,
            h: r.h - 1.0,
        };
        (0..=200).any(|k| {
            let t = k as f64 / 200.0;
            let (x, y) = (a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t);
            x > inner.x && x < inner.x + inner.w && y > inner.y && y < inner.y + inner.h
        })
    }

    #[test]
    fn from_5_to_50_clusters_no_boxes_overlap_and_no_line_crosses_a_box() {
        for view in [View::Clusters, View::Actors] {
            for clusters in [5, 12, 30, 50] {
                let picture = ecosystem(clusters, view);
                let layout = layout(&picture).unwrap();
                for (i, a) in layout.items.iter().enumerate() {
                    for b in layout.items.iter().skip(i + 1) {
                        assert!(
                            !a.rect.overlaps(&b.rect),
                            "{view:?} {clusters}: {a:?} {b:?}"
                        );
                    }
                    for (k, row) in a.rows.iter().enumerate() {
                        assert!(
                            row.rect.y >= a.rect.y
                                && row.rect.y + row.rect.h <= a.rect.y + a.rect.h
                        );
                        for other in a.rows.iter().skip(k + 1) {
                            assert!(!row.rect.overlaps(&other.rect));
                        }
                    }
                    // The text fits its box.
                    let widest = a.lines.iter().map(|l| cells(l)).max().unwrap_or(0) as f64 * CELL;
                    assert!(widest + 2.0 * PAD <= a.rect.w + 0.01);
                }
                for segment in &layout.segments {
                    for item in &layout.items {
                        assert!(
                            !crosses(segment.from, segment.to, &item.rect),
                            "{view:?} {clusters}: {segment:?} crosses {:?}",
                            item.lines
                        );
                    }
                }
                // Every edge is drawn: once, or in two halves through its label.
                assert!(layout.segments.len() >= picture.edges.len());
            }
        }
    }

    #[test]
    fn past_sixty_clusters_the_drawing_is_refused_with_a_pointer_to_dot() {
        let error = layout(&ecosystem(MAX_CLUSTERS + 1, View::Clusters)).unwrap_err();
        assert!(
            error.contains("61 clusters") && error.contains("--format dot"),
            "{error}"
        );
        assert!(layout(&ecosystem(MAX_CLUSTERS, View::Clusters)).is_ok());
    }

    #[test]
    fn the_same_picture_gives_the_same_layout() {
        let a = layout(&ecosystem(20, View::Actors)).unwrap();
        let b = layout(&ecosystem(20, View::Actors)).unwrap();
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
    }
}
