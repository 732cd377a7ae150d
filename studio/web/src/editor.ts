// The CodeMirror 6 editor: one view, one state per file (each keeps its
// own undo history), with the language server's semantic tokens as the
// highlighting, its diagnostics as lint underlines (their quick fixes as
// actions), its hover and its completion.

import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { type Diagnostic as LintDiagnostic, lintGutter, setDiagnostics } from "@codemirror/lint";
import { EditorState, type Extension, RangeSetBuilder, StateEffect, StateField } from "@codemirror/state";
import {
  Decoration,
  type DecorationSet,
  drawSelection,
  EditorView,
  highlightActiveLine,
  hoverTooltip,
  keymap,
  lineNumbers,
} from "@codemirror/view";
import { code, fixesFor, severity } from "./diagnostics";
import { markdown } from "./markdown";
import { toOffset, toPosition } from "./positions";
import type { CodeAction, Diagnostic, Hover, TextEdit } from "./protocol";
import type { Session } from "./session";

const setTokens = StateEffect.define<DecorationSet>();

const tokens = StateField.define<DecorationSet>({
  create: () => Decoration.none,
  update(decorations, transaction) {
    let next = decorations.map(transaction.changes);
    for (const effect of transaction.effects) if (effect.is(setTokens)) next = effect.value;
    return next;
  },
  provide: (field) => EditorView.decorations.from(field),
});

export class Editor {
  readonly view: EditorView;
  private readonly states = new Map<string, EditorState>();
  private readonly extensions: Extension[];
  private uri = "";
  /** The text of `uri` changed: typed, fixed or replaced (not when another file is shown). */
  onChange: (uri: string, text: string) => void = () => {};
  /** Called before asking the server about the text: the edits waiting must reach it first. */
  beforeAsk: () => void = () => {};

  constructor(
    parent: HTMLElement,
    /** The page's LSP session (a new one after a reconnection). */
    private readonly session: () => Session,
  ) {
    this.extensions = [
      lineNumbers(),
      history(),
      drawSelection(),
      highlightActiveLine(),
      EditorView.lineWrapping,
      keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
      lintGutter(),
      tokens,
      autocompletion({ override: [(context) => this.complete(context)] }),
      hoverTooltip((view, pos) => this.hover(view, pos), { hoverTime: 250 }),
      EditorView.contentAttributes.of({ "aria-label": "the spec", spellcheck: "false" }),
      EditorView.updateListener.of((update) => {
        if (update.docChanged) this.onChange(this.uri, update.state.doc.toString());
      }),
    ];
    this.view = new EditorView({
      parent,
      state: EditorState.create({ doc: "", extensions: this.extensions }),
    });
  }

  get current(): string {
    return this.uri;
  }

  /** Shows `uri` (its own state, or a new one with `text`). */
  show(uri: string, text: string): void {
    if (this.uri) this.states.set(this.uri, this.view.state);
    this.uri = uri;
    const kept = this.states.get(uri);
    const state =
      kept && kept.doc.toString() === text
        ? kept
        : EditorState.create({ doc: text, extensions: this.extensions });
    this.view.setState(state);
  }

  /** Replaces the whole text of the document shown, as the page (not a typed edit). */
  replace(text: string): void {
    this.view.dispatch({ changes: { from: 0, to: this.view.state.doc.length, insert: text } });
  }

  text(): string {
    return this.view.state.doc.toString();
  }

  /** The server's diagnostics of the document shown, with their quick fixes. */
  diagnostics(diagnostics: Diagnostic[], actions: CodeAction[]): void {
    const doc = this.view.state.doc;
    const lint: LintDiagnostic[] = diagnostics.map((d) => {
      const from = toOffset(doc, d.range.start);
      const to = Math.max(from, toOffset(doc, d.range.end));
      return {
        from,
        to,
        severity: severity(d),
        source: code(d) || undefined,
        message: d.message,
        actions: fixesFor(actions, d).map((fix) => ({
          name: fix.title,
          apply: () => this.applyFix(fix),
        })),
      };
    });
    this.view.dispatch(setDiagnostics(this.view.state, lint));
  }

  /** Applies a quick fix's edits to the document shown (edits of other documents are returned). */
  applyFix(action: CodeAction): Record<string, TextEdit[]> {
    const others: Record<string, TextEdit[]> = {};
    for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) {
      if (uri !== this.uri) {
        others[uri] = edits;
        continue;
      }
      const doc = this.view.state.doc;
      this.view.dispatch({
        changes: edits.map((e) => ({
          from: toOffset(doc, e.range.start),
          to: toOffset(doc, e.range.end),
          insert: e.newText,
        })),
      });
    }
    return others;
  }

  /** The semantic tokens of the document shown, if the text is still the one they were computed for. */
  highlight(data: number[], types: string[]): void {
    const doc = this.view.state.doc;
    const builder = new RangeSetBuilder<Decoration>();
    let line = 0;
    let character = 0;
    for (let i = 0; i + 4 < data.length; i += 5) {
      const [dLine = 0, dStart = 0, length = 0, type = 0, modifiers = 0] = data.slice(i, i + 5);
      line += dLine;
      character = dLine === 0 ? character + dStart : dStart;
      if (line >= doc.lines) break;
      const from = toOffset(doc, { line, character });
      const to = Math.min(from + length, doc.line(line + 1).to);
      if (to <= from) continue;
      const name = types[type] ?? "other";
      const declaration = (modifiers & 1) !== 0 ? " tok-declaration" : "";
      builder.add(from, to, Decoration.mark({ class: `tok-${name}${declaration}` }));
    }
    this.view.dispatch({ effects: setTokens.of(builder.finish()) });
  }

  /** Puts the cursor on `range`'s start and scrolls it into view. */
  reveal(offset: number): void {
    const at = Math.min(offset, this.view.state.doc.length);
    this.view.dispatch({
      selection: { anchor: at },
      effects: EditorView.scrollIntoView(at, { y: "center" }),
    });
    this.view.focus();
  }

  private async hover(view: EditorView, pos: number) {
    const uri = this.uri;
    this.beforeAsk();
    let answer: Hover | null;
    try {
      answer = await this.session().hover(uri, toPosition(view.state.doc, pos));
    } catch {
      return null;
    }
    const text = hoverText(answer);
    if (!text || uri !== this.uri) return null;
    return {
      pos,
      above: true,
      create: () => ({ dom: markdown(text) }),
    };
  }

  private async complete(context: CompletionContext): Promise<CompletionResult | null> {
    const word = context.matchBefore(/[A-Za-z0-9_-]*/);
    if (!context.explicit && (!word || word.from === word.to)) return null;
    const from = word ? word.from : context.pos;
    this.beforeAsk();
    let answer;
    try {
      answer = await this.session().completion(this.uri, toPosition(context.state.doc, context.pos));
    } catch {
      return null;
    }
    const items = Array.isArray(answer) ? answer : (answer?.items ?? []);
    return {
      from,
      options: items.map((item) => ({
        label: item.label,
        detail: item.detail,
        apply: item.textEdit?.newText ?? item.insertText ?? item.label,
      })),
      validFor: /^[A-Za-z0-9_-]*$/,
    };
  }
}

export function hoverText(answer: Hover | null): string {
  if (!answer) return "";
  const contents = answer.contents;
  if (typeof contents === "string") return contents;
  if (Array.isArray(contents)) return contents.map((c) => (typeof c === "string" ? c : c.value)).join("\n\n");
  return contents.value;
}
