import { sql } from "drizzle-orm";
import { boolean, date, index, pgEnum, pgTable, smallint, text, uniqueIndex, uuid, varchar } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, tstz, updatedAt } from "../columns";
import { organisations } from "./organisations";
import { staffUsers } from "./staff-users";

export const verificationStatus = pgEnum("verification_status", ["PENDING", "VERIFIED", "DECLINED", "EXPIRED"]);
export const sex = pgEnum("sex", ["female", "male"]);

export const patients = pgTable(
  "patients",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id),
    name: text("name").notNull(),
    /** WhatsApp number in E.164 (+6281234567890). */
    phone: text("phone").notNull(),
    dateOfBirth: date("date_of_birth", { mode: "string" }),
    sex: sex("sex"),
    language: varchar("language", { length: 2 }).notNull().$type<"id" | "en">(),
    timezone: text("timezone").notNull(),
    assignedVolunteerId: uuid("assigned_volunteer_id").references(() => staffUsers.id),
    verificationStatus: verificationStatus("verification_status").notNull().default("PENDING"),
    verificationSentAt: tstz("verification_sent_at"),
    verificationSendCount: smallint("verification_send_count").notNull().default(0),
    verifiedAt: tstz("verified_at"),
    consentWhatsapp: boolean("consent_whatsapp").notNull().default(false),
    consentAt: tstz("consent_at"),
    unsubscribedAt: tstz("unsubscribed_at"),
    /** Set while a conversation is handed to staff: automatic replies pause until they resolve it. */
    automationPausedAt: tstz("automation_paused_at"),
    notes: text("notes"),
    deletedAt: tstz("deleted_at"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // one live patient per WhatsApp number in an organisation (a deleted one frees the number)
    uniqueIndex("patients_org_phone_uq").on(t.orgId, t.phone).where(sql`${t.deletedAt} is null`),
    // the patient list, ordered by name with keyset pagination, whole organisation
    index("patients_org_name_idx").on(t.orgId, t.name, t.id).where(sql`${t.deletedAt} is null`),
    // the same list for one volunteer
    index("patients_org_volunteer_name_idx").on(t.orgId, t.assignedVolunteerId, t.name, t.id).where(sql`${t.deletedAt} is null`),
    // the dashboard's "needing attention": patients not verified yet, whole organisation or one volunteer's
    index("patients_org_unverified_idx").on(t.orgId, t.assignedVolunteerId).where(sql`${t.verificationStatus} <> 'VERIFIED' and ${t.deletedAt} is null`),
    // search by part of a name or a phone number (ILIKE '%...%')
    index("patients_name_trgm_idx").using("gin", t.name.op("gin_trgm_ops")),
    index("patients_phone_trgm_idx").using("gin", t.phone.op("gin_trgm_ops")),
    // inbound WhatsApp messages find their patient by number across organisations of one device
    index("patients_phone_idx").on(t.phone),
  ],
);

export type Patient = typeof patients.$inferSelect;
