import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type MessageTemplate, messageTemplates } from "@/db/schema";

export async function listOrgTemplates(db: DbOrTx, params: { orgIds: string[] }): Promise<MessageTemplate[]> {
  if (params.orgIds.length === 0) return [];
  return db.select().from(messageTemplates).where(inArray(messageTemplates.orgId, params.orgIds));
}

export async function upsertOrgTemplate(db: DbOrTx, values: typeof messageTemplates.$inferInsert): Promise<MessageTemplate> {
  const [row] = await db
    .insert(messageTemplates)
    .values(values)
    .onConflictDoUpdate({
      target: [messageTemplates.orgId, messageTemplates.key, messageTemplates.language],
      set: { body: values.body, updatedById: values.updatedById, updatedAt: new Date() },
    })
    .returning();
  if (!row) throw new Error("upsert returned no template");
  return row;
}

export async function deleteOrgTemplate(db: DbOrTx, params: { orgId: string; key: string; language: string }): Promise<boolean> {
  const rows = await db
    .delete(messageTemplates)
    .where(and(eq(messageTemplates.orgId, params.orgId), eq(messageTemplates.key, params.key), eq(messageTemplates.language, params.language as "id" | "en")))
    .returning({ key: messageTemplates.key });
  return rows.length > 0;
}
