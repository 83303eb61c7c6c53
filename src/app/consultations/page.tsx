"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { api } from "@/components/api";
import { AppHeader } from "@/components/app-header";
import { CONSULTATION_STATUS_LABELS, conditionLabel, OUTCOME_LABELS } from "@/components/clinical-labels";
import { errorMessage, formatDateTime } from "@/components/format";
import { useStaff } from "@/components/use-staff";
import { CONSULTATION_STATUSES, type ConsultationPage } from "@/services/consultation/consultation.schemas";

const PAGE_SIZE = 20;

export default function ConsultationsPage() {
  const { me, blocked } = useStaff();
  const [status, setStatus] = useState("");
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [page, setPage] = useState<ConsultationPage | null>(null);
  const [loading, setLoading] = useState(true);

  const cursor = cursors.at(-1) ?? null;
  const load = useCallback(async () => {
    setLoading(true);
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (status) params.set("status", status);
    if (cursor) params.set("cursor", cursor);
    try {
      setPage(await api<ConsultationPage>(`/api/consultations?${params}`));
    } catch (error) {
      toast.error(errorMessage(error, "Could not load consultations"));
    } finally {
      setLoading(false);
    }
  }, [status, cursor]);

  useEffect(() => {
    if (me) void load();
  }, [me, load]);

  if (blocked) {
    return (
      <>
        <AppHeader me={null} />
        <main>
          <div className="card">{blocked}</div>
        </main>
      </>
    );
  }

  return (
    <>
      <AppHeader me={me} />
      <main>
        <h1>Consultations</h1>
        <div className="toolbar">
          <label className="inline">
            Status
            <select
              value={status}
              onChange={(e) => {
                setStatus(e.target.value);
                setCursors([null]);
              }}
            >
              <option value="">All</option>
              {CONSULTATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {CONSULTATION_STATUS_LABELS[s]}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="card flush">
          <div className="table-scroll">
            <table aria-label="Consultations">
              <thead>
                <tr>
                  <th>Patient</th>
                  <th>Condition</th>
                  <th>Outcome</th>
                  <th>Status</th>
                  <th className="hide-sm">Created</th>
                </tr>
              </thead>
              <tbody>
                {page?.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link href={`/consultations/${c.id}`}>{c.patient.name}</Link>
                    </td>
                    <td>{conditionLabel(c.condition)}</td>
                    <td>
                      <span className={`badge outcome-${c.outcome}`}>{OUTCOME_LABELS[c.outcome] ?? c.outcome}</span>
                    </td>
                    <td>
                      <span className={`badge status-${c.status}`}>{CONSULTATION_STATUS_LABELS[c.status]}</span>
                    </td>
                    <td className="hide-sm">{formatDateTime(c.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page && page.items.length === 0 && <div className="empty">{status ? "No consultation with this status." : "No consultations yet."}</div>}
        </div>
        <div className="pager">
          <button type="button" disabled={cursors.length <= 1 || loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous
          </button>
          <span>{loading ? "Loading…" : `Page ${cursors.length}`}</span>
          <button type="button" disabled={!page?.nextCursor || loading} onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor])}>
            Next
          </button>
        </div>
      </main>
    </>
  );
}
