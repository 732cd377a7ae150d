// One LSP session of the page: the files the tab has open, kept in step
// with the server (`didOpen` once, then `didChange` with the full text),
// and the requests the page's panels make.

import type {
  CodeAction,
  CompletionItem,
  Diagnostic,
  Explanation,
  Graph,
  Hover,
  Intervention,
  Position,
  Range,
  Scenario,
  SemanticTokens,
  WhatIf,
} from "./protocol";
import { Rpc } from "./rpc";

export interface Published {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

/** The URI of the document at `path` (relative, with `/`) under the folder `rootUri`. */
export function documentUri(rootUri: string, path: string): string {
  return rootUri + path.split("/").map(encodeURIComponent).join("/");
}

export class Session {
  private readonly rpc: Rpc;
  private readonly versions = new Map<string, number>();
  tokenTypes: string[] = [];
  onDiagnostics: (published: Published) => void = () => {};
  onClose: (reason: string) => void = () => {};

  constructor(
    url: string,
    readonly rootUri: string,
  ) {
    this.rpc = new Rpc(url);
    this.rpc.onNotification = (method, params) => {
      if (method === "textDocument/publishDiagnostics") this.onDiagnostics(params as Published);
    };
    this.rpc.onClose = (reason) => this.onClose(reason);
  }

  async start(name: string): Promise<void> {
    await this.rpc.opened;
    const result = await this.rpc.request<{
      capabilities?: { semanticTokensProvider?: { legend?: { tokenTypes?: string[] } } };
    }>("initialize", {
      processId: null,
      clientInfo: { name: "ecospec studio" },
      rootUri: this.rootUri,
      workspaceFolders: [{ uri: this.rootUri, name }],
      capabilities: {
        general: { positionEncodings: ["utf-16"] },
        textDocument: {
          synchronization: { didSave: false },
          publishDiagnostics: { versionSupport: true },
          hover: { contentFormat: ["markdown", "plaintext"] },
          completion: { completionItem: { snippetSupport: false } },
          codeAction: {
            codeActionLiteralSupport: { codeActionKind: { valueSet: ["quickfix"] } },
          },
          semanticTokens: {
            requests: { full: true },
            tokenTypes: [],
            tokenModifiers: [],
            formats: ["relative"],
          },
        },
      },
    });
    this.tokenTypes = result?.capabilities?.semanticTokensProvider?.legend?.tokenTypes ?? [];
    this.rpc.notify("initialized", {});
  }

  version(uri: string): number {
    return this.versions.get(uri) ?? 0;
  }

  open(uri: string, text: string): void {
    this.versions.set(uri, 1);
    this.rpc.notify("textDocument/didOpen", {
      textDocument: { uri, languageId: "ecospec", version: 1, text },
    });
  }

  isOpen(uri: string): boolean {
    return this.versions.has(uri);
  }

  change(uri: string, text: string): number {
    const version = this.version(uri) + 1;
    this.versions.set(uri, version);
    this.rpc.notify("textDocument/didChange", {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
    return version;
  }

  hover(uri: string, position: Position): Promise<Hover | null> {
    return this.rpc.request("textDocument/hover", { textDocument: { uri }, position });
  }

  completion(
    uri: string,
    position: Position,
  ): Promise<CompletionItem[] | { items: CompletionItem[] } | null> {
    return this.rpc.request("textDocument/completion", { textDocument: { uri }, position });
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[]): Promise<CodeAction[] | null> {
    return this.rpc.request("textDocument/codeAction", {
      textDocument: { uri },
      range,
      context: { diagnostics, only: ["quickfix"] },
    });
  }

  semanticTokens(uri: string): Promise<SemanticTokens | null> {
    return this.rpc.request("textDocument/semanticTokens/full", { textDocument: { uri } });
  }

  graph(uri: string, view: string, apply: string | null, scenario: string | null): Promise<Graph> {
    return this.rpc.request("ecospec/graph", {
      folder: this.rootUri,
      textDocument: { uri },
      format: "svg",
      view,
      ...(apply ? { apply } : {}),
      ...(scenario ? { scenario } : {}),
    });
  }

  interventions(uri: string): Promise<{ interventions: Intervention[]; scenarios?: Scenario[] }> {
    return this.rpc.request("ecospec/interventions", { folder: this.rootUri, textDocument: { uri } });
  }

  scenarios(uri: string): Promise<{ scenarios: Scenario[] }> {
    return this.rpc.request("ecospec/scenarios", { folder: this.rootUri, textDocument: { uri } });
  }

  whatIf(uri: string, scenario: string, apply: string | null): Promise<WhatIf> {
    return this.rpc.request("ecospec/whatIf", {
      folder: this.rootUri,
      textDocument: { uri },
      scenario,
      ...(apply ? { apply } : {}),
    });
  }

  explain(code: string): Promise<Explanation> {
    return this.rpc.request("ecospec/explain", { code });
  }
}
