"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo } from "react";
import { type Path, type Resolver, useForm } from "react-hook-form";
import { toast } from "sonner";
import { type UpdateOrganisationBody, updateOrganisationBody } from "@/services/organisation/organisation.schemas";
import { ApiError, api } from "./api";
import { errorMessage } from "./format";
import { useT } from "./i18n";

/** What `GET /api/organisation` answers (the device status comes from GOWA's `/app/status`). */
export type OrganisationView = {
  id: string;
  name: string;
  country: string;
  timezone: string;
  language: "id" | "en";
  emergencyNumber: string;
  quietHoursStart: string;
  quietHoursEnd: string;
  gowaDeviceId: string | null;
  device: { reachable: boolean; connected: boolean; loggedIn: boolean; jid: string | null; error?: string } | null;
};

type FormValues = Omit<OrganisationView, "id" | "country" | "device" | "gowaDeviceId"> & { gowaDeviceId: string };
const FIELDS = ["name", "timezone", "language", "emergencyNumber", "quietHoursStart", "quietHoursEnd", "gowaDeviceId"] as const;

const toForm = (o: OrganisationView): FormValues => ({ ...pick(o), gowaDeviceId: o.gowaDeviceId ?? "" });
const pick = (o: OrganisationView) => Object.fromEntries(FIELDS.map((f) => [f, o[f]])) as Omit<FormValues, "gowaDeviceId"> & { gowaDeviceId: string | null };
/** An empty device id means "the gateway's default device" (`null`), as the API expects. */
const toBody = (v: FormValues) => ({ ...v, gowaDeviceId: v.gowaDeviceId.trim() || null });
const validate = zodResolver(updateOrganisationBody);
const resolver: Resolver<FormValues, unknown, UpdateOrganisationBody> = (values, context, options) =>
  validate(toBody(values), context, options as never) as ReturnType<Resolver<FormValues, unknown, UpdateOrganisationBody>>;

/** The organisation's settings, checked with the API's own schema; only changed fields are sent. */
export function AdminSettingsForm({ organisation, onSaved }: { organisation: OrganisationView; onSaved: (o: OrganisationView) => void }) {
  const { t } = useT();
  const form = useForm<FormValues, unknown, UpdateOrganisationBody>({ resolver, defaultValues: toForm(organisation) });
  const { register, handleSubmit, reset, setError, formState } = form;
  const errors = formState.errors;
  const zones = useMemo(() => (typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : []), []);

  // Back to the stored values when they change (loaded, saved), not whenever the page fetches the organisation again
  // (a language switch, "Check again" for the device): that would throw away what the admin is typing.
  const stored = JSON.stringify(toForm(organisation));
  useEffect(() => reset(JSON.parse(stored) as FormValues), [stored, reset]);

  async function save(body: UpdateOrganisationBody) {
    const before = pick(organisation);
    const changed = Object.fromEntries(Object.entries(body).filter(([k, v]) => before[k as keyof typeof before] !== v));
    if (Object.keys(changed).length === 0) {
      toast.info(t("admin.settingsForm.nothingChanged"));
      return;
    }
    try {
      const saved = await api<Omit<OrganisationView, "device">>("/api/organisation", { method: "PATCH", body: changed });
      toast.success(t("admin.settingsForm.saved"));
      onSaved({ ...saved, device: organisation.device });
    } catch (error) {
      const fields = error instanceof ApiError ? error.issues.filter((i) => (FIELDS as readonly string[]).includes(i.field)) : [];
      if (fields.length) for (const issue of fields) setError(issue.field as Path<FormValues>, { message: issue.message });
      else setError("root", { message: errorMessage(error, t("admin.settingsForm.saveFailed")) });
    }
  }

  const fieldError = (name: keyof FormValues) => (errors[name]?.message ? <span className="field-error">{errors[name]?.message}</span> : null);
  return (
    <form onSubmit={handleSubmit(save)} noValidate>
      <div className="form-grid">
        <label className="wide">
          {t("admin.settingsForm.name")}
          <input {...register("name")} aria-invalid={Boolean(errors.name)} autoComplete="organization" />
          {fieldError("name")}
        </label>
        <label>
          {t("admin.settingsForm.timezone")}
          <input {...register("timezone")} aria-invalid={Boolean(errors.timezone)} list="admin-time-zones" autoComplete="off" spellCheck={false} />
          <datalist id="admin-time-zones">
            {zones.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {fieldError("timezone")}
        </label>
        <label>
          {t("admin.settingsForm.language")}
          <select {...register("language")} aria-invalid={Boolean(errors.language)}>
            <option value="id">Bahasa Indonesia</option>
            <option value="en">English</option>
          </select>
          {fieldError("language")}
        </label>
        <label>
          {t("admin.settingsForm.emergencyNumber")}
          <input {...register("emergencyNumber")} aria-invalid={Boolean(errors.emergencyNumber)} inputMode="tel" autoComplete="off" />
          {fieldError("emergencyNumber")}
        </label>
        <label>
          {t("admin.settingsForm.deviceId")}
          <input {...register("gowaDeviceId")} aria-invalid={Boolean(errors.gowaDeviceId)} placeholder={t("admin.settingsForm.deviceIdPlaceholder")} autoComplete="off" spellCheck={false} />
          {fieldError("gowaDeviceId")}
        </label>
        <fieldset className="wide">
          <legend>{t("admin.settingsForm.quietHours")}</legend>
          <div className="checks">
            <label className="inline">
              {t("admin.settingsForm.from")}
              <input type="time" {...register("quietHoursStart")} aria-invalid={Boolean(errors.quietHoursStart)} />
            </label>
            <label className="inline">
              {t("admin.settingsForm.until")}
              <input type="time" {...register("quietHoursEnd")} aria-invalid={Boolean(errors.quietHoursEnd)} />
            </label>
          </div>
          {fieldError("quietHoursStart")}
          {fieldError("quietHoursEnd")}
        </fieldset>
      </div>
      {errors.root?.message ? (
        <p className="field-error" role="alert">
          {errors.root.message}
        </p>
      ) : null}
      <div className="form-actions">
        <button type="button" disabled={!formState.isDirty || formState.isSubmitting} onClick={() => reset(toForm(organisation))}>
          {t("admin.settingsForm.undo")}
        </button>
        <button className="primary" type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t("common.saving") : t("admin.settingsForm.submit")}
        </button>
      </div>
    </form>
  );
}
