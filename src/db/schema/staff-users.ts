import { sql } from "drizzle-orm";
import { index, pgEnum, pgTable, text, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { createdAt, id, orgId, updatedAt } from "../columns";
import { organisations } from "./organisations";

export const staffRole = pgEnum("staff_role", ["ADMIN", "PHARMACIST", "VOLUNTEER"]);
export const staffStatus = pgEnum("staff_status", ["PENDING", "APPROVED", "REJECTED", "DISABLED"]);

export const staffUsers = pgTable(
  "staff_users",
  {
    id: id(),
    orgId: orgId().references(() => organisations.id),
    email: text("email").notNull(),
    name: text("name").notNull(),
    role: staffRole("role").notNull().default("VOLUNTEER"),
    status: staffStatus("status").notNull().default("PENDING"),
    /** Professional registration (e.g. STRA/SIPA, GPhC); required before a pharmacist approves. */
    registrationNumber: text("registration_number"),
    /** WhatsApp number for urgent alerts to the pharmacist on duty (E.164). */
    phone: text("phone"),
    /** Clerk's user id once signed in through Clerk. */
    externalAuthId: text("external_auth_id"),
    locale: varchar("locale", { length: 2 }).notNull().default("id").$type<"id" | "en">(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    // sign-in by email (dev sign-in, Clerk user.created): one account per email address
    uniqueIndex("staff_users_email_uq").on(sql`lower(${t.email})`),
    uniqueIndex("staff_users_external_auth_id_uq").on(t.externalAuthId),
    // volunteer pickers and the admin user list, per organisation
    index("staff_users_org_role_idx").on(t.orgId, t.role),
  ],
);

export type StaffUser = typeof staffUsers.$inferSelect;
export type StaffRole = (typeof staffRole.enumValues)[number];
export type StaffStatus = (typeof staffStatus.enumValues)[number];
