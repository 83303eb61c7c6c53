"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { api } from "@/components/api";
import { AppHeader } from "@/components/app-header";
import { usePolling, useStaff } from "@/components/use-staff";

type Dashboard = {
  scope: "volunteer" | "organisation";
  today: Record<"total" | "queued" | "sent" | "confirmed" | "notTaken" | "missed" | "failed" | "unknown" | "skipped", number>;
  adherence30: Array<{ day: string; sent: number; confirmed: number; rate: number | null }>;
  escalations: Record<string, number>;
  attention: Array<{ id: string; name: string; reasons: string[]; sent: number; confirmed: number }>;
};

const REASONS: Record<string, string> = {
  "verification:pending": "not verified yet",
  "verification:expired": "verification expired",
  "verification:declined": "declined reminders",
  unknown_sends: "a send with unknown outcome",
  low_adherence: "low adherence",
};

/** Today at a glance: reminders, 30 days of adherence, escalations and who needs a look. */
export default function DashboardPage() {
  const { me, blocked } = useStaff();
  const [data, setData] = useState<Dashboard | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(() => {
    api<Dashboard>("/api/dashboard").then(setData).catch((e: Error) => setFailure(e.message));
  }, []);
  usePolling(load, 30_000, Boolean(me));
  const error = blocked ?? failure;

  const cards: Array<[string, number | undefined]> = [
    ["Sent today", data?.today.sent],
    ["Confirmed", data?.today.confirmed],
    ["Not taken", data?.today.notTaken],
    ["Missed", data?.today.missed],
    ["Failed", (data?.today.failed ?? 0) + (data?.today.unknown ?? 0)],
    ["Still to send", data?.today.queued],
  ];
  const openEscalations = Object.values(data?.escalations ?? {}).reduce((a, b) => a + b, 0);

  return (
    <>
      <AppHeader me={me} />
      <main>
        <h1>{data?.scope === "volunteer" ? "My patients today" : "Today"}</h1>
        {error && <div className="card">{error}</div>}
        <div className="stat-grid">
          {cards.map(([label, value]) => (
            <div key={label} className="card stat">
              <div className="stat-value">{value ?? "–"}</div>
              <div className="muted">{label}</div>
            </div>
          ))}
        </div>

        <section className="card" style={{ marginTop: 16 }}>
          <h2>Adherence, last 30 days</h2>
          <div className="chart" role="img" aria-label="Confirmed over sent per day for the last 30 days">
            {data?.adherence30.map((d) => (
              <div key={d.day} className="bar" title={`${d.day}: ${d.confirmed}/${d.sent}`}>
                <span style={{ height: `${Math.round((d.rate ?? 0) * 100)}%` }} className={d.rate === null ? "empty" : ""} />
              </div>
            ))}
          </div>
          <p className="muted">
            {(() => {
              const sent = data?.adherence30.reduce((a, d) => a + d.sent, 0) ?? 0;
              const confirmed = data?.adherence30.reduce((a, d) => a + d.confirmed, 0) ?? 0;
              return sent ? `${Math.round((confirmed / sent) * 100)}% of ${sent} reminders confirmed` : "No reminders sent yet.";
            })()}
          </p>
        </section>

        <section className="card" style={{ marginTop: 16 }}>
          <h2>
            Open escalations: {openEscalations} <Link href="/inbox">open the inbox</Link>
          </h2>
          <p className="muted">
            {Object.entries(data?.escalations ?? {})
              .map(([kind, n]) => `${kind} ${n}`)
              .join(" · ") || "Nothing waiting."}
          </p>
        </section>

        <section className="card" style={{ marginTop: 16 }}>
          <h2>Patients needing attention</h2>
          {data && data.attention.length === 0 && <p className="muted">Nobody right now.</p>}
          <ul className="plain-list">
            {data?.attention.map((p) => (
              <li key={p.id}>
                <Link href={`/patients/${p.id}`}>{p.name}</Link>{" "}
                <span className="muted">{p.reasons.map((r) => REASONS[r] ?? r).join(", ")}</span>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}
