"use client";

import * as Dialog from "@radix-ui/react-dialog";
import { useT } from "./i18n";

/** The Cancel / submit row at the foot of every form dialog; `label` and `busyLabel` come translated. */
export function DialogActions(props: { submitting: boolean; label: string; busyLabel: string; tone?: "primary" | "danger" }) {
  const { t } = useT();
  return (
    <div className="form-actions">
      <Dialog.Close asChild>
        <button type="button">{t("common.cancel")}</button>
      </Dialog.Close>
      <button className={props.tone ?? "primary"} type="submit" disabled={props.submitting}>
        {props.submitting ? props.busyLabel : props.label}
      </button>
    </div>
  );
}
