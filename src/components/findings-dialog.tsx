"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useEffect } from "react";
import { type FieldErrors, type Resolver, useForm } from "react-hook-form";
import { toast } from "sonner";
import { type ConsultationView, updateConsultationBody } from "@/services/consultation/consultation.schemas";
import { ApiError, api } from "./api";
import { clinicalLabels, questionsOf } from "./clinical-labels";
import { DialogActions } from "./dialog-actions";
import { useT } from "./i18n";

/** Every finding as text ("" = unknown), plus the pharmacist's treatment and advice. */
type FindingsForm = { findings: Record<string, string>; treatmentProposed: string; advice: string };

function toForm(c: ConsultationView): FindingsForm {
  const findings: Record<string, string> = {};
  for (const q of questionsOf(c.condition)) {
    const v = c.findings[q.id];
    findings[q.id] = v === undefined || v === null ? "" : String(v);
  }
  return { findings, treatmentProposed: c.treatmentProposed ?? "", advice: c.advice ?? "" };
}

function parseValue(raw: string, type: string): boolean | number | string | null {
  if (raw === "") return null;
  if (type === "boolean") return raw === "true";
  if (type === "number" || type === "duration_days") return Number(raw);
  return raw;
}

/** Only what changed: a PATCH merges findings, and null forgets one. */
function toBody(values: FindingsForm, c: ConsultationView) {
  const findings: Record<string, boolean | number | string | null> = {};
  for (const q of questionsOf(c.condition)) {
    const next = parseValue(values.findings[q.id] ?? "", q.answer.type);
    const before = c.findings[q.id] ?? null;
    if (next !== before) findings[q.id] = next;
  }
  const text = (v: string, before: string | null) => (v.trim() === (before ?? "") ? undefined : v.trim());
  return {
    ...(Object.keys(findings).length ? { findings } : {}),
    treatmentProposed: text(values.treatmentProposed, c.treatmentProposed),
    advice: text(values.advice, c.advice),
  };
}

const fieldOf = (path: string) => (path.startsWith("findings.") ? path : path === "treatmentProposed" || path === "advice" ? path : "root");

function schemaResolver(c: ConsultationView, nothingChanged: string): Resolver<FindingsForm> {
  return async (values) => {
    const parsed = updateConsultationBody.safeParse(toBody(values, c));
    if (parsed.success) return { values, errors: {} };
    const errors: Record<string, unknown> = {};
    for (const issue of parsed.error.issues) {
      const path = fieldOf(issue.path.map(String).join("."));
      if (path.startsWith("findings.")) {
        const key = path.slice("findings.".length);
        errors.findings = { ...(errors.findings as object), [key]: { type: "schema", message: issue.message } };
      } else {
        errors[path] ??= { type: "schema", message: path === "root" ? nothingChanged : issue.message };
      }
    }
    return { values: {}, errors: errors as FieldErrors<FindingsForm> };
  };
}

/** The pharmacist edits findings; the server re-runs the assessment and returns the new outcome. */
export function FindingsDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; consultation: ConsultationView; onSaved: (c: ConsultationView) => void }) {
  const c = props.consultation;
  const { t, locale } = useT();
  const labels = clinicalLabels(locale);
  const form = useForm<FindingsForm>({ resolver: schemaResolver(c, t("findingsDialog.nothingChanged")), defaultValues: toForm(c) });
  const { register, handleSubmit, reset, setError, formState } = form;
  const errors = formState.errors;

  useEffect(() => {
    if (props.open) reset(toForm(c));
  }, [props.open, c, reset]);

  async function save(values: FindingsForm) {
    try {
      const saved = await api<ConsultationView>(`/api/consultations/${c.id}`, { method: "PATCH", body: toBody(values, c) });
      toast.success(t("findingsDialog.saved", { outcome: labels.outcome(saved.outcome) }));
      props.onSaved(saved);
      props.onOpenChange(false);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) {
        for (const issue of error.issues) {
          const path = fieldOf(issue.field);
          setError(path === "root" ? "root.server" : (path as "advice"), { message: issue.message });
        }
      } else {
        toast.error(error instanceof Error ? error.message : t("common.couldNotSave"));
      }
    }
  }

  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{t("findingsDialog.title")}</Dialog.Title>
          <Dialog.Description className="muted">{t("findingsDialog.description")}</Dialog.Description>
          <form onSubmit={handleSubmit(save)} noValidate>
            <div className="form-grid">
              {questionsOf(c.condition).map((q) => {
                const message = errors.findings?.[q.id]?.message;
                const label = (
                  <>
                    {q.text[locale]}
                    {q.redFlag ? <span className="flag"> {t("findingsDialog.redFlag")}</span> : null}
                    {q.askable === "pharmacist" ? <span className="muted"> {t("findingsDialog.examination")}</span> : null}
                  </>
                );
                return (
                  <label key={q.id} className="wide">
                    {label}
                    {q.answer.type === "boolean" ? (
                      <select {...register(`findings.${q.id}`)} aria-invalid={Boolean(message)}>
                        <option value="">{t("common.unknown")}</option>
                        <option value="true">{t("common.yes")}</option>
                        <option value="false">{t("common.no")}</option>
                      </select>
                    ) : q.answer.type === "choice" ? (
                      <select {...register(`findings.${q.id}`)} aria-invalid={Boolean(message)}>
                        <option value="">{t("common.unknown")}</option>
                        {q.answer.options.map((o) => (
                          <option key={o.value} value={o.value}>
                            {o.label[locale]}
                          </option>
                        ))}
                      </select>
                    ) : (
                      <input type="number" min={0} step="any" inputMode="decimal" {...register(`findings.${q.id}`)} aria-invalid={Boolean(message)} />
                    )}
                    {message ? <span className="field-error">{message}</span> : null}
                  </label>
                );
              })}
              <label className="wide">
                {t("findingsDialog.treatment")}
                <input {...register("treatmentProposed")} aria-invalid={Boolean(errors.treatmentProposed)} />
                {errors.treatmentProposed?.message ? <span className="field-error">{errors.treatmentProposed.message}</span> : null}
              </label>
              <label className="wide">
                {t("findingsDialog.advice")}
                <textarea rows={3} {...register("advice")} aria-invalid={Boolean(errors.advice)} />
                {errors.advice?.message ? <span className="field-error">{errors.advice.message}</span> : null}
              </label>
            </div>
            {errors.root?.server?.message || errors.root?.message ? (
              <p className="field-error" role="alert">
                {errors.root?.server?.message ?? errors.root?.message}
              </p>
            ) : null}
            <DialogActions submitting={formState.isSubmitting} label={t("findingsDialog.submit")} busyLabel={t("common.saving")} />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
