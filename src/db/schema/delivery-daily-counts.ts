import { date, index, integer, pgTable, smallint, unique, uuid } from "drizzle-orm/pg-core";
import { orgId } from "../columns";
import { organisations } from "./organisations";

const count = (name: string) => integer(name).notNull().default(0);

/**
 * The dashboard's daily figures, per organisation, volunteer (null: unassigned patients), local day
 * in the organisation's time zone, and shard (a hash of the patient, so concurrent senders do not
 * queue on one row). Written only by the triggers of migration 0010 (`delivery_counts_*`), in the
 * transaction of every change to `deliveries`, of a patient's volunteer and of an organisation's
 * time zone; read by summing every shard. Each row holds true counts of its patients' deliveries.
 */
export const deliveryDailyCounts = pgTable(
  "delivery_daily_counts",
  {
    orgId: orgId().references(() => organisations.id),
    volunteerId: uuid("volunteer_id"),
    day: date("day", { mode: "string" }).notNull(),
    shard: smallint("shard").notNull(),
    // deliveries scheduled on `day`, by state ("today's reminders")
    scheduled: count("scheduled"),
    queued: count("queued"),
    sent: count("sent"),
    confirmed: count("confirmed"),
    notTaken: count("not_taken"),
    missed: count("missed"),
    failed: count("failed"),
    unknown: count("unknown"),
    skipped: count("skipped"),
    // deliveries sent on `day`, and how many of those were confirmed (the 30-day chart)
    sentOnDay: count("sent_on_day"),
    confirmedOfSentOnDay: count("confirmed_of_sent_on_day"),
  },
  (t) => [
    // the triggers' upsert key; the organisation's dashboard reads a range of days
    unique("delivery_daily_counts_key").on(t.orgId, t.day, t.volunteerId, t.shard).nullsNotDistinct(),
    // a volunteer's dashboard: their rows over a range of days
    index("delivery_daily_counts_volunteer_idx").on(t.orgId, t.volunteerId, t.day),
  ],
);

export type DeliveryDailyCounts = typeof deliveryDailyCounts.$inferSelect;
