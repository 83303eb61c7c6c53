"use client";

import type { ReminderView } from "@/services/reminder/reminder.service";

import { codeLabel } from "@/lib/i18n/translate";
import { formatDateTime } from "./format";
import { useT } from "./i18n";

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

/** Each occurrence of the patient's reminders: sent or skipped, and what the patient answered. */
export function DeliveriesTable({ deliveries, reminders }: { deliveries: DeliveryView[] | null; reminders: ReminderView[] | null }) {
  const { t, locale } = useT();
  const nameOf = (id: string) => {
    const r = reminders?.find((x) => x.id === id);
    return r ? (r.medicineName ?? t(`reminderType.${r.type}`)) : t("deliveries.deletedReminder");
  };
  return (
    <section className="card flush" aria-labelledby="deliveries-title">
      <h2 id="deliveries-title" className="pad">
        {t("deliveries.title")}
      </h2>
      {deliveries === null ? (
        <p className="muted pad">{t("common.loading")}</p>
      ) : deliveries.length === 0 ? (
        <p className="muted pad">{t("deliveries.none")}</p>
      ) : (
        <div className="table-scroll">
          <table aria-label={t("deliveries.title")}>
            <thead>
              <tr>
                <th>{t("deliveries.when")}</th>
                <th>{t("deliveries.reminder")}</th>
                <th>{t("deliveries.state")}</th>
                <th>{t("deliveries.answer")}</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id}>
                  <td>{formatDateTime(d.sentAt ?? d.scheduledAt, locale)}</td>
                  <td>{nameOf(d.reminderId)}</td>
                  <td>
                    <span className={`badge state-${d.state}`}>{codeLabel(t, "deliveryState", d.state)}</span>
                    {d.skipReason ? <span className="muted small"> {codeLabel(t, "skipReason", d.skipReason)}</span> : null}
                    {d.state === "failed" && d.lastError ? <span className="muted small"> {d.lastError}</span> : null}
                  </td>
                  <td>
                    {d.sentAt ? <span className={`badge confirm-${d.confirmation}`}>{t(`confirmation.${d.confirmation}`)}</span> : <span className="muted">—</span>}
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
