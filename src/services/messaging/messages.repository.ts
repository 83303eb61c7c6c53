import { and, desc, eq, inArray, isNull, lt, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Message, messages } from "@/db/schema";

export type NewMessage = typeof messages.$inferInsert;

/** Inbound messages are keyed by WhatsApp's id: storing one twice returns the first copy. */
export async function upsertInboundMessage(db: DbOrTx, values: NewMessage): Promise<{ message: Message; created: boolean }> {
  const [created] = await db.insert(messages).values(values).onConflictDoNothing().returning();
  if (created) return { message: created, created: true };
  const [existing] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, values.orgId), eq(messages.externalId, values.externalId ?? "")));
  if (!existing) throw new Error("inbound message conflicted but was not found");
  return { message: existing, created: false };
}

/** An outbound message reserved under its dedupe key; null when that key was already used. */
export async function reserveOutboundMessage(db: DbOrTx, values: NewMessage): Promise<Message | null> {
  const [row] = await db.insert(messages).values(values).onConflictDoNothing().returning();
  return row ?? null;
}

/** Reserves many outbound messages in one statement; returns those whose dedupe key was free. */
export async function reserveOutboundMessages(db: DbOrTx, rows: NewMessage[]): Promise<Message[]> {
  if (rows.length === 0) return [];
  return db.insert(messages).values(rows).onConflictDoNothing().returning();
}

export async function updateMessage(
  db: DbOrTx,
  params: { orgId: string; id: string; values: Partial<NewMessage> },
): Promise<void> {
  await db.update(messages).set(params.values).where(and(eq(messages.orgId, params.orgId), eq(messages.id, params.id)));
}

export async function findMessageByDedupeKey(db: DbOrTx, params: { orgId: string; dedupeKey: string }) {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, params.orgId), eq(messages.dedupeKey, params.dedupeKey)))
    .limit(1);
  return row;
}

export async function findMessageByExternalId(db: DbOrTx, params: { orgId: string; externalId: string }) {
  const [row] = await db
    .select()
    .from(messages)
    .where(and(eq(messages.orgId, params.orgId), eq(messages.externalId, params.externalId)))
    .limit(1);
  return row;
}

const STATUS_RANK = { queued: 0, sending: 1, unknown: 2, failed: 2, sent: 3, delivered: 4, read: 5, received: 0 } as const;

/** Delivery receipts only move a message forward (a late "delivered" never undoes "read"). */
export async function applyReceipt(
  db: DbOrTx,
  params: { orgId: string; externalIds: string[]; status: "delivered" | "read"; at: Date },
): Promise<number> {
  const lower = Object.entries(STATUS_RANK)
    .filter(([, rank]) => rank < STATUS_RANK[params.status])
    .map(([status]) => status as Message["status"]);
  const rows = await db
    .update(messages)
    .set({
      status: params.status,
      ...(params.status === "delivered" ? { deliveredAt: params.at } : { readAt: params.at }),
    })
    .where(
      and(
        eq(messages.orgId, params.orgId),
        eq(messages.direction, "outbound"),
        inArray(messages.externalId, params.externalIds),
        inArray(messages.status, lower),
      ),
    )
    .returning({ id: messages.id });
  return rows.length;
}

/** The organisations whose outbound messages carry these WhatsApp ids (receipts without a device). */
export async function findOrgIdsOfOutbound(db: DbOrTx, params: { externalIds: string[] }): Promise<string[]> {
  if (params.externalIds.length === 0) return [];
  const rows = await db
    .selectDistinct({ orgId: messages.orgId })
    .from(messages)
    .where(and(eq(messages.direction, "outbound"), inArray(messages.externalId, params.externalIds)));
  return rows.map((r) => r.orgId);
}

/** What our last message to this number was for: it decides what "ya" or "sudah" means. */
export async function findLastOutboundPurpose(db: DbOrTx, params: { orgId: string; phone: string; before: Date }) {
  const [row] = await db
    .select({ purpose: messages.purpose, at: messages.createdAt })
    .from(messages)
    .where(
      and(
        eq(messages.orgId, params.orgId),
        eq(messages.phone, params.phone),
        eq(messages.direction, "outbound"),
        lt(messages.createdAt, params.before),
      ),
    )
    .orderBy(desc(messages.createdAt))
    .limit(1);
  return row;
}

/** A patient's thread, newest first, keyset-paginated by creation time. */
export async function listThread(
  db: DbOrTx,
  params: { orgId: string; patientId: string; before?: Date; limit: number },
): Promise<Message[]> {
  return db
    .select()
    .from(messages)
    .where(
      and(
        eq(messages.orgId, params.orgId),
        eq(messages.patientId, params.patientId),
        params.before ? lt(messages.createdAt, params.before) : undefined,
      ),
    )
    .orderBy(desc(messages.createdAt), desc(messages.id))
    .limit(params.limit);
}

export async function markRevoked(db: DbOrTx, params: { orgId: string; externalId: string; at: Date }) {
  await db
    .update(messages)
    .set({ revokedAt: params.at })
    .where(and(eq(messages.orgId, params.orgId), eq(messages.externalId, params.externalId), isNull(messages.revokedAt)));
}

export async function markEdited(db: DbOrTx, params: { orgId: string; externalId: string; body: string | null; at: Date }) {
  await db
    .update(messages)
    .set({ body: params.body, editedAt: params.at })
    .where(and(eq(messages.orgId, params.orgId), eq(messages.externalId, params.externalId)));
}

export async function setReaction(db: DbOrTx, params: { orgId: string; externalId: string; reaction: string | null }) {
  await db
    .update(messages)
    .set({ reaction: params.reaction })
    .where(and(eq(messages.orgId, params.orgId), eq(messages.externalId, params.externalId)));
}

export const countMessages = (db: DbOrTx, params: { orgId: string }) =>
  db.select({ n: sql<number>`count(*)::int` }).from(messages).where(eq(messages.orgId, params.orgId));

/** Claude's bill per model for an organisation since a date (one grouped query). */
export async function sumAiUsage(db: DbOrTx, params: { orgId: string; since: Date }) {
  return db
    .select({
      model: sql<string>`${messages.aiUsage}->>'model'`,
      messages: sql<number>`count(*)::int`,
      inputTokens: sql<number>`coalesce(sum((${messages.aiUsage}->>'inputTokens')::int), 0)::int`,
      outputTokens: sql<number>`coalesce(sum((${messages.aiUsage}->>'outputTokens')::int), 0)::int`,
      costUsd: sql<number>`coalesce(sum((${messages.aiUsage}->>'costUsd')::numeric), 0)::float8`,
    })
    .from(messages)
    .where(and(eq(messages.orgId, params.orgId), sql`${messages.aiUsage} is not null`, sql`${messages.createdAt} >= ${params.since.toISOString()}::timestamptz`))
    .groupBy(sql`${messages.aiUsage}->>'model'`);
}
