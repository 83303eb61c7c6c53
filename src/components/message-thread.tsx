"use client";

import { useEffect, useRef } from "react";
import type { MessageView } from "@/services/messaging/messaging.schemas";
import { formatDateTime, humanize } from "./format";
import { ReplyBox } from "./reply-box";

/** WhatsApp-like ticks for an outbound message's status. */
function Ticks({ status }: { status: string }) {
  const map: Record<string, [string, string]> = {
    queued: ["🕓", "queued"],
    sending: ["🕓", "sending"],
    sent: ["✓", "sent"],
    delivered: ["✓✓", "delivered"],
    read: ["✓✓", "read"],
    failed: ["!", "failed"],
    unknown: ["?", "delivery unknown"],
  };
  const [mark, label] = map[status] ?? ["", status];
  return (
    <span className={`ticks ${status}`} title={label} aria-label={label}>
      {mark}
    </span>
  );
}

/** A chat bubble; the newest message is at the bottom, as on a phone. */
export function MessageBubble({ m }: { m: MessageView }) {
  return (
    <li className={`bubble ${m.direction}`}>
      {m.purpose !== "staff" && m.direction === "outbound" ? <span className="purpose">{humanize(m.purpose)}</span> : null}
      <div className="text">{m.revokedAt ? <em>message deleted</em> : (m.body ?? <em>[{m.type}]</em>)}</div>
      <div className="meta">
        {m.intent ? (
          <span className={`badge intent-${m.intent}`} title={m.intentSource ? `by ${m.intentSource}` : undefined}>
            {humanize(m.intent)}
          </span>
        ) : null}
        {m.reaction ? <span aria-label="reaction">{m.reaction}</span> : null}
        <time dateTime={m.createdAt}>{formatDateTime(m.createdAt)}</time>
        {m.direction === "outbound" ? <Ticks status={m.status} /> : null}
      </div>
    </li>
  );
}

/** The conversation with the patient and a reply box. The page polls and passes messages newest first. */
export function MessageThread(props: { patientId: string; messages: MessageView[] | null; disabledReason: string | null; onSent: () => void }) {
  const listRef = useRef<HTMLOListElement>(null);
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
        <p className="muted">Loading…</p>
      ) : ordered.length === 0 ? (
        <p className="muted">No messages yet.</p>
      ) : (
        <ol className="thread" ref={listRef} aria-label="Messages">
          {ordered.map((m) => (
            <MessageBubble key={m.id} m={m} />
          ))}
        </ol>
      )}
      <ReplyBox patientId={props.patientId} disabledReason={props.disabledReason} onSent={props.onSent} />
    </section>
  );
}
