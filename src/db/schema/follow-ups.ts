import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, tstz } from "../columns";
import { consultations } from "./consultations";
import { organisations } from "./organisations";
import { patients } from "./patients";

export const followUpState = pgEnum("follow_up_state", ["scheduled", "sent", "answered", "expired", "cancelled"]);

/** "Better, same or worse?" after a consultation, sent by cron when due. */
export const followUps = pgTable(
  "follow_ups",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id),
    consultationId: uuid("consultation_id").notNull().references(() => consultations.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    dueAt: tstz("due_at").notNull(),
    state: followUpState("state").notNull().default("scheduled"),
    sentAt: tstz("sent_at"),
    answer: text("answer").$type<"better" | "same" | "worse">(),
    answeredAt: tstz("answered_at"),
    createdAt: createdAt(),
  },
  (t) => [
    // one follow-up per consultation
    uniqueIndex("follow_ups_consultation_uq").on(t.consultationId),
    // the cron: scheduled follow-ups that have come due
    index("follow_ups_due_idx").on(t.dueAt).where(sql`${t.state} = 'scheduled'`),
    // a patient's answer finds the follow-up waiting for it
    index("follow_ups_org_patient_idx").on(t.orgId, t.patientId, t.sentAt),
  ],
);

export type FollowUp = typeof followUps.$inferSelect;
