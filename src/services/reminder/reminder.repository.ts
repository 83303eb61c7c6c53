import { and, desc, eq, gt, inArray, isNotNull, isNull, lte, or, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type Delivery, type Message, type Organisation, type Patient, type Reminder, deliveries, messages, organisations, patients, reminders } from "@/db/schema";

export const DELIVERY_LEASE_SECONDS = 120;

export async function insertReminder(db: DbOrTx, values: typeof reminders.$inferInsert): Promise<Reminder> {
  const [row] = await db.insert(reminders).values(values).returning();
  if (!row) throw new Error("insert returned no reminder");
  return row;
}

/** A live reminder of the organisation, optionally only if its patient is assigned to `volunteerId`. */
export async function findReminder(db: DbOrTx, params: { orgId: string; id: string; volunteerId?: string }) {
  const [row] = await db
    .select({ reminder: reminders })
    .from(reminders)
    .innerJoin(patients, and(eq(patients.id, reminders.patientId), eq(patients.orgId, reminders.orgId), isNull(patients.deletedAt)))
    .where(
      and(
        eq(reminders.orgId, params.orgId),
        eq(reminders.id, params.id),
        isNull(reminders.deletedAt),
        params.volunteerId ? eq(patients.assignedVolunteerId, params.volunteerId) : undefined,
      ),
    )
    .limit(1);
  return row?.reminder;
}

export async function listPatientReminders(db: DbOrTx, params: { orgId: string; patientId: string }) {
  return db
    .select()
    .from(reminders)
    .where(and(eq(reminders.orgId, params.orgId), eq(reminders.patientId, params.patientId), isNull(reminders.deletedAt)))
    .orderBy(desc(reminders.createdAt));
}

export async function updateReminder(
  db: DbOrTx,
  params: { orgId: string; id: string; values: Partial<typeof reminders.$inferInsert> },
): Promise<Reminder | undefined> {
  const [row] = await db
    .update(reminders)
    .set({ ...params.values, updatedAt: sql`now()` })
    .where(and(eq(reminders.orgId, params.orgId), eq(reminders.id, params.id), isNull(reminders.deletedAt)))
    .returning();
  return row;
}

/** Active reminders whose next occurrence has come, locked so concurrent crons take different ones. */
export async function lockDueReminders(tx: DbOrTx, params: { now: Date; limit: number; orgId?: string; reminderId?: string }) {
  return tx
    .select()
    .from(reminders)
    .where(
      and(
        eq(reminders.status, "active"),
        isNull(reminders.deletedAt),
        lte(reminders.nextDueAt, params.now),
        params.orgId ? eq(reminders.orgId, params.orgId) : undefined,
        params.reminderId ? eq(reminders.id, params.reminderId) : undefined,
      ),
    )
    .orderBy(reminders.nextDueAt)
    .limit(params.limit)
    .for("update", { skipLocked: true });
}

/** One row per occurrence; an occurrence already there is left alone (the unique index decides). */
export async function insertDeliveries(db: DbOrTx, rows: Array<typeof deliveries.$inferInsert>): Promise<number> {
  if (rows.length === 0) return 0;
  const inserted = await db.insert(deliveries).values(rows).onConflictDoNothing().returning({ id: deliveries.id });
  return inserted.length;
}

/**
 * Claims queued deliveries that have come due (or whose sender died holding them) for this
 * worker: FOR UPDATE SKIP LOCKED, so concurrent crons never take the same occurrence.
 */
export async function claimDueDeliveries(
  db: DbOrTx,
  params: { now: Date; limit: number; orgId?: string; patientId?: string; reminderId?: string },
): Promise<Delivery[]> {
  const now = params.now.toISOString();
  const scope = and(
    params.orgId ? eq(deliveries.orgId, params.orgId) : undefined,
    params.patientId ? eq(deliveries.patientId, params.patientId) : undefined,
    params.reminderId ? eq(deliveries.reminderId, params.reminderId) : undefined,
  );
  const claimable = db
    .select({ id: deliveries.id })
    .from(deliveries)
    .where(
      and(
        scope,
        lte(deliveries.scheduledAt, params.now),
        or(eq(deliveries.state, "queued"), and(eq(deliveries.state, "sending"), sql`${deliveries.lockedUntil} < ${now}::timestamptz`)),
      ),
    )
    .orderBy(deliveries.scheduledAt)
    .limit(params.limit)
    .for("update", { skipLocked: true });
  return db
    .update(deliveries)
    .set({
      state: "sending",
      attempts: sql`${deliveries.attempts} + 1`,
      lockedUntil: sql`${now}::timestamptz + make_interval(secs => ${DELIVERY_LEASE_SECONDS})`,
    })
    .where(inArray(deliveries.id, claimable))
    .returning();
}

export async function updateDelivery(db: DbOrTx, params: { orgId: string; id: string; values: Partial<typeof deliveries.$inferInsert> }) {
  const [row] = await db
    .update(deliveries)
    .set(params.values)
    .where(and(eq(deliveries.orgId, params.orgId), eq(deliveries.id, params.id)))
    .returning();
  return row;
}

export async function findDeliveryByExternalId(db: DbOrTx, params: { orgId: string; externalId: string }) {
  const [row] = await db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.orgId, params.orgId), eq(deliveries.externalId, params.externalId)))
    .limit(1);
  return row;
}

/** The patient's most recent sent delivery still open for a reply. */
export async function findLatestOpenDelivery(db: DbOrTx, params: { orgId: string; patientId: string; now: Date }) {
  const [row] = await db
    .select()
    .from(deliveries)
    .where(
      and(
        eq(deliveries.orgId, params.orgId),
        eq(deliveries.patientId, params.patientId),
        isNotNull(deliveries.sentAt),
        inArray(deliveries.confirmation, ["pending", "not_taken"]),
        gt(deliveries.windowEndsAt, params.now),
      ),
    )
    .orderBy(desc(deliveries.sentAt))
    .limit(1);
  return row;
}

/** Deliveries whose one nudge has come due, locked for this worker. */
export async function claimDueNudges(db: DbOrTx, params: { now: Date; limit: number }) {
  const now = params.now.toISOString();
  return db
    .update(deliveries)
    .set({ nudgeSentAt: params.now })
    .where(
      inArray(
        deliveries.id,
        db
          .select({ id: deliveries.id })
          .from(deliveries)
          .where(
            and(
              isNull(deliveries.nudgeSentAt),
              lte(deliveries.nudgeDueAt, params.now),
              inArray(deliveries.confirmation, ["pending", "not_taken"]),
              sql`${deliveries.windowEndsAt} > ${now}::timestamptz`,
            ),
          )
          .limit(params.limit)
          .for("update", { skipLocked: true }),
      ),
    )
    .returning();
}

/** Pending confirmations whose window closed become missed. */
export async function closeExpiredWindows(db: DbOrTx, params: { now: Date }): Promise<number> {
  const rows = await db
    .update(deliveries)
    .set({ confirmation: "missed" })
    .where(and(eq(deliveries.confirmation, "pending"), isNotNull(deliveries.sentAt), lte(deliveries.windowEndsAt, params.now)))
    .returning({ id: deliveries.id });
  return rows.length;
}

export async function listDeliveries(db: DbOrTx, params: { orgId: string; patientId: string; limit: number }) {
  return db
    .select()
    .from(deliveries)
    .where(and(eq(deliveries.orgId, params.orgId), eq(deliveries.patientId, params.patientId)))
    .orderBy(desc(deliveries.scheduledAt))
    .limit(params.limit);
}

export type AdherenceCounts = { sent7: number; confirmed7: number; sent30: number; confirmed30: number };

const adherenceColumns = (now: Date) => {
  const since7 = new Date(now.getTime() - 7 * 86400_000).toISOString();
  const since30 = new Date(now.getTime() - 30 * 86400_000).toISOString();
  return {
    sent7: sql<number>`count(*) filter (where ${deliveries.sentAt} >= ${since7}::timestamptz)::int`,
    confirmed7: sql<number>`count(*) filter (where ${deliveries.sentAt} >= ${since7}::timestamptz and ${deliveries.confirmation} = 'confirmed')::int`,
    sent30: sql<number>`count(*)::int`,
    confirmed30: sql<number>`count(*) filter (where ${deliveries.confirmation} = 'confirmed')::int`,
  };
};

/** Confirmed over sent, last 7 and 30 days, per patient: one grouped query for a whole page. */
export async function adherenceByPatient(db: DbOrTx, params: { orgId: string; patientIds: string[]; now: Date }) {
  if (params.patientIds.length === 0) return [];
  const since30 = new Date(params.now.getTime() - 30 * 86400_000);
  return db
    .select({ patientId: deliveries.patientId, ...adherenceColumns(params.now) })
    .from(deliveries)
    .where(and(eq(deliveries.orgId, params.orgId), inArray(deliveries.patientId, params.patientIds), gt(deliveries.sentAt, since30)))
    .groupBy(deliveries.patientId);
}

/** The same for an organisation, optionally only one volunteer's patients. */
export async function adherenceForOrg(db: DbOrTx, params: { orgId: string; volunteerId?: string; now: Date }): Promise<AdherenceCounts> {
  const since30 = new Date(params.now.getTime() - 30 * 86400_000);
  const [row] = await db
    .select(adherenceColumns(params.now))
    .from(deliveries)
    .innerJoin(patients, and(eq(patients.id, deliveries.patientId), eq(patients.orgId, deliveries.orgId)))
    .where(
      and(
        eq(deliveries.orgId, params.orgId),
        gt(deliveries.sentAt, since30),
        params.volunteerId ? eq(patients.assignedVolunteerId, params.volunteerId) : undefined,
      ),
    );
  return row ?? { sent7: 0, confirmed7: 0, sent30: 0, confirmed30: 0 };
}

/** Per volunteer of the organisation, for the admin view. */
export async function adherenceByVolunteer(db: DbOrTx, params: { orgId: string; now: Date }) {
  const since30 = new Date(params.now.getTime() - 30 * 86400_000);
  return db
    .select({ volunteerId: patients.assignedVolunteerId, ...adherenceColumns(params.now) })
    .from(deliveries)
    .innerJoin(patients, and(eq(patients.id, deliveries.patientId), eq(patients.orgId, deliveries.orgId)))
    .where(and(eq(deliveries.orgId, params.orgId), gt(deliveries.sentAt, since30)))
    .groupBy(patients.assignedVolunteerId);
}

/** The dispatcher's batch lookups: each keeps the organisations in its WHERE. */
export async function findRemindersByIds(db: DbOrTx, params: { orgIds: string[]; ids: string[] }): Promise<Reminder[]> {
  if (params.ids.length === 0) return [];
  return db.select().from(reminders).where(and(inArray(reminders.orgId, params.orgIds), inArray(reminders.id, params.ids)));
}

export async function findPatientsByIds(db: DbOrTx, params: { orgIds: string[]; ids: string[] }): Promise<Patient[]> {
  if (params.ids.length === 0) return [];
  return db.select().from(patients).where(and(inArray(patients.orgId, params.orgIds), inArray(patients.id, params.ids)));
}

export async function findOrganisationsByIds(db: DbOrTx, params: { ids: string[] }): Promise<Organisation[]> {
  if (params.ids.length === 0) return [];
  return db.select().from(organisations).where(inArray(organisations.id, params.ids));
}

const iso = (d: Date | null | undefined) => d?.toISOString() ?? null;

/**
 * The outcome of a reminder send, on its message and its delivery, in one round trip (the
 * dispatcher's hot path). Both rows are addressed by organisation and id.
 */
export async function recordSendOutcome(
  db: DbOrTx,
  params: {
    orgId: string;
    deliveryId: string;
    message: { id: string; status: Message["status"]; externalId: string | null; sentAt: Date | null; errorCode: string | null } | null;
    delivery: {
      state: "sent" | "failed" | "unknown";
      messageId: string | null;
      externalId: string | null;
      sentAt: Date | null;
      lastError: string | null;
      windowEndsAt: Date | null;
      nudgeDueAt: Date | null;
    };
  },
): Promise<void> {
  const d = params.delivery;
  const m = params.message;
  const updateMessage = m
    ? sql`with recorded as (
        update ${messages} set status = ${m.status}, external_id = ${m.externalId}, sent_at = ${iso(m.sentAt)}::timestamptz, error_code = ${m.errorCode}
        where org_id = ${params.orgId} and id = ${m.id} returning id) `
    : sql``;
  await db.execute(sql`${updateMessage}
    update ${deliveries} set state = ${d.state}, message_id = ${d.messageId}, external_id = ${d.externalId},
      sent_at = ${iso(d.sentAt)}::timestamptz, last_error = ${d.lastError}, locked_until = null,
      window_ends_at = ${iso(d.windowEndsAt)}::timestamptz, nudge_due_at = ${iso(d.nudgeDueAt)}::timestamptz
    where org_id = ${params.orgId} and id = ${params.deliveryId}`);
}

/** A claimed delivery handed back unsent (time budget spent), with the message row it had reserved. */
export async function releaseDelivery(db: DbOrTx, params: { orgId: string; deliveryId: string; messageId: string }): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.delete(messages).where(and(eq(messages.orgId, params.orgId), eq(messages.id, params.messageId), eq(messages.status, "sending")));
    await tx
      .update(deliveries)
      .set({ state: "queued", lockedUntil: null, attempts: sql`greatest(${deliveries.attempts} - 1, 0)` })
      .where(and(eq(deliveries.orgId, params.orgId), eq(deliveries.id, params.deliveryId)));
  });
}
