// The studio's page as one controller: the files of the folder (and any
// exercise opened) kept in one LSP session, the editor, the findings, the
// map with its view, intervention and scenario, and saving or downloading.

import * as api from "./api";
import { code } from "./diagnostics";
import { type Doc, EXERCISES, changed, label } from "./doc";
import { byId, el, fill } from "./dom";
import { download, downloadZip } from "./download";
import { Editor } from "./editor";
import { message } from "./errors";
import * as lists from "./lists";
import { markdown } from "./markdown";
import { toOffset } from "./positions";
import type { CodeAction, Diagnostic, GraphFinding, Intervention, Scenario } from "./protocol";
import * as scratch from "./scratch";
import { documentUri, type Published, Session } from "./session";
import { safeSvg } from "./svg";
import { walk } from "./walk";

/** Edits are sent once typing pauses this long (ms). */
const CHANGE_DELAY = 120;
/** The map and panels are asked again once diagnostics stop arriving this long (ms). */
const VIEWS_DELAY = 80;
/** How many times a lost session is asked for again (about three minutes in all). */
const RECONNECTS = 14;

export class Studio {
  private info!: api.Info;
  private session!: Session;
  private editor!: Editor;
  private readonly docs = new Map<string, Doc>();
  private readonly diagnostics = new Map<string, Diagnostic[]>();
  private actions: CodeAction[] = [];
  private exercises: api.Exercise[] = [];
  private view = "clusters";
  private applied: string | null = null;
  private scenario: string | null = null;
  private readonly pending = new Map<string, number>();
  private viewsTimer = 0;
  private viewsAsked = 0;

  async start(): Promise<void> {
    this.status("Connecting to the studio…");
    this.info = await api.info();
    const files = await api.files();
    byId("folder").textContent = this.info.name;
    const participant = !this.info.canSave;
    byId("mode").textContent = this.info.mode === "trainer" && this.info.canSave ? "trainer" : "participant";
    const save = byId<HTMLButtonElement>("save");
    save.textContent = participant ? "Save (for the trainer)" : "Save";
    this.editor = new Editor(byId("editor"), () => this.session);
    this.editor.onChange = (uri, text) => this.changed(uri, text);
    this.editor.beforeAsk = () => this.flush(this.editor.current);
    for (const file of files) {
      const kept = participant ? scratch.load(this.info.rootUri, file.path) : null;
      const uri = documentUri(this.info.rootUri, file.path);
      this.docs.set(uri, { uri, path: file.path, text: kept ?? file.text, saved: file.text });
    }
    try {
      await this.connect();
    } catch (error) {
      throw new Error(`${message(error)} (a studio serves at most 100 tabs at once)`);
    }
    this.wire();
    const first = files[0];
    if (first) this.show(documentUri(this.info.rootUri, first.path));
    this.renderFiles();
    this.status(
      files.length
        ? participant
          ? "Participant mode: your edits stay in this browser; download them as a file or a zip."
          : "Trainer mode: Save writes your edits to the folder."
        : "The folder holds no .eco file yet: open an exercise to start.",
    );
    this.loadExercises();
  }

  /** A new LSP session holding every document as the page has it now. */
  private async connect(): Promise<void> {
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    const session = new Session(`${scheme}//${location.host}/lsp`, this.info.rootUri);
    session.onDiagnostics = (published) => session === this.session && this.published(published);
    session.onClose = (reason) => session === this.session && void this.reconnect(reason);
    await session.start(this.info.name);
    this.session = session;
    for (const timer of this.pending.values()) window.clearTimeout(timer);
    this.pending.clear();
    for (const doc of this.docs.values()) session.open(doc.uri, doc.text);
  }

  /**
   * The session ended (the studio closed an idle tab, or restarted): a new
   * one is asked for, with the page's text, waiting longer after each
   * failure; the edits made meanwhile are sent with it.
   */
  private async reconnect(reason: string): Promise<void> {
    this.status(`The connection to the studio closed (${reason}); reconnecting…`);
    for (let attempt = 0; attempt < RECONNECTS; attempt++) {
      await new Promise((resolve) => window.setTimeout(resolve, Math.min(1000 * 2 ** attempt, 15_000)));
      try {
        await this.connect();
      } catch {
        continue;
      }
      this.status("Reconnected to the studio.");
      void this.refreshCurrent();
      this.refreshViews();
      return;
    }
    this.status("The studio does not answer: download your files, then reload the page.");
  }

  private wire(): void {
    byId("save").addEventListener("click", () => void this.save());
    byId("revert").addEventListener("click", () => this.revert());
    document.addEventListener("keydown", (event) => {
      if ((event.ctrlKey || event.metaKey) && event.key === "s") {
        event.preventDefault();
        void this.save();
      }
    });
    byId("download-file").addEventListener("click", () => {
      const doc = this.docs.get(this.editor.current);
      if (doc) download(doc.path.split("/").pop() ?? "spec.eco", doc.text, "text/plain;charset=utf-8");
    });
    byId("download-zip").addEventListener("click", () => {
      const all = [...this.docs.values()].map((d) => ({ path: d.path, text: d.text }));
      downloadZip(`${this.info.name || "ecospec"}.zip`, all);
    });
    for (const button of document.querySelectorAll<HTMLButtonElement>("[data-view]")) {
      button.addEventListener("click", () => {
        this.view = button.dataset.view ?? "clusters";
        for (const other of document.querySelectorAll<HTMLButtonElement>("[data-view]")) {
          other.setAttribute("aria-pressed", String(other === button));
        }
        this.refreshViews();
      });
    }
    byId<HTMLSelectElement>("scenario").addEventListener("change", (event) => {
      const value = (event.target as HTMLSelectElement).value;
      this.scenario = value || null;
      this.refreshViews();
    });
    byId("open-exercise").addEventListener("click", () => this.openExercise());
    byId("show-fixed").addEventListener("click", () => this.toggleFixed());
  }

  private status(text: string): void {
    byId("status").textContent = text;
  }

  // --- documents -------------------------------------------------------

  private show(uri: string): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    this.flush(this.editor.current);
    this.editor.show(uri, doc.text);
    this.actions = [];
    this.applyDiagnostics(uri);
    void this.refreshCurrent();
    this.renderFiles();
    this.renderFindings();
    this.renderExerciseButtons();
    this.refreshViews();
  }

  private changed(uri: string, text: string): void {
    const doc = this.docs.get(uri);
    if (!doc) return;
    doc.text = text;
    if (!this.info.canSave && !doc.exercise) scratch.keep(this.info.rootUri, doc.path, text);
    window.clearTimeout(this.pending.get(uri));
    this.pending.set(
      uri,
      window.setTimeout(() => this.flush(uri), CHANGE_DELAY),
    );
    this.renderFiles();
  }

  /** Sends `uri`'s text now if an edit is waiting. */
  private flush(uri: string): void {
    const timer = this.pending.get(uri);
    if (timer === undefined) return;
    window.clearTimeout(timer);
    this.pending.delete(uri);
    const doc = this.docs.get(uri);
    if (doc) this.session.change(uri, doc.text);
  }

  private published(published: Published): void {
    if (!this.docs.has(published.uri)) return;
    const current =
      published.version === undefined || published.version === this.session.version(published.uri);
    if (!current) return;
    this.diagnostics.set(published.uri, published.diagnostics);
    this.renderFindings();
    if (published.uri === this.editor.current && !this.pending.has(published.uri)) {
      this.applyDiagnostics(published.uri);
      void this.refreshCurrent();
    }
    window.clearTimeout(this.viewsTimer);
    this.viewsTimer = window.setTimeout(() => this.refreshViews(), VIEWS_DELAY);
  }

  private applyDiagnostics(uri: string): void {
    if (uri === this.editor.current) this.editor.diagnostics(this.diagnostics.get(uri) ?? [], this.actions);
  }

  /** The quick fixes and the highlighting of the document shown, for its text as the server has it. */
  private async refreshCurrent(): Promise<void> {
    const uri = this.editor.current;
    const version = this.session.version(uri);
    const diagnostics = this.diagnostics.get(uri) ?? [];
    const doc = this.editor.view.state.doc;
    const whole = { start: { line: 0, character: 0 }, end: { line: doc.lines, character: 0 } };
    const [actions, tokens] = await Promise.all([
      diagnostics.length
        ? this.session.codeActions(uri, whole, diagnostics).catch(() => null)
        : Promise.resolve([]),
      this.session.semanticTokens(uri).catch(() => null),
    ]);
    if (uri !== this.editor.current || version !== this.session.version(uri) || this.pending.has(uri)) return;
    this.actions = (actions ?? []).filter((a) => a.edit?.changes);
    this.applyDiagnostics(uri);
    this.renderFindings();
    if (tokens) this.editor.highlight(tokens.data, this.session.tokenTypes);
  }

  // --- the lists -------------------------------------------------------

  private renderFiles(): void {
    const count = (uri: string) => (this.diagnostics.get(uri) ?? []).length;
    fill(
      byId("files"),
      ...lists.files([...this.docs.values()], this.editor.current, count, (uri) => this.show(uri)),
    );
  }

  private renderFindings(): void {
    const of = [...this.docs.values()].map((doc) => ({
      doc,
      diagnostics: this.diagnostics.get(doc.uri) ?? [],
      actions: doc.uri === this.editor.current ? this.actions : [],
    }));
    const total = of.reduce((sum, f) => sum + f.diagnostics.length, 0);
    byId("count").textContent = total ? `(${total})` : "";
    const rows = lists.findings(
      of,
      (doc, d) => void this.explain(doc.uri, d),
      (action) => this.applyFix(action),
    );
    fill(byId("findings"), ...rows);
  }

  private applyFix(action: CodeAction): void {
    const others = this.editor.applyFix(action);
    for (const [uri, edits] of Object.entries(others)) {
      const doc = this.docs.get(uri);
      if (!doc || !edits.length) continue;
      this.show(uri);
      this.editor.applyFix({ title: action.title, edit: { changes: { [uri]: edits } } });
    }
  }

  private async explain(uri: string, d: Diagnostic): Promise<void> {
    if (uri !== this.editor.current) this.show(uri);
    this.editor.reveal(toOffset(this.editor.view.state.doc, d.range.start));
    const box = byId("explanation");
    box.hidden = false;
    const asked = code(d);
    if (!asked) {
      fill(box, "This finding has no code to explain.");
      return;
    }
    fill(box, `Explaining ${asked}…`);
    try {
      const answer = await this.session.explain(asked);
      fill(
        box,
        el("p", { class: "explained" }, `${answer.code}${answer.lint ? ` ${answer.lint}` : ""}`),
        markdown(answer.text),
      );
    } catch (error) {
      fill(box, `No explanation of ${asked}: ${message(error)}`);
    }
  }

  // --- the map and its panels -----------------------------------------

  private refreshViews(): void {
    const uri = this.editor.current;
    if (!uri) return;
    const asked = ++this.viewsAsked;
    const stale = () => asked !== this.viewsAsked || uri !== this.editor.current;
    const { session, view, applied, scenario } = this;
    session.graph(uri, view, applied, scenario).then(
      (graph) => {
        if (stale()) return;
        const svg = graph.format === "svg" ? safeSvg(graph.content) : null;
        fill(byId("map"), svg ?? el("p", { class: "none" }, "The map could not be read."));
        fill(byId("marked"), ...lists.marked(graph.findings));
        byId("marked-count").textContent = `(${graph.findings.length})`;
        if (svg) this.linkMap(svg, graph.findings);
      },
      (error: unknown) => {
        if (stale()) return;
        fill(byId("map"), el("p", { class: "none" }, `No map: ${message(error)}`));
        fill(byId("marked"));
        byId("marked-count").textContent = "";
      },
    );
    session.interventions(uri).then(
      (answer) => {
        if (stale()) return;
        this.renderInterventions(answer.interventions);
        if (answer.scenarios) this.renderScenarios(answer.scenarios);
        else
          session.scenarios(uri).then(
            (s) => !stale() && this.renderScenarios(s.scenarios),
            () => !stale() && this.renderScenarios([]),
          );
      },
      (error: unknown) => {
        if (stale()) return;
        fill(byId("interventions"), el("li", { class: "none" }, `No interventions: ${message(error)}`));
        this.renderScenarios([]);
      },
    );
    if (scenario) {
      session.whatIf(uri, scenario, applied).then(
        (answer) => !stale() && fill(byId("walk"), walk(answer)),
        (error: unknown) => !stale() && fill(byId("walk"), el("p", { class: "none" }, message(error))),
      );
    } else {
      fill(byId("walk"), el("p", { class: "none" }, "Pick a scenario to see what it sets in motion."));
    }
  }

  /** A click on a marked element of the map goes to its first finding in the text. */
  private linkMap(svg: SVGSVGElement, findings: GraphFinding[]): void {
    const elements = new Map<string, Element>();
    for (const node of svg.querySelectorAll("[id]")) elements.set(node.getAttribute("id") ?? "", node);
    const linked = new Set<string>();
    for (const finding of findings) {
      const node = elements.get(finding.element);
      if (!node || linked.has(finding.element)) continue;
      linked.add(finding.element);
      node.classList.add("marked");
      node.addEventListener("click", () => {
        if (!this.docs.has(finding.uri)) return;
        if (finding.uri !== this.editor.current) this.show(finding.uri);
        this.editor.reveal(toOffset(this.editor.view.state.doc, finding.range.start));
      });
    }
  }

  private renderInterventions(interventions: Intervention[]): void {
    if (this.applied && !interventions.some((i) => i.name === this.applied)) {
      this.applied = null;
      this.refreshViews();
      return;
    }
    const toggle = (name: string, on: boolean) => {
      this.applied = on ? name : null;
      this.refreshViews();
    };
    fill(byId("interventions"), ...lists.interventions(interventions, this.applied, toggle));
  }

  private renderScenarios(scenarios: Scenario[]): void {
    const select = byId<HTMLSelectElement>("scenario");
    if (this.scenario && !scenarios.some((s) => s.name === this.scenario)) {
      this.scenario = null;
    }
    fill(select, ...lists.scenarios(scenarios));
    select.value = this.scenario ?? "";
  }

  // --- exercises -------------------------------------------------------

  private loadExercises(): void {
    api.exercises().then(
      (list) => {
        this.exercises = list;
        fill(
          byId("exercise"),
          ...list.map((e) => el("option", { attrs: { value: e.name }, title: e.title }, e.name)),
        );
        this.renderExerciseButtons();
      },
      (error: unknown) => fill(byId("exercise-title"), `No exercises: ${message(error)}`),
    );
  }

  private openExercise(): void {
    const name = byId<HTMLSelectElement>("exercise").value;
    const exercise = this.exercises.find((e) => e.name === name);
    if (!exercise) return;
    const path = `${EXERCISES}${exercise.name}.eco`;
    const uri = documentUri(this.info.rootUri, path);
    if (!this.docs.has(uri)) {
      this.docs.set(uri, { uri, path, text: exercise.gap, saved: exercise.gap, exercise });
      this.session.open(uri, exercise.gap);
    }
    this.show(uri);
  }

  private toggleFixed(): void {
    const doc = this.docs.get(this.editor.current);
    if (!doc?.exercise) return;
    doc.showingFixed = !doc.showingFixed;
    this.editor.replace(doc.showingFixed ? doc.exercise.fixed : doc.exercise.gap);
    this.renderExerciseButtons();
    this.renderFiles();
  }

  private renderExerciseButtons(): void {
    const doc = this.docs.get(this.editor.current);
    const button = byId<HTMLButtonElement>("show-fixed");
    button.disabled = !doc?.exercise;
    button.textContent = doc?.showingFixed ? "Back to the gap" : "Show the fixed version";
    const selected = this.exercises.find((e) => e.name === byId<HTMLSelectElement>("exercise").value);
    byId("exercise-title").textContent = doc?.exercise?.title ?? selected?.title ?? "";
  }

  // --- saving ----------------------------------------------------------

  /** The file shown back as it was read or saved (an exercise: its gap). */
  private revert(): void {
    const doc = this.docs.get(this.editor.current);
    if (!doc) return;
    const text = doc.exercise ? doc.exercise.gap : doc.saved;
    doc.showingFixed = false;
    if (this.editor.text() !== text) this.editor.replace(text);
    this.renderExerciseButtons();
    this.renderFiles();
    this.status(`${label(doc)}: back to ${doc.exercise ? "its gap" : "the folder's version"}.`);
  }

  private async save(): Promise<void> {
    if (!this.info.canSave) {
      this.status(
        "Saving is for the trainer: your copy is kept in this browser. Download it as a file or as a zip of every file.",
      );
      return;
    }
    const unsaved = [...this.docs.values()].filter(changed);
    if (!unsaved.length) {
      this.status("Nothing to save: every file is as it is on disk.");
      return;
    }
    const saved: string[] = [];
    for (const doc of unsaved) {
      const text = doc.text;
      const refused = await api.save(doc.path, text).catch((error: unknown) => message(error));
      if (refused) {
        this.status(`${doc.path} was not saved: ${refused}`);
        this.renderFiles();
        return;
      }
      doc.saved = text;
      saved.push(doc.path);
    }
    this.renderFiles();
    this.status(`Saved ${saved.join(", ")}.`);
  }
}
