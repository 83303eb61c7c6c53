"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { ApiError, api } from "@/components/api";
import { AppHeader } from "@/components/app-header";
import { CONSULTATION_STATUS_LABELS, conditionLabel, findingLabel, formatFinding, OUTCOME_LABELS } from "@/components/clinical-labels";
import { FindingsDialog } from "@/components/findings-dialog";
import { errorMessage, formatDateTime, humanize } from "@/components/format";
import { NotFoundState } from "@/components/not-found-state";
import { RejectDialog } from "@/components/reject-dialog";
import { useStaff } from "@/components/use-staff";
import type { ConsultationView, RejectConsultationBody } from "@/services/consultation/consultation.schemas";

type Action = "submit" | "approve" | "mark-submitted";
const ACTION_DONE: Record<Action, string> = { submit: "Sent for approval", approve: "Approved", "mark-submitted": "Marked as submitted" };
const EDITABLE = new Set(["DRAFT", "PENDING_APPROVAL"]);

export default function ConsultationPage() {
  const { id } = useParams<{ id: string }>();
  const { me, blocked } = useStaff();
  const [c, setC] = useState<ConsultationView | null>(null);
  const [missing, setMissing] = useState(false);
  // the API's refusal (403 role or registration number, 409 wrong status) stays on the page
  const [refusal, setRefusal] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [editOpen, setEditOpen] = useState(false);
  const [rejectOpen, setRejectOpen] = useState(false);

  const load = useCallback(async () => {
    try {
      setC(await api<ConsultationView>(`/api/consultations/${id}`));
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setMissing(true);
      else toast.error(errorMessage(error, "Could not load the consultation"));
    }
  }, [id]);

  useEffect(() => {
    if (me) void load();
  }, [me, load]);

  async function run(action: Action) {
    setBusy(true);
    setRefusal(null);
    try {
      setC(await api<ConsultationView>(`/api/consultations/${id}/${action}`, { method: "POST" }));
      toast.success(ACTION_DONE[action]);
    } catch (error) {
      const message = errorMessage(error, "That did not work");
      setRefusal(message);
      toast.error(message);
    } finally {
      setBusy(false);
    }
  }

  async function reject(body: RejectConsultationBody) {
    setRefusal(null);
    try {
      setC(await api<ConsultationView>(`/api/consultations/${id}/reject`, { body }));
      toast.success("Rejected");
    } catch (error) {
      if (!(error instanceof ApiError && error.issues.length)) setRefusal(errorMessage(error, "Could not reject"));
      throw error;
    }
  }

  if (blocked || missing) {
    return (
      <>
        <AppHeader me={me} />
        <main>{blocked ? <div className="card">{blocked}</div> : <NotFoundState what="Consultation" back="/consultations" backLabel="Back to consultations" />}</main>
      </>
    );
  }

  const canEdit = me?.role !== "VOLUNTEER";
  const findings = c ? Object.entries(c.findings) : [];
  return (
    <>
      <AppHeader me={me} />
      <main>
        <p className="crumbs">
          <Link href="/consultations">← Consultations</Link>
        </p>
        {!c ? (
          <p className="muted">Loading…</p>
        ) : (
          <>
            <h1>
              {conditionLabel(c.condition)} · <Link href={`/patients/${c.patient.id}`}>{c.patient.name}</Link>
            </h1>
            <p>
              <span className={`badge status-${c.status}`}>{CONSULTATION_STATUS_LABELS[c.status]}</span>{" "}
              <span className={`badge outcome-${c.outcome}`}>{OUTCOME_LABELS[c.outcome] ?? c.outcome}</span>{" "}
              <span className="muted small">created {formatDateTime(c.createdAt)}</span>
            </p>
            {refusal ? (
              <div className="notice danger" role="alert">
                {refusal}
              </div>
            ) : null}
            {c.rejectionReason ? <div className="notice">Rejected: {c.rejectionReason}</div> : null}
            <div className="actions bar">
              {canEdit && EDITABLE.has(c.status) ? (
                <button type="button" onClick={() => setEditOpen(true)}>
                  Edit findings
                </button>
              ) : null}
              {c.status === "DRAFT" ? (
                <button type="button" className="primary" disabled={busy} onClick={() => void run("submit")}>
                  Submit for approval
                </button>
              ) : null}
              {c.status === "PENDING_APPROVAL" ? (
                <button type="button" className="primary" disabled={busy} onClick={() => void run("approve")}>
                  Approve
                </button>
              ) : null}
              {EDITABLE.has(c.status) ? (
                <button type="button" className="danger" disabled={busy} onClick={() => setRejectOpen(true)}>
                  Reject
                </button>
              ) : null}
              {c.status === "APPROVED" ? (
                <button type="button" className="primary" disabled={busy} onClick={() => void run("mark-submitted")}>
                  Mark claim submitted
                </button>
              ) : null}
              {c.status === "APPROVED" || c.status === "SUBMITTED" ? (
                <a className="button" href={`/api/consultations/${c.id}/export`} download>
                  Export JSON
                </a>
              ) : null}
              <Link className="button" href={`/consultations/${c.id}/print`} target="_blank">
                Print
              </Link>
            </div>
            <div className="grid-2">
              <section className="card" aria-labelledby="outcome-title">
                <h2 id="outcome-title">Outcome</h2>
                <dl className="facts">
                  <dt>Outcome</dt>
                  <dd>{OUTCOME_LABELS[c.outcome] ?? c.outcome}</dd>
                  <dt>Why</dt>
                  <dd>{c.reasons.length ? c.reasons.map(humanize).join("; ") : "—"}</dd>
                  <dt>Treatment</dt>
                  <dd>{c.treatmentProposed ?? "—"}</dd>
                  <dt>Advice</dt>
                  <dd className="pre">{c.advice ?? "—"}</dd>
                  <dt>Patient</dt>
                  <dd>
                    {c.age ?? "age unknown"} · {c.sex ?? "sex unknown"}
                    {c.pregnant ? " · pregnant" : ""}
                  </dd>
                  {c.followUpAnswer ? (
                    <>
                      <dt>Follow-up</dt>
                      <dd>{c.followUpAnswer}</dd>
                    </>
                  ) : null}
                  {c.approvedAt ? (
                    <>
                      <dt>Approved</dt>
                      <dd>{formatDateTime(c.approvedAt)}</dd>
                    </>
                  ) : null}
                </dl>
              </section>
              <section className="card" aria-labelledby="flags-title">
                <h2 id="flags-title">Red flags</h2>
                {c.redFlags.length ? (
                  <ul className="flags">
                    {c.redFlags.map((f) => (
                      <li key={f} className="flag">
                        {findingLabel(c.condition, f)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">None found.</p>
                )}
                <h2>Still needed</h2>
                {c.missing.length ? (
                  <ul>
                    {c.missing.map((f) => (
                      <li key={f}>{findingLabel(c.condition, f)}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">Nothing: the findings are complete.</p>
                )}
              </section>
            </div>
            <section className="card" aria-labelledby="findings-title">
              <h2 id="findings-title">Findings</h2>
              {findings.length === 0 ? (
                <p className="muted">No findings recorded.</p>
              ) : (
                <dl className="findings">
                  {findings.map(([k, v]) => (
                    <div key={k}>
                      <dt>{findingLabel(c.condition, k)}</dt>
                      <dd className={v === true && c.redFlags.includes(k) ? "flag" : undefined}>{formatFinding(v)}</dd>
                    </div>
                  ))}
                </dl>
              )}
            </section>
            <FindingsDialog open={editOpen} onOpenChange={setEditOpen} consultation={c} onSaved={setC} />
            <RejectDialog open={rejectOpen} onOpenChange={setRejectOpen} onReject={reject} />
          </>
        )}
      </main>
    </>
  );
}
