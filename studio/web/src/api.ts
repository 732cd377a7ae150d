// The studio's HTTP API (the same origin as the page).

export interface Info {
  mode: "trainer" | "participant";
  canSave: boolean;
  rootUri: string;
  name: string;
  version: string;
}

export interface SpecFile {
  path: string;
  text: string;
}

export interface Exercise {
  name: string;
  title: string;
  gap: string;
  fixed: string;
}

async function json<T>(url: string): Promise<T> {
  const response = await fetch(url, { cache: "no-store" });
  if (!response.ok) throw new Error(await refusal(response));
  return (await response.json()) as T;
}

/** The server's one-sentence error, or the status. */
async function refusal(response: Response): Promise<string> {
  try {
    const body = (await response.json()) as { error?: string };
    if (body.error) return body.error;
  } catch {
    // not JSON: the status says it
  }
  return `the studio answered ${response.status} ${response.statusText}`;
}

export const info = () => json<Info>("/api/info");
export const files = async () => (await json<{ files: SpecFile[] }>("/api/files")).files;
export const exercises = async () => (await json<{ exercises: Exercise[] }>("/api/exercises")).exercises;

/** Saves `text` as `path` under the studio's folder; the refusal's sentence if refused. */
export async function save(path: string, text: string): Promise<string | null> {
  const url = "/api/files/" + path.split("/").map(encodeURIComponent).join("/");
  const response = await fetch(url, {
    method: "PUT",
    headers: { "Content-Type": "text/plain; charset=utf-8" },
    body: text,
  });
  return response.ok ? null : refusal(response);
}
