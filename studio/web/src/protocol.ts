// The parts of the Language Server Protocol and of the studio's own
// requests (the `ecospec/*` methods) that the page reads.

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface Diagnostic {
  range: Range;
  severity?: number;
  code?: string | number;
  source?: string;
  message: string;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface CodeAction {
  title: string;
  kind?: string;
  isPreferred?: boolean;
  diagnostics?: Diagnostic[];
  edit?: { changes?: Record<string, TextEdit[]> };
}

export interface Hover {
  contents: { kind: string; value: string } | string | Array<string | { value: string }>;
}

export interface CompletionItem {
  label: string;
  detail?: string;
  kind?: number;
  insertText?: string;
  textEdit?: TextEdit;
}

export interface SemanticTokens {
  data: number[];
}

export interface GraphFinding {
  element: string;
  code: string;
  lint: string;
  message: string;
  uri: string;
  range: Range;
}

export interface Graph {
  format: string;
  content: string;
  findings: GraphFinding[];
}

export interface Change {
  code: string;
  lint: string;
  level?: string;
  message: string;
  /** An opened finding that is the weaker form of one the intervention closes (the gap ladder). */
  replaces?: { code: string; message: string };
}

export interface Intervention {
  name: string;
  uri?: string;
  range?: Range;
  closes: Change[];
  opens: Change[];
}

export interface Scenario {
  name: string;
  uri?: string;
  range?: Range;
}

export interface Explanation {
  code: string;
  lint?: string;
  text: string;
}

/** The JSON of `ecospec what-if --scenario NAME --format json` (version 1). */
export interface WhatIf {
  applied: string | null;
  scenario: { name: string; label?: string | null };
  bet_on_by: string[];
  removed: Array<{ kind: string; name: string; by: string }>;
  taken_from_rule: Array<{ kind: string; name: string }>;
  activated: string[];
  supporters: Array<{
    kind: string;
    name: string;
    routes: Array<{
      to: string;
      path: null | { from: string; steps: Array<{ bridge: string; to: string; through?: string[] }> };
    }>;
  }>;
  needs: Array<{
    cluster: string;
    role: string;
    needs: Array<{ capability: string; providers: string[]; taken: boolean }>;
  }>;
  opens: Array<{ code: string; lint: string; level: string; message: string; subjects: string[] }>;
}
