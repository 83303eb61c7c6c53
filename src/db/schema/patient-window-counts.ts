import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, uuid } from "drizzle-orm/pg-core";
import { orgId, tstz } from "../columns";
import { organisations } from "./organisations";
import { patients } from "./patients";

/**
 * Per patient: of the deliveries scheduled since `windowStart`, how many were sent and how many
 * confirmed — the 30-day figures of the dashboard's "needing attention" list. The delivery
 * triggers of migration 0010 keep the counts in step with every change; the window moves (once a
 * day, in the organisation's time zone) when the dashboard asks for a later start
 * (`refreshPatientWindows`). A null `windowStart` means "not counted yet".
 */
export const patientWindowCounts = pgTable(
  "patient_window_counts",
  {
    patientId: uuid("patient_id")
      .primaryKey()
      .references(() => patients.id),
    orgId: orgId().references(() => organisations.id),
    windowStart: tstz("window_start"),
    sent: integer("sent").notNull().default(0),
    confirmed: integer("confirmed").notNull().default(0),
    /** Low adherence: confirmed under half of at least three sent. A column, so the planner has statistics on it. */
    low: boolean("low").generatedAlwaysAs(sql`sent >= 3 and confirmed * 2 < sent`),
  },
  (t) => [
    // rows whose window is not the one asked for (moved once a day)
    index("patient_window_counts_org_window_idx").on(t.orgId, t.windowStart),
    // patients needing attention for low adherence
    index("patient_window_counts_low_idx").on(t.orgId, t.windowStart).where(sql`${t.low}`),
  ],
);
