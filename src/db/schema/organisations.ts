import { pgTable, text, uniqueIndex, varchar } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "../columns";

export const organisations = pgTable(
  "organisations",
  {
  id: id(),
  name: text("name").notNull(),
  /** ISO 3166 alpha-2: how local phone numbers typed by staff are read (ID: 0812... -> +62812...). */
  country: varchar("country", { length: 2 }).notNull(),
  timezone: text("timezone").notNull(),
  language: varchar("language", { length: 2 }).notNull().$type<"id" | "en">(),
  /** Shown to patients in every emergency reply (119/112 in Indonesia, 999 in the UK). */
  emergencyNumber: text("emergency_number").notNull(),
  /** The GOWA device (WhatsApp account) this organisation sends from. */
  gowaDeviceId: text("gowa_device_id"),
  quietHoursStart: varchar("quiet_hours_start", { length: 5 }).notNull().default("21:00"),
  quietHoursEnd: varchar("quiet_hours_end", { length: 5 }).notNull().default("06:00"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  },
  (t) => [
    // inbound webhooks find their organisation by the GOWA device they arrived on
    uniqueIndex("organisations_gowa_device_uq").on(t.gowaDeviceId),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
