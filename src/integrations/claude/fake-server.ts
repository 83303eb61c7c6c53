import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A local stand-in for the Anthropic Messages API (`POST /v1/messages`), speaking the real wire
 * format so the real SDK can be pointed at it through `baseURL`. Tests script each reply and read
 * back what the client sent; `bun run dev` can start one too, with a responder of its own.
 */

export type FakeUsage = {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
};

export type FakeReply =
  /** A tool_use block with this input (any JSON, so tests can send input that fails validation). */
  | { kind: "tool_use"; input: unknown; name?: string; usage?: Partial<FakeUsage>; stopReason?: string }
  /** Text only, no tool call (what a model that ignored tool_choice would send). */
  | { kind: "text"; text: string; usage?: Partial<FakeUsage> }
  /** A tool_use block whose input is not a JSON object, as a truncated or broken call would be. */
  | { kind: "malformed_tool_input"; raw?: string; usage?: Partial<FakeUsage> }
  /** An API error in the documented shape: 429 rate_limit_error, 529 overloaded_error, 5xx api_error. */
  | { kind: "error"; status: 429 | 500 | 503 | 529 | 400 | 401; retryAfterSec?: number; message?: string }
  /** Wait before answering (to trigger client timeouts); `then` defaults to an empty tool call. */
  | { kind: "delay"; ms: number; then?: FakeReply };

export type FakeMessagesBody = {
  model?: string;
  max_tokens?: number;
  system?: string | Array<{ type: string; text?: string; cache_control?: { type: string } | null }>;
  messages?: Array<{ role: string; content: string | Array<{ type: string; text?: string }> }>;
  tools?: Array<{ name: string; description?: string; input_schema?: unknown }>;
  tool_choice?: { type: string; name?: string };
  [key: string]: unknown;
};

export type FakeRequest = {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  /** The key the client authenticated with, from `x-api-key` or `Authorization: Bearer`. */
  apiKey: string | null;
  /** The raw request body, for "was X sent anywhere" assertions. */
  raw: string;
  body: FakeMessagesBody;
};

export type FakeResponder = (request: FakeRequest, index: number) => FakeReply | Promise<FakeReply>;

export type FakeClaude = {
  /** Pass as the SDK's `baseURL`. */
  readonly url: string;
  readonly port: number;
  /** Every request that reached the server, in order, including those answered with errors. */
  readonly requests: FakeRequest[];
  setResponder(respond: FakeResponder): void;
  close(): Promise<void>;
};

export type StartFakeClaudeOptions = {
  respond?: FakeResponder;
  port?: number;
  host?: string;
  /** When set, any other key gets 401 authentication_error. */
  apiKey?: string;
};

const DEFAULT_USAGE: FakeUsage = {
  input_tokens: 180,
  output_tokens: 42,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
};

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  404: "not_found_error",
  429: "rate_limit_error",
  500: "api_error",
  503: "api_error",
  529: "overloaded_error",
};

const ERROR_MESSAGES: Record<string, string> = {
  invalid_request_error: "Invalid request",
  authentication_error: "invalid x-api-key",
  not_found_error: "Not found",
  rate_limit_error: "Number of request tokens has exceeded your per-minute rate limit",
  api_error: "Internal server error",
  overloaded_error: "Overloaded",
};

/** With no responder configured the fake answers text, which callers treat as "no tool call". */
const defaultResponder: FakeResponder = () => ({ kind: "text", text: "The fake Claude server has no responder configured." });

export async function startFakeClaude(options: StartFakeClaudeOptions = {}): Promise<FakeClaude> {
  let respond = options.respond ?? defaultResponder;
  const requests: FakeRequest[] = [];
  let counter = 0;

  const server = createServer((req, res) => {
    void handleRequest(req, res).catch(() => {
      if (!res.headersSent) sendError(res, 500);
      else res.destroy();
    });
  });

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const apiKey = readApiKey(req.headers);
    let body: FakeMessagesBody = {};
    let parsed = true;
    try {
      body = raw ? (JSON.parse(raw) as FakeMessagesBody) : {};
    } catch {
      parsed = false;
    }
    const request: FakeRequest = { method: req.method ?? "GET", path, headers: req.headers, apiKey, raw, body };
    const index = requests.length;
    requests.push(request);

    if (request.method !== "POST" || path !== "/v1/messages") return sendError(res, 404);
    if (!apiKey || (options.apiKey !== undefined && apiKey !== options.apiKey)) return sendError(res, 401);
    if (!parsed || typeof body.model !== "string" || !Array.isArray(body.messages)) return sendError(res, 400);

    let reply = await respond(request, index);
    while (reply.kind === "delay") {
      const waited = await waitUnlessClosed(reply.ms, req, res);
      if (!waited) return; // The client gave up (timeout); nobody is left to answer.
      reply = reply.then ?? { kind: "tool_use", input: {} };
    }
    if (reply.kind === "error") return sendError(res, reply.status, reply.retryAfterSec, reply.message);

    counter += 1;
    const model = body.model;
    const toolName = body.tool_choice?.name ?? body.tools?.[0]?.name ?? "tool";
    const usage = { ...DEFAULT_USAGE, ...(reply.usage ?? {}) };
    const content =
      reply.kind === "text"
        ? [{ type: "text", text: reply.text }]
        : [{
            type: "tool_use",
            id: `toolu_fake_${counter.toString().padStart(6, "0")}`,
            name: reply.kind === "tool_use" ? (reply.name ?? toolName) : toolName,
            input: reply.kind === "tool_use" ? reply.input : (reply.raw ?? '{"intent": "confirm_tak'),
          }];
    const stopReason =
      reply.kind === "text" ? "end_turn" : reply.kind === "tool_use" ? (reply.stopReason ?? "tool_use") : "max_tokens";
    sendJson(res, 200, {
      id: `msg_fake_${counter.toString().padStart(6, "0")}`,
      type: "message",
      role: "assistant",
      model,
      content,
      stop_reason: stopReason,
      stop_sequence: null,
      usage: { ...usage, cache_creation: null, service_tier: "standard", server_tool_use: null, inference_geo: null },
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const { port, address } = server.address() as AddressInfo;
  const host = address.includes(":") ? `[${address}]` : address;

  return {
    url: `http://${host}:${port}`,
    port,
    requests,
    setResponder(next) {
      respond = next;
    },
    close() {
      return new Promise<void>((resolve) => {
        // Delayed replies keep sockets open; drop them so close() does not wait for them.
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}

/** Text of the system prompt blocks of a recorded request, for assertions. */
export function readSystemText(body: FakeMessagesBody): string {
  if (typeof body.system === "string") return body.system;
  return (body.system ?? []).map((block) => block.text ?? "").join("\n");
}

/** Text of the user turns of a recorded request, for assertions. */
export function readUserText(body: FakeMessagesBody): string {
  return (body.messages ?? [])
    .filter((m) => m.role === "user")
    .map((m) => (typeof m.content === "string" ? m.content : m.content.map((c) => c.text ?? "").join("\n")))
    .join("\n");
}

function readApiKey(headers: IncomingHttpHeaders): string | null {
  const direct = headers["x-api-key"];
  if (typeof direct === "string" && direct.trim()) return direct.trim();
  const auth = headers.authorization;
  const match = typeof auth === "string" ? /^Bearer\s+(.+)$/i.exec(auth.trim()) : null;
  return match?.[1] ?? null;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function waitUnlessClosed(ms: number, req: IncomingMessage, res: ServerResponse): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      res.off("close", onClose);
      resolve(!res.destroyed && !req.destroyed);
    }, ms);
    const onClose = () => {
      clearTimeout(timer);
      resolve(false);
    };
    res.once("close", onClose);
  });
}

function sendJson(res: ServerResponse, status: number, payload: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(payload);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(text).toString(),
    "request-id": `req_fake_${Date.now().toString(36)}`,
    ...headers,
  });
  res.end(text);
}

function sendError(res: ServerResponse, status: number, retryAfterSec?: number, message?: string): void {
  const type = ERROR_TYPES[status] ?? "api_error";
  const headers: Record<string, string> = {};
  if (retryAfterSec !== undefined) headers["retry-after"] = String(retryAfterSec);
  sendJson(
    res,
    status,
    { type: "error", error: { type, message: message ?? ERROR_MESSAGES[type] ?? "Error" }, request_id: `req_fake_${Date.now().toString(36)}` },
    headers,
  );
}
