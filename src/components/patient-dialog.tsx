"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import * as Dialog from "@radix-ui/react-dialog";
import { useEffect } from "react";
import { type Path, useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { LANGUAGE_NAMES } from "@/lib/i18n/locales";
import { createPatientBody, type PatientView } from "@/services/patient/patient.schemas";
import { ApiError, api } from "./api";
import { DialogActions } from "./dialog-actions";
import { useT } from "./i18n";

type FormInput = z.input<typeof createPatientBody>;
type FormOutput = z.output<typeof createPatientBody>;

const empty: FormInput = { name: "", phone: "", dateOfBirth: "", sex: "", language: "", timezone: "", notes: "", assignedVolunteerId: "" };

function toForm(p: PatientView): FormInput {
  return {
    name: p.name,
    phone: p.phone,
    dateOfBirth: p.dateOfBirth ?? "",
    sex: p.sex ?? "",
    language: p.language,
    timezone: p.timezone,
    notes: p.notes ?? "",
    assignedVolunteerId: p.assignedVolunteer?.id ?? "",
  };
}

/**
 * Create or edit a patient. Validates with the API's own schema, then shows the server's field
 * errors (an unknown number for the clinic's country, a duplicate phone) on the same fields.
 */
export function PatientDialog(props: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  patient: PatientView | null;
  volunteers: Array<{ id: string; name: string }> | null;
  onSaved: (patient: PatientView) => void;
}) {
  const { patient, volunteers } = props;
  const { t } = useT();
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(createPatientBody), defaultValues: empty });
  const { register, handleSubmit, reset, setError, formState } = form;
  const errors = formState.errors;

  useEffect(() => {
    if (props.open) reset(patient ? toForm(patient) : empty);
  }, [props.open, patient, reset]);

  async function save(values: FormOutput) {
    try {
      const { assignedVolunteerId, ...fields } = values;
      let saved: PatientView;
      if (patient) {
        saved = await api<PatientView>(`/api/patients/${patient.id}`, { method: "PATCH", body: fields });
        const target = assignedVolunteerId ?? null;
        if (volunteers && target !== (patient.assignedVolunteer?.id ?? null)) {
          saved = await api<PatientView>(`/api/patients/${patient.id}/assign`, { body: { volunteerId: target } });
        }
      } else {
        saved = await api<PatientView>("/api/patients", { body: volunteers ? values : fields });
      }
      toast.success(patient ? t("patientDialog.updated") : t("patientDialog.registered"));
      props.onSaved(saved);
      props.onOpenChange(false);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        for (const issue of error.issues) setError(issue.field as Path<FormInput>, { message: issue.message });
      } else {
        toast.error(error instanceof Error ? error.message : t("common.couldNotSave"));
      }
    }
  }

  const fieldError = (name: keyof FormInput) =>
    errors[name]?.message ? <span className="field-error">{String(errors[name]?.message)}</span> : null;

  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{patient ? t("patientDialog.edit") : t("patientDialog.register")}</Dialog.Title>
          <Dialog.Description className="muted">{t("patientDialog.description")}</Dialog.Description>
          <form onSubmit={handleSubmit(save)} noValidate>
            <div className="form-grid">
              <label className="wide">
                {t("common.name")}
                <input {...register("name")} aria-invalid={Boolean(errors.name)} autoComplete="off" />
                {fieldError("name")}
              </label>
              <label>
                {t("common.whatsappNumber")}
                <input {...register("phone")} aria-invalid={Boolean(errors.phone)} placeholder="0812-3456-7890" inputMode="tel" />
                {fieldError("phone")}
              </label>
              <label>
                {t("common.dateOfBirth")}
                <input type="date" {...register("dateOfBirth")} aria-invalid={Boolean(errors.dateOfBirth)} />
                {fieldError("dateOfBirth")}
              </label>
              <label>
                {t("common.sex")}
                <select {...register("sex")}>
                  <option value="">—</option>
                  <option value="female">{t("common.female")}</option>
                  <option value="male">{t("common.male")}</option>
                </select>
              </label>
              <label>
                {t("common.language")}
                <select {...register("language")}>
                  <option value="">{t("patientDialog.clinicDefault")}</option>
                  <option value="id">{LANGUAGE_NAMES.id}</option>
                  <option value="en">{LANGUAGE_NAMES.en}</option>
                </select>
              </label>
              <label>
                {t("patientDialog.timezone")}
                <input {...register("timezone")} aria-invalid={Boolean(errors.timezone)} placeholder={t("patientDialog.clinicDefault")} />
                {fieldError("timezone")}
              </label>
              {volunteers && (
                <label>
                  {t("common.volunteer")}
                  <select {...register("assignedVolunteerId")} aria-invalid={Boolean(errors.assignedVolunteerId)}>
                    <option value="">{t("common.unassigned")}</option>
                    {volunteers.map((v) => (
                      <option key={v.id} value={v.id}>
                        {v.name}
                      </option>
                    ))}
                  </select>
                  {fieldError("assignedVolunteerId")}
                </label>
              )}
              <label className="wide">
                {t("common.notes")}
                <textarea rows={3} {...register("notes")} aria-invalid={Boolean(errors.notes)} />
                {fieldError("notes")}
              </label>
            </div>
            <DialogActions submitting={formState.isSubmitting} label={t("common.save")} busyLabel={t("common.saving")} />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
