//! How one loss splits the cluster graph, read off one depth-first search
//! of the whole graph (clusters and bridges as nodes, as for critical
//! bridges), so that each loss costs its own degree, not its component:
//! taking out a node leaves each child subtree whose `low` does not reach
//! above it as a piece of its own, and the rest of its component as one
//! piece (Tarjan's articulation points). Also, per node, the rules whose
//! clusters are joined through it: only those can change when it goes.

use rustc_hash::FxHashSet;

use crate::model::{distinct, Adjacency, Model};

const NONE: usize = usize::MAX;

pub struct Cuts {
    clusters: usize,
    disc: Vec<usize>,
    low: Vec<usize>,
    /// The last discovery number in each node's subtree.
    last: Vec<usize>,
    parent: Vec<usize>,
    depth: Vec<usize>,
    /// Per node, the root of its search (one per component).
    root: Vec<usize>,
    /// Per discovery number, the node discovered then.
    order: Vec<usize>,
    /// Clusters in each node's subtree, and the smallest of them.
    size: Vec<usize>,
    first: Vec<usize>,
    /// Per node, the rules that may change when it goes.
    touching: Vec<Vec<usize>>,
    /// Per node but a root, the block (biconnected piece) of the tree edge
    /// to it, named by the node that starts the block; per block, its nodes.
    block: Vec<usize>,
    blocks: rustc_hash::FxHashMap<usize, Vec<usize>>,
}

/// A loss's pieces: per separated child, its first discovery number,
/// first cluster and size; and the rest of the component (first cluster
/// and size), which keeps the component's name.
pub struct Split {
    pub children: Vec<(usize, usize, usize, usize)>,
    pub rest: Option<(usize, usize)>,
}

impl Cuts {
    pub fn new(model: &Model, adjacency: &Adjacency) -> Cuts {
        let clusters = adjacency.bridges_of.len();
        let nodes = clusters + adjacency.joins.len();
        let mut cuts = Cuts {
            clusters,
            disc: vec![NONE; nodes],
            low: vec![NONE; nodes],
            last: vec![NONE; nodes],
            parent: vec![NONE; nodes],
            depth: vec![0; nodes],
            root: vec![NONE; nodes],
            order: Vec::new(),
            size: vec![0; nodes],
            first: vec![NONE; nodes],
            touching: vec![Vec::new(); nodes],
            block: vec![NONE; nodes],
            blocks: rustc_hash::FxHashMap::default(),
        };
        let neighbours = |n: usize| -> &[usize] {
            if n < clusters {
                adjacency.bridges_of.get(n).map_or(&[], Vec::as_slice)
            } else {
                adjacency.joins.get(n - clusters).map_or(&[], Vec::as_slice)
            }
        };
        let id = |n: usize, m: usize| if n < clusters { clusters + m } else { m };
        let mut order = vec![NONE; nodes];
        let mut time = 0;
        for root in 0..clusters {
            if cuts.disc.get(root).copied() != Some(NONE) {
                continue;
            }
            // (node, next neighbour to look at)
            let mut stack = vec![(root, 0usize)];
            set(&mut cuts.disc, root, time);
            set(&mut cuts.low, root, time);
            set(&mut cuts.root, root, root);
            set(&mut order, time, root);
            time += 1;
            while let Some(&mut (n, ref mut next)) = stack.last_mut() {
                if let Some(&m) = neighbours(n).get(*next) {
                    *next += 1;
                    let m = id(n, m);
                    if get(&cuts.disc, m) == NONE {
                        set(&mut cuts.parent, m, n);
                        set(&mut cuts.root, m, root);
                        let depth = get(&cuts.depth, n) + 1;
                        set(&mut cuts.depth, m, depth);
                        set(&mut cuts.disc, m, time);
                        set(&mut cuts.low, m, time);
                        set(&mut order, time, m);
                        time += 1;
                        stack.push((m, 0));
                    } else if m != get(&cuts.parent, n) {
                        let low = get(&cuts.low, n).min(get(&cuts.disc, m));
                        set(&mut cuts.low, n, low);
                    }
                    continue;
                }
                stack.pop();
                set(&mut cuts.last, n, time - 1);
                let own = usize::from(n < clusters);
                let size = get(&cuts.size, n) + own;
                set(&mut cuts.size, n, size);
                let first = if own == 1 {
                    get(&cuts.first, n).min(n)
                } else {
                    get(&cuts.first, n)
                };
                set(&mut cuts.first, n, first);
                let p = get(&cuts.parent, n);
                if p != NONE {
                    let low = get(&cuts.low, p).min(get(&cuts.low, n));
                    set(&mut cuts.low, p, low);
                    let size = get(&cuts.size, p) + size;
                    set(&mut cuts.size, p, size);
                    let first = get(&cuts.first, p).min(first);
                    set(&mut cuts.first, p, first);
                }
            }
        }
        cuts.order = order;
        cuts.index_blocks();
        cuts.index_rules(model);
        cuts
    }

    /// The pieces node `n` (a cluster, or a bridge as `clusters + b`)
    /// leaves its component in; `members` is the size of its component.
    pub fn split(&self, n: usize, members: usize) -> Split {
        let mut children: Vec<(usize, usize, usize, usize)> = Vec::new();
        let disc = get(&self.disc, n);
        let root = get(&self.parent, n) == NONE;
        // Children are the neighbours whose parent is `n`: found among the
        // nodes discovered inside its subtree, one subtree after another.
        let mut at = disc + 1;
        let end = get(&self.last, n);
        while at <= end && at != NONE {
            let Some(child) = self.node_at(at) else { break };
            let separated = root || get(&self.low, child) >= disc;
            if separated {
                children.push((
                    at,
                    get(&self.last, child),
                    get(&self.first, child),
                    get(&self.size, child),
                ));
            }
            at = get(&self.last, child).saturating_add(1);
        }
        let own = usize::from(n < self.clusters);
        let apart: usize = children.iter().map(|c| c.3).sum();
        let rest_size = members.saturating_sub(own + apart);
        // The rest holds the root of the search, the component's first
        // cluster (searches start from each cluster not yet found, in
        // index order).
        let rest = (!root && rest_size > 0).then(|| (self.top(n), rest_size));
        Split { children, rest }
    }

    /// The separated child subtree cluster `c` lies in, by its first
    /// discovery number, if any.
    pub fn piece_of(&self, split: &Split, c: usize) -> Option<usize> {
        let d = get(&self.disc, c);
        split
            .children
            .iter()
            .find(|(a, b, _, _)| *a <= d && d <= *b)
            .map(|(a, _, _, _)| *a)
    }

    /// The nodes of the blocks node `n` is in (itself included): only a
    /// bridge among them can become critical when `n` goes, for the blocks
    /// without `n` stay as they are.
    pub fn blocks_of(&self, n: usize) -> Vec<usize> {
        let mut heads = Vec::new();
        if get(&self.parent, n) != NONE {
            heads.push(get(&self.block, n));
        }
        let (disc, end) = (get(&self.disc, n), get(&self.last, n));
        let mut at = disc.saturating_add(1);
        while at <= end {
            let Some(child) = self.node_at(at) else { break };
            if get(&self.block, child) == child {
                heads.push(child);
            }
            at = get(&self.last, child).saturating_add(1);
        }
        let mut nodes: Vec<usize> = heads
            .iter()
            .filter_map(|h| self.blocks.get(h))
            .flatten()
            .copied()
            .collect();
        nodes.push(n);
        nodes.sort_unstable();
        nodes.dedup();
        nodes
    }

    /// Each tree edge's block, in discovery order: an edge to a node whose
    /// `low` does not reach above its parent starts a block; any other edge
    /// is in the block of the edge above it.
    fn index_blocks(&mut self) {
        for time in 0..self.order.len() {
            let Some(n) = self.node_at(time) else {
                continue;
            };
            let p = get(&self.parent, n);
            if p == NONE {
                continue;
            }
            let head = if get(&self.low, n) >= get(&self.disc, p) {
                self.blocks.entry(n).or_default().push(p);
                n
            } else {
                get(&self.block, p)
            };
            set(&mut self.block, n, head);
            self.blocks.entry(head).or_default().push(n);
        }
    }

    /// The rules that may change when node `n` goes.
    pub fn touching(&self, n: usize) -> &[usize] {
        self.touching.get(n).map_or(&[], Vec::as_slice)
    }

    fn node_at(&self, time: usize) -> Option<usize> {
        self.order.get(time).copied().filter(|n| *n != NONE)
    }

    fn top(&self, n: usize) -> usize {
        get(&self.root, n)
    }

    /// Per node, the rules whose clusters (activated, supporting, and the
    /// clusters of supporting actors) are joined through it: the nodes of
    /// the search tree's paths from each of them to the first of them in
    /// its component. A node off those paths cannot split them.
    fn index_rules(&mut self, model: &Model) {
        for (r, rule) in model.rules.iter().enumerate() {
            if rule.broken {
                continue;
            }
            let actors = distinct(&rule.support_actors)
                .filter_map(|(a, _)| model.actors.get(a))
                .flat_map(|a| a.clusters());
            let clusters: Vec<usize> = distinct(&rule.activate)
                .chain(distinct(&rule.support))
                .map(|(c, _)| c)
                .chain(actors)
                .collect();
            let mut roots: Vec<usize> = Vec::new();
            let mut marked: FxHashSet<usize> = FxHashSet::default();
            for c in clusters {
                let top = self.top(c);
                let root = match roots.iter().find(|x| self.top(**x) == top) {
                    Some(root) => *root,
                    None => {
                        roots.push(c);
                        c
                    }
                };
                for n in self.path(c, root) {
                    if marked.insert(n) {
                        if let Some(list) = self.touching.get_mut(n) {
                            list.push(r);
                        }
                    }
                }
            }
        }
    }

    /// The nodes of the search tree's path between `a` and `b`.
    fn path(&self, mut a: usize, mut b: usize) -> Vec<usize> {
        let mut nodes = vec![a, b];
        while get(&self.depth, a) > get(&self.depth, b) {
            a = get(&self.parent, a);
            nodes.push(a);
        }
        while get(&self.depth, b) > get(&self.depth, a) {
            b = get(&self.parent, b);
            nodes.push(b);
        }
        while a != b && a != NONE && b != NONE {
            a = get(&self.parent, a);
            b = get(&self.parent, b);
            nodes.push(a);
            nodes.push(b);
        }
        nodes.retain(|n| *n != NONE);
        nodes
    }
}

fn get(list: &[usize], i: usize) -> usize {
    list.get(i).copied().unwrap_or(NONE)
}

fn set(list: &mut [usize], i: usize, value: usize) {
    if let Some(slot) = list.get_mut(i) {
        *slot = value;
    }
}
