import type { DbOrTx } from "@/db/client";
import { type Consultation, consultations } from "@/db/schema";

export type NewConsultation = typeof consultations.$inferInsert;

/** One consultation per triage session: a second insert for the same session returns null. */
export async function insertConsultation(db: DbOrTx, values: NewConsultation): Promise<Consultation | null> {
  const [row] = await db.insert(consultations).values(values).onConflictDoNothing().returning();
  return row ?? null;
}
