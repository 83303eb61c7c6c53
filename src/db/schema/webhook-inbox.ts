import { sql } from "drizzle-orm";
import { bigserial, index, jsonb, pgEnum, pgTable, smallint, text, uniqueIndex } from "drizzle-orm/pg-core";
import { createdAt, tstz } from "../columns";

export const inboxStatus = pgEnum("inbox_status", ["pending", "processing", "done", "failed"]);

/**
 * Durable inbox for webhooks: a verified event is written here before we answer 200, and
 * processed after. The organisation is not known yet when the row is written (it is resolved
 * from the device while processing), so this is the one table without `org_id`.
 */
export const webhookInbox = pgTable(
  "webhook_inbox",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    provider: text("provider").notNull(),
    /** Dedupe key from the provider's own ids (`message:<id>`): a redelivery hits the unique index. */
    eventKey: text("event_key").notNull(),
    event: text("event").notNull(),
    /** The chat this event belongs to: events of one chat are processed in arrival order. */
    senderKey: text("sender_key").notNull(),
    payload: jsonb("payload").notNull(),
    status: inboxStatus("status").notNull().default("pending"),
    attempts: smallint("attempts").notNull().default(0),
    lockedUntil: tstz("locked_until"),
    lastError: text("last_error"),
    receivedAt: createdAt(),
    processedAt: tstz("processed_at"),
  },
  (t) => [
    uniqueIndex("webhook_inbox_event_key_uq").on(t.provider, t.eventKey),
    // the sweeper and the per-chat ordering check: unfinished events only
    index("webhook_inbox_open_idx").on(t.senderKey, t.id).where(sql`${t.status} in ('pending', 'processing')`),
    index("webhook_inbox_open_received_idx").on(t.receivedAt).where(sql`${t.status} in ('pending', 'processing')`),
  ],
);

export type InboxRow = typeof webhookInbox.$inferSelect;
