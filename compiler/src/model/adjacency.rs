//! The cluster graph as lists, both ways: per cluster the bridges that
//! join it, per bridge the clusters it joins (its resolved, distinct ends).
//! What searches over the graph walk (critical bridges' cut-off sides,
//! a scenario's shortest paths).

use super::declarations::Model;

pub struct Adjacency {
    /// Per cluster: the bridges that join it, in model order.
    pub bridges_of: Vec<Vec<usize>>,
    /// Per bridge: the clusters it joins.
    pub joins: Vec<Vec<usize>>,
}

impl Adjacency {
    /// Linear in the clusters and the bridges' ends.
    pub fn new(model: &Model) -> Adjacency {
        let mut bridges_of = vec![Vec::new(); model.clusters.len()];
        let joins: Vec<Vec<usize>> = model.bridges.iter().map(|b| b.joins()).collect();
        for (b, clusters) in joins.iter().enumerate() {
            for c in clusters {
                if let Some(list) = bridges_of.get_mut(*c) {
                    list.push(b);
                }
            }
        }
        Adjacency { bridges_of, joins }
    }
}
