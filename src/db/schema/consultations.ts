import { boolean, index, jsonb, pgEnum, pgTable, real, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, tstz, updatedAt } from "../columns";
import { organisations } from "./organisations";
import { patients } from "./patients";
import { staffUsers } from "./staff-users";
import type { FindingValue } from "./triage-sessions";
import { triageSessions } from "./triage-sessions";

export const consultationStatus = pgEnum("consultation_status", ["DRAFT", "PENDING_APPROVAL", "APPROVED", "SUBMITTED", "REJECTED"]);

/** A Pharmacy First consultation: from a WhatsApp triage, or started by a pharmacist. */
export const consultations = pgTable(
  "consultations",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    triageSessionId: uuid("triage_session_id").references(() => triageSessions.id),
    condition: text("condition").notNull(),
    findings: jsonb("findings").$type<Record<string, FindingValue>>().notNull().default({}),
    /** The patient as assessed: age in years, sex, pregnancy. */
    age: real("age"),
    sex: text("sex").$type<"female" | "male">(),
    pregnant: boolean("pregnant"),
    outcome: text("outcome").notNull(),
    reasons: jsonb("reasons").$type<string[]>().notNull().default([]),
    redFlags: jsonb("red_flags").$type<string[]>().notNull().default([]),
    treatmentProposed: text("treatment_proposed"),
    advice: text("advice"),
    status: consultationStatus("status").notNull().default("DRAFT"),
    pharmacistId: uuid("pharmacist_id").references(() => staffUsers.id),
    rejectionReason: text("rejection_reason"),
    approvedAt: tstz("approved_at"),
    submittedAt: tstz("submitted_at"),
    /** The patient's answer to the follow-up: better, same or worse. */
    followUpAnswer: text("follow_up_answer"),
    followUpAnsweredAt: tstz("follow_up_answered_at"),
    createdById: uuid("created_by_id").references(() => staffUsers.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // one consultation per triage
    uniqueIndex("consultations_triage_uq").on(t.triageSessionId),
    // the pharmacist's list: by status, newest first
    index("consultations_org_status_idx").on(t.orgId, t.status, t.createdAt),
    index("consultations_org_patient_idx").on(t.orgId, t.patientId),
  ],
);

export type Consultation = typeof consultations.$inferSelect;
