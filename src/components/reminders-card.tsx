"use client";

import { useState } from "react";
import { toast } from "sonner";
import type { ReminderView } from "@/services/reminder/reminder.service";
import { api } from "./api";
import { errorMessage, formatDateTime } from "./format";
import { describeSchedule, ReminderDialog } from "./reminder-dialog";

/** The patient's reminders with add, edit, pause/resume, send-now and delete. */
export function RemindersCard(props: { patientId: string; reminders: ReminderView[] | null; onChanged: () => void }) {
  const [editing, setEditing] = useState<ReminderView | null>(null);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);

  async function act(reminder: ReminderView, action: "pause" | "resume" | "send-now" | "delete") {
    if (action === "delete" && !window.confirm(`Delete the reminder "${reminder.medicineName ?? reminder.type}"?`)) return;
    setBusy(reminder.id);
    try {
      if (action === "delete") await api(`/api/reminders/${reminder.id}`, { method: "DELETE" });
      else await api(`/api/reminders/${reminder.id}/${action}`, { method: "POST" });
      toast.success({ pause: "Reminder paused", resume: "Reminder resumed", "send-now": "Reminder sent", delete: "Reminder deleted" }[action]);
      props.onChanged();
    } catch (error) {
      toast.error(errorMessage(error, "That did not work"));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section className="card" aria-labelledby="reminders-title">
      <div className="section-head">
        <h2 id="reminders-title">Reminders</h2>
        <button
          type="button"
          className="primary"
          onClick={() => {
            setEditing(null);
            setOpen(true);
          }}
        >
          Add reminder
        </button>
      </div>
      {props.reminders === null ? (
        <p className="muted">Loading…</p>
      ) : props.reminders.length === 0 ? (
        <p className="muted">No reminders yet. <span lang="id">Belum ada pengingat.</span></p>
      ) : (
        <ul className="list">
          {props.reminders.map((r) => (
            <li key={r.id} className="reminder">
              <div>
                <strong>{r.medicineName ?? r.type}</strong>
                {r.dose ? ` · ${r.dose}` : ""} <span className={`badge ${r.status}`}>{r.status}</span>
                <div className="muted small">{describeSchedule(r.schedule)}</div>
                <div className="muted small">Next: {r.nextDueAt ? formatDateTime(r.nextDueAt) : "none (schedule ended)"}</div>
              </div>
              <div className="actions">
                <button type="button" disabled={busy === r.id || r.status === "paused"} onClick={() => void act(r, "send-now")}>
                  Send now
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setEditing(r);
                    setOpen(true);
                  }}
                >
                  Edit
                </button>
                <button type="button" disabled={busy === r.id} onClick={() => void act(r, r.status === "paused" ? "resume" : "pause")}>
                  {r.status === "paused" ? "Resume" : "Pause"}
                </button>
                <button type="button" className="danger" disabled={busy === r.id} onClick={() => void act(r, "delete")}>
                  Delete
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
