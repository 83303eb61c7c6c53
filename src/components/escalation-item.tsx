"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import type { MessageView } from "@/services/messaging/messaging.schemas";
import { api } from "./api";
import { formatDateTime, humanize } from "./format";
import { useT } from "./i18n";
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

/** One inbox item: what the patient wrote, and claim, reply, open and resolve. */
export function EscalationItem(props: {
  item: EscalationView;
  meId: string;
  busy: boolean;
  onClaim: () => void;
  onResolve: () => void;
}) {
  const { item } = props;
  const { t, locale } = useT();
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

  const name = item.patient?.name ?? t("escalation.unknownSender");
  const kind = t(`escalation.kind.${item.kind}`);
  const claimedByMe = item.assignedToId === props.meId;
  return (
    <li className={`card escalation kind-${item.kind}`} aria-label={`${kind}: ${name}`}>
      <div className="section-head">
        <div>
          <span className={`badge kind-${item.kind}`}>{kind}</span> <strong>{name}</strong>
          <div className="muted small">
            {formatDateTime(item.createdAt, locale)} ·{" "}
            {item.assignedToId ? (claimedByMe ? t("escalation.claimedByYou") : t("escalation.claimedByColleague")) : t("escalation.notClaimed")}
          </div>
        </div>
      </div>
      {said?.body ? <blockquote className="said">{said.body}</blockquote> : null}
      {item.signs.length > 0 ? <p className="small">{t("escalation.signs", { signs: item.signs.map(humanize).join(", ") })}</p> : null}
      <div className="actions">
        {!claimedByMe && (
          <button type="button" className={item.assignedToId ? undefined : "primary"} disabled={props.busy} onClick={props.onClaim}>
            {item.assignedToId ? t("escalation.takeOver") : t("escalation.claim")}
          </button>
        )}
        {patientId ? (
          <Link className="button" href={`/patients/${patientId}`}>
            {t("escalation.openPatient")}
          </Link>
        ) : null}
        {patientId ? (
          <button type="button" aria-expanded={replying} onClick={() => setReplying((r) => !r)}>
            {t("escalation.reply")}
          </button>
        ) : null}
        <button type="button" disabled={props.busy} onClick={props.onResolve}>
          {t("escalation.resolve")}
        </button>
      </div>
      {replying && patientId ? <ReplyBox patientId={patientId} autoFocus onSent={() => setReplying(false)} /> : null}
    </li>
  );
}
