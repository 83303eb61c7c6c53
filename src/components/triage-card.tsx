"use client";

import * as Dialog from "@radix-ui/react-dialog";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { MessageView } from "@/services/messaging/messaging.schemas";
import type { ConsultationView } from "@/services/consultation/consultation.schemas";
import { api } from "./api";
import { clinicalLabels } from "./clinical-labels";
import { formatDateTime, humanize } from "./format";
import { useT } from "./i18n";
import { MessageBubble } from "./message-thread";

export type TriageView = {
  id: string;
  status: string;
  condition: string | null;
  findings: Record<string, unknown>;
  outcome: string | null;
  reasons: string[] | null;
  pendingQuestion: string | null;
  createdAt: string;
  completedAt: string | null;
};

/** The patient's triage dialogs and consultations, each dialog with its WhatsApp transcript. */
export function TriageCard(props: { patientId: string; triages: TriageView[] | null; consultations: ConsultationView[] | null }) {
  const [open, setOpen] = useState<TriageView | null>(null);
  const { t, locale } = useT();
  const labels = clinicalLabels(locale);
  const consultationOf = (triageId: string) => props.consultations?.find((c) => c.triageSessionId === triageId);
  const standalone = props.consultations?.filter((c) => !c.triageSessionId || !props.triages?.some((t) => t.id === c.triageSessionId)) ?? [];

  return (
    <section className="card" aria-labelledby="triage-title">
      <h2 id="triage-title">{t("triage.title")}</h2>
      {props.triages === null ? (
        <p className="muted">{t("common.loading")}</p>
      ) : props.triages.length === 0 && standalone.length === 0 ? (
        <p className="muted">{t("triage.none")}</p>
      ) : (
        <ul className="list">
          {props.triages.map((triage) => {
            const consultation = consultationOf(triage.id);
            return (
              <li key={triage.id} className="reminder">
                <div>
                  <strong>{labels.condition(triage.condition)}</strong> <span className="badge">{labels.triageStatus(triage.status)}</span>{" "}
                  {triage.outcome ? <span className={`badge outcome-${triage.outcome}`}>{labels.outcome(triage.outcome)}</span> : null}
                  <div className="muted small">{t("triage.started", { time: formatDateTime(triage.createdAt, locale) })}</div>
                </div>
                <div className="actions">
                  <button type="button" onClick={() => setOpen(triage)}>
                    {t("triage.transcript")}
                  </button>
                  {consultation ? (
                    <Link className="button" href={`/consultations/${consultation.id}`}>
                      {t("triage.consultationStatus", { status: labels.consultationStatus(consultation.status) })}
                    </Link>
                  ) : null}
                </div>
              </li>
            );
          })}
          {standalone.map((c) => (
            <li key={c.id} className="reminder">
              <div>
                <strong>{labels.condition(c.condition)}</strong> <span className={`badge outcome-${c.outcome}`}>{labels.outcome(c.outcome)}</span>
                <div className="muted small">{t("triage.consultationAt", { time: formatDateTime(c.createdAt, locale) })}</div>
              </div>
              <Link className="button" href={`/consultations/${c.id}`}>
                {t("triage.consultationStatus", { status: labels.consultationStatus(c.status) })}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <TranscriptDialog patientId={props.patientId} triage={open} onClose={() => setOpen(null)} />
    </section>
  );
}

function TranscriptDialog({ patientId, triage, onClose }: { patientId: string; triage: TriageView | null; onClose: () => void }) {
  const [messages, setMessages] = useState<MessageView[] | null>(null);
  const { t, locale } = useT();
  const labels = clinicalLabels(locale);

  useEffect(() => {
    if (!triage) return;
    let live = true;
    setMessages(null);
    // the thread carries the dialog's messages with purpose "triage"; the API has no per-session filter
    api<{ items: MessageView[] }>(`/api/patients/${patientId}/messages?limit=200`)
      .then((r) => {
        const from = new Date(triage.createdAt).getTime() - 60_000;
        const to = triage.completedAt ? new Date(triage.completedAt).getTime() + 60_000 : Number.POSITIVE_INFINITY;
        const inWindow = r.items.filter((m) => {
          const at = new Date(m.createdAt).getTime();
          return at >= from && at <= to && (m.purpose === "triage" || m.direction === "inbound");
        });
        if (live) setMessages(inWindow.reverse());
      })
      .catch(() => live && setMessages([]));
    return () => {
      live = false;
    };
  }, [patientId, triage]);

  const findings = Object.entries(triage?.findings ?? {}).filter(([, v]) => v !== null && v !== undefined);
  return (
    <Dialog.Root open={triage !== null} onOpenChange={(o) => !o && onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="dialog-overlay" />
        <Dialog.Content className="dialog">
          <Dialog.Title>{t("triage.dialogTitle", { condition: labels.condition(triage?.condition) })}</Dialog.Title>
          <Dialog.Description className="muted">
            {triage ? t("triage.dialogStarted", { status: labels.triageStatus(triage.status), time: formatDateTime(triage.createdAt, locale) }) : ""}
            {triage?.outcome ? ` · ${t("triage.dialogOutcome", { outcome: labels.outcome(triage.outcome) })}` : ""}
          </Dialog.Description>
          {findings.length > 0 && triage ? (
            <dl className="findings">
              {findings.map(([k, v]) => (
                <div key={k}>
                  <dt>{labels.finding(triage.condition ?? "", k)}</dt>
                  <dd>{labels.value(v, triage.condition ?? "", k)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {triage?.reasons?.length ? <p className="small">{t("triage.reasons", { reasons: triage.reasons.map(humanize).join("; ") })}</p> : null}
          <h3>{t("triage.messages")}</h3>
          {messages === null ? (
            <p className="muted">{t("common.loading")}</p>
          ) : messages.length === 0 ? (
            <p className="muted">{t("triage.noMessages")}</p>
          ) : (
            <ol className="thread" aria-label={t("triage.transcriptLabel")}>
              {messages.map((m) => (
                <MessageBubble key={m.id} m={m} />
              ))}
            </ol>
          )}
          <div className="form-actions">
            <Dialog.Close asChild>
              <button type="button">{t("common.close")}</button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
