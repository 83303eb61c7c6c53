import { sql } from "drizzle-orm";
import { bigint, index, jsonb, pgEnum, pgTable, real, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, tstz } from "../columns";
import { organisations } from "./organisations";
import { patients } from "./patients";
import { staffUsers } from "./staff-users";

export const messageDirection = pgEnum("message_direction", ["inbound", "outbound"]);
/** Inbound messages are `received`; outbound ones move queued -> sending -> sent -> delivered -> read, or failed / unknown. */
export const messageStatus = pgEnum("message_status", ["received", "queued", "sending", "sent", "delivered", "read", "failed", "unknown"]);

/** The conversation log: every WhatsApp message to or from a patient (or an unknown number). */
export const messages = pgTable(
  "messages",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id),
    patientId: uuid("patient_id").references(() => patients.id),
    /** E.164 of the other party (kept for unknown senders, who have no patient). */
    phone: text("phone").notNull(),
    direction: messageDirection("direction").notNull(),
    /** Why we sent it (verification, reply, emergency, staff, ...) or `patient` for inbound. */
    purpose: text("purpose").notNull(),
    type: text("type").notNull().default("text"),
    body: text("body"),
    media: jsonb("media").$type<{ path: string | null; url: string | null; storedKey: string | null; mime?: string | null } | null>(),
    externalId: text("external_id"),
    replyToExternalId: text("reply_to_external_id"),
    status: messageStatus("status").notNull(),
    errorCode: text("error_code"),
    intent: text("intent"),
    intentSource: text("intent_source"),
    intentConfidence: real("intent_confidence"),
    secondaryIntents: jsonb("secondary_intents").$type<string[]>(),
    /** Claude's bill for classifying this message: model, tokens and cost in USD. */
    aiUsage: jsonb("ai_usage").$type<{ model: string; inputTokens: number; outputTokens: number; cacheReadTokens: number; cacheWriteTokens: number; costUsd: number }>(),
    reaction: text("reaction"),
    /** Outbound: unique per organisation, so a retried step never sends the same message twice. */
    dedupeKey: text("dedupe_key"),
    inboxId: bigint("inbox_id", { mode: "number" }),
    sentByStaffId: uuid("sent_by_staff_id").references(() => staffUsers.id),
    createdAt: createdAt(),
    sentAt: tstz("sent_at"),
    deliveredAt: tstz("delivered_at"),
    readAt: tstz("read_at"),
    editedAt: tstz("edited_at"),
    revokedAt: tstz("revoked_at"),
  },
  (t) => [
    // a patient's thread, newest first
    index("messages_org_patient_created_idx").on(t.orgId, t.patientId, t.createdAt),
    // acks, replies, edits and revokes find their message by WhatsApp id
    uniqueIndex("messages_org_external_uq").on(t.orgId, t.externalId).where(sql`${t.externalId} is not null`),
    uniqueIndex("messages_org_dedupe_uq").on(t.orgId, t.dedupeKey).where(sql`${t.dedupeKey} is not null`),
    // "what was our last message to this number" (classification context)
    index("messages_org_phone_created_idx").on(t.orgId, t.phone, t.createdAt),
  ],
);

export type Message = typeof messages.$inferSelect;
