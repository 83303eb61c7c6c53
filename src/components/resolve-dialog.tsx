"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import * as Dialog from "@radix-ui/react-dialog";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { toast } from "sonner";
import type { z } from "zod";
import { resolveEscalationBody } from "@/services/messaging/messaging.schemas";
import { ApiError, api } from "./api";
import { DialogActions } from "./dialog-actions";
import { useT } from "./i18n";

type Input = z.input<typeof resolveEscalationBody>;

/** Closes an escalation with an optional note; the last open hand-off resumes automatic replies. */
export function ResolveDialog(props: { escalationId: string | null; patientName: string; onOpenChange: (open: boolean) => void; onResolved: () => void }) {
  const form = useForm<Input>({ resolver: zodResolver(resolveEscalationBody), defaultValues: { resolution: "" } });
  const { register, handleSubmit, reset, setError, formState } = form;
  const { t } = useT();

  useEffect(() => {
    if (props.escalationId) reset({ resolution: "" });
  }, [props.escalationId, reset]);

  async function save(values: Input) {
    if (!props.escalationId) return;
    try {
      const resolution = values.resolution?.trim() ? values.resolution.trim() : null;
      const result = await api<{ automationResumed: boolean }>(`/api/escalations/${props.escalationId}/resolve`, { body: { resolution } });
      toast.success(result.automationResumed ? t("resolveDialog.resolvedResumed") : t("resolveDialog.resolved"));
      props.onResolved();
      props.onOpenChange(false);
    } catch (error) {
      if (error instanceof ApiError && error.issues.length) setError("resolution", { message: error.issues[0]?.message });
      else toast.error(error instanceof Error ? error.message : t("resolveDialog.failed"));
    }
  }

  const message = formState.errors.resolution?.message;
  return (
    <Dialog.Root open={props.escalationId !== null} onOpenChange={props.onOpenChange}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{t("resolveDialog.title", { name: props.patientName })}</Dialog.Title>
          <Dialog.Description className="muted">{t("resolveDialog.description")}</Dialog.Description>
          <form onSubmit={handleSubmit(save)} noValidate>
            <div className="form-grid">
              <label className="wide">
                {t("resolveDialog.note")}
                <textarea rows={3} {...register("resolution")} aria-invalid={Boolean(message)} placeholder={t("resolveDialog.notePlaceholder")} />
                {message ? <span className="field-error">{message}</span> : null}
              </label>
            </div>
            <DialogActions submitting={formState.isSubmitting} label={t("escalation.resolve")} busyLabel={t("resolveDialog.resolving")} />
          </form>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
