// JSON-RPC 2.0 over one WebSocket: each text message is one message, both
// ways (the studio's bridge adds and removes the LSP framing).

export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export type NotificationHandler = (method: string, params: unknown) => void;

export class Rpc {
  private readonly socket: WebSocket;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;
  onNotification: NotificationHandler = () => {};
  onClose: (reason: string) => void = () => {};
  readonly opened: Promise<void>;

  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.opened = new Promise((resolve, reject) => {
      this.socket.addEventListener("open", () => resolve());
      this.socket.addEventListener("error", () => reject(new Error("the studio's connection failed")));
    });
    this.socket.addEventListener("message", (event) => this.receive(event.data));
    this.socket.addEventListener("close", (event) => {
      this.closed = true;
      const reason = event.reason || `the connection closed (${event.code})`;
      for (const pending of this.pending.values()) pending.reject(new Error(reason));
      this.pending.clear();
      this.onClose(reason);
    });
  }

  request<T>(method: string, params: unknown): Promise<T> {
    if (this.closed) return Promise.reject(new Error("the connection to the studio is closed"));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.send({ jsonrpc: "2.0", id, method, params });
    });
  }

  notify(method: string, params: unknown): void {
    if (!this.closed) this.send({ jsonrpc: "2.0", method, params });
  }

  private send(message: unknown): void {
    this.socket.send(JSON.stringify(message));
  }

  private receive(data: unknown): void {
    if (typeof data !== "string") return;
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(data) as Record<string, unknown>;
    } catch {
      return;
    }
    const id = message.id;
    if (typeof message.method === "string") {
      if (id !== undefined && id !== null) {
        // A request from the server (registerCapability, configuration,
        // progress): the page needs none of them, so it agrees with nothing.
        this.send({ jsonrpc: "2.0", id, result: answerTo(message.method, message.params) });
      } else {
        this.onNotification(message.method, message.params);
      }
      return;
    }
    if (typeof id !== "number") return;
    const pending = this.pending.get(id);
    if (!pending) return;
    this.pending.delete(id);
    const error = message.error as { code?: number; message?: string } | undefined;
    if (error) pending.reject(new RpcError(error.code ?? 0, error.message ?? "the server refused"));
    else pending.resolve(message.result ?? null);
  }
}

function answerTo(method: string, params: unknown): unknown {
  if (method === "workspace/configuration") {
    const items = (params as { items?: unknown[] } | undefined)?.items ?? [];
    return items.map(() => null);
  }
  return null;
}
