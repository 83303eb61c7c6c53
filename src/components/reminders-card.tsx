"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { ReminderView } from "@/services/reminder/reminder.service";
import { api } from "./api";
import { errorMessage, formatDateTime } from "./format";
import { useT } from "./i18n";
import { describeSchedule, ReminderDialog } from "./reminder-dialog";

/** The patient's reminders with add, edit, pause/resume, send-now and delete. */
export function RemindersCard(props: { patientId: string; reminders: ReminderView[] | null; onChanged: () => void }) {
  const [editing, setEditing] = useState<ReminderView | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const { t, locale } = useT();

  async function act(reminder: ReminderView, action: "pause" | "resume" | "send-now" | "delete") {
    if (action === "delete" && !window.confirm(t("reminders.confirmDelete", { name: reminder.medicineName ?? t(`reminderType.${reminder.type}`) }))) return;
    setBusy(reminder.id);
    try {
      if (action === "delete") await api(`/api/reminders/${reminder.id}`, { method: "DELETE" });
      else await api(`/api/reminders/${reminder.id}/${action}`, { method: "POST" });
      toast.success(t(({ pause: "reminders.paused", resume: "reminders.resumed", "send-now": "reminders.sent", delete: "reminders.deleted" } as const)[action]));
      props.onChanged();
    } catch (error) {
      toast.error(errorMessage(error, t("common.failed")));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby="reminders-title">
      <div className="section-head">
        <h2 id="reminders-title">{t("reminders.title")}</h2>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setEditing(null);
            setOpen(true);
          }}
        >
          {t("reminders.add")}
        </button>
      </div>
      {props.reminders === null ? (
        <p className="muted">{t("common.loading")}</p>
      ) : props.reminders.length === 0 ? (
        <p className="muted">{t("reminders.none")}</p>
      ) : (
        <ul className="list">
          {props.reminders.map((r) => (
            <li key={r.id} className="reminder">
              <div>
                <strong>{r.medicineName ?? t(`reminderType.${r.type}`)}</strong>
                {r.dose ? ` · ${r.dose}` : ""} <span className={`badge ${r.status}`}>{t(`reminderStatus.${r.status}`)}</span>
                <div className="muted small">{describeSchedule(r.schedule, t, locale)}</div>
                <div className="muted small">{t("reminders.next", { time: r.nextDueAt ? formatDateTime(r.nextDueAt, locale) : t("reminders.nextNone") })}</div>
              </div>
              <div className="actions">
                <button type="button" disabled={busy === r.id || r.status === "paused"} onClick={() => void act(r, "send-now")}>
                  {t("reminders.sendNow")}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setEditing(r);
                    setOpen(true);
                  }}
                >
                  {t("common.edit")}
                </button>
                <button type="button" disabled={busy === r.id} onClick={() => void act(r, r.status === "paused" ? "resume" : "pause")}>
                  {r.status === "paused" ? t("reminders.resume") : t("reminders.pause")}
                </button>
                <button type="button" className="danger" disabled={busy === r.id} onClick={() => void act(r, "delete")}>
                  {t("common.delete")}
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <ReminderDialog open={open} onOpenChange={setOpen} patientId={props.patientId} reminder={editing} onSaved={props.onChanged} />
    </section>
  );
}
