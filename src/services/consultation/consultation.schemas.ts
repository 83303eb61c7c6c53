import { z } from "zod";
import type { FieldIssue } from "@/lib/errors";
import { type Condition, CONDITIONS, FINDINGS_SCHEMAS, OUTCOMES, SEVERITIES, conditionSchema } from "../triage/triage.schemas";

export const CONSULTATION_STATUSES = ["DRAFT", "PENDING_APPROVAL", "APPROVED", "SUBMITTED", "REJECTED"] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

/** A finding's value as the API takes it; null means "not known" (on an edit: forget the answer). */
const findingValue = z.union([z.boolean(), z.number().finite(), z.enum(SEVERITIES), z.null()], {
  error: "must be true, false, a number, a severity or null",
});
const findingsRecord = z.record(z.string().max(64), findingValue, { error: "must be an object of findings" });

const patientFacts = {
  age: z.number({ error: "must be a number of years" }).finite().min(0, "must be at least 0").max(130, "must be at most 130"),
  sex: z.enum(["female", "male"], { error: "must be female or male" }),
  pregnant: z.boolean({ error: "must be true or false" }),
};

/** Forms send "" for a cleared text field: it means "none". */
const optionalText = (max: number) =>
  z
    .preprocess((v) => (v === "" ? null : v), z.string().trim().max(max, `must have at most ${max} characters`).nullable())
    .optional();

/**
 * Checks findings against the condition's own keys and types, so an error names the finding
 * (`findings.dysuria: expected boolean`). Shared by create (in the schema) and edit (in the
 * service, where the condition comes from the stored consultation).
 */
export function findingsIssues(condition: Condition, findings: Record<string, unknown>): FieldIssue[] {
  const parsed = FINDINGS_SCHEMAS[condition].safeParse(findings);
  if (parsed.success) return [];
  return parsed.error.issues.flatMap((issue) => {
    if (issue.code === "unrecognized_keys") {
      return issue.keys.map((key) => ({ field: `findings.${key}`, message: `is not a finding of ${condition}` }));
    }
    const path = ["findings", ...issue.path.map(String)].join(".");
    return [{ field: path, message: issue.message.replace(/^Invalid input: /, "") }];
  });
}

export const createConsultationBody = z
  .object({
    patientId: z.uuid("must be a patient id"),
    condition: z.enum(CONDITIONS, { error: `must be one of ${CONDITIONS.join(", ")}` }),
    findings: findingsRecord.default({}),
    age: patientFacts.age.optional(),
    sex: patientFacts.sex.optional(),
    pregnant: patientFacts.pregnant.optional(),
    advice: optionalText(2000),
  })
  .superRefine((body, ctx) => {
    if (!conditionSchema.safeParse(body.condition).success) return;
    for (const issue of findingsIssues(body.condition, body.findings)) {
      ctx.addIssue({ code: "custom", path: issue.field.split("."), message: issue.message });
    }
    if (body.sex === "male" && body.pregnant === true) {
      ctx.addIssue({ code: "custom", path: ["pregnant"], message: "cannot be true for a male patient" });
    }
  });
export type CreateConsultationBody = z.infer<typeof createConsultationBody>;

/** Findings are merged into the stored ones; a null forgets that finding. */
export const updateConsultationBody = z
  .object({
    findings: findingsRecord.optional(),
    age: patientFacts.age.nullable().optional(),
    sex: patientFacts.sex.nullable().optional(),
    pregnant: patientFacts.pregnant.nullable().optional(),
    advice: optionalText(2000),
    /** The pharmacist's choice, e.g. clarithromycin for a penicillin allergy. */
    treatmentProposed: optionalText(200),
  })
  .refine((body) => Object.values(body).some((v) => v !== undefined), "must change at least one field");
export type UpdateConsultationBody = z.infer<typeof updateConsultationBody>;

export const rejectConsultationBody = z.object({
  reason: z
    .string({ error: "is required" })
    .trim()
    .min(1, "must not be empty")
    .max(1000, "must have at most 1000 characters"),
});
export type RejectConsultationBody = z.infer<typeof rejectConsultationBody>;

export const consultationIdParams = z.object({ id: z.uuid("must be a consultation id") });

export const listConsultationsQuery = z.object({
  status: z.enum(CONSULTATION_STATUSES, { error: `must be one of ${CONSULTATION_STATUSES.join(", ")}` }).optional(),
  patientId: z.uuid("must be a patient id").optional(),
  limit: z.coerce.number().int("must be a whole number").min(1, "must be at least 1").max(100, "must be at most 100").default(25),
  cursor: z.string().max(512, "is not a cursor this API returned").optional(),
});
export type ListConsultationsQuery = z.infer<typeof listConsultationsQuery>;

export type Outcome = (typeof OUTCOMES)[number];

/** What the API returns for a consultation. */
export type ConsultationView = {
  id: string;
  patient: { id: string; name: string };
  triageSessionId: string | null;
  condition: string;
  findings: Record<string, boolean | number | string>;
  age: number | null;
  sex: "female" | "male" | null;
  pregnant: boolean | null;
  outcome: string;
  reasons: string[];
  redFlags: string[];
  /** Findings (or age, sex, pregnant) still needed before the outcome is decided. */
  missing: string[];
  treatmentProposed: string | null;
  advice: string | null;
  status: ConsultationStatus;
  pharmacistId: string | null;
  rejectionReason: string | null;
  approvedAt: string | null;
  submittedAt: string | null;
  followUpAnswer: string | null;
  createdAt: string;
  updatedAt: string;
};

export type ConsultationPage = { items: ConsultationView[]; nextCursor: string | null };

/** The claim record exported for an approved consultation. */
export type ConsultationClaim = {
  consultationId: string;
  status: ConsultationStatus;
  patient: { name: string; dateOfBirth: string | null; phone: string };
  condition: string;
  redFlags: string[];
  outcome: string;
  treatment: string | null;
  advice: string;
  pharmacist: { name: string; registrationNumber: string | null } | null;
  date: string | null;
  followUp: { dueAt: string; state: string; answer: string | null } | null;
};
