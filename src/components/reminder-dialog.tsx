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
import { ApiError, api } from "./api";

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

export const WEEKDAYS = [
  { value: "1", label: "Mon", id: "Sen" },
  { value: "2", label: "Tue", id: "Sel" },
  { value: "3", label: "Wed", id: "Rab" },
  { value: "4", label: "Thu", id: "Kam" },
  { value: "5", label: "Fri", id: "Jum" },
  { value: "6", label: "Sat", id: "Sab" },
  { value: "7", label: "Sun", id: "Min" },
] as const;

const OFFSET_CHOICES = [
  { minutes: 4320, label: "3 days before" },
  { minutes: 1440, label: "1 day before" },
  { minutes: 120, label: "2 hours before" },
  { minutes: 60, label: "1 hour before" },
] as const;

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
      toast.success(editing ? "Reminder updated" : "Reminder added");
      props.onSaved();
      props.onOpenChange(false);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        for (const issue of error.issues) {
          const field = formField(issue.field, values.type);
          setError(field === "root" ? "root.server" : field, { message: issue.message });
        }
      } else {
        toast.error(error instanceof Error ? error.message : "Could not save the reminder");
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
          <Dialog.Title>{editing ? "Edit reminder" : "Add a reminder"}</Dialog.Title>
          <Dialog.Description className="muted">
            Times are in the patient&apos;s time zone. <span lang="id">Waktu mengikuti zona waktu pasien.</span>
          </Dialog.Description>
          <form onSubmit={handleSubmit(save)} noValidate>
            <div className="form-grid">
              {editing ? (
                <p className="wide">
                  Type: <strong>{type}</strong>
                </p>
              ) : (
                <label className="wide">
                  Type
                  <select {...register("type")}>
                    <option value="medication">Medication (minum obat)</option>
                    <option value="appointment">Appointment (kontrol)</option>
                    <option value="general">General message</option>
                  </select>
                </label>
              )}
              {type !== "general" || editing ? (
                <label>
                  {isAppointment ? "What for" : "Medicine"}
                  <input {...register("medicineName")} aria-invalid={Boolean(errors.medicineName)} placeholder={isAppointment ? "Kontrol hipertensi" : "Amlodipin"} />
                  {fieldError("medicineName")}
                </label>
              ) : null}
              {type === "medication" && (
                <label>
                  Dose
                  <input {...register("dose")} aria-invalid={Boolean(errors.dose)} placeholder="5 mg, 1 tablet" />
                  {fieldError("dose")}
                </label>
              )}
              {isAppointment ? (
                <>
                  <label>
                    Place
                    <input {...register("appointmentPlace")} aria-invalid={Boolean(errors.appointmentPlace)} placeholder="Puskesmas" />
                    {fieldError("appointmentPlace")}
                  </label>
                  <label className="wide">
                    Appointment date and time
                    <input type="datetime-local" {...register("appointmentAt")} aria-invalid={Boolean(errors.appointmentAt)} />
                    {fieldError("appointmentAt")}
                  </label>
                  <fieldset className="wide">
                    <legend>Remind</legend>
                    <div className="checks">
                      {OFFSET_CHOICES.map((o) => (
                        <label key={o.minutes} className="check">
                          <input type="checkbox" value={String(o.minutes)} {...register("offsets")} />
                          {o.label}
                        </label>
                      ))}
                    </div>
                    {fieldError("offsets")}
                  </fieldset>
                </>
              ) : (
                <>
                  <label>
                    Repeat
                    <select {...register("recurrenceKind")} aria-invalid={Boolean(errors.recurrenceKind)}>
                      <option value="daily">Every day (setiap hari)</option>
                      <option value="weekdays">On some weekdays</option>
                      <option value="every_n_days">Every few days</option>
                      <option value="once">Once</option>
                    </select>
                    {fieldError("recurrenceKind")}
                  </label>
                  {kind === "every_n_days" && (
                    <label>
                      Every how many days
                      <input type="number" min={2} max={365} inputMode="numeric" {...register("everyN")} aria-invalid={Boolean(errors.everyN)} />
                      {fieldError("everyN")}
                    </label>
                  )}
                  {kind === "weekdays" && (
                    <fieldset className="wide">
                      <legend>Days</legend>
                      <div className="checks">
                        {WEEKDAYS.map((d) => (
                          <label key={d.value} className="check">
                            <input type="checkbox" value={d.value} {...register("days")} />
                            {d.label}
                          </label>
                        ))}
                      </div>
                      {fieldError("days")}
                    </fieldset>
                  )}
                  <fieldset className="wide">
                    <legend>Times of day</legend>
                    <div className="checks">
                      {times.fields.map((field, index) => (
                        <span key={field.id} className="time-row">
                          <label className="check">
                            <span className="sr-only">Time {index + 1}</span>
                            <input type="time" {...register(`times.${index}.value`)} aria-label={`Time ${index + 1}`} />
                          </label>
                          {times.fields.length > 1 && (
                            <button type="button" className="link" onClick={() => times.remove(index)} aria-label={`Remove time ${index + 1}`}>
                              Remove
                            </button>
                          )}
                        </span>
                      ))}
                      {times.fields.length < 8 && (
                        <button type="button" onClick={() => times.append({ value: "20:00" })}>
                          Add a time
                        </button>
                      )}
                    </div>
                    {fieldError("times")}
                  </fieldset>
                  <label>
                    {kind === "once" ? "Date" : "Start date"}
                    <input type="date" {...register("startDate")} aria-invalid={Boolean(errors.startDate)} />
                    {fieldError("startDate")}
                  </label>
                  {kind !== "once" && (
                    <label>
                      End date (optional)
                      <input type="date" {...register("endDate")} aria-invalid={Boolean(errors.endDate)} />
                      {fieldError("endDate")}
                    </label>
                  )}
                </>
              )}
              <label className="wide">
                Own message (optional)
                <textarea rows={2} {...register("message")} aria-invalid={Boolean(errors.message)} placeholder="Leave empty for the clinic's standard text. Variables: {name} {medicine} {dose} {time}" />
                {fieldError("message")}
              </label>
            </div>
            {errors.root?.server?.message || errors.root?.message ? (
              <p className="field-error" role="alert">
                {errors.root?.server?.message ?? errors.root?.message}
              </p>
            ) : null}
            <div className="form-actions">
              <Dialog.Close asChild>
                <button type="button">Cancel</button>
              </Dialog.Close>
              <button className="primary" type="submit" disabled={formState.isSubmitting}>
                {formState.isSubmitting ? "Saving…" : "Save reminder"}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}

/** "Every day at 08:00, 20:00 · from 1 Jun" and the like. */
export function describeSchedule(schedule: ReminderSchedule | AppointmentSchedule): string {
  if ("appointmentAt" in schedule) {
    const offsets = schedule.offsetsMinutes.map((m) => (m % 1440 === 0 ? `${m / 1440} d` : m % 60 === 0 ? `${m / 60} h` : `${m} min`));
    return `Appointment ${schedule.appointmentAt.replace("T", " ")} · reminders ${offsets.join(", ")} before`;
  }
  const r = schedule.recurrence;
  const when =
    r.kind === "once"
      ? `Once on ${schedule.startDate}`
      : r.kind === "daily"
        ? "Every day"
        : r.kind === "weekdays"
          ? `On ${r.days.map((d) => WEEKDAYS[d - 1]?.label ?? d).join(", ")}`
          : `Every ${r.n} days`;
  const range = r.kind === "once" ? "" : ` · from ${schedule.startDate}${schedule.endDate ? ` to ${schedule.endDate}` : ""}`;
  return `${when} at ${schedule.timesOfDay.join(", ")}${range}`;
}
