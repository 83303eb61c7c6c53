"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useCallback, useEffect, useState } from "react";
import { toast } from "sonner";
import { ApiError, api } from "@/components/api";
import { AppHeader } from "@/components/app-header";
import { clinicalLabels } from "@/components/clinical-labels";
import { FindingsDialog } from "@/components/findings-dialog";
import { errorMessage, formatDateTime, humanize } from "@/components/format";
import { useT } from "@/components/i18n";
import { NotFoundState } from "@/components/not-found-state";
import { RejectDialog } from "@/components/reject-dialog";
import { useStaff } from "@/components/use-staff";
import type { ConsultationView, RejectConsultationBody } from "@/services/consultation/consultation.schemas";

type Action = "submit" | "approve" | "mark-submitted";
const EDITABLE = new Set(["DRAFT", "PENDING_APPROVAL"]);

export default function ConsultationPage() {
  const { id } = useParams<{ id: string }>();
  const { me, blocked } = useStaff();
  const { t, locale } = useT();
  const labels = clinicalLabels(locale);
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
      else toast.error(errorMessage(error, t("consultation.loadFailed")));
    }
  }, [id, t]);

  useEffect(() => {
    if (me) void load();
  }, [me, load]);

  async function run(action: Action) {
    setBusy(true);
    setRefusal(null);
    try {
      setC(await api<ConsultationView>(`/api/consultations/${id}/${action}`, { method: "POST" }));
      toast.success(t(`consultation.done.${action}`));
    } catch (error) {
      const message = errorMessage(error, t("common.failed"));
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
      toast.success(t("consultation.rejected"));
    } catch (error) {
      if (!(error instanceof ApiError && error.issues.length)) setRefusal(errorMessage(error, t("consultation.rejectFailed")));
      throw error;
    }
  }

  if (blocked || missing) {
    return (
      <>
        <AppHeader me={me} />
        <main>{blocked ? <div className="card">{blocked}</div> : <NotFoundState title={t("notFound.consultation")} back="/consultations" backLabel={t("notFound.backToConsultations")} />}</main>
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
          <Link href="/consultations">← {t("nav.consultations")}</Link>
        </p>
        {!c ? (
          <p className="muted">{t("common.loading")}</p>
        ) : (
          <>
            <h1>
              {labels.condition(c.condition)} · <Link href={`/patients/${c.patient.id}`}>{c.patient.name}</Link>
            </h1>
            <p>
              <span className={`badge status-${c.status}`}>{labels.consultationStatus(c.status)}</span>{" "}
              <span className={`badge outcome-${c.outcome}`}>{labels.outcome(c.outcome)}</span>{" "}
              <span className="muted small">{t("consultation.createdAt", { time: formatDateTime(c.createdAt, locale) })}</span>
            </p>
            {refusal ? (
              <div className="notice danger" role="alert">
                {refusal}
              </div>
            ) : null}
            {c.rejectionReason ? <div className="notice">{t("consultation.rejectedBecause", { reason: c.rejectionReason })}</div> : null}
            <div className="actions bar">
              {canEdit && EDITABLE.has(c.status) ? (
                <button type="button" onClick={() => setEditOpen(true)}>
                  {t("consultation.editFindings")}
                </button>
              ) : null}
              {c.status === "DRAFT" ? (
                <button type="button" className="primary" disabled={busy} onClick={() => void run("submit")}>
                  {t("consultation.submit")}
                </button>
              ) : null}
              {c.status === "PENDING_APPROVAL" ? (
                <button type="button" className="primary" disabled={busy} onClick={() => void run("approve")}>
                  {t("consultation.approve")}
                </button>
              ) : null}
              {EDITABLE.has(c.status) ? (
                <button type="button" className="danger" disabled={busy} onClick={() => setRejectOpen(true)}>
                  {t("consultation.reject")}
                </button>
              ) : null}
              {c.status === "APPROVED" ? (
                <button type="button" className="primary" disabled={busy} onClick={() => void run("mark-submitted")}>
                  {t("consultation.markSubmitted")}
                </button>
              ) : null}
              {c.status === "APPROVED" || c.status === "SUBMITTED" ? (
                <a className="button" href={`/api/consultations/${c.id}/export`} download>
                  {t("consultation.export")}
                </a>
              ) : null}
              <Link className="button" href={`/consultations/${c.id}/print`} target="_blank">
                {t("consultation.print")}
              </Link>
            </div>
            <div className="grid-2">
              <section className="card" aria-labelledby="outcome-title">
                <h2 id="outcome-title">{t("consultation.outcome")}</h2>
                <dl className="facts">
                  <dt>{t("consultation.outcome")}</dt>
                  <dd>{labels.outcome(c.outcome)}</dd>
                  <dt>{t("consultation.why")}</dt>
                  <dd>{c.reasons.length ? c.reasons.map(humanize).join("; ") : "—"}</dd>
                  <dt>{t("consultation.treatment")}</dt>
                  <dd>{c.treatmentProposed ?? "—"}</dd>
                  <dt>{t("consultation.advice")}</dt>
                  <dd className="pre">{c.advice ?? "—"}</dd>
                  <dt>{t("common.patient")}</dt>
                  <dd>
                    {c.age === null ? t("consultation.ageUnknown") : t("consultation.ageYears", { age: c.age })} ·{" "}
                    {c.sex ? t(c.sex === "female" ? "common.female" : "common.male") : t("consultation.sexUnknown")}
                    {c.pregnant ? ` · ${t("consultation.pregnant")}` : ""}
                  </dd>
                  {c.followUpAnswer ? (
                    <>
                      <dt>{t("consultation.followUp")}</dt>
                      <dd>{c.followUpAnswer}</dd>
                    </>
                  ) : null}
                  {c.approvedAt ? (
                    <>
                      <dt>{t("consultation.approvedAt")}</dt>
                      <dd>{formatDateTime(c.approvedAt, locale)}</dd>
                    </>
                  ) : null}
                </dl>
              </section>
              <section className="card" aria-labelledby="flags-title">
                <h2 id="flags-title">{t("consultation.redFlags")}</h2>
                {c.redFlags.length ? (
                  <ul className="flags">
                    {c.redFlags.map((f) => (
                      <li key={f} className="flag">
                        {labels.finding(c.condition, f)}
                      </li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t("consultation.noRedFlags")}</p>
                )}
                <h2>{t("consultation.stillNeeded")}</h2>
                {c.missing.length ? (
                  <ul>
                    {c.missing.map((f) => (
                      <li key={f}>{labels.finding(c.condition, f)}</li>
                    ))}
                  </ul>
                ) : (
                  <p className="muted">{t("consultation.complete")}</p>
                )}
              </section>
            </div>
            <section className="card" aria-labelledby="findings-title">
              <h2 id="findings-title">{t("consultation.findings")}</h2>
              {findings.length === 0 ? (
                <p className="muted">{t("consultation.noFindings")}</p>
              ) : (
                <dl className="findings">
                  {findings.map(([k, v]) => (
                    <div key={k}>
                      <dt>{labels.finding(c.condition, k)}</dt>
                      <dd className={v === true && c.redFlags.includes(k) ? "flag" : undefined}>{labels.value(v, c.condition, k)}</dd>
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
