"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useEffect, useState } from "react";
import { errorMessage } from "./format";
import { useT } from "./i18n";

export type ConfirmRequest = {
  title: string;
  description: string;
  confirmLabel: string;
  busyLabel: string;
  tone?: "primary" | "danger";
  /** Calls the API; a thrown error stays in the dialog. */
  run: () => Promise<void>;
};

/** Asks before an admin action that is hard to take back (reject, disable, reset a template). */
export function AdminConfirmDialog({ request, onClose }: { request: ConfirmRequest | null; onClose: () => void }) {
  const { t } = useT();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setBusy(false);
    setError(null);
  }, [request]);

  async function confirm() {
    if (!request) return;
    setBusy(true);
    setError(null);
    try {
      await request.run();
      onClose();
    } catch (e) {
      setError(errorMessage(e, t("admin.actionFailed")));
      setBusy(false);
    }
  }

  return (
    <Dialog.Root open={request !== null} onOpenChange={(open) => !open && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{request?.title}</Dialog.Title>
          <Dialog.Description className="muted">{request?.description}</Dialog.Description>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="form-actions">
            <Dialog.Close asChild>
              <button type="button">{t("common.cancel")}</button>
            </Dialog.Close>
            <button type="button" className={request?.tone ?? "primary"} disabled={busy} onClick={() => void confirm()}>
              {busy ? request?.busyLabel : request?.confirmLabel}
            </button>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
