"use client";

import * as Dialog from "@radix-ui/react-dialog";
import Link from "next/link";
import { useEffect, useState } from "react";
import type { MessageView } from "@/services/messaging/messaging.schemas";
import type { ConsultationView } from "@/services/consultation/consultation.schemas";
import { api } from "./api";
import { CONSULTATION_STATUS_LABELS, conditionLabel, findingLabel, formatFinding, OUTCOME_LABELS } from "./clinical-labels";
import { formatDateTime, humanize } from "./format";
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
  const consultationOf = (triageId: string) => props.consultations?.find((c) => c.triageSessionId === triageId);
  const standalone = props.consultations?.filter((c) => !c.triageSessionId || !props.triages?.some((t) => t.id === c.triageSessionId)) ?? [];

  return (
    <section className="card" aria-labelledby="triage-title">
      <h2 id="triage-title">Triage and consultations</h2>
      {props.triages === null ? (
        <p className="muted">Loading…</p>
      ) : props.triages.length === 0 && standalone.length === 0 ? (
        <p className="muted">No triage or consultation yet.</p>
      ) : (
        <ul className="list">
          {props.triages.map((t) => {
            const consultation = consultationOf(t.id);
            return (
              <li key={t.id} className="reminder">
                <div>
                  <strong>{conditionLabel(t.condition)}</strong> <span className="badge">{t.status}</span>{" "}
                  {t.outcome ? <span className={`badge outcome-${t.outcome}`}>{OUTCOME_LABELS[t.outcome] ?? t.outcome}</span> : null}
                  <div className="muted small">Started {formatDateTime(t.createdAt)}</div>
                </div>
                <div className="actions">
                  <button type="button" onClick={() => setOpen(t)}>
                    Transcript
                  </button>
                  {consultation ? (
                    <Link className="button" href={`/consultations/${consultation.id}`}>
                      Consultation · {CONSULTATION_STATUS_LABELS[consultation.status]}
                    </Link>
                  ) : null}
                </div>
              </li>
            );
          })}
          {standalone.map((c) => (
            <li key={c.id} className="reminder">
              <div>
                <strong>{conditionLabel(c.condition)}</strong> <span className={`badge outcome-${c.outcome}`}>{OUTCOME_LABELS[c.outcome] ?? c.outcome}</span>
                <div className="muted small">Consultation {formatDateTime(c.createdAt)}</div>
              </div>
              <Link className="button" href={`/consultations/${c.id}`}>
                Consultation · {CONSULTATION_STATUS_LABELS[c.status]}
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
          <Dialog.Title>Triage: {conditionLabel(triage?.condition)}</Dialog.Title>
          <Dialog.Description className="muted">
            {triage ? `${humanize(triage.status)} · started ${formatDateTime(triage.createdAt)}` : ""}
            {triage?.outcome ? ` · outcome ${OUTCOME_LABELS[triage.outcome] ?? triage.outcome}` : ""}
          </Dialog.Description>
          {findings.length > 0 && triage ? (
            <dl className="findings">
              {findings.map(([k, v]) => (
                <div key={k}>
                  <dt>{findingLabel(triage.condition ?? "", k)}</dt>
                  <dd>{formatFinding(v)}</dd>
                </div>
              ))}
            </dl>
          ) : null}
          {triage?.reasons?.length ? <p className="small">Reasons: {triage.reasons.map(humanize).join("; ")}</p> : null}
          <h3>Messages</h3>
          {messages === null ? (
            <p className="muted">Loading…</p>
          ) : messages.length === 0 ? (
            <p className="muted">No messages found for this dialog.</p>
          ) : (
            <ol className="thread" aria-label="Triage transcript">
              {messages.map((m) => (
                <MessageBubble key={m.id} m={m} />
              ))}
            </ol>
          )}
          <div className="form-actions">
            <Dialog.Close asChild>
              <button type="button">Close</button>
            </Dialog.Close>
          </div>
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  );
}
