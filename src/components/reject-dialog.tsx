"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import * as Dialog from "@radix-ui/react-dialog";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { type RejectConsultationBody, rejectConsultationBody } from "@/services/consultation/consultation.schemas";
import { ApiError } from "./api";

/** Asks for the reason a consultation is rejected; `onReject` calls the API. */
export function RejectDialog(props: { open: boolean; onOpenChange: (open: boolean) => void; onReject: (body: RejectConsultationBody) => Promise<void> }) {
  const form = useForm<RejectConsultationBody>({ resolver: zodResolver(rejectConsultationBody), defaultValues: { reason: "" } });
  const { register, handleSubmit, reset, setError, formState } = form;

  useEffect(() => {
    if (props.open) reset({ reason: "" });
  }, [props.open, reset]);

  async function save(values: RejectConsultationBody) {
    try {
      await props.onReject(values);
      props.onOpenChange(false);
    } catch (error) {
      const message = error instanceof ApiError && error.issues[0] ? error.issues[0].message : error instanceof Error ? error.message : "Could not reject";
      setError("reason", { message });
    }
  }

  const message = formState.errors.reason?.message;
  return (
    <Dialog.Root open={props.open} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>Reject consultation</Dialog.Title>
          <Dialog.Description className="muted">The reason is kept with the consultation and its audit trail.</Dialog.Description>
          <form onSubmit={handleSubmit(save)} noValidate>
            <div className="form-grid">
              <label className="wide">
                Reason
                <textarea rows={3} {...register("reason")} aria-invalid={Boolean(message)} />
                {message ? <span className="field-error">{message}</span> : null}
              </label>
            </div>
            <div className="form-actions">
              <Dialog.Close asChild>
                <button type="button">Cancel</button>
              </Dialog.Close>
              <button className="danger" type="submit" disabled={formState.isSubmitting}>
                {formState.isSubmitting ? "Rejecting…" : "Reject"}
              </button>
            </div>
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
