import { eq } from "drizzle-orm";
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
