"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { api } from "@/components/api";
import { AppHeader } from "@/components/app-header";
import { useT } from "@/components/i18n";
import { useStaff } from "@/components/use-staff";
import { formatRate } from "@/components/format";
import { PatientDialog } from "@/components/patient-dialog";
import type { PatientPage, PatientView } from "@/services/patient/patient.schemas";
import { BlockedPage, Pager } from "@/components/page-frame";
import { useLatest } from "@/components/use-latest";

const PAGE_SIZE = 20;

export default function PatientsPage() {
  const { me, blocked } = useStaff();
  const { t } = useT();
  const [volunteers, setVolunteers] = useState<Array<{ id: string; name: string }> | null>(null);
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  // keyset pagination: the cursors of the pages before this one, for "Previous"
  const [cursors, setCursors] = useState<Array<string | null>>([null]);
  const [page, setPage] = useState<PatientPage | null>(null);
  const [loading, setLoading] = useState(true);
  const [editing, setEditing] = useState<PatientView | null>(null);
  const [dialogOpen, setDialogOpen] = useState(false);

  // pharmacists and admins choose a patient's volunteer
  useEffect(() => {
    if (!me || me.role === "VOLUNTEER") return;
    api<{ items: Array<{ id: string; name: string }> }>("/api/staff?role=VOLUNTEER&status=APPROVED")
      .then((r) => setVolunteers(r.items))
      .catch(() => setVolunteers([]));
  }, [me]);

  // search as the user types, a moment after they stop
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim());
      setCursors([null]);
    }, 250);
    return () => clearTimeout(timer);
  }, [search]);

  const cursor = cursors.at(-1) ?? null;
  const begin = useLatest();
  const load = useCallback(async () => {
    const isLatest = begin();
    setLoading(true);
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (query) params.set("q", query);
    if (cursor) params.set("cursor", cursor);
    try {
      const result = await api<PatientPage>(`/api/patients?${params}`);
      if (isLatest()) setPage(result);
    } catch (error) {
      if (isLatest()) toast.error(error instanceof Error ? error.message : t("patients.loadFailed"));
    } finally {
      if (isLatest()) setLoading(false);
    }
  }, [query, cursor, t, begin]);

  useEffect(() => {
    if (me) void load();
  }, [me, load]);

  if (blocked) return <BlockedPage message={blocked} />;

  return (
    <>
      <AppHeader me={me} />
      <main>
        <h1>{t("patients.title")}</h1>
        <div className="toolbar">
          <input
            type="search"
            placeholder={t("patients.searchPlaceholder")}
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-label={t("patients.search")}
          />
          <button
            className="primary"
            type="button"
            onClick={() => {
              setEditing(null);
              setDialogOpen(true);
            }}
          >
            {t("patients.register")}
          </button>
        </div>
        <div className="card" style={{ padding: 0 }}>
          <table>
            <thead>
              <tr>
                <th>{t("common.name")}</th>
                <th>{t("common.whatsapp")}</th>
                <th className="hide-sm">{t("common.volunteer")}</th>
                <th className="hide-sm">{t("common.status")}</th>
                <th title={t("patients.adherence7Hint")}>{t("patients.adherence7")}</th>
                <th aria-label={t("common.actions")} />
              </tr>
            </thead>
            <tbody>
              {page?.items.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link href={`/patients/${p.id}`}>{p.name}</Link>
                  </td>
                  <td>{p.phone}</td>
                  <td className="hide-sm">{p.assignedVolunteer?.name ?? <span className="muted">—</span>}</td>
                  <td className="hide-sm">
                    <span className={`badge ${p.verificationStatus}`}>{p.unsubscribedAt ? t("verification.unsubscribed") : t(`verification.${p.verificationStatus}`)}</span>
                  </td>
                  <td className={p.adherence?.days7.rate != null && p.adherence.days7.rate < 0.8 ? "low" : undefined}>
                    {formatRate(p.adherence?.days7.rate)}
                  </td>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => {
                        setEditing(p);
                        setDialogOpen(true);
                      }}
                    >
                      {t("common.edit")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {page && page.items.length === 0 && (
            <div className="empty">{query ? t("patients.noMatch") : t("patients.none")}</div>
          )}
        </div>
        <Pager cursors={cursors} nextCursor={page?.nextCursor} loading={loading} onChange={setCursors} />
      </main>
      <PatientDialog
        open={dialogOpen}
        onOpenChange={setDialogOpen}
        patient={editing}
        volunteers={volunteers}
        onSaved={() => void load()}
      />
    </>
  );
}
