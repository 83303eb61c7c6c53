"use client";

import { useId, useState } from "react";
import { toast } from "sonner";
import { sendMessageBody } from "@/services/messaging/messaging.schemas";
import { api } from "./api";
import { errorMessage } from "./format";
import { useT } from "./i18n";

/** Writes to the patient on WhatsApp as the signed-in staff user. */
export function ReplyBox(props: { patientId: string; disabledReason?: string | null; onSent?: () => void; autoFocus?: boolean }) {
  const id = useId();
  const { t } = useT();
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);

  async function send(e: React.FormEvent) {
    e.preventDefault();
    const parsed = sendMessageBody.safeParse({ text });
    if (!parsed.success) {
      setError(parsed.error.issues[0]?.message ?? "is not valid");
      return;
    }
    setSending(true);
    try {
      await api(`/api/patients/${props.patientId}/messages`, { body: parsed.data });
      setText("");
      setError(null);
      toast.success(t("reply.sent"));
      props.onSent?.();
    } catch (err) {
      toast.error(errorMessage(err, t("reply.failed")));
    } finally {
      setSending(false);
    }
  }

  return (
    <form className="reply" onSubmit={send} noValidate>
      <label className="sr-only" htmlFor={id}>
        {t("reply.label")}
      </label>
      <textarea
        id={id}
        rows={2}
        value={text}
        autoFocus={props.autoFocus}
        onChange={(e) => setText(e.target.value)}
        placeholder={props.disabledReason ?? t("reply.placeholder")}
        disabled={Boolean(props.disabledReason)}
        aria-invalid={Boolean(error)}
        aria-describedby={error ? `${id}-error` : undefined}
      />
      <button className="primary" type="submit" disabled={sending || Boolean(props.disabledReason)}>
        {sending ? t("common.sending") : t("common.send")}
      </button>
      {error ? (
        <span id={`${id}-error`} className="field-error wide">
          {t("reply.invalid", { error })}
        </span>
      ) : null}
    </form>
  );
}
