import { type Logger, logger as defaultLogger } from "@/lib/logger";
import { basicAuthHeader, formatGowaPhone } from "./jid";
import type {
  GowaCallOptions,
  GowaFailed,
  GowaFailureCode,
  GowaPresenceResult,
  GowaSendResult,
  GowaSender,
  GowaUnknown,
} from "./types";

export type GowaClientConfig = {
  /** e.g. `http://gowa:3000` */
  baseUrl: string;
  /** GOWA's APP_BASE_PATH, e.g. `/gowa`. */
  basePath?: string;
  username?: string;
  password?: string;
  /** Default X-Device-Id (the organisation's device); a call may override it. */
  deviceId?: string;
  /** Per attempt. GOWA itself gives up at 45 s; past ours the outcome is unknown. */
  timeoutMs?: number;
  /** Extra attempts for failures that certainly did not send. */
  maxRetries?: number;
  /** First backoff; doubles each retry, capped by maxBackoffMs. */
  backoffMs?: number;
  maxBackoffMs?: number;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  logger?: Logger;
};

type GowaEnvelope = { code?: unknown; message?: unknown; results?: unknown };
type Answered = { ok: true; results: Record<string, unknown> };
/** One attempt's verdict: done, or safe to try again (with what to report if we stop). */
type AttemptOutcome = Answered | GowaFailed | GowaUnknown | { retry: GowaFailed; retryAfterMs?: number };

// Connection errors raised before any byte of the request left: nothing can have been sent.
const NOT_CONNECTED_CODES = new Set([
  "ECONNREFUSED", "ConnectionRefused", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH",
  "FailedToOpenSocket", "UND_ERR_CONNECT_TIMEOUT",
]);

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createGowaClient(config: GowaClientConfig): GowaSender {
  const fetchImpl = config.fetch ?? fetch;
  const sleep = config.sleep ?? defaultSleep;
  const log = config.logger ?? defaultLogger;
  const timeoutMs = config.timeoutMs ?? 10_000;
  const maxRetries = config.maxRetries ?? 3;
  const backoffMs = config.backoffMs ?? 1_000;
  const maxBackoffMs = config.maxBackoffMs ?? 30_000;
  const root = config.baseUrl.replace(/\/+$/, "") + normaliseBasePath(config.basePath);
  const authorization = basicAuthHeader(config.username, config.password);

  async function attemptOnce(path: string, body: unknown, deviceId: string | undefined): Promise<AttemptOutcome> {
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json" };
    if (authorization) headers.authorization = authorization;
    if (deviceId) headers["x-device-id"] = deviceId;
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
    try {
      let response: Response;
      try {
        response = await fetchImpl(root + path, {
          method: "POST",
          headers,
          body: JSON.stringify(body),
          signal: controller.signal,
        });
      } catch (error) {
        if (isNotConnected(error)) {
          return { retry: failed("gateway_unavailable", true, `GOWA unreachable: ${describe(error)}`) };
        }
        const reason = controller.signal.aborted ? `timed out after ${timeoutMs} ms` : describe(error);
        return { status: "unknown", error: `no answer from GOWA (${reason})` };
      }
      let text: string;
      try {
        text = await response.text();
      } catch (error) {
        // The server answered but the body was lost; for a 2xx it may carry the only message id.
        if (response.ok) return { status: "unknown", error: `GOWA answer lost (${describe(error)})` };
        text = "";
      }
      return classifyResponse(response, text);
    } finally {
      clearTimeout(timer);
    }
  }

  async function post(path: string, body: unknown, options?: GowaCallOptions): Promise<Answered | GowaFailed | GowaUnknown> {
    const deviceId = options?.deviceId ?? config.deviceId;
    for (let attempt = 0; ; attempt++) {
      const outcome = await attemptOnce(path, body, deviceId);
      if (!("retry" in outcome)) {
        if ("status" in outcome) {
          const code = outcome.status === "failed" ? outcome.code : "unknown";
          log.warn({ gowaPath: path, deviceId, outcome: outcome.status, code, attempt }, "gowa call did not send");
        }
        return outcome;
      }
      if (attempt >= maxRetries) {
        log.warn({ gowaPath: path, deviceId, code: outcome.retry.code, attempt }, "gowa call gave up after retries");
        return outcome.retry;
      }
      const delay = Math.min(maxBackoffMs, Math.max(backoffMs * 2 ** attempt, outcome.retryAfterMs ?? 0));
      log.info({ gowaPath: path, deviceId, code: outcome.retry.code, attempt, delayMs: delay }, "gowa call retrying");
      await sleep(delay);
    }
  }

  async function send(path: string, phone: string, body: Record<string, unknown>, options?: GowaCallOptions): Promise<GowaSendResult> {
    const jid = formatGowaPhone(phone);
    if (!jid) return failed("invalid_phone", false, "phone is not an international number or WhatsApp id");
    const outcome = await post(path, { phone: jid, ...withoutUndefined(body) }, options);
    if (!("ok" in outcome)) return outcome;
    const messageId = outcome.results.message_id;
    if (typeof messageId !== "string" || messageId === "") {
      // Accepted, but without an id we cannot track it: treat like an unknown outcome.
      return { status: "unknown", error: "GOWA answered success without a message_id" };
    }
    return { status: "sent", messageId };
  }

  return {
    sendText: ({ phone, message, replyToId }, options) =>
      send("/send/message", phone, { message, reply_message_id: replyToId }, options),
    sendImage: ({ phone, imageUrl, caption, viewOnce, compress }, options) =>
      send("/send/image", phone, { image_url: imageUrl, caption, view_once: viewOnce, compress }, options),
    sendVideo: ({ phone, videoUrl, caption }, options) =>
      send("/send/video", phone, { video_url: videoUrl, caption }, options),
    sendFile: ({ phone, fileUrl, caption }, options) =>
      send("/send/file", phone, { file_url: fileUrl, caption }, options),
    sendAudio: ({ phone, audioUrl, voiceNote }, options) =>
      send("/send/audio", phone, { audio_url: audioUrl, ptt: voiceNote }, options),
    sendLink: ({ phone, link, caption }, options) => send("/send/link", phone, { link, caption }, options),
    async sendChatPresence({ phone, action }, options): Promise<GowaPresenceResult> {
      const jid = formatGowaPhone(phone);
      if (!jid) return failed("invalid_phone", false, "phone is not an international number or WhatsApp id");
      const outcome = await post("/send/chat-presence", { phone: jid, action }, options);
      return "ok" in outcome ? { status: "sent" } : outcome;
    },
  };
}

/** Maps one HTTP answer from GOWA (per gowa.md) to sent / failed / unknown / retry. */
function classifyResponse(response: Response, text: string): AttemptOutcome {
  const envelope = parseEnvelope(text);
  const gowaCode = typeof envelope?.code === "string" ? envelope.code : undefined;
  const detail = [gowaCode, typeof envelope?.message === "string" ? envelope.message : undefined]
    .filter(Boolean)
    .join(": ");
  const why = `GOWA ${response.status}${detail ? ` ${detail}` : ""}`;
  const status = response.status;

  if (status >= 200 && status < 300) {
    if (!envelope) return { status: "unknown", error: `GOWA ${status} with an unreadable body` };
    const results = envelope.results;
    return { ok: true, results: results && typeof results === "object" ? (results as Record<string, unknown>) : {} };
  }
  if (status === 401) {
    // With JSON it is the WhatsApp session; without, it is basic auth (GOWA sends no JSON then).
    return gowaCode === "AUTHENTICATION_ERROR"
      ? failed("device_disconnected", true, why)
      : failed("gateway_unauthorized", false, why);
  }
  if (status === 429) {
    return { retry: failed("rate_limited", true, why), retryAfterMs: retryAfterMs(response) };
  }
  // 408 CONTEXT_ERROR and 504 GATEWAY_TIMEOUT: GOWA gave up waiting, WhatsApp may still have it.
  if (status === 408 || status === 504) return { status: "unknown", error: why };
  if (status >= 500) return { retry: failed("gateway_unavailable", true, why), retryAfterMs: retryAfterMs(response) };
  if (gowaCode === "INVALID_JID") return failed("not_on_whatsapp", false, why);
  if (gowaCode === "DEVICE_ID_REQUIRED") return failed("device_id_required", false, why);
  if (gowaCode === "DEVICE_NOT_FOUND") return failed("device_not_found", false, why);
  if (gowaCode === "VALIDATION_ERROR" || status === 400) return failed("invalid_request", false, why);
  return failed("gateway_rejected", false, why);
}

function failed(code: GowaFailureCode, retryable: boolean, error: string): GowaFailed {
  return { status: "failed", code, retryable, error };
}

function parseEnvelope(text: string): GowaEnvelope | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" ? (value as GowaEnvelope) : null;
  } catch {
    return null;
  }
}

function retryAfterMs(response: Response): number | undefined {
  const header = response.headers.get("retry-after");
  const seconds = header ? Number(header) : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}

/** Node (undici) nests the socket error in `cause`, sometimes as an AggregateError; Bun sets `code`. */
function isNotConnected(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const candidate = e as { code?: unknown; errors?: unknown; cause?: unknown };
    if (typeof candidate.code === "string" && NOT_CONNECTED_CODES.has(candidate.code)) return true;
    if (Array.isArray(candidate.errors) && candidate.errors.length > 0) {
      return candidate.errors.every((inner) => isNotConnected(inner));
    }
    e = candidate.cause;
  }
  return false;
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: unknown } }).cause;
    const code = (error as { code?: unknown }).code ?? cause?.code;
    return typeof code === "string" ? `${error.message} (${code})` : error.message;
  }
  return String(error);
}

function normaliseBasePath(basePath: string | undefined): string {
  const trimmed = (basePath ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}` : "";
}

function withoutUndefined(body: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== undefined));
}
