import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, smallint, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, tstz } from "../columns";
import { messages } from "./messages";
import { organisations } from "./organisations";
import { patients } from "./patients";
import { reminders } from "./reminders";

/** queued -> sending -> sent -> delivered -> read; or failed, skipped (with a reason), unknown (outcome unknown). */
export const deliveryState = pgEnum("delivery_state", ["queued", "sending", "sent", "delivered", "read", "failed", "skipped", "unknown"]);
export const confirmationState = pgEnum("confirmation_state", ["pending", "confirmed", "not_taken", "missed"]);

/** One row per occurrence of a reminder: the unit the cron sends exactly once. */
export const deliveries = pgTable(
  "deliveries",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id),
    reminderId: uuid("reminder_id").notNull().references(() => reminders.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    scheduledAt: tstz("scheduled_at").notNull(),
    state: deliveryState("state").notNull().default("queued"),
    /** unsubscribed, unverified, no_consent, paused, deleted, too_late */
    skipReason: text("skip_reason"),
    attempts: smallint("attempts").notNull().default(0),
    lastError: text("last_error"),
    lockedUntil: tstz("locked_until"),
    messageId: uuid("message_id").references(() => messages.id),
    externalId: text("external_id"),
    sentAt: tstz("sent_at"),
    confirmation: confirmationState("confirmation").notNull().default("pending"),
    confirmedAt: tstz("confirmed_at"),
    /** When the one gentle nudge is due (null: none planned); `nudgeSentAt` once it went out. */
    nudgeDueAt: tstz("nudge_due_at"),
    nudgeSentAt: tstz("nudge_sent_at"),
    /** Replies after this no longer apply to this delivery; a pending one becomes missed. */
    windowEndsAt: tstz("window_ends_at"),
    createdAt: createdAt(),
  },
  (t) => [
    // exactly one delivery per occurrence, however many cron calls materialise it
    uniqueIndex("deliveries_reminder_scheduled_uq").on(t.reminderId, t.scheduledAt),
    // the dispatcher: queued occurrences that have come due
    index("deliveries_queued_idx").on(t.scheduledAt).where(sql`${t.state} = 'queued'`),
    // a reply finds the delivery it quotes
    index("deliveries_org_external_idx").on(t.orgId, t.externalId),
    // a reply without a quote: the patient's latest delivery awaiting confirmation
    index("deliveries_org_patient_sent_idx").on(t.orgId, t.patientId, t.sentAt),
    // an organisation's due occurrences ("send due"); adherence of an organisation or volunteer by send time
    index("deliveries_org_scheduled_idx").on(t.orgId, t.scheduledAt),
    index("deliveries_org_sent_idx").on(t.orgId, t.sentAt),
    // the dashboard's "needing attention": sends whose outcome is unknown, in the last week
    index("deliveries_org_unknown_idx").on(t.orgId, t.scheduledAt).where(sql`${t.state} = 'unknown'`),
    // nudges and the window closing
    index("deliveries_pending_idx").on(t.windowEndsAt).where(sql`${t.confirmation} = 'pending' and ${t.sentAt} is not null`),
  ],
);

export type Delivery = typeof deliveries.$inferSelect;
