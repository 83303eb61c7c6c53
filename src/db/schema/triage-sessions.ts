import { sql } from "drizzle-orm";
import { boolean, index, jsonb, pgEnum, pgTable, real, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, tstz, updatedAt } from "../columns";
import { organisations } from "./organisations";
import { patients } from "./patients";

export const triageStatus = pgEnum("triage_status", ["active", "completed", "abandoned", "escalated", "stopped"]);

export type FindingValue = boolean | number | string;

/** A Pharmacy First triage dialog with one patient over WhatsApp. */
export const triageSessions = pgTable(
  "triage_sessions",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    status: triageStatus("status").notNull().default("active"),
    /** Null while the patient is choosing from the list of conditions. */
    condition: text("condition"),
    findings: jsonb("findings").$type<Record<string, FindingValue>>().notNull().default({}),
    /** The question we are waiting on (a finding key, `age`, `sex`, `pregnant` or `condition`). */
    pendingQuestion: text("pending_question"),
    age: real("age"),
    sex: text("sex").$type<"female" | "male">(),
    pregnant: boolean("pregnant"),
    /** Questions the patient could not answer ("tidak tahu"): not asked again, left for the pharmacist. */
    unanswered: jsonb("unanswered").$type<string[]>().notNull().default([]),
    /** Answers we could not read in a row: after two, the question is left for the pharmacist. */
    misreads: real("misreads").notNull().default(0),
    outcome: text("outcome"),
    reasons: jsonb("reasons").$type<string[]>().notNull().default([]),
    startedByMessageId: uuid("started_by_message_id"),
    lastAskedAt: tstz("last_asked_at"),
    reminderSentAt: tstz("reminder_sent_at"),
    completedAt: tstz("completed_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // at most one open dialog per patient
    uniqueIndex("triage_sessions_active_uq").on(t.orgId, t.patientId).where(sql`${t.status} = 'active'`),
    // the cron: open dialogs waiting on the patient
    index("triage_sessions_waiting_idx").on(t.lastAskedAt).where(sql`${t.status} = 'active'`),
  ],
);

export type TriageSession = typeof triageSessions.$inferSelect;
