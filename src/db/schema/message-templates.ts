import { pgTable, primaryKey, text, uuid, varchar } from "drizzle-orm/pg-core";
import { orgId, updatedAt } from "../columns";
import { organisations } from "./organisations";
import { staffUsers } from "./staff-users";

/** An organisation's own wording of a message (reminder, nudge, ...) in one language; defaults apply otherwise. */
export const messageTemplates = pgTable(
  "message_templates",
  {
    orgId: orgId().references(() => organisations.id),
    key: text("key").notNull(),
    language: varchar("language", { length: 2 }).notNull().$type<"id" | "en">(),
    body: text("body").notNull(),
    updatedById: uuid("updated_by_id").references(() => staffUsers.id),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.key, t.language] })],
);

export type MessageTemplate = typeof messageTemplates.$inferSelect;
