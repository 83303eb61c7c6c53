import { eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Organisation, organisations } from "@/db/schema";

export async function findOrganisationById(db: DbOrTx, params: { id: string }): Promise<Organisation | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, params.id)).limit(1);
  return row;
}

export async function insertOrganisation(db: DbOrTx, values: typeof organisations.$inferInsert): Promise<Organisation> {
  const [row] = await db.insert(organisations).values(values).returning();
  if (!row) throw new Error("insert returned no organisation");
  return row;
}

/** The organisation a GOWA device belongs to (by its slot id or account JID). */
export async function findOrganisationByDevice(db: DbOrTx, params: { deviceIds: string[] }): Promise<Organisation | undefined> {
  if (params.deviceIds.length === 0) return undefined;
  const [row] = await db.select().from(organisations).where(inArray(organisations.gowaDeviceId, params.deviceIds)).limit(1);
  return row;
}
