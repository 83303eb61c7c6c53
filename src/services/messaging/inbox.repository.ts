import { and, eq, inArray, lt, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type InboxRow, webhookInbox } from "@/db/schema";

/** How long a claimed event stays ours before the sweeper may take it over (a crashed worker's lease). */
export const INBOX_LEASE_SECONDS = 60;
export const INBOX_MAX_ATTEMPTS = 5;

/** The PostgreSQL channel on which the web process tells the inbox worker which chat has news. */
export const INBOX_CHANNEL = "careloop_inbox";

export type NewInboxEvent = { provider: string; eventKey: string; event: string; senderKey: string; payload: unknown };

/** Stores a verified event; null when it was already there (a redelivery). */
export async function insertInboxEvent(db: DbOrTx, values: NewInboxEvent): Promise<{ id: number } | null> {
  const [row] = await db
    .insert(webhookInbox)
    .values(values)
    .onConflictDoNothing({ target: [webhookInbox.provider, webhookInbox.eventKey] })
    .returning({ id: webhookInbox.id });
  return row ?? null;
}

/**
 * Wakes the inbox worker for these chats, in a statement of its own. PostgreSQL serialises the
 * commits of every transaction that notifies (one lock, held until the commit is on disk): when
 * the webhook's insert notified too, acknowledgements queued behind each other's disk syncs. This
 * transaction writes nothing worth waiting for — a lost wake-up costs only the worker's next
 * catch-up pass — so it commits without waiting for the disk and holds that lock for microseconds.
 */
export async function notifyInboxChats(db: DbOrTx, senderKeys: string[]): Promise<void> {
  await db.execute(
    sql`select set_config('synchronous_commit', 'off', true), pg_notify(${INBOX_CHANNEL}, k)
        from jsonb_array_elements_text(${JSON.stringify(senderKeys)}::jsonb) k`,
  );
}

/**
 * Claims the oldest open event of one chat, but only when no earlier event of that chat is still
 * open: a patient's messages are handled in the order they arrived, whichever worker runs them.
 */
export async function claimNextInChat(db: DbOrTx, params: { senderKey: string }): Promise<InboxRow | null> {
  // one statement: the claimed row comes back with the update
  const [row] = await db.update(webhookInbox).set(CLAIM).where(nextOpenInChat(params.senderKey)).returning();
  return row ?? null;
}

/**
 * Marks an event done and claims the next one of its chat (null when there is none) in one
 * statement. Both parts see the statement's starting snapshot, where the finished event is still
 * open: the claim leaves it out, so it neither holds back the next event nor is claimed again.
 */
export async function markInboxDoneAndClaimNext(db: DbOrTx, params: { id: number; senderKey: string }): Promise<InboxRow | null> {
  const done = db.$with("done").as(
    db.update(webhookInbox).set(DONE).where(eq(webhookInbox.id, params.id)).returning({ id: webhookInbox.id }),
  );
  const [row] = await db.with(done).update(webhookInbox).set(CLAIM).where(nextOpenInChat(params.senderKey, params.id)).returning();
  return row ?? null;
}

const CLAIM = {
  status: "processing",
  attempts: sql`${webhookInbox.attempts} + 1`,
  lockedUntil: sql`now() + make_interval(secs => ${INBOX_LEASE_SECONDS})`,
} as const;

const DONE = { status: "done", processedAt: sql`now()`, lockedUntil: null, lastError: null } as const;

/** `id = ` the chat's oldest open event with no earlier open one, locked; `finishedId` counts as closed. */
function nextOpenInChat(senderKey: string, finishedId?: number) {
  const notFinished = (alias: string) => (finishedId === undefined ? sql`` : sql`and ${sql.raw(alias)}.id <> ${finishedId}`);
  return sql`${webhookInbox.id} = (
    select w.id from ${webhookInbox} w
    where w.sender_key = ${senderKey} ${notFinished("w")}
      and (w.status = 'pending' or (w.status = 'processing' and w.locked_until < now()))
      and not exists (
        select 1 from ${webhookInbox} e
        where e.sender_key = w.sender_key and e.id < w.id ${notFinished("e")} and e.status in ('pending', 'processing'))
    order by w.id limit 1
    for update skip locked)`;
}

/** Gives the event back for another try, or parks it as failed after too many. */
export async function markInboxFailed(db: DbOrTx, params: { id: number; attempts: number; error: string }): Promise<void> {
  await db
    .update(webhookInbox)
    .set({
      status: params.attempts >= INBOX_MAX_ATTEMPTS ? "failed" : "pending",
      lockedUntil: null,
      lastError: params.error.slice(0, 200),
    })
    .where(eq(webhookInbox.id, params.id));
}

/** Chats with events nobody is working on: left pending for a while, or whose lease ran out. */
export async function findStaleChats(db: DbOrTx, params: { olderThanSeconds: number; limit: number }): Promise<string[]> {
  const rows = await db
    .selectDistinct({ senderKey: webhookInbox.senderKey })
    .from(webhookInbox)
    .where(
      or(
        and(eq(webhookInbox.status, "pending"), lt(webhookInbox.receivedAt, sql`now() - make_interval(secs => ${params.olderThanSeconds})`)),
        and(eq(webhookInbox.status, "processing"), lt(webhookInbox.lockedUntil, sql`now()`)),
      ),
    )
    .limit(params.limit);
  return rows.map((r) => r.senderKey);
}

export async function countInboxByStatus(db: DbOrTx, params: { ids: number[] }) {
  return db
    .select({ status: webhookInbox.status, n: sql<number>`count(*)::int` })
    .from(webhookInbox)
    .where(inArray(webhookInbox.id, params.ids))
    .groupBy(webhookInbox.status);
}
