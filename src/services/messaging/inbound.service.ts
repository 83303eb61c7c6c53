import type { RateLimiterAbstract } from "rate-limiter-flexible";
import type { Message, Organisation, Patient } from "@/db/schema";
import { jidToE164 } from "@/integrations/gowa/jid";
import type { GowaMediaFetcher } from "@/integrations/gowa/media";
import type { ObjectStorage } from "@/integrations/storage/types";
import type { GowaContent, GowaEvent, GowaMessageEvent } from "@/integrations/gowa/webhook";
import { logger } from "@/lib/logger";
import { insertAuditEntry } from "../audit/audit.repository";
import { openEscalation } from "../escalation/escalation.repository";
import { findOrganisationByDevice } from "../organisation/organisation.repository";
import { findPatientById, findPatientByPhone, updatePatient } from "../patient/patient.repository";
import { findDeliveryByExternalId } from "../reminder/reminder.repository";
import { recordVerificationAnswer } from "../patient/verification.service";
import { CONFIRMING_REACTIONS, findRepliedDelivery, recordReminderAnswer } from "../reminder/confirmation.service";
import { alertPharmacistOnDuty } from "../escalation/alert.service";
import { answerFollowUp } from "../consultation/follow-up.service";
import { pickCondition } from "../triage/condition-picker";
import { closeTriage, continueTriage, startTriage } from "../triage/triage-dialog.service";
import { findActiveTriage } from "../triage/triage.repository";
import { detectEmergency, detectOptOut } from "./classifier/safety";
import type { Classification, ClassifyContext, Classifier, Language } from "./classifier/types";
import * as messagesRepo from "./messages.repository";
import { type OutboundCtx, sendText } from "./outbound.service";
import { replies } from "./replies";
import { claimUnknownSenderReply } from "./unknown-sender.repository";

export type InboundCtx = OutboundCtx & {
  classifier: Classifier;
  inboundLimiter: RateLimiterAbstract;
  storage: ObjectStorage;
  gowaMedia: GowaMediaFetcher;
};

/** One inbound patient message on its way through the pipeline. */
type Inbound = { org: Organisation; patient: Patient; message: Message; text: string | null };

/** Applies one verified GOWA event. Safe to run twice for the same event (a retried inbox row). */
export async function handleGowaEvent(ctx: InboundCtx, event: GowaEvent, inboxId: number): Promise<void> {
  if (event.kind === "ignored") return;
  const org = await findOrganisationByDevice(ctx.db, {
    deviceIds: [event.sessionId, event.deviceId].filter((d): d is string => Boolean(d)),
  });
  if (!org && event.kind === "message.ack") {
    // GOWA leaves session_id off receipts: find the organisations by the messages they name
    return applyReceiptsByMessageId(ctx, event.messageIds, event.receipt, event.timestamp ?? ctx.clock.now());
  }
  if (!org) {
    logger.warn({ inboxId, event: event.kind }, "webhook from a device no organisation owns");
    return;
  }
  const at = ("timestamp" in event && event.timestamp) || ctx.clock.now();
  switch (event.kind) {
    case "message":
      return handleMessage(ctx, org, event, inboxId);
    case "message.ack":
      if (event.receipt === "delivered" || event.receipt === "read") {
        await messagesRepo.applyReceipt(ctx.db, { orgId: org.id, externalIds: event.messageIds, status: event.receipt, at });
      }
      return;
    case "message.revoked":
      return messagesRepo.markRevoked(ctx.db, { orgId: org.id, externalId: event.revokedMessageId, at });
    case "message.edited":
      await messagesRepo.markEdited(ctx.db, { orgId: org.id, externalId: event.originalMessageId, body: event.text, at });
      return escalateEditedEmergency(ctx, org, event.originalMessageId, event.text);
    case "message.reaction":
      await messagesRepo.setReaction(ctx.db, { orgId: org.id, externalId: event.reactedMessageId, reaction: event.reaction });
      return confirmByReaction(ctx, org, event.reactedMessageId, event.reaction);
  }
}

/** A 👍 on a reminder confirms that very delivery. */
async function confirmByReaction(ctx: InboundCtx, org: Organisation, reactedMessageId: string, reaction: string | null) {
  if (!reaction || !CONFIRMING_REACTIONS.has(reaction)) return;
  const delivery = await findDeliveryByExternalId(ctx.db, { orgId: org.id, externalId: reactedMessageId });
  if (!delivery || delivery.confirmation === "confirmed") return;
  const patient = await findPatientById(ctx.db, { orgId: org.id, id: delivery.patientId });
  if (patient) await recordReminderAnswer(ctx, { org, patient, delivery, outcome: "confirmed" });
}

async function applyReceiptsByMessageId(ctx: InboundCtx, externalIds: string[], receipt: string, at: Date): Promise<void> {
  if (receipt !== "delivered" && receipt !== "read") return;
  for (const orgId of await messagesRepo.findOrgIdsOfOutbound(ctx.db, { externalIds })) {
    await messagesRepo.applyReceipt(ctx.db, { orgId, externalIds, status: receipt, at });
  }
}

export function contentText(content: GowaContent): string | null {
  if (content.type === "text") return content.text.trim() || null;
  if (content.type === "other") return content.text?.trim() || null;
  return content.caption?.trim() || null;
}

async function handleMessage(ctx: InboundCtx, org: Organisation, event: GowaMessageEvent, inboxId: number): Promise<void> {
  if (event.isGroup) return;
  const text = contentText(event.content);
  const media =
    event.content.type !== "text" && event.content.type !== "other" && event.content.media
      ? { path: event.content.media.path, url: event.content.media.url, storedKey: null }
      : null;
  const counterpart = event.fromMe ? jidToE164(event.chatId) : (event.from.phone ?? jidToE164(event.chatId));
  // a linked id (@lid) with no phone: keep the JID so staff still see the thread
  const phone = counterpart ?? (event.fromMe ? event.chatId : event.from.jid);
  const patient = counterpart ? await findPatientByPhone(ctx.db, { orgId: org.id, phone: counterpart }) : undefined;
  const { message, created } = await messagesRepo.upsertInboundMessage(ctx.db, {
    orgId: org.id,
    patientId: patient?.id ?? null,
    phone,
    // typed by staff on the clinic's phone: part of the thread, nothing to answer
    direction: event.fromMe ? "outbound" : "inbound",
    purpose: event.fromMe ? "phone" : "patient",
    type: event.content.type,
    body: text,
    media,
    externalId: event.id,
    replyToExternalId: event.replyTo?.messageId ?? null,
    status: event.fromMe ? "sent" : "received",
    inboxId,
    sentAt: event.fromMe ? (event.timestamp ?? ctx.clock.now()) : null,
  });
  if (media?.path && !message.media?.storedKey) await keepMedia(ctx, org, message, media.path);
  if (event.fromMe) return;
  if (!created && message.intent) return; // fully handled before a crash or redelivery
  if (!patient) return answerUnknownSender(ctx, org, message);
  await runPipeline(ctx, { org, patient, message, text });
}

/**
 * Copies a media file from GOWA into our storage (GOWA may clean its folder). A failure keeps
 * GOWA's path on the message and does not stop the pipeline: the text matters more than the file.
 */
async function keepMedia(ctx: InboundCtx, org: Organisation, message: Message, mediaPath: string): Promise<void> {
  try {
    const file = await ctx.gowaMedia(mediaPath);
    if (!file) return;
    const extension = /\.[A-Za-z0-9]{1,5}$/.exec(mediaPath)?.[0] ?? "";
    const storedKey = `${org.id}/${message.id}${extension}`;
    await ctx.storage.put(storedKey, file.data, file.contentType);
    const media = { path: mediaPath, url: message.media?.url ?? null, storedKey, mime: file.contentType };
    await messagesRepo.updateMessage(ctx.db, { orgId: org.id, id: message.id, values: { media } });
    message.media = media;
  } catch (error) {
    logger.warn({ messageId: message.id, err: error instanceof Error ? error.name : "unknown" }, "could not keep media");
  }
}

/**
 * The pipeline, in order. Opt-out is applied before anything else; an emergency is answered and
 * escalated regardless of every later step (and even right after an opt-out).
 */
async function runPipeline(ctx: InboundCtx, m: Inbound): Promise<void> {
  const optOut = m.text ? detectOptOut(m.text) : null;
  const emergency = m.text ? detectEmergency(m.text) : { emergency: false, signs: [] };
  const dialog = await findActiveTriage(ctx.db, { orgId: m.org.id, patientId: m.patient.id });
  if (optOut === "stop") await unsubscribe(ctx, m);
  if (emergency.emergency) {
    if (dialog) await closeTriage(ctx, dialog, "escalated");
    return escalateEmergency(ctx, m, emergency.signs, "rules");
  }
  if (optOut === "stop") {
    if (dialog) await closeTriage(ctx, dialog, "stopped");
    return recordIntent(ctx, m, { intent: "unsubscribe", confidence: 1, source: "rules" });
  }
  if (optOut === "start") return resubscribe(ctx, m);
  if (m.patient.unsubscribedAt) return; // stored for staff, never answered
  if (!m.text) return handOff(ctx, m, "handoff", "media");
  if (dialog && !m.patient.automationPausedAt) {
    // an answer in the triage dialog: one question, one answer, so no rate limit applies
    await recordIntent(ctx, m, { intent: "symptom_report", confidence: 1, source: "rules" });
    return continueTriage(ctx, { ...m, text: m.text }, dialog);
  }
  if (!(await withinRateLimit(ctx, m))) return;
  const context = await conversationContext(ctx, m);
  if (context === "verification" && m.patient.verificationStatus !== "VERIFIED") return answerVerification(ctx, m);
  if (m.patient.automationPausedAt) return; // a person on staff has this conversation
  if (await answerFollowUp(ctx, { ...m, text: m.text })) return;
  const classification = await ctx.classifier.classify({ text: m.text, context });
  await recordIntent(ctx, m, classification);
  await answerReminder(ctx, m, classification);
  await act(ctx, m, classification);
}

/**
 * A reply to a reminder confirms it (or says not yet), whether that is the message's main
 * meaning or a secondary one: "sudah, tapi mual terus" confirms and reports a symptom.
 */
async function answerReminder(ctx: InboundCtx, m: Inbound, c: Classification): Promise<void> {
  const intents = [c.intent, ...c.secondary];
  const outcome = intents.includes("confirm_taken") ? "confirmed" : intents.includes("confirm_not_taken") ? "not_taken" : null;
  if (!outcome) return;
  const delivery = await findRepliedDelivery(ctx, { orgId: m.org.id, patientId: m.patient.id, replyToExternalId: m.message.replyToExternalId });
  if (delivery) await recordReminderAnswer(ctx, { org: m.org, patient: m.patient, delivery, outcome, messageId: m.message.id });
}

async function act(ctx: InboundCtx, m: Inbound, c: Classification): Promise<void> {
  const lang = m.patient.language;
  switch (c.intent) {
    case "emergency":
      return escalateEmergency(ctx, m, [], c.source);
    case "unsubscribe":
      return unsubscribe(ctx, m);
    case "symptom_report":
      // a Pharmacy First condition starts the triage dialog; anything else, the list to choose from
      await startTriage(ctx, { ...m, text: m.text ?? "" }, m.text ? pickCondition(m.text) : null);
      return;
    case "question":
      if (c.answer) return reply(ctx, m, "answer", c.answer);
      return handOff(ctx, m, "question", "question");
    case "confirm_taken":
      return reply(ctx, m, "ack", replies.confirmed(lang));
    case "confirm_not_taken":
      return reply(ctx, m, "ack", replies.notTaken(lang));
    case "unclear":
      return reply(ctx, m, "help", replies.unclear(lang));
    default:
      return; // acknowledgements and stray yes/no need no answer
  }
}

async function answerVerification(ctx: InboundCtx, m: Inbound): Promise<void> {
  const c = await ctx.classifier.classify({ text: m.text ?? "", context: "verification" });
  await recordIntent(ctx, m, c);
  const lang = m.patient.language;
  if (c.intent === "verification_accept" || c.intent === "confirm_taken") {
    await recordVerificationAnswer(ctx, m.org, m.patient, true);
    return reply(ctx, m, "verification_result", replies.verificationAccepted(lang));
  }
  if (c.intent === "verification_decline" || c.intent === "confirm_not_taken") {
    await recordVerificationAnswer(ctx, m.org, m.patient, false);
    return reply(ctx, m, "verification_result", replies.verificationDeclined(lang));
  }
  if (c.intent === "emergency") return escalateEmergency(ctx, m, [], c.source);
  if (c.intent === "question" || c.intent === "symptom_report") return handOff(ctx, m, c.intent === "question" ? "question" : "symptom", c.intent);
  return reply(ctx, m, "verification_retry", replies.verificationAskAgain(lang));
}

async function escalateEmergency(ctx: InboundCtx, m: Inbound, signs: string[], source: "rules" | "claude"): Promise<void> {
  const { escalation, created } = await openEscalation(ctx.db, { orgId: m.org.id, patientId: m.patient.id, messageId: m.message.id, kind: "emergency", signs });
  await recordIntent(ctx, m, { intent: "emergency", confidence: 1, source });
  // the patient first, then the pharmacist on duty; no AI call on this path
  await reply(ctx, m, "emergency", replies.emergency(m.patient.language, { number: m.org.emergencyNumber }));
  if (created) await alertPharmacistOnDuty(ctx, { org: m.org, patient: m.patient, escalation, summary: `signs: ${signs.join(", ") || "reported by the classifier"}` });
  logger.warn({ orgId: m.org.id, patientId: m.patient.id, escalation: "emergency", signs }, "emergency escalated");
}

/** An edit that turns a message into an emergency is escalated like a new one. */
async function escalateEditedEmergency(ctx: InboundCtx, org: Organisation, externalId: string, text: string | null) {
  const found = text ? detectEmergency(text) : null;
  if (!found?.emergency) return;
  const message = await messagesRepo.findMessageByExternalId(ctx.db, { orgId: org.id, externalId });
  if (!message?.patientId || message.direction !== "inbound") return;
  const patient = await findPatientByPhone(ctx.db, { orgId: org.id, phone: message.phone });
  if (patient) await escalateEmergency(ctx, { org, patient, message, text }, found.signs, "rules");
}

/** Hands the conversation to staff: automatic replies pause for this patient until they resolve it. */
async function handOff(ctx: InboundCtx, m: Inbound, kind: "question" | "symptom" | "handoff", reason: string, text?: string) {
  await openEscalation(ctx.db, { orgId: m.org.id, patientId: m.patient.id, messageId: m.message.id, kind, signs: [reason], assignedToId: m.patient.assignedVolunteerId });
  if (!m.patient.automationPausedAt) {
    await ctx.db.transaction(async (tx) => {
      await updatePatient(tx, { orgId: m.org.id, id: m.patient.id, values: { automationPausedAt: ctx.clock.now() } });
      await insertAuditEntry(tx, { orgId: m.org.id, actorId: null, actorType: "system", action: "patient.automation_paused", entityType: "patient", entityId: m.patient.id, metadata: { reason } });
    });
  }
  await reply(ctx, m, "handoff", text ?? replies.handedOver(m.patient.language));
}

async function unsubscribe(ctx: InboundCtx, m: Inbound): Promise<void> {
  if (!m.patient.unsubscribedAt) {
    await ctx.db.transaction(async (tx) => {
      await updatePatient(tx, { orgId: m.org.id, id: m.patient.id, values: { unsubscribedAt: ctx.clock.now() } });
      await insertAuditEntry(tx, { orgId: m.org.id, actorId: m.patient.id, actorType: "patient", action: "patient.unsubscribed", entityType: "patient", entityId: m.patient.id });
    });
    // confirmed once: a second STOP finds the patient already unsubscribed and gets no message
    await reply(ctx, m, "unsubscribed", replies.unsubscribed(m.patient.language));
  }
}

async function resubscribe(ctx: InboundCtx, m: Inbound): Promise<void> {
  await recordIntent(ctx, m, { intent: "acknowledgement", confidence: 1, source: "rules" });
  if (!m.patient.unsubscribedAt) return;
  await ctx.db.transaction(async (tx) => {
    await updatePatient(tx, { orgId: m.org.id, id: m.patient.id, values: { unsubscribedAt: null } });
    await insertAuditEntry(tx, { orgId: m.org.id, actorId: m.patient.id, actorType: "patient", action: "patient.resubscribed", entityType: "patient", entityId: m.patient.id });
  });
  await reply(ctx, m, "resubscribed", replies.resubscribed(m.patient.language));
}

async function answerUnknownSender(ctx: InboundCtx, org: Organisation, message: Message): Promise<void> {
  // one a day per number: claimUnknownSenderReply only says yes when the last was a day ago
  if (message.phone.includes("@")) return; // no number to answer
  if (!(await claimUnknownSenderReply(ctx.db, { orgId: org.id, phone: message.phone, now: ctx.clock.now() }))) return;
  const lang: Language = org.language;
  await sendText(ctx, { org, patientId: null, phone: message.phone, purpose: "unknown_sender", text: replies.unknownSender(lang), dedupeKey: `unknown:${message.id}` });
}

async function withinRateLimit(ctx: InboundCtx, m: Inbound): Promise<boolean> {
  try {
    await ctx.inboundLimiter.consume(`${m.org.id}:${m.patient.id}`);
    return true;
  } catch (rejection) {
    if (rejection instanceof Error) {
      // the limiter's store is down: answering is safer than going silent
      logger.warn({ err: rejection.name }, "inbound rate limiter unavailable");
      return true;
    }
    return false; // over the limit: stored, not answered
  }
}

async function conversationContext(ctx: InboundCtx, m: Inbound): Promise<ClassifyContext> {
  const last = await messagesRepo.findLastOutboundPurpose(ctx.db, { orgId: m.org.id, phone: m.message.phone, before: m.message.createdAt });
  if (!last) return m.patient.verificationStatus === "PENDING" ? "verification" : "none";
  if (last.purpose === "verification" || last.purpose === "verification_retry") return "verification";
  if (last.purpose === "reminder" || last.purpose === "nudge") return "reminder";
  return "none";
}

async function recordIntent(
  ctx: InboundCtx,
  m: Inbound,
  c: Pick<Classification, "intent" | "confidence" | "source"> & { secondary?: string[]; usage?: Classification["usage"] },
) {
  return messagesRepo.updateMessage(ctx.db, {
    orgId: m.org.id,
    id: m.message.id,
    values: {
      intent: c.intent,
      intentSource: c.source,
      intentConfidence: c.confidence,
      secondaryIntents: c.secondary ?? [],
      ...(c.usage ? { aiUsage: c.usage } : {}),
    },
  });
}

async function reply(ctx: InboundCtx, m: Inbound, purpose: string, text: string): Promise<void> {
  await sendText(ctx, {
    org: m.org,
    patientId: m.patient.id,
    phone: m.patient.phone,
    purpose,
    text,
    dedupeKey: `${purpose}:${m.message.id}`,
  });
}
