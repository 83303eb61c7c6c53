"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import * as Dialog from "@radix-ui/react-dialog";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { type RejectConsultationBody, rejectConsultationBody } from "@/services/consultation/consultation.schemas";
import { ApiError } from "./api";
import { DialogActions } from "./dialog-actions";
import { useT } from "./i18n";

/** Asks for the reason a consultation is rejected; `onReject` calls the API. */
export function RejectDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; onReject: (body: RejectConsultationBody) => Promise<void> }) {
  const form = useForm<RejectConsultationBody>({ resolver: zodResolver(rejectConsultationBody), defaultValues: { reason: "" } });
  const { register, handleSubmit, reset, setError, formState } = form;
  const { t } = useT();

  useEffect(() => {
    if (props.open) reset({ reason: "" });
  }, [props.open, reset]);

  async function save(values: RejectConsultationBody) {
    try {
      await props.onReject(values);
      props.onOpenChange(false);
    } catch (error) {
      const message = error instanceof ApiError && error.issues[0] ? error.issues[0].message : error instanceof Error ? error.message : t("consultation.rejectFailed");
      setError("reason", { message });
    }
  }

  const message = formState.errors.reason?.message;
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{t("rejectDialog.title")}</Dialog.Title>
          <Dialog.Description className="muted">{t("rejectDialog.description")}</Dialog.Description>
          <form onSubmit={handleSubmit(save)} noValidate>
            <div className="form-grid">
              <label className="wide">
                {t("rejectDialog.reason")}
                <textarea rows={3} {...register("reason")} aria-invalid={Boolean(message)} />
                {message ? <span className="field-error">{message}</span> : null}
              </label>
            </div>
            <DialogActions submitting={formState.isSubmitting} label={t("consultation.reject")} busyLabel={t("rejectDialog.rejecting")} tone="danger" />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
