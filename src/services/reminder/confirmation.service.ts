import type { Delivery, Organisation, Patient } from "@/db/schema";
import type { Clock } from "@/lib/clock";
import type { Db } from "@/db/client";
import { openEscalation } from "../escalation/escalation.repository";
import { DEFAULT_NUDGE_AFTER_MS, quietHours } from "./dispatch.service";
import { nextAllowedTime } from "./quiet-hours";
import * as repo from "./reminder.repository";

export type ConfirmationCtx = { db: Db; clock: Clock };
export type ReplyOutcome = "confirmed" | "not_taken";

/**
 * Which delivery a reply is about: the one it quotes, else the patient's most recent sent delivery
 * still inside its reply window.
 */
export async function findRepliedDelivery(
  ctx: ConfirmationCtx,
  params: { orgId: string; patientId: string; replyToExternalId: string | null },
): Promise<Delivery | undefined> {
  if (params.replyToExternalId) {
    const quoted = await repo.findDeliveryByExternalId(ctx.db, { orgId: params.orgId, externalId: params.replyToExternalId });
    if (quoted && quoted.patientId === params.patientId) return quoted;
  }
  return repo.findLatestOpenDelivery(ctx.db, { orgId: params.orgId, patientId: params.patientId, now: ctx.clock.now() });
}

/**
 * Applies a patient's answer to a delivery. "Not taken" plans one gentle nudge (outside quiet
 * hours); for an appointment it tells the assigned volunteer the patient cannot come.
 */
export async function recordReminderAnswer(
  ctx: ConfirmationCtx,
  params: { org: Organisation; patient: Patient; delivery: Delivery; outcome: ReplyOutcome; messageId?: string },
): Promise<void> {
  const { org, patient, delivery } = params;
  const now = ctx.clock.now();
  if (params.outcome === "confirmed") {
    await repo.updateDelivery(ctx.db, { orgId: org.id, id: delivery.id, values: { confirmation: "confirmed", confirmedAt: now, nudgeDueAt: null } });
    return;
  }
  await repo.updateDelivery(ctx.db, {
    orgId: org.id,
    id: delivery.id,
    values: {
      confirmation: "not_taken",
      nudgeDueAt: delivery.nudgeSentAt ? null : nextAllowedTime(new Date(now.getTime() + DEFAULT_NUDGE_AFTER_MS), patient.timezone, quietHours(org)),
    },
  });
  const reminder = await repo.findReminder(ctx.db, { orgId: org.id, id: delivery.reminderId });
  if (reminder?.type === "appointment") {
    await openEscalation(ctx.db, {
      orgId: org.id,
      patientId: patient.id,
      messageId: params.messageId ?? null,
      kind: "handoff",
      signs: ["appointment_cannot_attend"],
      assignedToId: patient.assignedVolunteerId,
    });
  }
}

/** Emoji that mean "done" when a patient reacts to a reminder. */
export const CONFIRMING_REACTIONS = new Set(["👍", "👍🏻", "👍🏼", "👍🏽", "👍🏾", "👍🏿", "✅", "👌", "✔️"]);
