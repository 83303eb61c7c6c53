import { and, eq } from "drizzle-orm";
import { type Message, type Organisation, type Patient, consultations } from "@/db/schema";
import { insertAuditEntry } from "../audit/audit.repository";
import { alertPharmacistOnDuty } from "../escalation/alert.service";
import { openEscalation } from "../escalation/escalation.repository";
import { type OutboundCtx, sendText } from "../messaging/outbound.service";
import { findOrganisationById } from "../organisation/organisation.repository";
import { findPatientById } from "../patient/patient.repository";
import { normaliseText } from "../triage/normalise-text";
import { PROTOCOLS } from "../triage/protocols";
import type { Condition } from "../triage/triage.schemas";
import * as repo from "./follow-up.repository";

export type FollowUpAnswer = "better" | "same" | "worse";
/** A follow-up is open for an answer this long after it was sent. */
const ANSWER_WINDOW_MS = 7 * 86400_000;

const QUESTION = {
  id: (what: string) => `Bagaimana keluhan ${what} Anda sekarang?\n1. Lebih baik\n2. Sama saja\n3. Lebih buruk\nBalas dengan nomornya.`,
  en: (what: string) => `How is your ${what} now?\n1. Better\n2. The same\n3. Worse\nReply with the number.`,
};
const REPLIES: Record<FollowUpAnswer, Record<"id" | "en", string>> = {
  better: { id: "Senang mendengarnya. Semoga lekas pulih sepenuhnya.", en: "Good to hear. We hope you are fully well soon." },
  same: {
    id: "Karena belum membaik, sebaiknya Anda diperiksa dokter. Silakan buat janji dengan dokter atau puskesmas; apoteker kami sudah mencatatnya.",
    en: "As it is not better, please see a doctor. Book an appointment with your GP; our pharmacist has noted it.",
  },
  worse: {
    id: "Keluhan yang memburuk perlu diperiksa dokter HARI INI. Apoteker kami sudah diberi tahu. Dalam keadaan darurat segera ke IGD.",
    en: "Getting worse needs a doctor TODAY. Our pharmacist has been alerted. In an emergency go to the emergency department.",
  },
};

/** The cron: each follow-up that came due goes out exactly once. */
export async function sendDueFollowUps(ctx: OutboundCtx): Promise<number> {
  let sent = 0;
  for (;;) {
    const due = await repo.claimDueFollowUps(ctx.db, { now: ctx.clock.now(), limit: 50 });
    if (due.length === 0) return sent;
    for (const followUp of due) {
      const [org, patient, consultation] = await Promise.all([
        findOrganisationById(ctx.db, { id: followUp.orgId }),
        findPatientById(ctx.db, { orgId: followUp.orgId, id: followUp.patientId }),
        ctx.db.select().from(consultations).where(and(eq(consultations.orgId, followUp.orgId), eq(consultations.id, followUp.consultationId))).then((r) => r[0]),
      ]);
      if (!org || !patient || !consultation || patient.unsubscribedAt || patient.deletedAt || consultation.status === "REJECTED") {
        await repo.updateFollowUp(ctx.db, { orgId: followUp.orgId, id: followUp.id, values: { state: "cancelled" } });
        continue;
      }
      const label = PROTOCOLS[consultation.condition as Condition]?.label[patient.language] ?? consultation.condition;
      const message = await sendText(ctx, { org, patientId: patient.id, phone: patient.phone, purpose: "follow_up", text: QUESTION[patient.language](label.toLowerCase()), dedupeKey: `follow-up:${followUp.id}` });
      if (message?.status === "sent") sent++;
    }
  }
}

/** "1"/"better"/"membaik" and friends; null when the message is not an answer to the follow-up. */
export function parseFollowUpAnswer(text: string): FollowUpAnswer | null {
  const normal = normaliseText(text);
  if (/^(3|tiga)\b|lebih (buruk|parah|sakit)|(makin|tambah|semakin) (parah|sakit|buruk)|memburuk|\bworse\b|getting bad/.test(normal)) return "worse";
  if (/^(2|dua)\b|\bsama( saja| aja)?\b|\bmasih\b|(belum|tidak|tdk|gak|ga|nggak) (membaik|sembuh|ada perubahan|berubah)|\bsame\b|no change|not better/.test(normal)) return "same";
  if (/^(1|satu)\b|lebih baik|membaik|\bsembuh\b|sudah baik|\bbetter\b|\bfine now\b|\bgood\b/.test(normal)) return "better";
  return null;
}

/**
 * A reply to an open follow-up is stored on the consultation. "Worse" escalates to the pharmacist
 * at once; "same" after the course refers the patient on. Returns false when the message is not
 * such an answer (it then goes through the normal pipeline).
 */
export async function answerFollowUp(ctx: OutboundCtx, turn: { org: Organisation; patient: Patient; message: Message; text: string }): Promise<boolean> {
  // the cheap check first: most messages are not follow-up answers and need no query
  const answer = parseFollowUpAnswer(turn.text);
  if (!answer) return false;
  const now = ctx.clock.now();
  const open = await repo.findOpenFollowUp(ctx.db, { orgId: turn.org.id, patientId: turn.patient.id, since: new Date(now.getTime() - ANSWER_WINDOW_MS) });
  if (!open) return false;
  await ctx.db.transaction(async (tx) => {
    await repo.updateFollowUp(tx, { orgId: turn.org.id, id: open.id, values: { state: "answered", answer, answeredAt: now } });
    await tx
      .update(consultations)
      .set({ followUpAnswer: answer, followUpAnsweredAt: now })
      .where(and(eq(consultations.orgId, turn.org.id), eq(consultations.id, open.consultationId)));
    await insertAuditEntry(tx, { orgId: turn.org.id, actorId: turn.patient.id, actorType: "patient", action: "consultation.follow_up_answered", entityType: "consultation", entityId: open.consultationId, metadata: { answer } });
  });
  await sendText(ctx, { org: turn.org, patientId: turn.patient.id, phone: turn.patient.phone, purpose: "follow_up", text: REPLIES[answer][turn.patient.language], dedupeKey: `follow-up-answer:${turn.message.id}` });
  if (answer !== "better") {
    const { escalation, created } = await openEscalation(ctx.db, {
      orgId: turn.org.id,
      patientId: turn.patient.id,
      messageId: turn.message.id,
      kind: answer === "worse" ? "urgent" : "handoff",
      signs: [`follow_up:${answer}`],
      assignedToId: turn.patient.assignedVolunteerId,
    });
    if (answer === "worse" && created) {
      await alertPharmacistOnDuty(ctx, { org: turn.org, patient: turn.patient, escalation, summary: "follow-up: worse" });
    }
  }
  return true;
}

/** The follow-ups cron: due follow-ups, then idle triage dialogs (one reminder, then abandoned). */
export async function runFollowUpCron(ctx: OutboundCtx) {
  const { remindIdleTriages } = await import("../triage/triage-dialog.service");
  const followUpsSent = await sendDueFollowUps(ctx);
  const triage = await remindIdleTriages(ctx);
  return { followUpsSent, triageReminded: triage.reminded, triageAbandoned: triage.abandoned };
}
