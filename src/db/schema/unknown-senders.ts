import { pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { orgId, tstz } from "../columns";
import { organisations } from "./organisations";

/** Numbers that wrote to us without being registered: they get one polite reply a day. */
export const unknownSenders = pgTable(
  "unknown_senders",
  {
    orgId: orgId().references(() => organisations.id),
    phone: text("phone").notNull(),
    lastRepliedAt: tstz("last_replied_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.phone] })],
);
