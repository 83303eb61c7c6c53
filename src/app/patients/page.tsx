"use client";

import Link from "next/link";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { api } from "@/components/api";
import { AppHeader } from "@/components/app-header";
import { useStaff } from "@/components/use-staff";
import { formatRate } from "@/components/format";
import { PatientDialog } from "@/components/patient-dialog";
import type { PatientPage, PatientView } from "@/services/patient/patient.schemas";

const PAGE_SIZE = 20;

export default function PatientsPage() {
  const { me, blocked } = useStaff();
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
  const load = useCallback(async () => {
    setLoading(true);
    const params = new URLSearchParams({ limit: String(PAGE_SIZE) });
    if (query) params.set("q", query);
    if (cursor) params.set("cursor", cursor);
    try {
      setPage(await api<PatientPage>(`/api/patients?${params}`));
    } catch (error) {
      toast.error(error instanceof Error ? error.message : "Could not load patients");
    } finally {
      setLoading(false);
    }
  }, [query, cursor]);

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
        <h1>Patients</h1>
        <div className="toolbar">
          <input
            type="search"
            placeholder="Search by name or WhatsApp number"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            aria-label="Search patients"
          />
          <button
            className="primary"
            type="button"
            onClick={() => {
              setEditing(null);
              setDialogOpen(true);
            }}
          >
            Register patient
          </button>
        </div>
        <div className="card" style={{ padding: 0 }}>
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>WhatsApp</th>
                <th className="hide-sm">Volunteer</th>
                <th className="hide-sm">Status</th>
                <th title="Confirmed over sent, last 7 days">7-day</th>
                <th aria-label="Actions" />
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
                    <span className={`badge ${p.verificationStatus}`}>{p.unsubscribedAt ? "unsubscribed" : p.verificationStatus.toLowerCase()}</span>
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
                      Edit
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {page && page.items.length === 0 && (
            <div className="empty">{query ? "No patient matches this search." : "No patients yet."}</div>
          )}
        </div>
        <div className="pager">
          <button type="button" disabled={cursors.length <= 1 || loading} onClick={() => setCursors((c) => c.slice(0, -1))}>
            Previous
          </button>
          <span>{loading ? "Loading…" : `Page ${cursors.length}`}</span>
          <button
            type="button"
            disabled={!page?.nextCursor || loading}
            onClick={() => page?.nextCursor && setCursors((c) => [...c, page.nextCursor])}
          >
            Next
          </button>
        </div>
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
