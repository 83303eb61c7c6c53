import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import { MAX_MESSAGE_LENGTH, validateTemplate } from "./templates";

export const REMINDER_TYPES = ["medication", "appointment", "general"] as const;
export type ReminderType = (typeof REMINDER_TYPES)[number];

export const DEFAULT_APPOINTMENT_OFFSETS_MINUTES = [1440, 120];
const MAX_OFFSET_MINUTES = 60 * 24 * 30;

const isRealDate = (value: string) => DateTime.fromISO(value, { zone: "utc" }).isValid;

const localDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "must be a date as YYYY-MM-DD", abort: true })
  .refine(isRealDate, "must be a real calendar date");

export const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "must be a time as HH:mm (00:00 to 23:59)");

const localDateTime = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d$/, { message: "must be a local date and time as YYYY-MM-DDTHH:mm", abort: true })
  .refine(isRealDate, "must be a real calendar date and time");

export const timezone = z.string().refine((tz) => IANAZone.isValidZone(tz), "must be an IANA time zone such as Asia/Jakarta");

export const recurrence = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("once") }),
    z.object({ kind: z.literal("daily") }),
    z.object({
      kind: z.literal("weekdays"),
      days: z
        .array(z.number().int("must be whole numbers").min(1, "must be ISO weekdays 1 (Monday) to 7 (Sunday)").max(7, "must be ISO weekdays 1 (Monday) to 7 (Sunday)"))
        .min(1, "must name at least one weekday")
        .transform((days) => [...new Set(days)].sort((a, b) => a - b)),
    }),
    z.object({
      kind: z.literal("every_n_days"),
      n: z.number().int("must be a whole number").min(2, "must be at least 2 (use daily for every day)").max(365, "must be at most 365"),
    }),
  ],
  { error: "must be one of once, daily, weekdays or every_n_days" },
);
export type Recurrence = z.infer<typeof recurrence>;

/** A repeating schedule in the patient's local calendar; dates are inclusive. */
export const reminderSchedule = z
  .object({
    startDate: localDate,
    /** Ignored for a one-time reminder. */
    endDate: localDate.nullable().optional(),
    timesOfDay: z
      .array(timeOfDay)
      .min(1, "must have at least one time")
      .max(8, "must have at most 8 times")
      .refine((times) => new Set(times).size === times.length, "must not repeat a time")
      .transform((times) => [...times].sort()),
    recurrence,
  })
  .refine((s) => !s.endDate || s.endDate >= s.startDate, {
    message: "must be on or after startDate",
    path: ["endDate"],
  });
export type ReminderSchedule = z.infer<typeof reminderSchedule>;

/** Reminders at fixed durations before an appointment given in the patient's local time. */
export const appointmentSchedule = z.object({
  appointmentAt: localDateTime,
  offsetsMinutes: z
    .array(z.number().int("must be whole minutes").min(1, "must be at least 1 minute").max(MAX_OFFSET_MINUTES, "must be at most 30 days"))
    .min(1, "must have at least one offset")
    .max(8, "must have at most 8 offsets")
    .refine((offsets) => new Set(offsets).size === offsets.length, "must not repeat an offset")
    .transform((offsets) => [...offsets].sort((a, b) => b - a))
    .default(() => [...DEFAULT_APPOINTMENT_OFFSETS_MINUTES]),
});
export type AppointmentSchedule = z.infer<typeof appointmentSchedule>;

export type Schedule = ReminderSchedule | AppointmentSchedule;

export const isAppointmentSchedule = (schedule: Schedule): schedule is AppointmentSchedule => "appointmentAt" in schedule;

/**
 * Either schedule shape, chosen by the presence of `appointmentAt`. A plain union would report
 * the failures of both shapes at once; picking the shape first keeps the messages on the field.
 */
export const scheduleInput = z.unknown().transform((value, ctx): Schedule => {
  if (value === undefined || value === null) {
    ctx.addIssue({ code: "custom", message: "is required", input: value });
    return z.NEVER;
  }
  const isAppointment = typeof value === "object" && value !== null && "appointmentAt" in value;
  const parsed = (isAppointment ? appointmentSchedule : reminderSchedule).safeParse(value);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    ctx.addIssue({ code: "custom", message: issue.message, path: [...issue.path], input: value });
  }
  return z.NEVER;
});

/** Quiet hours in the patient's local time; start after end means the window crosses midnight. */
export const quietHoursWindow = z.object({ start: timeOfDay, end: timeOfDay });

const templateKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, "must be a template key of lowercase letters, digits and _");

/** A message with {variables}: custom reminder wording, or an organisation's template. */
export const templateText = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .max(MAX_MESSAGE_LENGTH, `must have at most ${MAX_MESSAGE_LENGTH} characters`)
  .superRefine((text, ctx) => {
    const unknown = validateTemplate(text);
    if (unknown.length > 0) {
      ctx.addIssue({
        code: "custom",
        message: `uses unknown variables ${unknown.map((n) => `{${n}}`).join(", ")}; allowed are {name}, {medicine}, {dose}, {time}, {place}, {date}`,
      });
    }
  });

const reminderFields = {
  type: z.enum(REMINDER_TYPES, { error: "must be one of medication, appointment or general" }),
  medicineName: z.string().trim().min(1, "must not be empty").max(120, "must have at most 120 characters"),
  dose: z.string().trim().max(120, "must have at most 120 characters").nullable(),
  appointmentPlace: z.string().trim().max(200, "must have at most 200 characters").nullable(),
  /** Organisation template, or the default for the reminder type when neither this nor message is set. */
  templateKey: templateKey.nullable(),
  /** A one-off message with template variables, used instead of a template. */
  message: templateText.nullable(),
  schedule: scheduleInput,
  /** Defaults to the patient's time zone. */
  timezone,
};

type CrossFieldInput = {
  type?: ReminderType;
  medicineName?: string | null;
  templateKey?: string | null;
  message?: string | null;
  schedule?: Schedule;
};

/** Rules across fields that hold for creation and for whatever an update supplies. */
function checkCrossFields(body: CrossFieldInput, ctx: z.RefinementCtx, creating: boolean) {
  if (body.templateKey && body.message) {
    ctx.addIssue({ code: "custom", message: "must not be set together with templateKey", path: ["message"] });
  }
  if (creating && body.type === "medication" && !body.medicineName) {
    ctx.addIssue({ code: "custom", message: "is required for a medication reminder", path: ["medicineName"] });
  }
  if (body.type && body.schedule) {
    const isAppointment = isAppointmentSchedule(body.schedule);
    if (body.type === "appointment" && !isAppointment) {
      ctx.addIssue({
        code: "custom",
        message: "must be an appointment schedule (appointmentAt, offsetsMinutes) for an appointment reminder",
        path: ["schedule"],
      });
    }
    if (body.type !== "appointment" && isAppointment) {
      ctx.addIssue({
        code: "custom",
        message: `must be a recurring schedule (startDate, timesOfDay, recurrence) for a ${body.type} reminder`,
        path: ["schedule"],
      });
    }
  }
}

export const createReminderBody = z
  .object({
    type: reminderFields.type,
    medicineName: reminderFields.medicineName.optional(),
    dose: reminderFields.dose.optional(),
    appointmentPlace: reminderFields.appointmentPlace.optional(),
    templateKey: reminderFields.templateKey.optional(),
    message: reminderFields.message.optional(),
    schedule: reminderFields.schedule,
    timezone: reminderFields.timezone.optional(),
  })
  .superRefine((body, ctx) => checkCrossFields(body, ctx, true));
export type CreateReminderBody = z.infer<typeof createReminderBody>;

/**
 * Any subset of the fields. Checks that need the stored reminder (a new schedule shape against
 * the stored type, clearing medicineName of a medication) belong to the service.
 */
export const updateReminderBody = z
  .object(reminderFields)
  .partial()
  .superRefine((body, ctx) => {
    if (Object.keys(body).length === 0) ctx.addIssue({ code: "custom", message: "must change at least one field" });
    checkCrossFields(body, ctx, false);
  });
export type UpdateReminderBody = z.infer<typeof updateReminderBody>;

export const reminderIdParams = z.object({ id: z.uuid("must be a reminder id") });
export const listDeliveriesQuery = z.object({ limit: z.coerce.number().int("must be a whole number").min(1).max(200).default(50) });
export const adherenceQuery = z.object({
  patientId: z.uuid("must be a patient id").optional(),
  volunteerId: z.uuid("must be a staff user id").optional(),
});
