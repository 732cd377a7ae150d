// Finding the language server and the options it starts with. Kept free of
// the `vscode` module so that it is unit-tested in plain Node.
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export const DEFAULT_SERVER = "ecospec-lsp";

export interface InitializationOptions {
  allowOutsideImports: boolean;
}

export function initializationOptions(allowOutsideImports: unknown): InitializationOptions {
  return { allowOutsideImports: allowOutsideImports === true };
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    if (process.platform === "win32") return true;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Resolves the `ecospec.server.path` setting to an executable file: a path
 * (absolute, `~/`-relative, or relative to the first workspace folder) is
 * taken as it is; a bare command name (the default `ecospec-lsp`) is looked up
 * on PATH. Returns undefined when there is no such executable.
 */
export function resolveServerPath(
  setting: string | undefined,
  env: NodeJS.ProcessEnv,
  workspaceFolder?: string,
): string | undefined {
  const configured = (setting ?? "").trim() || DEFAULT_SERVER;
  const hasSeparator = configured.includes("/") || configured.includes(path.sep);
  if (hasSeparator) {
    let file = configured;
    if (file === "~" || file.startsWith("~/")) file = path.join(os.homedir(), file.slice(1));
    if (!path.isAbsolute(file)) file = path.resolve(workspaceFolder ?? process.cwd(), file);
    return isExecutableFile(file) ? file : undefined;
  }
  const extensions =
    process.platform === "win32" ? ["", ...(env.PATHEXT ?? ".EXE;.CMD;.BAT").split(";")] : [""];
  for (const dir of (env.PATH ?? "").split(path.delimiter)) {
    if (!dir) continue;
    for (const ext of extensions) {
      const file = path.join(dir, configured + ext);
      if (isExecutableFile(file)) return file;
    }
  }
  return undefined;
}

export function missingServerMessage(setting: string | undefined): string {
  const configured = (setting ?? "").trim();
  const where = configured
    ? `\`${configured}\` (the setting \`ecospec.server.path\`) is not an executable file`
    : `\`${DEFAULT_SERVER}\` was not found on PATH`;
  return (
    `ecospec: the language server cannot start: ${where}. ` +
    `Install it with \`cargo install --path lsp\` from the ecospec repository ` +
    `(or build it with \`cargo build --release -p ecospec-lsp\`), then put it on PATH ` +
    `or set \`ecospec.server.path\` to the binary. Highlighting and snippets work without it.`
  );
}
