// The what-if walk (the JSON of `ecospec what-if --format json`) as nested
// lists, in the order of the command's tree: who bets on it, what it takes
// away, the clusters it activates with their needs, who joins in and by
// which bridges, what it opens.

import { el } from "./dom";
import type { WhatIf } from "./protocol";

type Need = WhatIf["needs"][number];

export function walk(answer: WhatIf): HTMLElement {
  const needsOf = new Map<string, Need>(answer.needs.map((n) => [n.cluster, n]));
  const label = answer.scenario.label ? ` "${answer.scenario.label}"` : "";
  const root = el("ul", { class: "walk" });
  root.appendChild(el("li", {}, `bet on by ${names(answer.bet_on_by)}`));
  const taken = answer.removed.map((r) => `${r.kind} ${r.name}`);
  root.appendChild(el("li", {}, `takes away: ${taken.length ? taken.join(", ") : "nothing"}`));
  root.appendChild(el("li", {}, "activates", list(answer.activated.map((c) => cluster(c, needsOf.get(c))))));
  const joining = answer.supporters.map((s) =>
    el(
      "li",
      {},
      `${s.kind === "actor" ? "actor " : ""}${s.name}`,
      el(
        "ul",
        {},
        ...s.routes.map((r) => el("li", {}, `to ${r.to}: ${route(r.path)}`)),
        ...needLines(needsOf.get(s.name)),
      ),
    ),
  );
  root.appendChild(
    el(
      "li",
      {},
      joining.length ? "joins in" : "joins in: nobody",
      joining.length ? el("ul", {}, ...joining) : null,
    ),
  );
  const opens = answer.opens.map((f) =>
    el("li", { class: "finding-line" }, `${f.code} ${f.lint}: ${f.message}`),
  );
  root.appendChild(
    el("li", {}, opens.length ? "opens" : "opens: nothing", opens.length ? el("ul", {}, ...opens) : null),
  );
  return el(
    "div",
    {},
    el("p", { class: "walk-title" }, `what if ${answer.scenario.name} comes${label}`),
    root,
  );
}

function cluster(name: string, needs: Need | undefined): HTMLElement {
  return el("li", {}, name, el("ul", {}, ...needLines(needs)));
}

function needLines(needs: Need | undefined): HTMLElement[] {
  return (needs?.needs ?? []).map((n) =>
    el(
      "li",
      { class: n.providers.length ? "" : "gap" },
      `needs ${n.capability}: ${n.providers.length ? n.providers.join(", ") : "nobody"}${n.taken ? " (taken away)" : ""}`,
    ),
  );
}

function route(path: WhatIf["supporters"][number]["routes"][number]["path"]): string {
  if (!path) return "no path";
  if (path.steps.length === 0) return "already there";
  return path.steps
    .map(
      (s) => `bridge ${s.bridge}${s.through?.length ? ` (through ${s.through.join(", ")})` : ""} to ${s.to}`,
    )
    .join(", then ");
}

function names(list: string[]): string {
  return list.length ? list.join(", ") : "nobody";
}

function list(items: HTMLElement[]): HTMLElement {
  return el("ul", {}, ...items);
}
