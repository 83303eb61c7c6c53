import { DateTime } from "luxon";
import type { Db, Tx } from "@/db/client";
import type { StaffUser } from "@/db/schema";
import type { Clock } from "@/lib/clock";
import { AppError, badRequest, conflict, forbidden, notFound } from "@/lib/errors";
import { insertAuditEntry } from "../audit/audit.repository";
import { findOrganisationById } from "../organisation/organisation.repository";
import { getPatientOrThrow, patientScope } from "../patient/patient.service";
import { findStaffInOrg } from "../staff/staff.repository";
import { questionsFor } from "../triage/engine";
import { PROTOCOLS } from "../triage/protocols";
import { type Condition, type FindingValue, conditionSchema } from "../triage/triage.schemas";
import { adviceFor } from "./advice";
import { type ConsultationAssessment, assessConsultation } from "./assessment";
import type {
  ConsultationClaim,
  ConsultationPage,
  ConsultationStatus,
  ConsultationView,
  CreateConsultationBody,
  ListConsultationsQuery,
  RejectConsultationBody,
  UpdateConsultationBody,
} from "./consultation.schemas";
import { findingsIssues } from "./consultation.schemas";
import * as repo from "./consultation.repository";
import { followUpDelayHours } from "./follow-up-policy";
import { findFollowUpOfConsultation, insertFollowUp } from "./follow-up.repository";

export type ConsultationCtx = { db: Db; clock: Clock };

/** Volunteers follow their own patients' consultations; pharmacists and admins the organisation's. */
const consultationScope = (staff: StaffUser): repo.ConsultationScope => patientScope(staff);

// ---------------------------------------------------------------------------------------------
// Rights. Checked before any lookup: they depend on the staff user only, so they reveal nothing
// about another organisation's ids (those stay 404).

/** Documentation work: starting, editing, submitting, marking the claim sent, exporting. */
function requireClinicalStaff(staff: StaffUser, what: string) {
  if (staff.role !== "PHARMACIST" && staff.role !== "ADMIN") throw forbidden(`Only pharmacists and admins can ${what}`);
}

function requirePharmacist(staff: StaffUser, what: string) {
  if (staff.role !== "PHARMACIST") throw forbidden(`Only a pharmacist can ${what}`);
}

/** Approval is a professional act: the pharmacist's registration goes on the claim. */
function requireRegisteredPharmacist(staff: StaffUser) {
  requirePharmacist(staff, "approve a consultation");
  if (!staff.registrationNumber?.trim()) {
    throw forbidden("Your registration number (e.g. STRA/SIPA) is not on your account: ask an admin to add it before you approve consultations");
  }
}

// ---------------------------------------------------------------------------------------------
// Views

function isCondition(value: string): value is Condition {
  return conditionSchema.safeParse(value).success;
}

function assessRow(row: Pick<repo.ConsultationRow, "condition" | "age" | "sex" | "pregnant" | "findings">): ConsultationAssessment | null {
  if (!isCondition(row.condition)) return null;
  return assessConsultation({ condition: row.condition, age: row.age, sex: row.sex, pregnant: row.pregnant, findings: row.findings });
}

export function toConsultationView(row: repo.ConsultationRow): ConsultationView {
  const iso = (d: Date | null) => d?.toISOString() ?? null;
  return {
    id: row.id,
    patient: { id: row.patientId, name: row.patientName },
    triageSessionId: row.triageSessionId,
    condition: row.condition,
    findings: row.findings,
    age: row.age,
    sex: row.sex,
    pregnant: row.pregnant,
    outcome: row.outcome,
    reasons: row.reasons,
    redFlags: row.redFlags,
    missing: row.outcome === "incomplete" ? (assessRow(row)?.missing ?? []) : [],
    treatmentProposed: row.treatmentProposed,
    advice: row.advice,
    status: row.status,
    pharmacistId: row.pharmacistId,
    rejectionReason: row.rejectionReason,
    approvedAt: iso(row.approvedAt),
    submittedAt: iso(row.submittedAt),
    followUpAnswer: row.followUpAnswer,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

// ---------------------------------------------------------------------------------------------
// Reads

export async function getConsultationOrThrow(ctx: ConsultationCtx, staff: StaffUser, id: string): Promise<repo.ConsultationRow> {
  const row = await repo.findConsultation(ctx.db, { ...consultationScope(staff), id });
  if (!row) throw notFound("Consultation");
  return row;
}

export async function getConsultation(ctx: ConsultationCtx, staff: StaffUser, id: string): Promise<ConsultationView> {
  return toConsultationView(await getConsultationOrThrow(ctx, staff, id));
}

export async function listConsultations(
  ctx: ConsultationCtx,
  staff: StaffUser,
  query: ListConsultationsQuery,
): Promise<ConsultationPage> {
  const rows = await repo.listConsultations(ctx.db, {
    ...consultationScope(staff),
    status: query.status,
    patientId: query.patientId,
    after: query.cursor ? decodeCursor(query.cursor) : undefined,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => toConsultationView(r.row)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last.cursorAt, last.row.id) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Writes

/** Age in years (fractional: 1.5 is eighteen months) on the patient's own calendar. */
function ageFromDateOfBirth(dateOfBirth: string | null, timezone: string, now: Date): number | null {
  if (!dateOfBirth) return null;
  const born = DateTime.fromISO(dateOfBirth, { zone: timezone });
  const years = DateTime.fromJSDate(now, { zone: timezone }).diff(born, "years").years;
  return Number.isFinite(years) && years >= 0 ? Math.floor(years * 100) / 100 : null;
}

/** Known findings only: null and undefined mean "not known" and are not stored. */
function knownFindings(findings: Readonly<Record<string, FindingValue | null | undefined>>): Record<string, FindingValue> {
  return Object.fromEntries(Object.entries(findings).filter(([, v]) => v !== null && v !== undefined)) as Record<string, FindingValue>;
}

/** The columns `assess` decides. */
function assessedValues(assessment: ConsultationAssessment) {
  return {
    outcome: assessment.outcome,
    reasons: assessment.reasons,
    redFlags: assessment.redFlags,
    treatmentProposed: assessment.treatment,
  };
}

export async function createConsultation(
  ctx: ConsultationCtx,
  staff: StaffUser,
  body: CreateConsultationBody,
): Promise<ConsultationView> {
  requireClinicalStaff(staff, "start a consultation");
  const patient = await getPatientOrThrow(ctx, staff, body.patientId);
  // what the pharmacist says wins; otherwise the patient's record
  const age = body.age ?? ageFromDateOfBirth(patient.dateOfBirth, patient.timezone, ctx.clock.now());
  const sex = body.sex ?? patient.sex ?? null;
  const pregnant = body.pregnant ?? (sex === "male" ? false : null);
  const findings = knownFindings(body.findings);
  const assessment = assessConsultation({ condition: body.condition, age, sex, pregnant, findings });
  const created = await ctx.db.transaction(async (tx) => {
    const row = await repo.insertConsultation(tx, {
      orgId: staff.orgId,
      patientId: patient.id,
      condition: body.condition,
      findings,
      age,
      sex,
      pregnant,
      ...assessedValues(assessment),
      advice: body.advice ?? null,
      status: "DRAFT",
      createdById: staff.id,
    });
    if (!row) throw new Error("insert returned no consultation");
    await audit(tx, staff, "consultation.created", row.id, {
      patientId: patient.id,
      condition: body.condition,
      outcome: assessment.outcome,
    });
    return row;
  });
  return toConsultationView({ ...created, patientName: patient.name });
}

const EDITABLE: readonly ConsultationStatus[] = ["DRAFT", "PENDING_APPROVAL"];

/** Edits the documentation; new findings or patient facts re-run `assess`. Only before a decision. */
export async function updateConsultation(
  ctx: ConsultationCtx,
  staff: StaffUser,
  id: string,
  body: UpdateConsultationBody,
): Promise<ConsultationView> {
  requireClinicalStaff(staff, "edit a consultation");
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await lockConsultation(tx, staff, id);
    if (!EDITABLE.includes(row.status)) {
      throw conflict(`The consultation is ${row.status}: it can be edited only while DRAFT or PENDING_APPROVAL`, "status");
    }
    if (body.findings && isCondition(row.condition)) {
      const issues = findingsIssues(row.condition, body.findings);
      if (issues.length > 0) {
        throw new AppError("BAD_REQUEST", issues.map((i) => `${i.field}: ${i.message}`).join("; "), issues);
      }
    }
    const facts = {
      findings: body.findings ? knownFindings({ ...row.findings, ...body.findings }) : row.findings,
      age: body.age !== undefined ? body.age : row.age,
      sex: body.sex !== undefined ? body.sex : row.sex,
      pregnant: body.pregnant !== undefined ? body.pregnant : row.pregnant,
    };
    if (facts.sex === "male" && facts.pregnant === true) throw badRequest("pregnant", "cannot be true for a male patient");
    const values: Partial<repo.NewConsultation> = { ...facts };
    const factsChanged = (["findings", "age", "sex", "pregnant"] as const).some((k) => !same(facts[k], row[k]));
    if (factsChanged) {
      const assessment = assessRow({ condition: row.condition, ...facts });
      if (assessment) Object.assign(values, assessedValues(assessment));
    }
    if (body.advice !== undefined) values.advice = body.advice;
    if (body.treatmentProposed !== undefined) values.treatmentProposed = body.treatmentProposed;

    const changed = Object.keys(values).filter((k) => !same(values[k as keyof typeof values], row[k as keyof typeof row]));
    if (changed.length === 0) return row;
    const saved = await repo.updateConsultation(tx, { orgId: staff.orgId, id, status: row.status, values });
    if (!saved) throw notFound("Consultation");
    // field names only: the values are patient data
    await audit(tx, staff, "consultation.updated", id, { fields: changed.sort() });
    return { ...saved, patientName: row.patientName };
  });
  return toConsultationView(updated);
}

type TransitionSpec = {
  action: string;
  verb: string;
  from: readonly ConsultationStatus[];
  to: ConsultationStatus;
  /** Refuses the move for this row (throws), e.g. an undecided outcome. */
  check?: (row: repo.ConsultationRow) => void;
  values?: (now: Date) => Partial<repo.NewConsultation>;
  /** More work in the same transaction; returns extra audit metadata. */
  after?: (tx: Tx, row: repo.ConsultationRow, now: Date) => Promise<Record<string, unknown>>;
};

/**
 * One status change: the row is locked, its status checked and changed, and the change audited,
 * all in one transaction — so of two concurrent approvals the second sees APPROVED and gets 409.
 */
async function transition(ctx: ConsultationCtx, staff: StaffUser, id: string, spec: TransitionSpec): Promise<ConsultationView> {
  const updated = await ctx.db.transaction(async (tx) => {
    const row = await lockConsultation(tx, staff, id);
    if (!spec.from.includes(row.status)) {
      throw conflict(`Cannot ${spec.verb} a consultation that is ${row.status} (only ${spec.from.join(" or ")})`, "status");
    }
    spec.check?.(row);
    const now = ctx.clock.now();
    // status in the WHERE as well: the guarantee holds even without the lock
    const saved = await repo.updateConsultation(tx, {
      orgId: staff.orgId,
      id,
      status: row.status,
      values: { status: spec.to, ...spec.values?.(now) },
    });
    if (!saved) throw conflict(`Cannot ${spec.verb} the consultation: it changed meanwhile`, "status");
    const extra = (await spec.after?.(tx, { ...saved, patientName: row.patientName }, now)) ?? {};
    await audit(tx, staff, spec.action, id, { from: row.status, to: spec.to, ...extra });
    return { ...saved, patientName: row.patientName };
  });
  return toConsultationView(updated);
}

/** A decision needs a decided outcome: names the findings still missing. */
function requireDecided(verb: string) {
  return (row: repo.ConsultationRow) => {
    const assessment = assessRow(row);
    if (row.outcome === "incomplete" || assessment?.outcome === "incomplete") {
      const missing = assessment?.missing ?? [];
      throw conflict(
        `Cannot ${verb}: the assessment is incomplete${missing.length > 0 ? `; still needed: ${missing.join(", ")}` : ""}`,
        "findings",
      );
    }
  };
}

export function submitForApproval(ctx: ConsultationCtx, staff: StaffUser, id: string): Promise<ConsultationView> {
  requireClinicalStaff(staff, "submit a consultation for approval");
  return transition(ctx, staff, id, {
    action: "consultation.submitted_for_approval",
    verb: "submit for approval",
    from: ["DRAFT"],
    to: "PENDING_APPROVAL",
    check: requireDecided("submit for approval"),
  });
}

/** Approves and schedules the follow-up the pathway asks for (none after a referral). */
export function approveConsultation(ctx: ConsultationCtx, staff: StaffUser, id: string): Promise<ConsultationView> {
  requireRegisteredPharmacist(staff);
  return transition(ctx, staff, id, {
    action: "consultation.approved",
    verb: "approve",
    from: ["PENDING_APPROVAL"],
    to: "APPROVED",
    check: requireDecided("approve"),
    values: (now) => ({ pharmacistId: staff.id, approvedAt: now }),
    after: async (tx, row, now) => {
      const hours = followUpDelayHours(row.condition, row.outcome, row.reasons);
      if (hours === null) return { registrationNumber: staff.registrationNumber, followUpId: null };
      const followUp = await insertFollowUp(tx, {
        orgId: row.orgId,
        consultationId: row.id,
        patientId: row.patientId,
        dueAt: new Date(now.getTime() + hours * 3_600_000),
      });
      return { registrationNumber: staff.registrationNumber, followUpId: followUp?.id ?? null };
    },
  });
}

/** The reason is stored on the consultation, not in the audit log: it may describe the patient. */
export function rejectConsultation(
  ctx: ConsultationCtx,
  staff: StaffUser,
  id: string,
  body: RejectConsultationBody,
): Promise<ConsultationView> {
  requirePharmacist(staff, "reject a consultation");
  return transition(ctx, staff, id, {
    action: "consultation.rejected",
    verb: "reject",
    from: ["DRAFT", "PENDING_APPROVAL"],
    to: "REJECTED",
    values: () => ({ rejectionReason: body.reason, pharmacistId: staff.id }),
  });
}

/** The claim has been sent to the payer. */
export function markSubmitted(ctx: ConsultationCtx, staff: StaffUser, id: string): Promise<ConsultationView> {
  requireClinicalStaff(staff, "mark a claim as submitted");
  return transition(ctx, staff, id, {
    action: "consultation.claim_submitted",
    verb: "mark as submitted",
    from: ["APPROVED"],
    to: "SUBMITTED",
    values: (now) => ({ submittedAt: now }),
  });
}

// ---------------------------------------------------------------------------------------------
// Claim and print-out

export type ConsultationRecord = {
  consultation: ConsultationView;
  organisation: { name: string; emergencyNumber: string; timezone: string };
  patient: { name: string; dateOfBirth: string | null; phone: string; language: "id" | "en" };
  conditionLabel: string;
  /** Each known finding with the question that sets it, in protocol order. */
  findings: Array<{ key: string; label: string; value: FindingValue }>;
  pharmacist: { name: string; registrationNumber: string | null } | null;
  followUp: { dueAt: string; state: string; answer: string | null } | null;
  /** Self-care and safety-net advice in the patient's language, then the pharmacist's own. */
  advice: string;
};

/** Everything a claim or a print-out shows, for a consultation the staff user may see. */
export async function getConsultationRecord(ctx: ConsultationCtx, staff: StaffUser, id: string): Promise<ConsultationRecord> {
  return buildRecord(ctx, staff, await getConsultationOrThrow(ctx, staff, id));
}

async function buildRecord(ctx: ConsultationCtx, staff: StaffUser, row: repo.ConsultationRow): Promise<ConsultationRecord> {
  const [patient, org, pharmacist, followUp] = await Promise.all([
    getPatientOrThrow(ctx, staff, row.patientId),
    findOrganisationById(ctx.db, { id: staff.orgId }),
    row.pharmacistId ? findStaffInOrg(ctx.db, { orgId: staff.orgId, id: row.pharmacistId }) : undefined,
    findFollowUpOfConsultation(ctx.db, { orgId: staff.orgId, consultationId: row.id }),
  ]);
  if (!org) throw notFound("Organisation");
  const standard = adviceFor({
    condition: row.condition,
    outcome: row.outcome,
    reasons: row.reasons,
    treatment: row.treatmentProposed,
    language: patient.language,
    emergencyNumber: org.emergencyNumber,
  });
  const questions = isCondition(row.condition) ? questionsFor(row.condition) : [];
  const rank = (key: string) => {
    const i = questions.findIndex((q) => q.id === key);
    return i === -1 ? questions.length : i;
  };
  return {
    consultation: toConsultationView(row),
    organisation: { name: org.name, emergencyNumber: org.emergencyNumber, timezone: org.timezone },
    patient: { name: patient.name, dateOfBirth: patient.dateOfBirth, phone: patient.phone, language: patient.language },
    conditionLabel: isCondition(row.condition) ? PROTOCOLS[row.condition].label.en : row.condition,
    findings: Object.entries(row.findings)
      .sort(([a], [b]) => rank(a) - rank(b))
      .map(([key, value]) => ({ key, label: questions.find((q) => q.id === key)?.text.en ?? key, value })),
    pharmacist: pharmacist ? { name: pharmacist.name, registrationNumber: pharmacist.registrationNumber } : null,
    followUp: followUp
      ? { dueAt: followUp.dueAt.toISOString(), state: followUp.state, answer: followUp.answer ?? row.followUpAnswer }
      : null,
    advice: row.advice ? `${standard}\n${row.advice}` : standard,
  };
}

/** The claim record of an approved (or already submitted) consultation. */
export async function exportClaim(ctx: ConsultationCtx, staff: StaffUser, id: string): Promise<ConsultationClaim> {
  requireClinicalStaff(staff, "export a claim");
  const row = await getConsultationOrThrow(ctx, staff, id);
  if (row.status !== "APPROVED" && row.status !== "SUBMITTED") {
    throw conflict(`Cannot export a claim for a consultation that is ${row.status} (only APPROVED or SUBMITTED)`, "status");
  }
  const record = await buildRecord(ctx, staff, row);
  return {
    consultationId: row.id,
    status: row.status,
    patient: { name: record.patient.name, dateOfBirth: record.patient.dateOfBirth, phone: record.patient.phone },
    condition: row.condition,
    redFlags: row.redFlags,
    outcome: row.outcome,
    treatment: row.treatmentProposed,
    advice: record.advice,
    pharmacist: record.pharmacist,
    date: row.approvedAt?.toISOString() ?? null,
    followUp: record.followUp,
  };
}

// ---------------------------------------------------------------------------------------------
// Helpers

async function lockConsultation(tx: Tx, staff: StaffUser, id: string): Promise<repo.ConsultationRow> {
  const row = await repo.findConsultation(tx, { ...consultationScope(staff), id, lock: true });
  if (!row) throw notFound("Consultation");
  return row;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

function audit(tx: Tx, staff: StaffUser, action: string, consultationId: string, metadata?: Record<string, unknown>) {
  return insertAuditEntry(tx, {
    orgId: staff.orgId,
    actorId: staff.id,
    actorType: "staff",
    action,
    entityType: "consultation",
    entityId: consultationId,
    metadata,
  });
}

function encodeCursor(createdAt: string, id: string): string {
  return Buffer.from(JSON.stringify([createdAt, id])).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: string; id: string } {
  try {
    const [createdAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as unknown[];
    if (
      typeof createdAt === "string" &&
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/.test(createdAt) &&
      typeof id === "string" &&
      /^[0-9a-f-]{36}$/i.test(id)
    ) {
      return { createdAt, id };
    }
  } catch {
    // fall through to the 400 below
  }
  throw badRequest("cursor", "is not a cursor this API returned");
}
