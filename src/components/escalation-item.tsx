"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { MessageView } from "@/services/messaging/messaging.schemas";
import { api } from "./api";
import { formatDateTime, humanize } from "./format";
import { ReplyBox } from "./reply-box";

export type EscalationView = {
  id: string;
  kind: "emergency" | "urgent" | "symptom" | "question" | "handoff";
  status: "open" | "acknowledged" | "resolved";
  signs: string[];
  patient: { id: string; name: string | null } | null;
  messageId: string | null;
  assignedToId: string | null;
  createdAt: string;
};

export const KIND_LABELS: Record<EscalationView["kind"], string> = {
  emergency: "Emergency · Darurat",
  urgent: "Urgent · Segera",
  symptom: "Symptom · Keluhan",
  question: "Question · Pertanyaan",
  handoff: "Hand-off · Dialihkan",
};

/** One inbox item: what the patient wrote, and claim, reply, open and resolve. */
export function EscalationItem(props: {
  item: EscalationView;
  meId: string;
  busy: boolean;
  onClaim: () => void;
  onResolve: () => void;
}) {
  const { item } = props;
  const [replying, setReplying] = useState(false);
  const [said, setSaid] = useState<MessageView | null>(null);
  const patientId = item.patient?.id;

  // what triggered it: the API gives the message id only, so read the patient's latest messages
  useEffect(() => {
    if (!patientId) return;
    api<{ items: MessageView[] }>(`/api/patients/${patientId}/messages?limit=20`)
      .then((r) => setSaid(r.items.find((m) => m.id === item.messageId) ?? r.items.find((m) => m.direction === "inbound") ?? null))
      .catch(() => setSaid(null));
  }, [patientId, item.messageId]);

  const name = item.patient?.name ?? "Unknown sender";
  const claimedByMe = item.assignedToId === props.meId;
  return (
    <li className={`card escalation kind-${item.kind}`} aria-label={`${KIND_LABELS[item.kind]}: ${name}`}>
      <div className="section-head">
        <div>
          <span className={`badge kind-${item.kind}`}>{KIND_LABELS[item.kind]}</span> <strong>{name}</strong>
          <div className="muted small">
            {formatDateTime(item.createdAt)} · {item.assignedToId ? (claimedByMe ? "claimed by you" : "claimed by a colleague") : "not claimed"}
          </div>
        </div>
      </div>
      {said?.body ? <blockquote className="said">{said.body}</blockquote> : null}
      {item.signs.length > 0 ? <p className="small">Signs: {item.signs.map(humanize).join(", ")}</p> : null}
      <div className="actions">
        {!claimedByMe && (
          <button type="button" className={item.assignedToId ? undefined : "primary"} disabled={props.busy} onClick={props.onClaim}>
            {item.assignedToId ? "Take over" : "Claim"}
          </button>
        )}
        {patientId ? (
          <Link className="button" href={`/patients/${patientId}`}>
            Open patient
          </Link>
        ) : null}
        {patientId ? (
          <button type="button" aria-expanded={replying} onClick={() => setReplying((r) => !r)}>
            Reply
          </button>
        ) : null}
        <button type="button" disabled={props.busy} onClick={props.onResolve}>
          Resolve
        </button>
      </div>
      {replying && patientId ? <ReplyBox patientId={patientId} autoFocus onSent={() => setReplying(false)} /> : null}
    </li>
  );
}
