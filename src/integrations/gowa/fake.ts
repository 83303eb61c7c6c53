import { randomBytes } from "node:crypto";
import type {
  GowaCallOptions,
  GowaFailureCode,
  GowaPresenceResult,
  GowaSendResult,
  GowaSender,
} from "./types";

export type FakeSend = {
  kind: "text" | "image" | "video" | "file" | "audio" | "link" | "chat-presence";
  phone: string;
  input: Record<string, unknown>;
  deviceId: string | undefined;
  /** What the fake answered; `messageId` set when it answered sent. */
  result: GowaSendResult | GowaPresenceResult;
};

type Planned =
  | { status: "failed"; code: GowaFailureCode; retryable?: boolean; error?: string }
  | { status: "unknown"; error?: string };

export type FakeGowaSender = GowaSender & {
  /** Every call in order, including the ones told to fail. */
  readonly sends: FakeSend[];
  /** Only the calls that answered sent, for one phone (as passed in). */
  sentTo(phone: string): FakeSend[];
  /** The next `times` calls answer failed with this code. */
  failNext(code: GowaFailureCode, options?: { times?: number; retryable?: boolean }): void;
  /** The next `times` calls answer unknown, as if the request timed out after going out. */
  timeoutNext(options?: { times?: number }): void;
  reset(): void;
};

/** In-memory GowaSender for unit tests and local runs without a gateway. */
export function createFakeGowaSender(options: { deviceId?: string } = {}): FakeGowaSender {
  const sends: FakeSend[] = [];
  let planned: Planned[] = [];

  function answer(): GowaSendResult {
    const next = planned.shift();
    if (!next) return { status: "sent", messageId: `3EB0${randomBytes(8).toString("hex").toUpperCase()}` };
    if (next.status === "unknown") return { status: "unknown", error: next.error ?? "timed out after 10000 ms" };
    return { status: "failed", code: next.code, retryable: next.retryable ?? false, error: next.error ?? `fake ${next.code}` };
  }

  function record(kind: FakeSend["kind"], input: { phone: string }, callOptions?: GowaCallOptions): GowaSendResult {
    const result = answer();
    sends.push({ kind, phone: input.phone, input: { ...input }, deviceId: callOptions?.deviceId ?? options.deviceId, result });
    return result;
  }

  return {
    sends,
    sentTo: (phone) => sends.filter((s) => s.phone === phone && s.result.status === "sent"),
    failNext(code, { times = 1, retryable } = {}) {
      for (let i = 0; i < times; i++) planned.push({ status: "failed", code, retryable });
    },
    timeoutNext({ times = 1 } = {}) {
      for (let i = 0; i < times; i++) planned.push({ status: "unknown" });
    },
    reset() {
      sends.length = 0;
      planned = [];
    },
    sendText: async (input, o) => record("text", input, o),
    sendImage: async (input, o) => record("image", input, o),
    sendVideo: async (input, o) => record("video", input, o),
    sendFile: async (input, o) => record("file", input, o),
    sendAudio: async (input, o) => record("audio", input, o),
    sendLink: async (input, o) => record("link", input, o),
    async sendChatPresence(input, o): Promise<GowaPresenceResult> {
      const result = record("chat-presence", input, o);
      return result.status === "sent" ? { status: "sent" } : result;
    },
  };
}
