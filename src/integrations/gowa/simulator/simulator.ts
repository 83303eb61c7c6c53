import { randomBytes, timingSafeEqual } from "node:crypto";
import { type Clock, systemClock } from "@/lib/clock";
import { logger } from "@/lib/logger";
import { formatGowaPhone, jidToE164 } from "../jid";
import { signGowaBody } from "../webhook";
import { renderSimulatorPage } from "./page";

/**
 * A stand-in for GOWA: the REST subset our client uses (same paths, auth, envelopes and error
 * codes), `message.ack` webhooks for what it "sent", and inbound patient messages delivered to
 * the webhook signed and retried the way GOWA does. Plus a test API under /sim and a chat page.
 * Everything is in memory; `handle` is a plain fetch-style handler so any server can host it.
 */
export type GowaSimulatorOptions = {
  /** Where webhooks go; null keeps them in memory only. */
  webhookUrl: string | null;
  webhookSecret: string;
  username?: string;
  password?: string;
  /** Device slot id (what `X-Device-Id` names, envelope `session_id`) when a call names none. */
  deviceId?: string;
  /** The WhatsApp account of the device (envelope `device_id`). */
  deviceJid?: string;
  basePath?: string;
  clock?: Clock;
  /** Delays before the delivered and read acks; null sends no acks. */
  ackDelaysMs?: { delivered: number; read: number } | null;
  /** Waits between webhook attempts (GOWA: 1, 2, 4, 8 s). */
  webhookRetryDelaysMs?: number[];
  webhookTimeoutMs?: number;
  fetch?: typeof fetch;
};

export type SimOutboundMessage = {
  id: string;
  /** E.164 when the recipient is a phone; the JID otherwise. */
  phone: string;
  chatJid: string;
  deviceId: string;
  type: "text" | "image" | "video" | "file" | "audio" | "link";
  text: string | null;
  caption: string | null;
  url: string | null;
  replyToId: string | null;
  sentAt: string;
  status: "sent" | "delivered" | "read";
};

export type SimInboundMessage = {
  id: string;
  phone: string;
  chatJid: string;
  deviceId: string;
  body: string;
  repliedToId: string | null;
  quotedBody: string | null;
  receivedAt: string;
  delivery: "pending" | "delivered" | "failed" | "not_configured";
  attempts: number;
};

export type SimInboundInput = { from: string; body: string; replied_to_id?: string; from_name?: string; device_id?: string };

type Fault = { status: number; code: string; message: string; times: number; delayMs: number };

export type GowaSimulator = {
  handle(req: Request): Promise<Response>;
  outbox(phone?: string): SimOutboundMessage[];
  inbox(phone?: string): SimInboundMessage[];
  /** Queues a patient message for the webhook; resolves once GOWA-style delivery finished. */
  sendInbound(input: SimInboundInput): { messageId: string; delivered: Promise<boolean> };
  reset(): void;
  /** Resolves when every webhook delivery started so far has finished. */
  idle(): Promise<void>;
  /** Cancels pending acks and retries. */
  close(): void;
};

const SEND_ROUTES: Record<string, { type: SimOutboundMessage["type"]; url?: string; text?: string }> = {
  "/send/message": { type: "text", text: "message" },
  "/send/image": { type: "image", url: "image_url" },
  "/send/video": { type: "video", url: "video_url" },
  "/send/file": { type: "file", url: "file_url" },
  "/send/audio": { type: "audio", url: "audio_url" },
  "/send/link": { type: "link", url: "link" },
};

export function createGowaSimulator(options: GowaSimulatorOptions): GowaSimulator {
  const clock = options.clock ?? systemClock;
  const fetchImpl = options.fetch ?? fetch;
  const defaultDevice = options.deviceId ?? "sim-device";
  const deviceJid = options.deviceJid ?? "6280000000000@s.whatsapp.net";
  const basePath = (options.basePath ?? "").replace(/\/+$/, "").replace(/^(?=[^/])/, "/");
  const ackDelays = options.ackDelaysMs === undefined ? { delivered: 300, read: 1500 } : options.ackDelaysMs;
  const retryDelays = options.webhookRetryDelaysMs ?? [1000, 2000, 4000, 8000];
  const webhookTimeoutMs = options.webhookTimeoutMs ?? 10_000;
  const expectedAuth =
    options.username !== undefined
      ? Buffer.from(`Basic ${Buffer.from(`${options.username}:${options.password ?? ""}`).toString("base64")}`)
      : null;

  let outbound: SimOutboundMessage[] = [];
  let inbound: SimInboundMessage[] = [];
  let faults: Fault[] = [];
  // Orders the conversation view when inbound and outbound share a timestamp second.
  let sequence = 0;
  const order = new WeakMap<object, number>();
  const inFlight = new Set<Promise<unknown>>();
  const timers = new Map<ReturnType<typeof setTimeout>, () => void>();
  let closed = false;

  const nowIso = () => clock.now().toISOString().replace(/\.\d{3}Z$/, "Z");

  function wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.set(timer, resolve);
    });
  }

  function track<T>(promise: Promise<T>): Promise<T> {
    inFlight.add(promise);
    void promise.finally(() => inFlight.delete(promise));
    return promise;
  }

  /** POSTs one envelope the way GOWA does: signed raw body, retried on non-2xx or network errors. */
  async function deliverWebhook(envelope: Record<string, unknown>, onAttempt?: (attempt: number) => void): Promise<boolean> {
    if (!options.webhookUrl) return false;
    const raw = JSON.stringify(envelope);
    const headers = { "content-type": "application/json", "x-hub-signature-256": signGowaBody(raw, options.webhookSecret) };
    for (let attempt = 0; attempt <= retryDelays.length; attempt++) {
      if (closed) return false;
      onAttempt?.(attempt + 1);
      try {
        const res = await fetchImpl(options.webhookUrl, {
          method: "POST",
          headers,
          body: raw,
          signal: AbortSignal.timeout(webhookTimeoutMs),
        });
        await res.arrayBuffer().catch(() => undefined);
        if (res.ok) return true;
        logger.debug({ event: envelope.event, status: res.status, attempt }, "gowa-sim webhook answered non-2xx");
      } catch {
        logger.debug({ event: envelope.event, attempt }, "gowa-sim webhook unreachable");
      }
      const delay = retryDelays[attempt];
      if (delay !== undefined) await wait(delay);
    }
    logger.warn({ event: envelope.event }, "gowa-sim dropped a webhook after retries, as GOWA does");
    return false;
  }

  function scheduleAcks(message: SimOutboundMessage) {
    if (!ackDelays) return;
    const ack = async (receipt: "delivered" | "read") => {
      if (closed) return;
      message.status = receipt;
      await deliverWebhook({
        event: "message.ack",
        device_id: deviceJid,
        session_id: message.deviceId,
        timestamp: nowIso(),
        payload: {
          ids: [message.id],
          chat_id: message.chatJid,
          from: message.chatJid,
          receipt_type: receipt,
          receipt_type_description:
            receipt === "delivered"
              ? "means the message was delivered to the device (but the user might not have noticed)."
              : "the user opened the chat and saw the message.",
        },
      });
    };
    void track(
      (async () => {
        await wait(ackDelays.delivered);
        await ack("delivered");
        await wait(Math.max(0, ackDelays.read - ackDelays.delivered));
        await ack("read");
      })(),
    );
  }

  function sendInbound(input: SimInboundInput): { messageId: string; delivered: Promise<boolean> } {
    const chatJid = formatGowaPhone(input.from);
    if (!chatJid) throw new Error("from: not an international phone number");
    const repliedTo = input.replied_to_id ? outbound.find((m) => m.id === input.replied_to_id) : undefined;
    const lastDevice = [...outbound].reverse().find((m) => m.chatJid === chatJid)?.deviceId;
    const message: SimInboundMessage = {
      id: generateMessageId(),
      phone: jidToE164(chatJid) ?? chatJid,
      chatJid,
      deviceId: input.device_id ?? lastDevice ?? defaultDevice,
      body: input.body,
      repliedToId: input.replied_to_id ?? null,
      quotedBody: repliedTo ? (repliedTo.text ?? repliedTo.caption) : null,
      receivedAt: nowIso(),
      delivery: options.webhookUrl ? "pending" : "not_configured",
      attempts: 0,
    };
    inbound.push(message);
    order.set(message, ++sequence);
    const payload: Record<string, unknown> = {
      id: message.id,
      timestamp: message.receivedAt,
      is_from_me: false,
      chat_id: chatJid,
      from: chatJid,
      from_name: input.from_name ?? "Simulated patient",
      body: message.body,
    };
    if (message.repliedToId) payload.replied_to_id = message.repliedToId;
    if (message.quotedBody) payload.quoted_body = message.quotedBody;
    const delivered = track(
      deliverWebhook({ event: "message", device_id: deviceJid, session_id: message.deviceId, payload }, (attempt) => {
        message.attempts = attempt;
      }).then((ok) => {
        if (options.webhookUrl) message.delivery = ok ? "delivered" : "failed";
        return ok;
      }),
    );
    return { messageId: message.id, delivered };
  }

  // ------------------------------------------------------------ GOWA REST subset

  async function handleGowa(req: Request, path: string): Promise<Response> {
    if (expectedAuth && !authorised(req.headers.get("authorization"), expectedAuth)) {
      return new Response("Unauthorized", { status: 401, headers: { "www-authenticate": 'Basic realm="Restricted"' } });
    }
    const deviceId = req.headers.get("x-device-id") ?? new URL(req.url).searchParams.get("device_id") ?? defaultDevice;

    if (req.method === "GET" && path === "/app/status") {
      return gowaOk("Connection status", { is_connected: true, is_logged_in: true, device_id: deviceId, jid: deviceJid });
    }
    if (req.method === "GET" && path === "/app/devices") {
      return gowaOk("Fetch device success", [{ name: "CareLoop simulator", device: deviceJid }]);
    }
    if (req.method === "GET" && path === "/user/check") {
      const phone = new URL(req.url).searchParams.get("phone") ?? "";
      if (!formatGowaPhone(phone)) return gowaError(400, "VALIDATION_ERROR", "phone: invalid");
      return gowaOk("Success check user", { is_on_whatsapp: true });
    }
    if (req.method !== "POST") return gowaError(404, "NOT_FOUND", "route not found");

    const route = SEND_ROUTES[path];
    if (!route && path !== "/send/chat-presence") return gowaError(404, "NOT_FOUND", "route not found");
    const body = await readBody(req);
    if (!body) return gowaError(400, "VALIDATION_ERROR", "invalid request body");

    const fault = faults[0];
    if (fault) {
      if (--fault.times <= 0) faults.shift();
      if (fault.delayMs > 0) await wait(fault.delayMs);
      if (fault.status >= 200 && fault.status < 300) {
        // "slow but accepted": fall through after the delay and send for real.
      } else {
        return gowaError(fault.status, fault.code, fault.message);
      }
    }

    const phone = typeof body.phone === "string" ? body.phone.trim() : "";
    if (!phone) return gowaError(400, "VALIDATION_ERROR", "phone: cannot be blank.");
    if (/^\+?0/.test(phone)) return gowaError(400, "VALIDATION_ERROR", "phone: phone number must be in international format, not starting with 0");
    const chatJid = formatGowaPhone(phone);
    if (!chatJid) return gowaError(400, "INVALID_JID", "invalid phone or JID");

    if (!route) {
      const action = body.action;
      if (action !== "start" && action !== "stop") return gowaError(400, "VALIDATION_ERROR", "action: must be start or stop");
      return gowaOk(`Send chat presence ${action} success`, { message_id: "", status: `Chat presence ${action} sent` });
    }

    const text = route.text ? stringOrNull(body[route.text]) : null;
    const url = route.url ? stringOrNull(body[route.url]) : null;
    const caption = stringOrNull(body.caption);
    if (route.text && !text?.trim()) return gowaError(400, "VALIDATION_ERROR", "message: cannot be blank.");
    if (route.url && !url) return gowaError(400, "VALIDATION_ERROR", `${route.url}: cannot be blank.`);
    if (route.type === "link" && !caption) return gowaError(400, "VALIDATION_ERROR", "caption: cannot be blank.");

    const message: SimOutboundMessage = {
      id: generateMessageId(),
      phone: jidToE164(chatJid) ?? chatJid,
      chatJid,
      deviceId,
      type: route.type,
      text,
      caption,
      url,
      replyToId: stringOrNull(body.reply_message_id),
      sentAt: nowIso(),
      status: "sent",
    };
    outbound.push(message);
    order.set(message, ++sequence);
    scheduleAcks(message);
    return gowaOk("Success", { message_id: message.id, status: `Message sent to ${chatJid} (server timestamp: ${message.sentAt})` });
  }

  // ------------------------------------------------------------ test API and page

  async function handleSim(req: Request, url: URL): Promise<Response> {
    const path = url.pathname;
    if (req.method === "POST" && path === "/sim/inbound") {
      const body = await readBody(req);
      const from = typeof body?.from === "string" ? body.from : "";
      const text = typeof body?.body === "string" ? body.body : "";
      if (!formatGowaPhone(from)) return Response.json({ error: "from: an international phone number is required" }, { status: 400 });
      if (!text.trim()) return Response.json({ error: "body: required" }, { status: 400 });
      const { messageId } = sendInbound({
        from,
        body: text,
        replied_to_id: stringOrNull(body?.replied_to_id) ?? undefined,
        from_name: stringOrNull(body?.from_name) ?? undefined,
        device_id: stringOrNull(body?.device_id) ?? undefined,
      });
      return Response.json({ message_id: messageId }, { status: 201 });
    }
    if (req.method === "GET" && path === "/sim/outbox") {
      return Response.json({ messages: outboxFor(url.searchParams.get("phone")) });
    }
    if (req.method === "GET" && path === "/sim/inbox") {
      return Response.json({ messages: inboxFor(url.searchParams.get("phone")) });
    }
    if (req.method === "GET" && path === "/sim/conversation") {
      const phone = url.searchParams.get("phone");
      if (!phone || !formatGowaPhone(phone)) return Response.json({ error: "phone: required" }, { status: 400 });
      const messages = [
        ...outboxFor(phone).map((m) => ({ direction: "out" as const, at: m.sentAt, seq: order.get(m) ?? 0, ...m })),
        ...inboxFor(phone).map((m) => ({ direction: "in" as const, at: m.receivedAt, seq: order.get(m) ?? 0, ...m })),
      ].sort((a, b) => a.seq - b.seq);
      return Response.json({ phone, messages });
    }
    if (req.method === "GET" && path === "/sim/phones") {
      const seen = new Map<string, string>();
      for (const m of outbound) seen.set(m.phone, m.sentAt);
      for (const m of inbound) if ((seen.get(m.phone) ?? "") < m.receivedAt) seen.set(m.phone, m.receivedAt);
      const phones = [...seen.entries()].sort((a, b) => b[1].localeCompare(a[1])).map(([phone]) => phone);
      return Response.json({ phones });
    }
    if (req.method === "POST" && path === "/sim/reset") {
      reset();
      return Response.json({ ok: true });
    }
    if (req.method === "POST" && path === "/sim/fault") {
      const body = await readBody(req);
      const status = Number(body?.status ?? 500);
      faults.push({
        status: Number.isInteger(status) ? status : 500,
        code: stringOrNull(body?.code) ?? "INTERNAL_SERVER_ERROR",
        message: stringOrNull(body?.message) ?? "simulated failure",
        times: Math.max(1, Number(body?.times ?? 1) || 1),
        delayMs: Math.max(0, Number(body?.delay_ms ?? 0) || 0),
      });
      return Response.json({ ok: true, queued: faults.length });
    }
    return Response.json({ error: "not found" }, { status: 404 });
  }

  function outboxFor(phone: string | null): SimOutboundMessage[] {
    if (!phone) return [...outbound];
    const jid = formatGowaPhone(phone);
    return outbound.filter((m) => m.chatJid === jid);
  }

  function inboxFor(phone: string | null): SimInboundMessage[] {
    if (!phone) return [...inbound];
    const jid = formatGowaPhone(phone);
    return inbound.filter((m) => m.chatJid === jid);
  }

  function reset() {
    outbound = [];
    inbound = [];
    faults = [];
  }

  async function handle(req: Request): Promise<Response> {
    try {
      const url = new URL(req.url);
      const path = url.pathname;
      if (req.method === "GET" && (path === "/" || path === "/index.html")) {
        return new Response(renderSimulatorPage(), { headers: { "content-type": "text/html; charset=utf-8" } });
      }
      if (path === "/health") return gowaOk("OK", { status: "ok" });
      if (path.startsWith("/sim/")) return await handleSim(req, url);
      if (basePath && !path.startsWith(`${basePath}/`)) return gowaError(404, "NOT_FOUND", "route not found");
      return await handleGowa(req, path.slice(basePath.length));
    } catch (error) {
      logger.error({ err: error instanceof Error ? error.name : "unknown" }, "gowa-sim request failed");
      return gowaError(500, "INTERNAL_SERVER_ERROR", "simulator error");
    }
  }

  return {
    handle,
    outbox: (phone) => outboxFor(phone ?? null),
    inbox: (phone) => inboxFor(phone ?? null),
    sendInbound,
    reset,
    async idle() {
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
    },
    close() {
      closed = true;
      for (const [timer, resolve] of timers) {
        clearTimeout(timer);
        resolve();
      }
      timers.clear();
    },
  };
}

/** whatsmeow-style ids: `3EB0` and uppercase hex. */
export function generateMessageId(): string {
  return `3EB0${randomBytes(8).toString("hex").toUpperCase()}`;
}

function gowaOk(message: string, results: unknown): Response {
  return Response.json({ code: "SUCCESS", message, results });
}

function gowaError(status: number, code: string, message: string): Response {
  return Response.json({ code, message, results: null }, { status });
}

function authorised(header: string | null, expected: Buffer): boolean {
  const given = Buffer.from(header ?? "");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(req: Request): Promise<Record<string, unknown> | null> {
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const value: unknown = await req.json();
      return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
    }
    if (type.includes("form")) {
      const form = await req.formData();
      const out: Record<string, unknown> = {};
      form.forEach((value, key) => {
        out[key] = typeof value === "string" ? value : `upload:${key}`;
      });
      return out;
    }
    const text = await req.text();
    const value: unknown = text ? JSON.parse(text) : null;
    return value && typeof value === "object" ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function stringOrNull(value: unknown): string | null {
  return typeof value === "string" && value !== "" ? value : null;
}
