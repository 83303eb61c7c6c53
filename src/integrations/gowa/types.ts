/**
 * Our side of the GOWA (WhatsApp gateway) integration: what the app may ask of it and what it
 * answers. Wire formats stay in client.ts and webhook.ts.
 */

/** Stable failure codes of ours, so callers never depend on GOWA's spelling. */
export type GowaFailureCode =
  | "invalid_phone" // rejected locally: not an international number or JID
  | "invalid_request" // GOWA VALIDATION_ERROR (blank message, number starting with 0, ...)
  | "not_on_whatsapp" // GOWA INVALID_JID
  | "device_disconnected" // GOWA AUTHENTICATION_ERROR: the WhatsApp account is logged out
  | "device_id_required" // GOWA DEVICE_ID_REQUIRED
  | "device_not_found" // GOWA DEVICE_NOT_FOUND
  | "gateway_unauthorized" // our basic-auth credentials were refused
  | "rate_limited" // WA_REACHOUT_TIMELOCK still after our retries
  | "gateway_unavailable" // GOWA unreachable or answering 5xx, still after our retries
  | "gateway_rejected"; // any other answered 4xx

/** The request certainly did not result in a WhatsApp message: resending later is safe. */
export type GowaFailed = {
  status: "failed";
  code: GowaFailureCode;
  /** True when the same send may succeed later (throttling, outage, logged-out device). */
  retryable: boolean;
  error: string;
};

/** The request went out and we cannot tell whether WhatsApp got it: never resend blindly. */
export type GowaUnknown = { status: "unknown"; error: string };

export type GowaSendResult = { status: "sent"; messageId: string } | GowaFailed | GowaUnknown;
export type GowaPresenceResult = { status: "sent" } | GowaFailed | GowaUnknown;

/** Per call: each organisation has its own device (GOWA `X-Device-Id`). */
export type GowaCallOptions = { deviceId?: string };

/** `phone` is E.164 (`+6281234567890`), bare international digits, or a WhatsApp JID. */
export type SendTextInput = { phone: string; message: string; replyToId?: string };
export type SendImageInput = { phone: string; imageUrl: string; caption?: string; viewOnce?: boolean; compress?: boolean };
export type SendVideoInput = { phone: string; videoUrl: string; caption?: string };
export type SendFileInput = { phone: string; fileUrl: string; caption?: string };
export type SendAudioInput = { phone: string; audioUrl: string; voiceNote?: boolean };
export type SendLinkInput = { phone: string; link: string; caption: string };
export type SendChatPresenceInput = { phone: string; action: "start" | "stop" };

export interface GowaSender {
  sendText(input: SendTextInput, options?: GowaCallOptions): Promise<GowaSendResult>;
  sendImage(input: SendImageInput, options?: GowaCallOptions): Promise<GowaSendResult>;
  sendVideo(input: SendVideoInput, options?: GowaCallOptions): Promise<GowaSendResult>;
  sendFile(input: SendFileInput, options?: GowaCallOptions): Promise<GowaSendResult>;
  sendAudio(input: SendAudioInput, options?: GowaCallOptions): Promise<GowaSendResult>;
  sendLink(input: SendLinkInput, options?: GowaCallOptions): Promise<GowaSendResult>;
  /** The typing indicator. */
  sendChatPresence(input: SendChatPresenceInput, options?: GowaCallOptions): Promise<GowaPresenceResult>;
}
