//! A walk in the movement's words, as a tree of lines (scenario →
//! activated → supporters with their paths → needs → what opens), which
//! the human and the Markdown renderers print each in their own way.

use ecospec_syntax::DeclKind;

use crate::lints::Level;
use crate::model::{Model, Symbol};

use crate::scenario::{Answer, Route, Who};

/// What a piece of a line is, for colour and emphasis.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    Plain,
    /// A declared name.
    Name,
    /// Spec text (a label): escaped by each renderer.
    Text,
    /// What fails the response: nobody provides, no path, nothing activates.
    Gap,
    /// What the removals took away (words).
    Taken,
    /// A name the removals took away.
    TakenName,
    /// An opened finding's level and code.
    Level(Level),
    /// A finding's message: words, and names in backticks.
    Message,
}

#[derive(Clone, Debug, Default)]
pub struct Line {
    pub parts: Vec<(Style, String)>,
    pub children: Vec<Line>,
}

impl Line {
    fn new() -> Line {
        Line::default()
    }

    fn with(mut self, style: Style, text: impl Into<String>) -> Line {
        self.parts.push((style, text.into()));
        self
    }

    fn plain(self, text: impl Into<String>) -> Line {
        self.with(Style::Plain, text)
    }

    fn name(self, name: &str) -> Line {
        self.with(Style::Name, name)
    }

    fn names<'a>(mut self, names: impl IntoIterator<Item = &'a str>) -> Line {
        for (i, n) in names.into_iter().enumerate() {
            if i > 0 {
                self = self.plain(", ");
            }
            self = self.name(n);
        }
        self
    }

    fn label(self, label: Option<&str>) -> Line {
        match label {
            Some(label) => self.plain(" ").with(Style::Text, label),
            None => self,
        }
    }

    fn child(mut self, line: Line) -> Line {
        self.children.push(line);
        self
    }
}

/// The walk of `answer` as one tree whose root is the scenario.
pub fn tree(answer: &Answer<'_>) -> Line {
    let config = &answer.walk.config;
    let (now, under) = (config.now, &config.under);
    let scenario = now.scenarios.get(config.scenario);
    let mut root = Line::new()
        .plain("what if ")
        .name(config.scenario_name())
        .plain(" comes")
        .label(scenario.and_then(|s| s.common.label.as_deref()));
    root = root.child(if answer.betting.is_empty() {
        Line::new().plain("bet on by no cluster")
    } else {
        Line::new()
            .plain("bet on by ")
            .names(answer.betting.iter().map(|c| now.cluster_name(*c)))
    });
    root = root.child(takes_away(answer));
    if !answer.walk.taken_from_rule.is_empty() {
        let mut line = Line::new().plain("taken out of the response: ");
        for (i, symbol) in answer.walk.taken_from_rule.iter().enumerate() {
            if i > 0 {
                line = line.plain(", ");
            }
            line = line
                .with(Style::TakenName, symbol_name(now, *symbol))
                .plain(format!(" ({})", symbol.kind.keyword()));
        }
        root = root.child(line);
    }
    let mut activates = Line::new().plain("activates");
    if answer.walk.activated.is_empty() {
        activates = activates.plain(": ").with(Style::Gap, "nobody");
    }
    for &a in &answer.walk.activated {
        let cluster = under.clusters.get(a);
        let line = Line::new()
            .name(now.cluster_name(a))
            .label(cluster.and_then(|c| c.common.label.as_deref()));
        activates = activates.child(needs(answer, a, line));
    }
    root = root.child(activates);
    let mut joins = Line::new().plain("joins in");
    if answer.walk.supporters.is_empty() {
        joins = joins.plain(": nobody");
    }
    for supporter in &answer.walk.supporters {
        let mut line = match supporter.who {
            Who::Cluster(x) => Line::new().name(now.cluster_name(x)).label(
                under
                    .clusters
                    .get(x)
                    .and_then(|c| c.common.label.as_deref()),
            ),
            Who::Actor(x) => Line::new()
                .name(now.actor_name(x))
                .label(under.actors.get(x).and_then(|a| a.common.label.as_deref()))
                .plain(" (actor)"),
        };
        for route in &supporter.routes {
            line = line.child(route_line(now, under, supporter.who, route));
        }
        if let Who::Cluster(x) = supporter.who {
            line = needs(answer, x, line);
        }
        joins = joins.child(line);
    }
    root = root.child(joins);
    let mut opens = Line::new().plain("opens");
    if answer.opens.is_empty() {
        opens = opens.plain(": nothing");
    }
    for o in &answer.opens {
        opens = opens.child(
            Line::new()
                .with(
                    Style::Level(o.level),
                    format!("{}[{}]", level_word(o.level), o.finding.lint.code),
                )
                .plain(" ")
                .with(Style::Message, o.finding.message.as_str()),
        );
    }
    root.child(opens)
}

fn takes_away(answer: &Answer<'_>) -> Line {
    let config = &answer.walk.config;
    let mut line = Line::new().plain("takes away: ");
    let resolved: Vec<_> = config
        .removals
        .iter()
        .enumerate()
        .filter(|(_, r)| r.symbol.is_some())
        .collect();
    if resolved.is_empty() {
        return line.plain("nothing");
    }
    for (n, (i, removal)) in resolved.into_iter().enumerate() {
        if n > 0 {
            line = line.plain(", ");
        }
        let kind = removal.symbol.map_or("", |s| s.kind.keyword());
        let by = if i >= answer.own_removals {
            ", --without"
        } else {
            ""
        };
        line = line
            .with(Style::TakenName, &*removal.name)
            .plain(format!(" ({kind}{by})"));
    }
    line
}

/// `line` with one child per need of cluster `c`: who provides it, or
/// nobody.
fn needs(answer: &Answer<'_>, c: usize, mut line: Line) -> Line {
    let model = &answer.walk.config.under;
    let Some(entry) = answer.walk.needs.iter().find(|n| n.cluster == c) else {
        return line;
    };
    for need in &entry.needs {
        let mut needs = Line::new()
            .plain("needs ")
            .name(model.capability_name(need.capability))
            .plain(": ");
        if need.providers.is_empty() {
            needs = needs.with(Style::Gap, "nobody");
            if need.taken {
                needs = needs.with(Style::Taken, " (taken away)");
            }
        } else {
            needs = needs.names(need.providers.iter().map(|a| model.actor_name(*a)));
        }
        line = line.child(needs);
    }
    line
}

fn route_line(now: &Model, under: &Model, who: Who, route: &Route) -> Line {
    let line = Line::new()
        .plain("to ")
        .name(now.cluster_name(route.to))
        .plain(": ");
    let Some((from, steps)) = &route.path else {
        return line.with(Style::Gap, "no path");
    };
    let mut line = line;
    if steps.is_empty() {
        let member = match who {
            Who::Actor(x) => under
                .actors
                .get(x)
                .is_some_and(|a| a.member_of.iter().any(|r| r.index == Some(route.to))),
            Who::Cluster(_) => false,
        };
        return line.plain(if member { "a member" } else { "serves it" });
    }
    if matches!(who, Who::Actor(_)) {
        line = line
            .plain("from ")
            .name(now.cluster_name(*from))
            .plain(", ");
    }
    let last = steps.len() - 1;
    for (i, step) in steps.iter().enumerate() {
        if i > 0 {
            line = line.plain(", then ");
        }
        let bridge = under.bridges.get(step.bridge);
        line = line
            .plain("bridge ")
            .name(bridge.map_or("", |b| &*b.common.name));
        let through: Vec<&str> = bridge
            .into_iter()
            .flat_map(|b| crate::model::distinct(&b.through))
            .map(|(a, _)| under.actor_name(a))
            .collect();
        if !through.is_empty() {
            line = line.plain(" (through ").names(through).plain(")");
        }
        if i < last {
            line = line.plain(" to ").name(now.cluster_name(step.to));
        }
    }
    line
}

fn symbol_name(model: &Model, symbol: Symbol) -> &str {
    match symbol.kind {
        DeclKind::Cluster => model.cluster_name(symbol.index),
        DeclKind::Actor => model.actor_name(symbol.index),
        _ => model.common(symbol).map_or("", |c| &c.name),
    }
}

/// A level as `check` words its severity.
pub fn level_word(level: Level) -> &'static str {
    match level {
        Level::Deny => "error",
        Level::Warn => "warning",
        Level::Note | Level::Allow => "note",
    }
}
