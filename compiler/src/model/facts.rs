//! Facts derived from a model once, read by every lint: who serves and who
//! is a member of each cluster, what is provided where, who provides each
//! capability, and the cluster graph (components and critical bridges).

use petgraph::graph::{NodeIndex, UnGraph};
use petgraph::unionfind::UnionFind;

use super::declarations::Model;
use super::refs::{distinct, Seen};

#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Per cluster: actors with it in `in`.
    pub members: Vec<Vec<usize>>,
    /// Per cluster: actors with it in `in` or `serves`.
    pub serving: Vec<Vec<usize>>,
    /// Per cluster: capabilities provided by the actors serving it, sorted.
    pub provided: Vec<Vec<usize>>,
    /// Per capability: the actors providing it.
    pub providers: Vec<Vec<usize>>,
    /// Per cluster: a representative of its connected component.
    pub component: Vec<usize>,
    /// Per cluster: whether some bridge names it (resolved, repeats included).
    pub bridged: Vec<bool>,
    /// Per bridge: removing it splits a connected component.
    pub critical: Vec<bool>,
    /// Clusters not taken out by a `removes` (v1): what "the ecosystem has
    /// 2 or more clusters" counts.
    pub clusters_left: usize,
}

impl Facts {
    pub fn new(model: &Model) -> Facts {
        let clusters = model.clusters.len();
        let Lists {
            members,
            serving,
            providers,
        } = Lists::of_every_actor(model);
        let provided = serving
            .iter()
            .map(|actors| {
                let mut caps: Vec<usize> = actors
                    .iter()
                    .filter_map(|a| model.actors.get(*a))
                    .flat_map(|actor| actor.provides.iter().filter_map(|r| r.index))
                    .collect();
                caps.sort_unstable();
                caps.dedup();
                caps
            })
            .collect();
        let mut bridged = vec![false; clusters];
        let mut union = UnionFind::new(clusters);
        for bridge in &model.bridges {
            let joins = bridge.joins();
            for c in &joins {
                if let Some(flag) = bridged.get_mut(*c) {
                    *flag = true;
                }
            }
            if let Some(first) = joins.first() {
                for other in joins.iter().skip(1) {
                    union.union(*first, *other);
                }
            }
        }
        let component = (0..clusters).map(|c| union.find(c)).collect();
        Facts {
            members,
            serving,
            provided,
            providers,
            component,
            bridged,
            critical: critical_bridges(model),
            clusters_left: model.clusters.iter().filter(|c| !c.common.removed).count(),
        }
    }

    pub fn provided_in(&self, cluster: usize, capability: usize) -> bool {
        self.provided
            .get(cluster)
            .is_some_and(|caps| caps.binary_search(&capability).is_ok())
    }

    pub fn connected(&self, a: usize, b: usize) -> bool {
        self.component.get(a).is_some() && self.component.get(a) == self.component.get(b)
    }

    /// The components of the clusters an actor is in or serves, sorted, each
    /// once: the clusters it reaches (section 9.3) are those in them.
    pub fn actor_reach(&self, model: &Model, actor: usize) -> Vec<usize> {
        let mut components: Vec<usize> = model
            .actors
            .get(actor)
            .into_iter()
            .flat_map(|a| a.member_of.iter().chain(&a.serves))
            .filter_map(|r| r.index)
            .filter_map(|c| self.component.get(c).copied())
            .collect();
        components.sort_unstable();
        components.dedup();
        components
    }
}

/// From how many actors their lists are built on two threads, each over
/// half of the actors: below it a second thread costs more than it saves.
const ACTORS_BESIDE: usize = 16_384;

/// Per cluster its members and who serves it, per capability its
/// providers: each list in the order of the actors.
struct Lists {
    members: Vec<Vec<usize>>,
    serving: Vec<Vec<usize>>,
    providers: Vec<Vec<usize>>,
}

impl Lists {
    /// Many actors are read in two halves at once; the second half's lists
    /// follow the first's, so every list is in the order one thread gives.
    fn of_every_actor(model: &Model) -> Lists {
        let actors = model.actors.len();
        if actors < ACTORS_BESIDE {
            return Lists::of(model, 0..actors);
        }
        let half = actors / 2;
        let (mut first, second) = std::thread::scope(|scope| {
            let second = scope.spawn(|| Lists::of(model, half..actors));
            (Lists::of(model, 0..half), second.join())
        });
        match second {
            Ok(second) => {
                first.append(second);
                first
            }
            Err(_) => Lists::of(model, 0..actors),
        }
    }

    fn of(model: &Model, actors: std::ops::Range<usize>) -> Lists {
        let clusters = model.clusters.len();
        let mut lists = Lists {
            members: vec![Vec::new(); clusters],
            serving: vec![Vec::new(); clusters],
            providers: vec![Vec::new(); model.capabilities.len()],
        };
        let first = actors.start;
        let slice = model.actors.get(actors).unwrap_or_default();
        for (a, actor) in slice
            .iter()
            .enumerate()
            .map(|(i, actor)| (first + i, actor))
        {
            for (c, _) in distinct(&actor.member_of) {
                push(&mut lists.members, c, a);
            }
            let mut served = Seen::default();
            let both = actor.member_of.iter().chain(&actor.serves);
            for c in both.filter_map(|r| r.index) {
                if served.insert(c) {
                    push(&mut lists.serving, c, a);
                }
            }
            for (cap, _) in distinct(&actor.provides) {
                push(&mut lists.providers, cap, a);
            }
        }
        lists
    }

    fn append(&mut self, later: Lists) {
        let pairs = [
            (&mut self.members, later.members),
            (&mut self.serving, later.serving),
            (&mut self.providers, later.providers),
        ];
        for (lists, more) in pairs {
            for (list, more) in lists.iter_mut().zip(more) {
                list.extend(more);
            }
        }
    }
}

fn push(lists: &mut [Vec<usize>], at: usize, value: usize) {
    if let Some(list) = lists.get_mut(at) {
        list.push(value);
    }
}

/// A bridge is critical when removing it, with all it joins, splits a
/// connected component. Bridges are nodes of their own in a graph of
/// clusters and bridges (an `among` bridge joins several clusters at once),
/// so a bridge is critical exactly when its node is an articulation point.
fn critical_bridges(model: &Model) -> Vec<bool> {
    let clusters = model.clusters.len();
    let mut graph: UnGraph<(), ()> = UnGraph::with_capacity(
        clusters + model.bridges.len(),
        model.bridges.iter().map(|b| b.ends.len()).sum(),
    );
    for _ in 0..clusters {
        graph.add_node(());
    }
    let bridge_nodes: Vec<NodeIndex> = model
        .bridges
        .iter()
        .map(|bridge| {
            let node = graph.add_node(());
            for c in bridge.joins() {
                graph.add_edge(node, NodeIndex::new(c), ());
            }
            node
        })
        .collect();
    let points = petgraph::algo::articulation_points::articulation_points(&graph);
    bridge_nodes
        .iter()
        .map(|node| points.contains(node))
        .collect()
}
