"use client";

import { useEffect, useRef } from "react";
import type { MessageView } from "@/services/messaging/messaging.schemas";
import { codeLabel } from "@/lib/i18n/translate";
import { formatDateTime } from "./format";
import { useT } from "./i18n";
import { ReplyBox } from "./reply-box";

/** WhatsApp-like ticks for an outbound message's status. */
const TICKS: Record<string, string> = { queued: "🕓", sending: "🕓", sent: "✓", delivered: "✓✓", read: "✓✓", failed: "!", unknown: "?" };

function Ticks({ status }: { status: string }) {
  const { t } = useT();
  const mark = TICKS[status] ?? "";
  const label = codeLabel(t, "messageStatus", status);
  return (
    <span className={`ticks ${status}`} title={label} aria-label={label}>
      {mark}
    </span>
  );
}

/** A chat bubble; the newest message is at the bottom, as on a phone. */
export function MessageBubble({ m }: { m: MessageView }) {
  const { t, locale } = useT();
  return (
    <li className={`bubble ${m.direction}`}>
      {m.purpose !== "staff" && m.direction === "outbound" ? <span className="purpose">{codeLabel(t, "purpose", m.purpose)}</span> : null}
      <div className="text">{m.revokedAt ? <em>{t("thread.deleted")}</em> : (m.body ?? <em>[{m.type}]</em>)}</div>
      <div className="meta">
        {m.intent ? (
          <span className={`badge intent-${m.intent}`} title={m.intentSource ? t("thread.intentBy", { source: m.intentSource }) : undefined}>
            {codeLabel(t, "intent", m.intent)}
          </span>
        ) : null}
        {m.reaction ? <span aria-label={t("thread.reaction")}>{m.reaction}</span> : null}
        <time dateTime={m.createdAt}>{formatDateTime(m.createdAt, locale)}</time>
        {m.direction === "outbound" ? <Ticks status={m.status} /> : null}
      </div>
    </li>
  );
}

/** The conversation with the patient and a reply box. The page polls and passes messages newest first. */
export function MessageThread(props: { patientId: string; messages: MessageView[] | null; disabledReason: string | null; onSent: () => void }) {
  const listRef = useRef<HTMLOListElement>(null);
  const { t } = useT();
  const newestId = props.messages?.[0]?.id;

  useEffect(() => {
    const el = listRef.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [newestId]);

  const ordered = props.messages ? [...props.messages].reverse() : null;
  return (
    <section className="card" aria-labelledby="thread-title">
      <h2 id="thread-title">WhatsApp</h2>
      {ordered === null ? (
        <p className="muted">{t("common.loading")}</p>
      ) : ordered.length === 0 ? (
        <p className="muted">{t("thread.none")}</p>
      ) : (
        <ol className="thread" ref={listRef} aria-label={t("thread.messages")}>
          {ordered.map((m) => (
            <MessageBubble key={m.id} m={m} />
          ))}
        </ol>
      )}
      <ReplyBox patientId={props.patientId} disabledReason={props.disabledReason} onSent={props.onSent} />
    </section>
  );
}
