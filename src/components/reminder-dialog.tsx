"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useEffect } from "react";
import { type FieldErrors, type Path, type Resolver, useFieldArray, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import {
  type AppointmentSchedule,
  createReminderBody,
  DEFAULT_APPOINTMENT_OFFSETS_MINUTES,
  type ReminderSchedule,
  type ReminderType,
  updateReminderBody,
} from "@/services/reminder/reminder.schemas";
import type { ReminderView } from "@/services/reminder/reminder.service";
import type { Locale } from "@/lib/i18n/locales";
import type { Translate } from "@/lib/i18n/translate";
import { ApiError, api } from "./api";
import { DialogActions } from "./dialog-actions";
import { formatDay } from "./format";
import { useT } from "./i18n";

/** The friendly shape of the form; `toBody` turns it into the API's body, validated by the API's schema. */
type ReminderForm = {
  type: ReminderType;
  medicineName: string;
  dose: string;
  appointmentPlace: string;
  message: string;
  startDate: string;
  endDate: string;
  times: Array<{ value: string }>;
  recurrenceKind: "once" | "daily" | "weekdays" | "every_n_days";
  days: string[];
  everyN: string;
  appointmentAt: string;
  offsets: string[];
};

/** ISO weekdays, Monday first, as the schedule stores them. */
const WEEKDAYS = ["1", "2", "3", "4", "5", "6", "7"] as const;

const OFFSET_CHOICES = [4320, 1440, 120, 60] as const;

/** The template variables a reminder's own message may use (see src/services/reminder/templates.ts). */
const MESSAGE_VARIABLES = "{name} {medicine} {dose} {time}";

const today = () => new Date().toLocaleDateString("en-CA");

function emptyForm(): ReminderForm {
  return {
    type: "medication",
    medicineName: "",
    dose: "",
    appointmentPlace: "",
    message: "",
    startDate: today(),
    endDate: "",
    times: [{ value: "08:00" }],
    recurrenceKind: "daily",
    days: [],
    everyN: "2",
    appointmentAt: "",
    offsets: DEFAULT_APPOINTMENT_OFFSETS_MINUTES.map(String),
  };
}

function toForm(r: ReminderView): ReminderForm {
  const form = { ...emptyForm(), type: r.type, medicineName: r.medicineName ?? "", dose: r.dose ?? "", appointmentPlace: r.appointmentPlace ?? "", message: r.message ?? "" };
  const s = r.schedule;
  if ("appointmentAt" in s) return { ...form, appointmentAt: s.appointmentAt, offsets: s.offsetsMinutes.map(String) };
  return {
    ...form,
    startDate: s.startDate,
    endDate: s.endDate ?? "",
    times: s.timesOfDay.map((value) => ({ value })),
    recurrenceKind: s.recurrence.kind,
    days: s.recurrence.kind === "weekdays" ? s.recurrence.days.map(String) : [],
    everyN: s.recurrence.kind === "every_n_days" ? String(s.recurrence.n) : "2",
  };
}

const blankToNull = (v: string) => (v.trim() === "" ? null : v.trim());

function toBody(f: ReminderForm, editing: boolean) {
  const schedule =
    f.type === "appointment"
      ? { appointmentAt: f.appointmentAt, offsetsMinutes: f.offsets.map(Number) }
      : {
          startDate: f.startDate,
          endDate: f.recurrenceKind === "once" ? null : blankToNull(f.endDate),
          timesOfDay: f.times.map((t) => t.value),
          recurrence:
            f.recurrenceKind === "weekdays"
              ? { kind: "weekdays" as const, days: f.days.map(Number) }
              : f.recurrenceKind === "every_n_days"
                ? { kind: "every_n_days" as const, n: Number(f.everyN) }
                : { kind: f.recurrenceKind },
        };
  const medicineName = f.medicineName.trim();
  return {
    type: f.type,
    // a blank name is left out, so the schema explains it is required for a medication
    ...(medicineName || editing ? { medicineName: medicineName || undefined } : {}),
    dose: blankToNull(f.dose),
    appointmentPlace: f.type === "appointment" ? blankToNull(f.appointmentPlace) : null,
    message: blankToNull(f.message),
    schedule,
  };
}

/** Where an API issue path (e.g. `schedule.recurrence.days`) shows in this form. */
function formField(path: string, type: ReminderType): Path<ReminderForm> | "root" {
  const p = path.replace(/\.\d+$/, "");
  const direct: Record<string, Path<ReminderForm>> = {
    type: "type",
    medicineName: "medicineName",
    dose: "dose",
    appointmentPlace: "appointmentPlace",
    message: "message",
    "schedule.startDate": "startDate",
    "schedule.endDate": "endDate",
    "schedule.timesOfDay": "times",
    "schedule.recurrence": "recurrenceKind",
    "schedule.recurrence.kind": "recurrenceKind",
    "schedule.recurrence.days": "days",
    "schedule.recurrence.n": "everyN",
    "schedule.appointmentAt": "appointmentAt",
    "schedule.offsetsMinutes": "offsets",
  };
  if (direct[p]) return direct[p];
  if (p === "schedule") return type === "appointment" ? "appointmentAt" : "startDate";
  return "root";
}

function schemaResolver(editing: boolean): Resolver<ReminderForm> {
  return async (values) => {
    const schema: z.ZodType = editing ? updateReminderBody : createReminderBody;
    const parsed = schema.safeParse(toBody(values, editing));
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, { type: string; message: string }> = {};
    for (const issue of parsed.error.issues) {
      const field = formField(issue.path.map(String).join("."), values.type);
      errors[field] ??= { type: "schema", message: issue.message };
    }
    return { values: {}, errors: errors as FieldErrors<ReminderForm> };
  };
}

/** Create or edit a reminder with a schedule editor people can use on a phone. */
export function ReminderDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  patientId: string;
  reminder: ReminderView | null;
  onSaved: () => void;
}) {
  const { reminder } = props;
  const { t } = useT();
  const editing = reminder !== null;
  const form = useForm<ReminderForm>({ resolver: schemaResolver(editing), defaultValues: emptyForm() });
  const { register, handleSubmit, reset, setError, watch, control, formState } = form;
  const times = useFieldArray({ control, name: "times" });
  const errors = formState.errors;
  const type = watch("type");
  const kind = watch("recurrenceKind");

  useEffect(() => {
    if (props.open) reset(reminder ? toForm(reminder) : emptyForm());
  }, [props.open, reminder, reset]);

  async function save(values: ReminderForm) {
    try {
      const body = toBody(values, editing);
      if (reminder) await api(`/api/reminders/${reminder.id}`, { method: "PATCH", body });
      else await api(`/api/patients/${props.patientId}/reminders`, { body });
      toast.success(editing ? t("reminderDialog.updated") : t("reminderDialog.added"));
      props.onSaved();
      props.onOpenChange(false);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        for (const issue of error.issues) {
          const field = formField(issue.field, values.type);
          setError(field === "root" ? "root.server" : field, { message: issue.message });
        }
      } else {
        toast.error(error instanceof Error ? error.message : t("reminderDialog.saveFailed"));
      }
    }
  }

  const fieldError = (name: keyof ReminderForm) => {
    const message = (errors[name] as { message?: string } | undefined)?.message;
    return message ? <span className="field-error">{message}</span> : null;
  };
  const isAppointment = type === "appointment";

  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{editing ? t("reminderDialog.edit") : t("reminderDialog.add")}</Dialog.Title>
          <Dialog.Description className="muted">{t("reminderDialog.timezoneHint")}</Dialog.Description>
          <form onSubmit={handleSubmit(save)} noValidate>
            <div className="form-grid">
              {editing ? (
                <p className="wide">
                  {t("reminderDialog.type")}: <strong>{t(`reminderType.${type}`)}</strong>
                </p>
              ) : (
                <label className="wide">
                  {t("reminderDialog.type")}
                  <select {...register("type")}>
                    <option value="medication">{t("reminderType.medication")}</option>
                    <option value="appointment">{t("reminderType.appointment")}</option>
                    <option value="general">{t("reminderType.general")}</option>
                  </select>
                </label>
              )}
              {type !== "general" || editing ? (
                <label>
                  {isAppointment ? t("reminderDialog.whatFor") : t("reminderDialog.medicine")}
                  <input
                    {...register("medicineName")}
                    aria-invalid={Boolean(errors.medicineName)}
                    placeholder={isAppointment ? t("reminderDialog.whatForPlaceholder") : t("reminderDialog.medicinePlaceholder")}
                  />
                  {fieldError("medicineName")}
                </label>
              ) : null}
              {type === "medication" && (
                <label>
                  {t("reminderDialog.dose")}
                  <input {...register("dose")} aria-invalid={Boolean(errors.dose)} placeholder={t("reminderDialog.dosePlaceholder")} />
                  {fieldError("dose")}
                </label>
              )}
              {isAppointment ? (
                <>
                  <label>
                    {t("reminderDialog.place")}
                    <input {...register("appointmentPlace")} aria-invalid={Boolean(errors.appointmentPlace)} placeholder={t("reminderDialog.placePlaceholder")} />
                    {fieldError("appointmentPlace")}
                  </label>
                  <label className="wide">
                    {t("reminderDialog.appointmentAt")}
                    <input type="datetime-local" {...register("appointmentAt")} aria-invalid={Boolean(errors.appointmentAt)} />
                    {fieldError("appointmentAt")}
                  </label>
                  <fieldset className="wide">
                    <legend>{t("reminderDialog.remind")}</legend>
                    <div className="checks">
                      {OFFSET_CHOICES.map((minutes) => (
                        <label key={minutes} className="check">
                          <input type="checkbox" value={String(minutes)} {...register("offsets")} />
                          {t(`reminderDialog.offset.${minutes}`)}
                        </label>
                      ))}
                    </div>
                    {fieldError("offsets")}
                  </fieldset>
                </>
              ) : (
                <>
                  <label>
                    {t("reminderDialog.repeat")}
                    <select {...register("recurrenceKind")} aria-invalid={Boolean(errors.recurrenceKind)}>
                      <option value="daily">{t("reminderDialog.repeat.daily")}</option>
                      <option value="weekdays">{t("reminderDialog.repeat.weekdays")}</option>
                      <option value="every_n_days">{t("reminderDialog.repeat.every_n_days")}</option>
                      <option value="once">{t("reminderDialog.repeat.once")}</option>
                    </select>
                    {fieldError("recurrenceKind")}
                  </label>
                  {kind === "every_n_days" && (
                    <label>
                      {t("reminderDialog.everyN")}
                      <input type="number" min={2} max={365} inputMode="numeric" {...register("everyN")} aria-invalid={Boolean(errors.everyN)} />
                      {fieldError("everyN")}
                    </label>
                  )}
                  {kind === "weekdays" && (
                    <fieldset className="wide">
                      <legend>{t("reminderDialog.days")}</legend>
                      <div className="checks">
                        {WEEKDAYS.map((d) => (
                          <label key={d} className="check">
                            <input type="checkbox" value={d} {...register("days")} />
                            {t(`weekday.${d}`)}
                          </label>
                        ))}
                      </div>
                      {fieldError("days")}
                    </fieldset>
                  )}
                  <fieldset className="wide">
                    <legend>{t("reminderDialog.timesOfDay")}</legend>
                    <div className="checks">
                      {times.fields.map((field, index) => (
                        <span key={field.id} className="time-row">
                          <label className="check">
                            <span className="sr-only">{t("reminderDialog.time", { n: index + 1 })}</span>
                            <input type="time" {...register(`times.${index}.value`)} aria-label={t("reminderDialog.time", { n: index + 1 })} />
                          </label>
                          {times.fields.length > 1 && (
                            <button type="button" className="link" onClick={() => times.remove(index)} aria-label={t("reminderDialog.removeTime", { n: index + 1 })}>
                              {t("reminderDialog.remove")}
                            </button>
                          )}
                        </span>
                      ))}
                      {times.fields.length < 8 && (
                        <button type="button" onClick={() => times.append({ value: "20:00" })}>
                          {t("reminderDialog.addTime")}
                        </button>
                      )}
                    </div>
                    {fieldError("times")}
                  </fieldset>
                  <label>
                    {kind === "once" ? t("reminderDialog.date") : t("reminderDialog.startDate")}
                    <input type="date" {...register("startDate")} aria-invalid={Boolean(errors.startDate)} />
                    {fieldError("startDate")}
                  </label>
                  {kind !== "once" && (
                    <label>
                      {t("reminderDialog.endDate")}
                      <input type="date" {...register("endDate")} aria-invalid={Boolean(errors.endDate)} />
                      {fieldError("endDate")}
                    </label>
                  )}
                </>
              )}
              <label className="wide">
                {t("reminderDialog.message")}
                <textarea
                  rows={2}
                  {...register("message")}
                  aria-invalid={Boolean(errors.message)}
                  placeholder={t("reminderDialog.messagePlaceholder", { variables: MESSAGE_VARIABLES })}
                />
                {fieldError("message")}
              </label>
            </div>
            {errors.root?.server?.message || errors.root?.message ? (
              <p className="field-error" role="alert">
                {errors.root?.server?.message ?? errors.root?.message}
              </p>
            ) : null}
            <DialogActions submitting={formState.isSubmitting} label={t("reminderDialog.submit")} busyLabel={t("common.saving")} />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** "Every day at 08:00, 20:00 · from 1 Jun 2025" and the like, in the user's language. */
export function describeSchedule(schedule: ReminderSchedule | AppointmentSchedule, t: Translate, locale: Locale): string {
  if ("appointmentAt" in schedule) {
    const offsets = schedule.offsetsMinutes.map((n) =>
      n % 1440 === 0 ? t("schedule.days", { n: n / 1440 }) : n % 60 === 0 ? t("schedule.hours", { n: n / 60 }) : t("schedule.minutes", { n }),
    );
    return t("schedule.appointment", { at: schedule.appointmentAt.replace("T", " "), offsets: offsets.join(", ") });
  }
  const r = schedule.recurrence;
  const when =
    r.kind === "once"
      ? t("schedule.once", { date: formatDay(schedule.startDate, locale) })
      : r.kind === "daily"
        ? t("schedule.daily")
        : r.kind === "weekdays"
          ? t("schedule.weekdays", { days: r.days.map((d) => weekdayName(t, d)).join(", ") })
          : t("schedule.everyN", { n: r.n });
  const start = formatDay(schedule.startDate, locale);
  const range =
    r.kind === "once" ? "" : ` · ${schedule.endDate ? t("schedule.fromTo", { start, end: formatDay(schedule.endDate, locale) }) : t("schedule.from", { start })}`;
  return `${t("schedule.at", { when, times: schedule.timesOfDay.join(", ") })}${range}`;
}

const weekdayName = (t: Translate, day: number) => {
  const key = WEEKDAYS[day - 1];
  return key ? t(`weekday.${key}`) : String(day);
};
