"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import * as Dialog from "@radix-ui/react-dialog";
import { useEffect } from "react";
import { type Path, type Resolver, useForm } from "react-hook-form";
import { toast } from "sonner";
import { codeLabel } from "@/lib/i18n/translate";
import { type AdminStaffView, STAFF_ROLES, type UpdateStaffBody, updateStaffBody } from "@/services/staff/staff.schemas";
import { ApiError, api } from "./api";
import { DialogActions } from "./dialog-actions";
import { errorMessage } from "./format";
import { useT } from "./i18n";

type FormValues = { role: AdminStaffView["role"]; registrationNumber: string; phone: string };

/** An empty box clears the field (`null`), as the API expects. */
const toBody = (v: FormValues) => ({ role: v.role, registrationNumber: v.registrationNumber.trim() || null, phone: v.phone.trim() || null });
const validate = zodResolver(updateStaffBody);
const resolver: Resolver<FormValues, unknown, UpdateStaffBody> = (values, context, options) =>
  validate(toBody(values), context, options as never) as ReturnType<Resolver<FormValues, unknown, UpdateStaffBody>>;

/** Role, registration number and WhatsApp number of a staff user, checked with the API's own schema. */
export function AdminStaffDialog(props: { user: AdminStaffView | null; onClose: () => void; onSaved: (user: AdminStaffView) => void }) {
  const { user } = props;
  const { t } = useT();
  const form = useForm<FormValues, unknown, UpdateStaffBody>({ resolver, defaultValues: { role: "VOLUNTEER", registrationNumber: "", phone: "" } });
  const { register, handleSubmit, reset, setError, formState, watch } = form;
  const errors = formState.errors;

  useEffect(() => {
    if (user) reset({ role: user.role, registrationNumber: user.registrationNumber ?? "", phone: user.phone ?? "" });
  }, [user, reset]);

  async function save(body: UpdateStaffBody) {
    if (!user) return;
    try {
      const { staff } = await api<{ staff: AdminStaffView }>(`/api/admin/users/${user.id}`, { method: "PATCH", body });
      toast.success(t("admin.staffDialog.saved", { name: staff.name }));
      props.onSaved(staff);
      props.onClose();
    } catch (error) {
      const fields = error instanceof ApiError ? error.issues.filter((i) => i.field in toBody(form.getValues())) : [];
      if (fields.length) for (const issue of fields) setError(issue.field as Path<FormValues>, { message: issue.message });
      else setError("root", { message: errorMessage(error, t("common.couldNotSave")) });
    }
  }

  const fieldError = (name: keyof FormValues) => (errors[name]?.message ? <span className="field-error">{errors[name]?.message}</span> : null);
  const needsRegistration = watch("role") === "PHARMACIST" && !watch("registrationNumber").trim();

  return (
    <Dialog.Root open={user !== null} onOpenChange={(open) => !open && props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{t("admin.staffDialog.title", { name: user?.name ?? "" })}</Dialog.Title>
          <Dialog.Description className="muted">{user?.email}</Dialog.Description>
          <form onSubmit={handleSubmit(save)} noValidate>
            <div className="form-grid">
              <label>
                {t("admin.staffDialog.role")}
                <select {...register("role")} aria-invalid={Boolean(errors.role)}>
                  {STAFF_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {codeLabel(t, "role", role)}
                    </option>
                  ))}
                </select>
                {fieldError("role")}
              </label>
              <label>
                {t("admin.staffDialog.registrationNumber")}
                <input {...register("registrationNumber")} aria-invalid={Boolean(errors.registrationNumber)} placeholder="SIPA 446/0123/2024" autoComplete="off" />
                {fieldError("registrationNumber")}
              </label>
              <label className="wide">
                {t("admin.staffDialog.phone")}
                <input {...register("phone")} aria-invalid={Boolean(errors.phone)} placeholder="+6281234567890" inputMode="tel" autoComplete="off" />
                {fieldError("phone")}
              </label>
            </div>
            {needsRegistration ? <p className="muted small">{t("admin.staffDialog.needsRegistration")}</p> : null}
            {errors.root?.message ? (
              <p className="field-error" role="alert">
                {errors.root.message}
              </p>
            ) : null}
            <DialogActions submitting={formState.isSubmitting} label={t("common.save")} busyLabel={t("common.saving")} />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
