import { sql } from "drizzle-orm";
import { index, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import type { Schedule } from "@/services/reminder/reminder.schemas";
import { createdAt, id, orgId, tstz, updatedAt } from "../columns";
import { organisations } from "./organisations";
import { patients } from "./patients";
import { staffUsers } from "./staff-users";

export const reminderType = pgEnum("reminder_type", ["medication", "appointment", "general"]);
export const reminderStatus = pgEnum("reminder_status", ["active", "paused"]);

/**
 * What to remind a patient of, and when, in the patient's time zone. Occurrences are computed
 * from `schedule` as they fall due; `nextDueAt` is the cursor the cron reads.
 */
export const reminders = pgTable(
  "reminders",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id),
    patientId: uuid("patient_id").notNull().references(() => patients.id),
    type: reminderType("type").notNull(),
    medicineName: text("medicine_name"),
    dose: text("dose"),
    appointmentPlace: text("appointment_place"),
    /** A custom message with {variables}; the default template of the type and language when null. */
    message: text("message"),
    schedule: jsonb("schedule").$type<Schedule>().notNull(),
    timezone: text("timezone").notNull(),
    status: reminderStatus("status").notNull().default("active"),
    /** The next occurrence not yet turned into a delivery; null when the schedule has ended. */
    nextDueAt: tstz("next_due_at"),
    createdById: uuid("created_by_id").references(() => staffUsers.id),
    deletedAt: tstz("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // the cron: active reminders whose next occurrence has come
    index("reminders_due_idx").on(t.nextDueAt).where(sql`${t.status} = 'active' and ${t.deletedAt} is null`),
    index("reminders_org_patient_idx").on(t.orgId, t.patientId),
  ],
);

export type Reminder = typeof reminders.$inferSelect;
