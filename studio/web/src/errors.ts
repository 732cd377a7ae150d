// What went wrong, in one sentence for the status line.

export function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
