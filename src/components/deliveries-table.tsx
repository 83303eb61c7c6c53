import type { ReminderView } from "@/services/reminder/reminder.service";
import { formatDateTime, humanize } from "./format";

export type DeliveryView = {
  id: string;
  reminderId: string;
  scheduledAt: string;
  state: string;
  skipReason: string | null;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  confirmation: "pending" | "confirmed" | "not_taken" | "missed";
  confirmedAt: string | null;
};

const CONFIRMATION_LABELS: Record<DeliveryView["confirmation"], string> = {
  pending: "waiting",
  confirmed: "confirmed",
  not_taken: "not taken",
  missed: "missed",
};

/** Each occurrence of the patient's reminders: sent or skipped, and what the patient answered. */
export function DeliveriesTable({ deliveries, reminders }: { deliveries: DeliveryView[] | null; reminders: ReminderView[] | null }) {
  const nameOf = (id: string) => {
    const r = reminders?.find((x) => x.id === id);
    return r ? (r.medicineName ?? r.type) : "deleted reminder";
  };
  return (
    <section className="card flush" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title" className="pad">
        Delivery history
      </h2>
      {deliveries === null ? (
        <p className="muted pad">Loading…</p>
      ) : deliveries.length === 0 ? (
        <p className="muted pad">Nothing sent yet.</p>
      ) : (
        <div className="table-scroll">
          <table aria-label="Delivery history">
            <thead>
              <tr>
                <th>When</th>
                <th>Reminder</th>
                <th>State</th>
                <th>Answer</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.sentAt ?? d.scheduledAt)}</td>
                  <td>{nameOf(d.reminderId)}</td>
                  <td>
                    <span className={`badge state-${d.state}`}>{d.state}</span>
                    {d.skipReason ? <span className="muted small"> {humanize(d.skipReason)}</span> : null}
                    {d.state === "failed" && d.lastError ? <span className="muted small"> {d.lastError}</span> : null}
                  </td>
                  <td>
                    {d.sentAt ? <span className={`badge confirm-${d.confirmation}`}>{CONFIRMATION_LABELS[d.confirmation]}</span> : <span className="muted">—</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
