import { DateTime } from "luxon";
import type { Message, Organisation, Patient, TriageSession } from "@/db/schema";
import { insertAuditEntry } from "../audit/audit.repository";
import { insertConsultation } from "../consultation/consultation.repository";
import { followUpDelayHours } from "../consultation/follow-up-policy";
import { alertPharmacistOnDuty } from "../escalation/alert.service";
import { openEscalation } from "../escalation/escalation.repository";
import { type OutboundCtx, sendText } from "../messaging/outbound.service";
import { parseAnswer, parseCount, parseYesNo } from "./answer-parser";
import { conditionMenu, parseConditionChoice } from "./condition-picker";
import { dialogTexts, formatQuestion, outcomeTexts, retryText } from "./dialog-texts";
import { COMMON_QUESTIONS, assess, questionsFor } from "./engine";
import { normaliseText } from "./normalise-text";
import type { Question } from "./protocol";
import * as repo from "./triage.repository";
import type { Condition, TriageFacts, TriageResult } from "./triage.schemas";

export type TriageCtx = OutboundCtx;
/** One patient message inside (or starting) a dialog. */
export type TriageTurn = { org: Organisation; patient: Patient; message: Message; text: string };

type Pending = "condition" | "age" | "sex" | "pregnant" | string;

/** A dialog waits this long for an answer before one reminder, and this long before it is abandoned. */
export const TRIAGE_REMIND_AFTER_MS = 2 * 3600_000;
export const TRIAGE_ABANDON_AFTER_MS = 24 * 3600_000;
const MAX_MISREADS = 2;

/**
 * A symptom report starts a Pharmacy First dialog: the likely condition (or a numbered list to
 * choose from), then the missing findings one short question at a time, red flags first.
 */
export async function startTriage(ctx: TriageCtx, turn: TriageTurn, condition: Condition | null): Promise<TriageSession> {
  const { org, patient } = turn;
  const { session, created } = await repo.openTriage(ctx.db, {
    orgId: org.id,
    patientId: patient.id,
    condition,
    age: ageFromRecord(patient, ctx.clock.now()),
    sex: patient.sex,
    startedByMessageId: turn.message.id,
  });
  if (created) {
    await insertAuditEntry(ctx.db, { orgId: org.id, actorId: patient.id, actorType: "patient", action: "triage.started", entityType: "triage_session", entityId: session.id, metadata: { condition } });
  }
  await advance(ctx, turn, session, dialogTexts.intro[patient.language]);
  return session;
}

/** The patient's answer to the question the dialog is waiting on. */
export async function continueTriage(ctx: TriageCtx, turn: TriageTurn, session: TriageSession): Promise<void> {
  const lang = turn.patient.language;
  const pending = session.pendingQuestion as Pending | null;
  const update: Partial<TriageSession> = {};
  if (pending === "condition") {
    const condition = parseConditionChoice(turn.text);
    if (!condition) return handOver(ctx, turn, session);
    update.condition = condition;
  } else if (pending === "age") {
    const age = parseCount(normaliseText(turn.text));
    if (age === null || age > 120) return misread(ctx, turn, session, "age");
    update.age = age;
  } else if (pending === "sex") {
    const sex = parseSex(turn.text);
    if (!sex) return misread(ctx, turn, session, "sex");
    update.sex = sex;
  } else if (pending === "pregnant") {
    const normal = normaliseText(turn.text);
    const pregnant = parseYesNo(normal);
    if (pregnant === null) return misread(ctx, turn, session, "pregnant");
    update.pregnant = pregnant;
  } else if (pending && session.condition) {
    const question = questionsFor(session.condition as Condition).find((q) => q.id === pending);
    if (question) {
      const today = DateTime.fromJSDate(ctx.clock.now(), { zone: turn.patient.timezone }).toISODate() ?? undefined;
      const parsed = parseAnswer(question, turn.text, lang, today);
      if (!parsed.ok) return misread(ctx, turn, session, question);
      if ("unknown" in parsed) update.unanswered = [...session.unanswered, question.id];
      else update.findings = { ...session.findings, [question.id]: parsed.value };
    }
  }
  const updated = await repo.updateTriage(ctx.db, { orgId: turn.org.id, id: session.id, values: { ...update, misreads: 0 } });
  await advance(ctx, turn, updated ?? { ...session, ...update });
}

/** STOP or an emergency ends the dialog at once; nothing more is asked. */
export async function closeTriage(ctx: TriageCtx, session: TriageSession, status: "stopped" | "escalated"): Promise<void> {
  await repo.updateTriage(ctx.db, { orgId: session.orgId, id: session.id, values: { status, pendingQuestion: null, completedAt: ctx.clock.now() } });
}

/** Asks the next thing the decision needs, or finishes when nothing the patient can answer is left. */
async function advance(ctx: TriageCtx, turn: TriageTurn, session: TriageSession, preface?: string): Promise<void> {
  const lang = turn.patient.language;
  if (!session.condition) {
    return ask(ctx, turn, session, "condition", [preface, `${conditionMenu(lang)}\n${dialogTexts.menuNone[lang]}`]);
  }
  // Serious illness first, before anything else (pharmacy-first.md): a known red flag decides
  // whatever the patient's age or sex, so it is checked before those are asked.
  const flagged = assess(factsOf(session));
  if (flagged.outcome === "emergency" || flagged.outcome === "urgent_referral") return finish(ctx, turn, session, flagged);
  const serious = COMMON_QUESTIONS.find((q) => session.findings[q.id] === undefined && !session.unanswered.includes(q.id));
  if (serious) return ask(ctx, turn, session, serious.id, [preface, formatQuestion(serious, lang)]);
  if (session.age === null) return ask(ctx, turn, session, "age", [preface, dialogTexts.age[lang]]);
  if (!session.sex) return ask(ctx, turn, session, "sex", [preface, dialogTexts.sex[lang]]);
  if (session.pregnant === null) {
    // asked only where it can be true
    if (session.sex === "female" && session.age >= 10 && session.age <= 55) return ask(ctx, turn, session, "pregnant", [preface, dialogTexts.pregnant[lang]]);
    session = (await repo.updateTriage(ctx.db, { orgId: turn.org.id, id: session.id, values: { pregnant: false } })) ?? { ...session, pregnant: false };
  }
  const facts = factsOf(session);
  const result = assess(facts);
  if (result.outcome !== "incomplete") return finish(ctx, turn, session, result);
  const question = nextPatientQuestion(session, result);
  if (!question) return finish(ctx, turn, session, result);
  return ask(ctx, turn, session, question.id, [preface, formatQuestion(question, lang)]);
}

/** The first missing finding the patient can answer and has not said they do not know. */
function nextPatientQuestion(session: TriageSession, result: TriageResult): Question | null {
  const questions = questionsFor(session.condition as Condition);
  for (const key of result.missing) {
    const question = questions.find((q) => q.id === key);
    if (question && question.askable === "patient" && !session.unanswered.includes(key)) return question;
  }
  return null;
}

async function ask(ctx: TriageCtx, turn: TriageTurn, session: TriageSession, pending: Pending, parts: Array<string | undefined>) {
  await repo.updateTriage(ctx.db, {
    orgId: turn.org.id,
    id: session.id,
    values: { pendingQuestion: pending, lastAskedAt: ctx.clock.now(), reminderSentAt: null },
  });
  await say(ctx, turn, parts.filter(Boolean).join("\n\n"));
}

/** An answer we could not read: ask again with a hint; after two misses leave it to the pharmacist. */
async function misread(ctx: TriageCtx, turn: TriageTurn, session: TriageSession, question: Question | "age" | "sex" | "pregnant") {
  const lang = turn.patient.language;
  const misreads = session.misreads + 1;
  if (misreads < MAX_MISREADS) {
    await repo.updateTriage(ctx.db, { orgId: turn.org.id, id: session.id, values: { misreads, lastAskedAt: ctx.clock.now() } });
    const again = typeof question === "string" ? dialogTexts[question][lang] : formatQuestion(question, lang);
    return say(ctx, turn, `${retryText(question, lang)}\n${again}`);
  }
  if (typeof question === "string") return handOver(ctx, turn, session);
  const updated = await repo.updateTriage(ctx.db, { orgId: turn.org.id, id: session.id, values: { misreads: 0, unanswered: [...session.unanswered, question.id] } });
  return advance(ctx, turn, updated ?? session);
}

/**
 * The end of the remote part: record the outcome and a consultation for the pharmacist; emergency
 * and urgent outcomes alert the pharmacist on duty at once. `incomplete` here means only the
 * pharmacist can answer what is left (an examination): the patient is invited to the pharmacy.
 */
async function finish(ctx: TriageCtx, turn: TriageTurn, session: TriageSession, result: TriageResult): Promise<void> {
  const { org, patient } = turn;
  const lang = patient.language;
  const condition = session.condition as Condition;
  const urgent = result.outcome === "emergency" || result.outcome === "urgent_referral";
  const closed = await ctx.db.transaction(async (tx) => {
    const row = await repo.updateTriage(tx, {
      orgId: org.id,
      id: session.id,
      values: { status: urgent ? "escalated" : "completed", outcome: result.outcome, reasons: result.reasons, pendingQuestion: null, completedAt: ctx.clock.now() },
    });
    const consultation = await insertConsultation(tx, {
      orgId: org.id,
      patientId: patient.id,
      triageSessionId: session.id,
      condition,
      findings: session.findings,
      age: session.age,
      sex: session.sex,
      pregnant: session.pregnant,
      outcome: result.outcome,
      reasons: result.reasons,
      redFlags: result.reasons.filter((r) => r.startsWith("red_flag:")).map((r) => r.slice("red_flag:".length)),
      treatmentProposed: result.treatment ?? null,
      // what only the pharmacist can answer keeps it a draft for them to complete
      status: result.outcome === "incomplete" ? "DRAFT" : "PENDING_APPROVAL",
    });
    if (consultation) {
      await insertAuditEntry(tx, { orgId: org.id, actorId: null, actorType: "system", action: "consultation.created", entityType: "consultation", entityId: consultation.id, metadata: { triageSessionId: session.id, outcome: result.outcome } });
    }
    return row;
  });
  if (!closed) return;
  if (urgent) {
    const { escalation } = await openEscalation(ctx.db, {
      orgId: org.id,
      patientId: patient.id,
      messageId: turn.message.id,
      kind: result.outcome === "emergency" ? "emergency" : "urgent",
      signs: result.reasons,
      assignedToId: patient.assignedVolunteerId,
    });
    // the patient first, then the pharmacist: neither waits on anything else
    await say(ctx, turn, result.outcome === "emergency" ? outcomeTexts.emergency(lang, org.emergencyNumber) : outcomeTexts.urgent_referral[lang]);
    await alertPharmacistOnDuty(ctx, { org, patient, escalation, summary: `triage ${condition}: ${result.reasons.join(", ")}` });
    return;
  }
  switch (result.outcome) {
    case "incomplete":
      return say(ctx, turn, dialogTexts.visitPharmacy[lang]);
    case "self_care": {
      const days = Math.max(1, Math.round((followUpDelayHours(condition, "self_care", result.reasons) ?? 72) / 24));
      return say(ctx, turn, outcomeTexts.self_care(lang, days, org.emergencyNumber));
    }
    case "treat":
    case "refer":
    case "not_eligible":
      return say(ctx, turn, outcomeTexts[result.outcome][lang]);
  }
}

/** The patient's complaint is none of the seven: a person on staff takes it from here. */
async function handOver(ctx: TriageCtx, turn: TriageTurn, session: TriageSession): Promise<void> {
  await repo.updateTriage(ctx.db, { orgId: turn.org.id, id: session.id, values: { status: "completed", outcome: "handed_over", pendingQuestion: null, completedAt: ctx.clock.now() } });
  await openEscalation(ctx.db, { orgId: turn.org.id, patientId: turn.patient.id, messageId: turn.message.id, kind: "symptom", signs: ["triage_handed_over"], assignedToId: turn.patient.assignedVolunteerId });
  await say(ctx, turn, dialogTexts.handedOver[turn.patient.language]);
}

async function say(ctx: TriageCtx, turn: TriageTurn, text: string): Promise<void> {
  await sendText(ctx, { org: turn.org, patientId: turn.patient.id, phone: turn.patient.phone, purpose: "triage", text, dedupeKey: `triage:${turn.message.id}` });
}

function factsOf(session: TriageSession): TriageFacts {
  return {
    condition: session.condition,
    age: session.age ?? 0,
    sex: session.sex ?? "female",
    pregnant: session.pregnant ?? false,
    findings: session.findings,
  } as TriageFacts;
}

/** Age in years (with a fraction, as the contract takes it) from the date of birth on record. */
export function ageFromRecord(patient: Pick<Patient, "dateOfBirth">, now: Date): number | null {
  if (!patient.dateOfBirth) return null;
  const years = DateTime.fromJSDate(now).diff(DateTime.fromISO(patient.dateOfBirth), "years").years;
  return Number.isFinite(years) && years >= 0 ? Math.floor(years * 100) / 100 : null;
}

function parseSex(text: string): "female" | "male" | null {
  const normal = normaliseText(text);
  if (/\b(perempuan|wanita|cewek|cewe|female|woman|girl|ibu|p|f)\b/.test(normal)) return "female";
  if (/\b(laki laki|laki|lakilaki|pria|cowok|cowo|male|man|boy|bapak|l|m)\b/.test(normal)) return "male";
  return null;
}

/** The cron: one reminder after two hours without an answer, and the dialog abandoned after a day. */
export async function remindIdleTriages(ctx: TriageCtx): Promise<{ reminded: number; abandoned: number }> {
  const now = ctx.clock.now();
  const abandoned = await repo.claimIdleTriages(ctx.db, { before: new Date(now.getTime() - TRIAGE_ABANDON_AFTER_MS), reminded: true, now, limit: 100 });
  const reminded = await repo.claimIdleTriages(ctx.db, { before: new Date(now.getTime() - TRIAGE_REMIND_AFTER_MS), reminded: false, now, limit: 100 });
  const { findOrganisationById } = await import("../organisation/organisation.repository");
  const { findPatientById } = await import("../patient/patient.repository");
  for (const [session, kind] of [...abandoned.map((s) => [s, "abandoned"] as const), ...reminded.map((s) => [s, "reminder"] as const)]) {
    const [org, patient] = await Promise.all([findOrganisationById(ctx.db, { id: session.orgId }), findPatientById(ctx.db, { orgId: session.orgId, id: session.patientId })]);
    if (!org || !patient || patient.unsubscribedAt) continue;
    const lang = patient.language;
    let text: string = dialogTexts.abandoned[lang];
    if (kind === "reminder") {
      const question = session.condition ? questionsFor(session.condition as Condition).find((q) => q.id === session.pendingQuestion) : undefined;
      const pending = session.pendingQuestion as string;
      const again = question ? formatQuestion(question, lang) : pending in dialogTexts ? dialogTexts[pending as "age" | "sex" | "pregnant"][lang] : conditionMenu(lang);
      text = `${dialogTexts.stillWaiting[lang]}\n${again}`;
    }
    await sendText(ctx, { org, patientId: patient.id, phone: patient.phone, purpose: "triage", text, dedupeKey: `triage-${kind}:${session.id}` });
  }
  return { reminded: reminded.length, abandoned: abandoned.length };
}
