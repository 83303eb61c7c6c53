import { asc, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Organisation, organisations, webhookInbox } from "@/db/schema";

/** Any number of our own: serialises Clerk user events, so two first sign-ups cannot both become admin. */
const CLERK_SYNC_LOCK = 727275;

export async function lockClerkSync(tx: DbOrTx): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(${CLERK_SYNC_LOCK})`);
}

/**
 * Records a Clerk delivery by its svix id, already processed (it is written in the transaction
 * that applies it); false when the id was there already — a redelivery.
 * Only ids and the event type are kept: the payload carries names and emails.
 */
export async function recordClerkDelivery(tx: DbOrTx, params: { svixId: string; event: string; clerkUserId: string }): Promise<boolean> {
  const rows = await tx
    .insert(webhookInbox)
    .values({
      provider: "clerk",
      eventKey: params.svixId,
      event: params.event,
      senderKey: `clerk:${params.clerkUserId}`,
      payload: {},
      status: "done",
      processedAt: sql`now()`,
    })
    .onConflictDoNothing({ target: [webhookInbox.provider, webhookInbox.eventKey] })
    .returning({ id: webhookInbox.id });
  return rows.length > 0;
}

/** Where Clerk sign-ups land: the installation's first organisation (by creation). */
export async function findOldestOrganisation(tx: DbOrTx): Promise<Organisation | undefined> {
  const [row] = await tx.select().from(organisations).orderBy(asc(organisations.createdAt), asc(organisations.id)).limit(1);
  return row;
}
