"use client";

import Link from "next/link";
import { useCallback, useState } from "react";
import { api } from "@/components/api";
import { AppHeader } from "@/components/app-header";
import { useT } from "@/components/i18n";
import { usePolling, useStaff } from "@/components/use-staff";
import { codeLabel } from "@/lib/i18n/translate";

type Dashboard = {
  scope: "volunteer" | "organisation";
  today: Record<"total" | "queued" | "sent" | "confirmed" | "notTaken" | "missed" | "failed" | "unknown" | "skipped", number>;
  adherence30: Array<{ day: string; sent: number; confirmed: number; rate: number | null }>;
  escalations: Record<string, number>;
  attention: Array<{ id: string; name: string; reasons: string[]; sent: number; confirmed: number }>;
};

/** Today at a glance: reminders, 30 days of adherence, escalations and who needs a look. */
export default function DashboardPage() {
  const { me, blocked } = useStaff();
  const { t } = useT();
  const [data, setData] = useState<Dashboard | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = useCallback(() => {
    api<Dashboard>("/api/dashboard").then(setData).catch((e: Error) => setFailure(e.message));
  }, []);
  usePolling(load, 30_000, Boolean(me));
  const error = blocked ?? failure;

  const cards = [
    ["dashboard.sentToday", data?.today.sent],
    ["dashboard.confirmed", data?.today.confirmed],
    ["dashboard.notTaken", data?.today.notTaken],
    ["dashboard.missed", data?.today.missed],
    ["dashboard.failed", (data?.today.failed ?? 0) + (data?.today.unknown ?? 0)],
    ["dashboard.stillToSend", data?.today.queued],
  ] as const;
  const openEscalations = Object.values(data?.escalations ?? {}).reduce((a, b) => a + b, 0);

  return (
    <>
      <AppHeader me={me} />
      <main>
        <h1>{data?.scope === "volunteer" ? t("dashboard.titleVolunteer") : t("dashboard.title")}</h1>
        {error && <div className="card">{error}</div>}
        <div className="stat-grid">
          {cards.map(([label, value]) => (
            <div key={label} className="card stat">
              <div className="stat-value">{value ?? "–"}</div>
              <div className="muted">{t(label)}</div>
            </div>
          ))}
        </div>

        <section className="card" style={{ marginTop: 16 }}>
          <h2>{t("dashboard.adherenceTitle")}</h2>
          <div className="chart" role="img" aria-label={t("dashboard.adherenceChart")}>
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
              return sent ? t("dashboard.adherenceSummary", { rate: Math.round((confirmed / sent) * 100), sent }) : t("dashboard.noneSent");
            })()}
          </p>
        </section>

        <section className="card" style={{ marginTop: 16 }}>
          <h2>
            {t("dashboard.openEscalations", { count: openEscalations })} <Link href="/inbox">{t("dashboard.openInbox")}</Link>
          </h2>
          <p className="muted">
            {Object.entries(data?.escalations ?? {})
              .map(([kind, n]) => `${codeLabel(t, "escalation.kind", kind)} ${n}`)
              .join(" · ") || t("dashboard.nothingWaiting")}
          </p>
        </section>

        <section className="card" style={{ marginTop: 16 }}>
          <h2>{t("dashboard.attention")}</h2>
          {data && data.attention.length === 0 && <p className="muted">{t("dashboard.nobody")}</p>}
          <ul className="plain-list">
            {data?.attention.map((p) => (
              <li key={p.id}>
                <Link href={`/patients/${p.id}`}>{p.name}</Link>{" "}
                <span className="muted">{p.reasons.map((r) => codeLabel(t, "attention", r)).join(", ")}</span>
              </li>
            ))}
          </ul>
        </section>
      </main>
    </>
  );
}
