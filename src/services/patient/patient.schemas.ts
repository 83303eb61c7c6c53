import { z } from "zod";

/**
 * Shared by the API and the web forms: the same rules on both sides. The phone is checked
 * loosely here and normalised on the server with the organisation's country.
 */
export const LANGUAGES = ["id", "en"] as const;
export const SEXES = ["female", "male"] as const;
export const VERIFICATION_STATUSES = ["PENDING", "VERIFIED", "DECLINED", "EXPIRED"] as const;

const isTimezone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return tz.includes("/") || tz === "UTC";
  } catch {
    return false;
  }
};

const isPastDate = (value: string) => {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && date <= new Date() && value >= "1900-01-01";
};

/** Forms send "" for a cleared field: it means "none" (nullable fields) or "default" (the others). */
const blankAsNull = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? null : v), schema.nullable()).optional();
const blankAsDefault = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (v === "" ? undefined : v), schema.optional());

const patientFields = {
  name: z.string().trim().min(2, "must have at least 2 characters").max(120, "must have at most 120 characters"),
  phone: z
    .string()
    .trim()
    .min(6, "must have at least 6 characters")
    .max(32, "must have at most 32 characters")
    .regex(/^\+?[\d\s().-]+$/, "may contain only digits, spaces, +, -, ( and )"),
  dateOfBirth: blankAsNull(
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date as YYYY-MM-DD")
      .refine(isPastDate, "must be a real date between 1900 and today"),
  ),
  sex: blankAsNull(z.enum(SEXES)),
  language: blankAsDefault(z.enum(LANGUAGES)),
  timezone: blankAsDefault(z.string().refine(isTimezone, "must be an IANA time zone such as Asia/Jakarta")),
  notes: blankAsNull(z.string().trim().max(2000, "must have at most 2000 characters")),
};

export const createPatientBody = z.object({
  ...patientFields,
  /** Only pharmacists and admins choose; a volunteer's new patient is assigned to them. */
  assignedVolunteerId: blankAsNull(z.uuid("must be a staff user id")),
});
export type CreatePatientBody = z.infer<typeof createPatientBody>;

export const updatePatientBody = z
  .object(patientFields)
  .partial()
  .refine((body) => Object.keys(body).length > 0, "must change at least one field");
export type UpdatePatientBody = z.infer<typeof updatePatientBody>;

export const assignVolunteerBody = z.object({
  volunteerId: z.uuid("must be a staff user id").nullable(),
});
export type AssignVolunteerBody = z.infer<typeof assignVolunteerBody>;

export const patientIdParams = z.object({ id: z.uuid("must be a patient id") });

export const listPatientsQuery = z.object({
  q: z.string().trim().max(100, "must have at most 100 characters").optional(),
  limit: z.coerce.number().int("must be a whole number").min(1).max(100).default(25),
  cursor: z.string().max(512).optional(),
  volunteerId: z.uuid("must be a staff user id").optional(),
  verificationStatus: z.enum(VERIFICATION_STATUSES).optional(),
});
export type ListPatientsQuery = z.infer<typeof listPatientsQuery>;

/** What the API returns for a patient. */
export type PatientView = {
  id: string;
  name: string;
  phone: string;
  dateOfBirth: string | null;
  sex: (typeof SEXES)[number] | null;
  language: (typeof LANGUAGES)[number];
  timezone: string;
  assignedVolunteer: { id: string; name: string } | null;
  verificationStatus: (typeof VERIFICATION_STATUSES)[number];
  /** How often the YA/TIDAK question went out (at most 3). */
  verificationSendCount: number;
  consentWhatsapp: boolean;
  unsubscribedAt: string | null;
  /** Set while staff hold the conversation: no automatic replies until they resolve it. */
  automationPausedAt: string | null;
  notes: string | null;
  createdAt: string;
  updatedAt: string;
  /** Confirmed over sent reminders; present on list pages. */
  adherence?: { days7: AdherenceFigure; days30: AdherenceFigure };
};
type AdherenceFigure = { sent: number; confirmed: number; rate: number | null };

export type PatientPage = { items: PatientView[]; nextCursor: string | null };
