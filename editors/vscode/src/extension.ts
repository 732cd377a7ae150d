import * as vscode from "vscode";
import {
  LanguageClient,
  LanguageClientOptions,
  ServerOptions,
  TransportKind,
} from "vscode-languageclient/node";
import { braceFoldingRanges } from "./folding";
import { MapPanel } from "./mapPanel";
import { initializationOptions, missingServerMessage, resolveServerPath } from "./server";

const LANGUAGE_ID = "ecospec";
let client: LanguageClient | undefined;
let fallbackFolding: vscode.Disposable | undefined;
let outputChannel: vscode.OutputChannel | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  outputChannel = vscode.window.createOutputChannel("ecospec");
  context.subscriptions.push(outputChannel);
  const map = new MapPanel(() => client);
  context.subscriptions.push(
    map,
    vscode.commands.registerCommand("ecospec.restartServer", () => restart()),
    vscode.commands.registerCommand("ecospec.showMap", () => map.show()),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (
        event.affectsConfiguration("ecospec.server.path") ||
        event.affectsConfiguration("ecospec.allowOutsideImports")
      ) {
        void restart();
      }
    }),
    { dispose: () => void stopClient() },
    { dispose: () => disableFallbackFolding() },
  );
  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}

async function restart(): Promise<void> {
  await stopClient();
  await startClient();
}

async function startClient(): Promise<void> {
  const config = vscode.workspace.getConfiguration("ecospec");
  const setting = config.get<string>("server.path");
  const workspaceFolder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  const command = resolveServerPath(setting, process.env, workspaceFolder);
  if (command === undefined) {
    enableFallbackFolding();
    void showServerError(missingServerMessage(setting));
    return;
  }

  const serverOptions: ServerOptions = { command, args: [], transport: TransportKind.stdio };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: LANGUAGE_ID },
      { scheme: "untitled", language: LANGUAGE_ID },
    ],
    initializationOptions: initializationOptions(config.get("allowOutsideImports")),
    outputChannel,
  };
  // The client id "ecospec" makes the client honour the `ecospec.trace.server` setting.
  const newClient = new LanguageClient(LANGUAGE_ID, "ecospec language server", serverOptions, clientOptions);
  try {
    await newClient.start();
    client = newClient;
    disableFallbackFolding();
  } catch (error) {
    enableFallbackFolding();
    const reason = error instanceof Error ? error.message : String(error);
    void showServerError(`ecospec: the language server \`${command}\` failed to start: ${reason}`);
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop().catch(() => undefined);
}

async function showServerError(message: string): Promise<void> {
  const openSettings = "Open Settings";
  const choice = await vscode.window.showErrorMessage(message, openSettings);
  if (choice === openSettings) {
    await vscode.commands.executeCommand("workbench.action.openSettings", "ecospec.server.path");
  }
}

function enableFallbackFolding(): void {
  if (fallbackFolding) return;
  fallbackFolding = vscode.languages.registerFoldingRangeProvider(LANGUAGE_ID, {
    provideFoldingRanges: (document) =>
      braceFoldingRanges(document.getText()).map((fold) => new vscode.FoldingRange(fold.start, fold.end)),
  });
}

function disableFallbackFolding(): void {
  fallbackFolding?.dispose();
  fallbackFolding = undefined;
}
