// "ecospec: Show ecosystem map": a webview beside the spec with the SVG the
// language server draws (`ecospec/graph`, the same drawing as `ecospec graph
// --format svg`), drawn again when an ecospec file is saved; a click on a
// finding (in the list, or on the element of the drawing that shows it)
// reveals where it is written. The page itself is built in `map.ts`.
import { randomBytes } from "node:crypto";
import * as vscode from "vscode";
import { LanguageClient } from "vscode-languageclient/node";
import { GraphResult, View, makeNonce, mapHtml, parseMessage } from "./map";

const REQUEST = "ecospec/graph";

export class MapPanel {
  private panel: vscode.WebviewPanel | undefined;
  private document: vscode.Uri | undefined;
  private column: vscode.ViewColumn | undefined;
  private view: View = "clusters";
  private findings: GraphResult["findings"] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly client: () => LanguageClient | undefined) {
    this.disposables.push(
      vscode.workspace.onDidSaveTextDocument((saved) => {
        if (this.panel && saved.languageId === "ecospec") void this.refresh();
      }),
    );
  }

  /** Opens (or brings forward) the map of the active spec's ecosystem. */
  async show(): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document.languageId !== "ecospec") {
      void vscode.window.showInformationMessage("ecospec: open an .eco file to show its ecosystem map.");
      return;
    }
    this.document = editor.document.uri;
    this.column = editor.viewColumn;
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(
        "ecospec.map",
        "Ecosystem map",
        { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true },
        { enableScripts: true, localResourceRoots: [] },
      );
      this.panel.onDidDispose(() => (this.panel = undefined), null, this.disposables);
      this.panel.webview.onDidReceiveMessage((message) => void this.receive(message), null, this.disposables);
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    await this.refresh();
  }

  private async refresh(): Promise<void> {
    const panel = this.panel;
    const document = this.document;
    if (!panel || !document) return;
    const client = this.client();
    let graph: GraphResult | { error: string };
    if (!client) {
      graph = { error: "The ecospec language server is not running (see the setting ecospec.server.path)." };
    } else {
      try {
        graph = await client.sendRequest<GraphResult>(REQUEST, {
          textDocument: { uri: document.toString() },
          format: "svg",
          view: this.view,
        });
      } catch (error) {
        graph = { error: error instanceof Error ? error.message : String(error) };
      }
    }
    this.findings = "error" in graph ? [] : graph.findings;
    const nonce = makeNonce(randomBytes);
    panel.webview.html = mapHtml({ nonce, view: this.view, graph });
  }

  private async receive(raw: unknown): Promise<void> {
    const message = parseMessage(raw, this.findings.length);
    if (!message) return;
    if (message.type === "view") {
      this.view = message.view;
      await this.refresh();
      return;
    }
    const finding = this.findings[message.index];
    const { start, end } = finding.range;
    const range = new vscode.Range(start.line, start.character, end.line, end.character);
    await vscode.window.showTextDocument(vscode.Uri.parse(finding.uri), {
      viewColumn: this.column ?? vscode.ViewColumn.One,
      selection: range,
    });
  }

  dispose(): void {
    this.panel?.dispose();
    for (const d of this.disposables) d.dispose();
  }
}
