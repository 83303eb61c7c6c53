"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { api } from "@/components/api";
import { AppHeader } from "@/components/app-header";
import { clinicalLabels } from "@/components/clinical-labels";
import { errorMessage, formatDateTime } from "@/components/format";
import { useT } from "@/components/i18n";
import { useStaff } from "@/components/use-staff";
import { CONSULTATION_STATUSES, type ConsultationPage } from "@/services/consultation/consultation.schemas";
import { BlockedPage, Pager } from "@/components/page-frame";
import { useLatest } from "@/components/use-latest";

const PAGE_SIZE = 20;

export default function ConsultationsPage() {
  const { me, blocked } = useStaff();
  const { t, locale } = useT();
  const labels = clinicalLabels(locale);
  const [status, setStatus] = useState("");
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [page, setPage] = useState<ConsultationPage | null>(null);
  const [loading, setLoading] = useState(true);

  const cursor = cursors.at(-1) ?? null;
  const begin = useLatest();
  const load = useCallback(async () => {
    const isLatest = begin();
    setLoading(true);
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (status) params.set("status", status);
    if (cursor) params.set("cursor", cursor);
    try {
      const result = await api<ConsultationPage>(`/api/consultations?${params}`);
      if (isLatest()) setPage(result);
    } catch (error) {
      if (isLatest()) toast.error(errorMessage(error, t("consultations.loadFailed")));
    } finally {
      if (isLatest()) setLoading(false);
    }
  }, [status, cursor, t, begin]);

  useEffect(() => {
    if (me) void load();
  }, [me, load]);

  if (blocked) return <BlockedPage message={blocked} />;

  return (
    <>
      <AppHeader me={me} />
      <main>
        <h1>{t("consultations.title")}</h1>
        <div className="toolbar">
          <label className="inline">
            {t("common.status")}
            <select
              value={status}
              onChange={(e) => {
                setStatus(e.target.value);
                setCursors([null]);
              }}
            >
              <option value="">{t("consultations.all")}</option>
              {CONSULTATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {labels.consultationStatus(s)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="card flush">
          <div className="table-scroll">
            <table aria-label={t("consultations.title")}>
              <thead>
                <tr>
                  <th>{t("common.patient")}</th>
                  <th>{t("consultations.condition")}</th>
                  <th>{t("consultations.outcome")}</th>
                  <th>{t("common.status")}</th>
                  <th className="hide-sm">{t("consultations.created")}</th>
                </tr>
              </thead>
              <tbody>
                {page?.items.map((c) => (
                  <tr key={c.id}>
                    <td>
                      <Link href={`/consultations/${c.id}`}>{c.patient.name}</Link>
                    </td>
                    <td>{labels.condition(c.condition)}</td>
                    <td>
                      <span className={`badge outcome-${c.outcome}`}>{labels.outcome(c.outcome)}</span>
                    </td>
                    <td>
                      <span className={`badge status-${c.status}`}>{labels.consultationStatus(c.status)}</span>
                    </td>
                    <td className="hide-sm">{formatDateTime(c.createdAt, locale)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {page && page.items.length === 0 && <div className="empty">{status ? t("consultations.noneWithStatus") : t("consultations.none")}</div>}
        </div>
        <Pager cursors={cursors} nextCursor={page?.nextCursor} loading={loading} onChange={setCursors} />
      </main>
    </>
  );
}
