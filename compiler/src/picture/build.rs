//! A checked ecosystem → its [`Picture`] for one view: the structure drawn
//! from the configuration (the baseline, or an intervention's result), the
//! marks from its findings and, with a scenario, from the configuration
//! under it (what the scenario removes stays drawn, greyed).

use std::borrow::Cow;

use crate::apply::apply;
use crate::check::Outcome;
use crate::lints;
use crate::model::{distinct, Common, Facts, Model, Ref, Seen};
use crate::resolve::Resolved;

use super::drawing::DrawnFinding;
use super::drawing::{
    Edge, EdgeKind, Group, LegendEntry, LegendKey, Marks, Node, NodeKind, Picture, View,
};
use super::findings::{shown_by, Drawn};
use super::scenario::under_scenario;

/// What to draw.
#[derive(Clone, Copy, Debug)]
pub struct Request<'a> {
    pub view: View,
    /// `--apply NAME`: the configuration with this intervention applied.
    pub apply: Option<&'a str>,
    /// `--scenario S`: the configuration under this scenario.
    pub scenario: Option<&'a str>,
    /// What the ecosystem is called in the title when its `ecosystem`
    /// header gives it no label (its root file, say).
    pub title: &'a str,
}

/// The picture of `resolved` that `request` asks for; an unknown
/// intervention or scenario is `Err` with one line naming those that exist.
pub fn picture(resolved: &Resolved, request: &Request) -> Result<Picture, String> {
    let baseline = &resolved.baseline;
    let name = baseline
        .header
        .as_ref()
        .and_then(|h| h.label.as_deref())
        .unwrap_or(request.title);
    let mut title = format!("{name} ({} view)", request.view.name());
    let drawn: Cow<Model> = match request.apply {
        None => Cow::Borrowed(baseline),
        Some(name) => {
            let index = baseline
                .interventions
                .iter()
                .position(|i| &*i.common.name == name)
                .ok_or_else(|| {
                    unknown(
                        "intervention",
                        name,
                        names(&baseline.interventions, |i| &i.common),
                    )
                })?;
            let delta = resolved
                .deltas
                .get(index)
                .ok_or_else(|| format!("intervention `{name}` did not resolve"))?;
            title.push_str(&format!(", with intervention `{name}` applied"));
            Cow::Owned(apply(baseline, delta))
        }
    };
    let mut scene = Scene::default();
    let under = match request.scenario {
        None => None,
        Some(name) => {
            let index = drawn
                .scenarios
                .iter()
                .position(|s| &*s.common.name == name)
                .ok_or_else(|| unknown("scenario", name, names(&drawn.scenarios, |s| &s.common)))?;
            title.push_str(&format!(", under scenario `{name}`"));
            let under = under_scenario(&drawn, index);
            scene = Scene {
                activated: flags(&under.activated, drawn.clusters.len()),
                supporters: flags(&under.supporters, drawn.clusters.len()),
                supporting_actors: flags(&under.supporting_actors, drawn.actors.len()),
            };
            Some(under.model)
        }
    };
    let configuration = under.as_ref().unwrap_or(&drawn);
    let (findings, facts) = lints::run_with_facts(configuration);
    let builder = Builder {
        model: &drawn,
        now: configuration,
        facts: &facts,
        drawn: Drawn::of(&findings),
        scene,
    };
    let mut picture = builder.build(request.view, title);
    picture.findings = findings
        .into_iter()
        .filter_map(|finding| {
            let element = shown_by(&finding, request.view, configuration, &facts)?;
            Some(DrawnFinding { element, finding })
        })
        .collect();
    Ok(picture)
}

/// What an ecosystem is called when its `ecosystem` header gives it no
/// label: its root file's name (the [`Request::title`] of the command and
/// of the editor's request).
pub fn root_title(outcome: &Outcome, resolved: &Resolved) -> String {
    outcome
        .sources
        .get(resolved.root)
        .and_then(|f| f.path.file_name())
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn names<T>(items: &[T], common: impl Fn(&T) -> &Common) -> Vec<&str> {
    items.iter().map(|i| &*common(i).name).collect()
}

/// `kind` (`intervention`, `scenario`) named `name` is not declared: one
/// line naming those that are.
fn unknown(kind: &str, name: &str, known: Vec<&str>) -> String {
    let mut message = format!("the ecosystem declares no {kind} named `{name}`");
    if known.is_empty() {
        message.push_str(&format!(" (it declares no {kind})"));
        return message;
    }
    let listed: Vec<String> = known.iter().take(20).map(|n| format!("`{n}`")).collect();
    message.push_str(&format!("; its {kind}s: {}", listed.join(", ")));
    if known.len() > listed.len() {
        message.push_str(&format!(" and {} more", known.len() - listed.len()));
    }
    message
}

/// Who the scenario drawn activates and brings in, per index.
#[derive(Default)]
struct Scene {
    activated: Vec<bool>,
    supporters: Vec<bool>,
    supporting_actors: Vec<bool>,
}

/// `indices` as one flag per index below `len`.
fn flags(indices: &[usize], len: usize) -> Vec<bool> {
    let mut flags = vec![false; len];
    for i in indices {
        if let Some(flag) = flags.get_mut(*i) {
            *flag = true;
        }
    }
    flags
}

fn flag(flags: &[bool], index: usize) -> bool {
    flags.get(index).copied().unwrap_or(false)
}

struct Builder<'a> {
    /// The structure drawn (removed things included).
    model: &'a Model,
    /// The configuration measured: `model`, or `model` under the scenario.
    now: &'a Model,
    facts: &'a Facts,
    drawn: Drawn,
    scene: Scene,
}

/// Node indices of the clusters, actors and capabilities, per model index.
#[derive(Default)]
struct Placed {
    clusters: Vec<usize>,
    actors: Vec<Option<usize>>,
    capabilities: Vec<usize>,
}

impl Builder<'_> {
    fn build(&self, view: View, title: String) -> Picture {
        let mut picture = Picture {
            view,
            title,
            nodes: Vec::new(),
            edges: Vec::new(),
            groups: Vec::new(),
            legend: Vec::new(),
            findings: Vec::new(),
        };
        let mut placed = Placed {
            clusters: self.cluster_nodes(&mut picture, view),
            ..Placed::default()
        };
        match view {
            View::Clusters => self.bridges(&mut picture, &placed, true),
            View::Actors => {
                placed.actors = self.actor_nodes(&mut picture, &placed);
                self.bridges(&mut picture, &placed, false);
            }
            View::Capabilities => {
                placed.capabilities = self.capability_nodes(&mut picture);
                self.needs(&mut picture, &placed);
            }
        }
        picture.legend = legend(&picture);
        picture
    }

    fn removed(&self, common: &Common, now: Option<&Common>) -> bool {
        common.removed || now.is_some_and(|c| c.removed)
    }

    fn cluster_nodes(&self, picture: &mut Picture, view: View) -> Vec<usize> {
        let mut indices = Vec::with_capacity(self.model.clusters.len());
        for (c, cluster) in self.model.clusters.iter().enumerate() {
            let name = &*cluster.common.name;
            let mut details = Vec::new();
            let bets: Vec<&str> = distinct(&cluster.bets_on).map(|(_, r)| &*r.name).collect();
            if !bets.is_empty() {
                details.push(format!("bets on {}", bets.join(", ")));
            }
            let needs = self.now.clusters.get(c).map_or(&[][..], |n| &n.needs[..]);
            let uncovered: Vec<&str> = distinct(needs)
                .map(|(_, r)| &*r.name)
                .filter(|k| self.drawn.uncovered(name, k))
                .collect();
            let single: Vec<&str> = distinct(needs)
                .map(|(_, r)| &*r.name)
                .filter(|k| self.drawn.cluster_single(name, k))
                .collect();
            // The capabilities view draws the needs themselves.
            if view != View::Capabilities {
                if !uncovered.is_empty() {
                    details.push(format!("uncovered: {}", uncovered.join(", ")));
                }
                if !single.is_empty() {
                    details.push(format!("one provider: {}", single.join(", ")));
                }
            }
            let marks = Marks {
                gap: self.drawn.unbridged(name)
                    || (view != View::Capabilities && !uncovered.is_empty()),
                single: view != View::Capabilities && !single.is_empty(),
                activated: flag(&self.scene.activated, c),
                supporter: flag(&self.scene.supporters, c),
                removed: self.removed(&cluster.common, self.now.clusters.get(c).map(|x| &x.common)),
                ..Marks::default()
            };
            indices.push(push_node(
                picture,
                NodeKind::Cluster,
                &cluster.common,
                details,
                tooltip(&[&cluster.description, &cluster.strategy], &cluster.common),
                marks,
            ));
        }
        indices
    }

    /// Bridges: a `between` bridge as an edge (labelled with what it
    /// carries when `labels`), an `among` bridge as a node with a leg to
    /// each of its clusters.
    fn bridges(&self, picture: &mut Picture, placed: &Placed, labels: bool) {
        for (b, bridge) in self.model.bridges.iter().enumerate() {
            let joins: Vec<usize> = bridge
                .joins()
                .into_iter()
                .filter_map(|c| placed.clusters.get(c).copied())
                .collect();
            if joins.len() < 2 {
                continue;
            }
            let name = &*bridge.common.name;
            let via = names_of(&bridge.via);
            let marks = Marks {
                critical: self.drawn.critical(name),
                removed: self.removed(&bridge.common, self.now.bridges.get(b).map(|x| &x.common)),
                ..Marks::default()
            };
            let tip = tooltip(&[], &bridge.common);
            match (bridge.among || joins.len() > 2, &joins[..]) {
                (false, [a, z]) => picture.edges.push(Edge {
                    from: *a,
                    to: *z,
                    kind: EdgeKind::Bridge,
                    label: Some(bridge_label(&bridge.common, &via, labels)),
                    tooltip: tip,
                    marks,
                }),
                _ => {
                    let details = if via.is_empty() {
                        Vec::new()
                    } else {
                        vec![format!("via {via}")]
                    };
                    let node = push_node(
                        picture,
                        NodeKind::Bridge,
                        &bridge.common,
                        details,
                        tip,
                        marks,
                    );
                    for c in joins {
                        picture.edges.push(Edge {
                            from: node,
                            to: c,
                            kind: EdgeKind::AmongLeg,
                            label: None,
                            tooltip: None,
                            marks: Marks {
                                critical: marks.critical,
                                removed: marks.removed,
                                ..Marks::default()
                            },
                        });
                    }
                }
            }
        }
    }

    fn actor_nodes(&self, picture: &mut Picture, placed: &Placed) -> Vec<Option<usize>> {
        let mut groups: Vec<Group> = placed
            .clusters
            .iter()
            .map(|&cluster| Group {
                cluster,
                members: Vec::new(),
            })
            .collect();
        let sole = self.sole_providers();
        let mut nodes = Vec::with_capacity(self.model.actors.len());
        for (a, actor) in self.model.actors.iter().enumerate() {
            let now = self.now.actors.get(a);
            let mut details = vec![actor.kind.to_string()];
            let provides = names_of(&actor.provides);
            if !provides.is_empty() {
                details.push(format!("provides {provides}"));
            }
            let only: Vec<String> = sole
                .get(a)
                .into_iter()
                .flatten()
                .map(|(k, clusters)| {
                    let k = self.now.capability_name(*k);
                    if clusters.is_empty() {
                        return k.to_string();
                    }
                    let to: Vec<&str> =
                        clusters.iter().map(|c| self.now.cluster_name(*c)).collect();
                    format!("{k} to {}", to.join(", "))
                })
                .collect();
            if !only.is_empty() {
                details.push(format!("only provider of {}", only.join(", ")));
            }
            let removed = self.removed(&actor.common, now.map(|n| &n.common));
            let marks = Marks {
                single: !only.is_empty(),
                supporter: flag(&self.scene.supporting_actors, a),
                removed,
                ..Marks::default()
            };
            let tip = tooltip(&[&actor.description, &actor.organizes], &actor.common);
            let node = push_node(picture, NodeKind::Actor, &actor.common, details, tip, marks);
            nodes.push(Some(node));
            let member_of: Vec<usize> = distinct(&actor.member_of).map(|(c, _)| c).collect();
            let mut first = true;
            for &c in &member_of {
                if first {
                    if let Some(group) = groups.get_mut(c) {
                        group.members.push(node);
                        first = false;
                    }
                    continue;
                }
                self.actor_edge(picture, placed, node, c, EdgeKind::Member, removed);
            }
            let mut member = Seen::default();
            for c in &member_of {
                member.insert(*c);
            }
            for (c, _) in distinct(&actor.serves).filter(|(c, _)| member.insert(*c)) {
                self.actor_edge(picture, placed, node, c, EdgeKind::Serves, removed);
            }
        }
        picture.groups = groups;
        nodes
    }

    /// Per actor, the capabilities it alone provides, each with the
    /// clusters it alone provides it to (W0423), or with none when it is its
    /// only provider in the whole ecosystem (W0404); sorted.
    fn sole_providers(&self) -> Vec<Vec<(usize, Vec<usize>)>> {
        let mut pairs: Vec<Vec<(usize, Option<usize>)>> = vec![Vec::new(); self.now.actors.len()];
        let mut add = |actor: usize, capability: usize, cluster: Option<usize>| {
            if let Some(list) = pairs.get_mut(actor) {
                list.push((capability, cluster));
            }
        };
        for (k, providers) in self.facts.providers.iter().enumerate() {
            if let [only] = providers[..] {
                if self.drawn.single(self.now.capability_name(k)) {
                    add(only, k, None);
                }
            }
        }
        for (c, cluster) in self.now.clusters.iter().enumerate() {
            for (k, entry) in distinct(&cluster.needs) {
                if !self.drawn.cluster_single(&cluster.common.name, &entry.name) {
                    continue;
                }
                let serving = self.facts.serving.get(c).map_or(&[][..], |s| &s[..]);
                let provides = |a: &usize| {
                    self.now
                        .actors
                        .get(*a)
                        .is_some_and(|actor| actor.provides.iter().any(|r| r.index == Some(k)))
                };
                if let Some(a) = serving.iter().find(|a| provides(a)) {
                    add(*a, k, Some(c));
                }
            }
        }
        pairs
            .into_iter()
            .map(|mut list| {
                // `None` sorts first: a whole-ecosystem single provider says
                // all there is to say about that capability.
                list.sort_unstable();
                list.dedup();
                let mut out: Vec<(usize, Vec<usize>)> = Vec::new();
                for (k, cluster) in list {
                    match (out.last_mut(), cluster) {
                        (Some((last, _)), _) if *last == k && cluster.is_none() => {}
                        (Some((last, clusters)), Some(c)) if *last == k => {
                            if !clusters.is_empty() {
                                clusters.push(c);
                            }
                        }
                        (_, cluster) => out.push((k, cluster.into_iter().collect())),
                    }
                }
                out
            })
            .collect()
    }

    fn actor_edge(
        &self,
        picture: &mut Picture,
        placed: &Placed,
        node: usize,
        cluster: usize,
        kind: EdgeKind,
        removed: bool,
    ) {
        let Some(&to) = placed.clusters.get(cluster) else {
            return;
        };
        let cluster_removed = picture.nodes.get(to).is_some_and(|n| n.marks.removed);
        picture.edges.push(Edge {
            from: node,
            to,
            kind,
            label: None,
            tooltip: None,
            marks: Marks {
                removed: removed || cluster_removed,
                ..Marks::default()
            },
        });
    }

    fn capability_nodes(&self, picture: &mut Picture) -> Vec<usize> {
        let mut nodes = Vec::with_capacity(self.model.capabilities.len());
        for (k, capability) in self.model.capabilities.iter().enumerate() {
            let providers: Vec<&str> = self
                .facts
                .providers
                .get(k)
                .into_iter()
                .flatten()
                .map(|a| self.now.actor_name(*a))
                .collect();
            let details = vec![if providers.is_empty() {
                "provided by nobody".to_string()
            } else {
                format!("provided by {}", providers.join(", "))
            }];
            let removed = self.removed(
                &capability.common,
                self.now.capabilities.get(k).map(|c| &c.common),
            );
            let marks = Marks {
                single: self.drawn.single(&capability.common.name),
                removed,
                ..Marks::default()
            };
            let tip = tooltip(&[&capability.description], &capability.common);
            nodes.push(push_node(
                picture,
                NodeKind::Capability,
                &capability.common,
                details,
                tip,
                marks,
            ));
        }
        nodes
    }

    /// Each cluster's needs: an edge to the capability, labelled with who
    /// provides it there, red when nobody does.
    fn needs(&self, picture: &mut Picture, placed: &Placed) {
        for (c, cluster) in self.model.clusters.iter().enumerate() {
            let Some(&from) = placed.clusters.get(c) else {
                continue;
            };
            let name = &*cluster.common.name;
            for (k, entry) in distinct(&cluster.needs) {
                let Some(&to) = placed.capabilities.get(k) else {
                    continue;
                };
                let providers: Vec<&str> = self
                    .facts
                    .serving
                    .get(c)
                    .into_iter()
                    .flatten()
                    .filter(|a| self.facts.providers.get(k).is_some_and(|p| p.contains(a)))
                    .map(|a| self.now.actor_name(*a))
                    .collect();
                let gap = self.drawn.uncovered(name, &entry.name);
                let label = if providers.is_empty() {
                    "nobody".to_string()
                } else {
                    providers.join(", ")
                };
                let removed = [from, to]
                    .iter()
                    .any(|n| picture.nodes.get(*n).is_some_and(|n| n.marks.removed));
                picture.edges.push(Edge {
                    from,
                    to,
                    kind: EdgeKind::Need,
                    label: Some(label),
                    tooltip: None,
                    marks: Marks {
                        gap,
                        single: self.drawn.cluster_single(name, &entry.name),
                        removed,
                        ..Marks::default()
                    },
                });
            }
        }
    }
}

fn push_node(
    picture: &mut Picture,
    kind: NodeKind,
    common: &Common,
    details: Vec<String>,
    tooltip: Option<String>,
    marks: Marks,
) -> usize {
    let prefix = match kind {
        NodeKind::Cluster => "cluster",
        NodeKind::Actor => "actor",
        NodeKind::Capability => "capability",
        NodeKind::Bridge => "bridge",
    };
    picture.nodes.push(Node {
        id: format!("{prefix}:{}", common.name),
        kind,
        name: common.name.to_string(),
        label: common
            .label
            .clone()
            .unwrap_or_else(|| common.name.to_string()),
        details,
        tooltip,
        marks,
    });
    picture.nodes.len() - 1
}

/// The longer text of a declaration: the first of `texts` that is set, else
/// its doc comment.
fn tooltip(texts: &[&Option<String>], common: &Common) -> Option<String> {
    texts
        .iter()
        .find_map(|t| t.as_ref())
        .or(common.doc.as_ref())
        .map(|t| t.trim().to_string())
}

fn names_of(refs: &[Ref]) -> String {
    distinct(refs)
        .map(|(_, r)| &*r.name)
        .collect::<Vec<_>>()
        .join(", ")
}

/// A `between` bridge's edge label: what it carries (its name when it
/// carries nothing named), or only its name.
fn bridge_label(common: &Common, via: &str, with_via: bool) -> String {
    let name = common.label.as_deref().unwrap_or(&common.name);
    if with_via && !via.is_empty() {
        format!("{name}: {via}")
    } else {
        name.to_string()
    }
}

/// The legend: one entry per kind of mark the picture uses, in a fixed order.
fn legend(picture: &Picture) -> Vec<LegendEntry> {
    let marks = picture
        .nodes
        .iter()
        .map(|n| n.marks)
        .chain(picture.edges.iter().map(|e| e.marks));
    let mut used = Marks::default();
    for m in marks {
        used.gap |= m.gap;
        used.critical |= m.critical;
        used.single |= m.single;
        used.activated |= m.activated;
        used.supporter |= m.supporter;
        used.removed |= m.removed;
    }
    let serves = picture.edges.iter().any(|e| e.kind == EdgeKind::Serves);
    [
        (
            used.gap,
            LegendKey::Gap,
            "red: a gap (a cluster in no bridge, a need nobody provides)",
        ),
        (
            used.critical,
            LegendKey::Critical,
            "thick: a critical bridge (removing it splits the ecosystem)",
        ),
        (
            used.single,
            LegendKey::Single,
            "★: a single provider of what a cluster needs",
        ),
        (
            used.activated,
            LegendKey::Activated,
            "▶ bold blue: activated by the scenario",
        ),
        (
            used.supporter,
            LegendKey::Supporter,
            "+ blue: joins in to support",
        ),
        (used.removed, LegendKey::Removed, "grey, dashed: taken out"),
        (
            serves,
            LegendKey::Serves,
            "dashed: serves without being a member",
        ),
    ]
    .into_iter()
    .filter(|(on, _, _)| *on)
    .map(|(_, key, text)| LegendEntry { key, text })
    .collect()
}
