// The page's lists as nodes: files, findings, what the map marks, the
// interventions with what each closes and opens, the scenarios. Each
// takes what to show and what a click does; the page keeps the state.

import { code, fixesFor, severity } from "./diagnostics";
import { changed, type Doc, label } from "./doc";
import { el } from "./dom";
import { inline } from "./markdown";
import type { Change, CodeAction, Diagnostic, GraphFinding, Intervention, Scenario } from "./protocol";

/** `CODE lint: message`, the message's `code` spans kept. */
function finding(f: { code: string; lint: string; message: string }): Array<Node | string> {
  return [el("span", { class: "code" }, f.code), ` ${f.lint}: `, ...inline(f.message)];
}

function orNone(items: HTMLElement[], none: string): HTMLElement[] {
  return items.length ? items : [el("li", { class: "none" }, none)];
}

export function files(
  docs: Doc[],
  current: string,
  count: (uri: string) => number,
  open: (uri: string) => void,
): HTMLElement[] {
  return docs.map((doc) => {
    const n = count(doc.uri);
    return el(
      "li",
      {},
      el(
        "button",
        {
          class: doc.uri === current ? "file current" : "file",
          attrs: { "aria-current": String(doc.uri === current), "data-path": doc.path },
          on: { click: () => open(doc.uri) },
        },
        label(doc) + (doc.showingFixed ? " (fixed)" : ""),
        changed(doc)
          ? el("span", { class: "changed", title: "changed since it was read or saved" }, " ●")
          : null,
        n ? el("span", { class: "count" }, ` ${n}`) : null,
      ),
    );
  });
}

export interface FindingsOf {
  doc: Doc;
  diagnostics: Diagnostic[];
  /** The quick fixes known for this document (those of the document shown). */
  actions: CodeAction[];
}

export function findings(
  of: FindingsOf[],
  explain: (doc: Doc, d: Diagnostic) => void,
  fix: (action: CodeAction) => void,
): HTMLElement[] {
  const rows = of.flatMap(({ doc, diagnostics, actions }) =>
    diagnostics.map((d) => {
      const place = `${doc.exercise ? doc.exercise.name : doc.path}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
      return el(
        "li",
        { class: `finding ${severity(d)}` },
        el(
          "button",
          { class: "finding-place", on: { click: () => explain(doc, d) } },
          el("span", { class: "code" }, code(d)),
          " ",
          ...inline(d.message),
          " ",
          el("span", { class: "place" }, place),
        ),
        ...fixesFor(actions, d).map((action) =>
          el("button", { class: "fix", on: { click: () => fix(action) } }, action.title),
        ),
      );
    }),
  );
  return orNone(rows, "No findings.");
}

export function marked(drawn: GraphFinding[]): HTMLElement[] {
  return orNone(
    drawn.map((f) => el("li", { attrs: { "data-element": f.element } }, ...finding(f))),
    "Nothing marked on the map.",
  );
}

export function interventions(
  list: Intervention[],
  applied: string | null,
  toggle: (name: string, on: boolean) => void,
): HTMLElement[] {
  const changes = (word: string, found: Change[]) =>
    el(
      "li",
      {},
      `${word}: ${found.length ? "" : "nothing"}`,
      found.length
        ? el(
            "ul",
            {},
            ...found.map((f) =>
              el(
                "li",
                {},
                ...finding(f),
                f.replaces ? ` (replaces ${f.replaces.code}: ` : null,
                ...(f.replaces ? [...inline(f.replaces.message), ")"] : []),
              ),
            ),
          )
        : null,
    );
  const items = list.map((i) => {
    const on = applied === i.name;
    const input = el("input", {
      attrs: { type: "checkbox", role: "switch", "data-intervention": i.name },
      on: { change: (event) => toggle(i.name, (event.target as HTMLInputElement).checked) },
    });
    input.checked = on;
    return el(
      "li",
      { class: on ? "intervention on" : "intervention" },
      el("label", {}, input, ` ${i.name}`),
      el("ul", { class: "changes" }, changes("closes", i.closes), changes("opens", i.opens)),
    );
  });
  return orNone(items, "No interventions declared.");
}

export function scenarios(list: Scenario[]): HTMLElement[] {
  return [
    el("option", { attrs: { value: "" } }, list.length ? "(no scenario)" : "(no scenarios declared)"),
    ...list.map((s) => el("option", { attrs: { value: s.name } }, s.name)),
  ];
}
