import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, tstz } from "../columns";
import { messages } from "./messages";
import { organisations } from "./organisations";
import { patients } from "./patients";
import { staffUsers } from "./staff-users";

export const escalationKind = pgEnum("escalation_kind", ["emergency", "urgent", "question", "symptom", "handoff"]);
export const escalationStatus = pgEnum("escalation_status", ["open", "acknowledged", "resolved"]);

/** Something a person on staff must look at: emergencies first, then hand-offs. */
export const escalations = pgTable(
  "escalations",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id),
    patientId: uuid("patient_id").references(() => patients.id),
    messageId: uuid("message_id").references(() => messages.id),
    kind: escalationKind("kind").notNull(),
    status: escalationStatus("status").notNull().default("open"),
    /** Codes of the signs that triggered it (e.g. `chest_pain`), never the message text. */
    signs: jsonb("signs").$type<string[]>().notNull().default([]),
    assignedToId: uuid("assigned_to_id").references(() => staffUsers.id),
    createdAt: createdAt(),
    resolvedAt: tstz("resolved_at"),
    resolvedById: uuid("resolved_by_id").references(() => staffUsers.id),
    resolution: text("resolution"),
  },
  (t) => [
    // the escalation inbox: open items of an organisation, emergencies on top
    index("escalations_org_status_idx").on(t.orgId, t.status, t.kind, t.createdAt),
    index("escalations_org_patient_idx").on(t.orgId, t.patientId),
    // a reprocessed message never opens the same escalation twice
    uniqueIndex("escalations_message_kind_uq").on(t.messageId, t.kind).where(sql`${t.messageId} is not null`),
  ],
);

export type Escalation = typeof escalations.$inferSelect;
