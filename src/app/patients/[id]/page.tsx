"use client";

import Link from "next/link";
import { useParams } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { toast } from "sonner";
import { ApiError, api } from "@/components/api";
import { AppHeader } from "@/components/app-header";
import { DeliveriesTable, type DeliveryView } from "@/components/deliveries-table";
import { errorMessage, formatDate, formatDateTime, formatDay, formatRate } from "@/components/format";
import { useT } from "@/components/i18n";
import { MessageThread } from "@/components/message-thread";
import { NotFoundState } from "@/components/not-found-state";
import { PatientDialog } from "@/components/patient-dialog";
import { RemindersCard } from "@/components/reminders-card";
import { TriageCard, type TriageView } from "@/components/triage-card";
import { usePolling, useStaff } from "@/components/use-staff";
import { LANGUAGE_NAMES } from "@/lib/i18n/locales";
import type { ConsultationPage, ConsultationView } from "@/services/consultation/consultation.schemas";
import type { MessageView } from "@/services/messaging/messaging.schemas";
import type { PatientView } from "@/services/patient/patient.schemas";
import type { ReminderView } from "@/services/reminder/reminder.service";

type Adherence = NonNullable<PatientView["adherence"]>;

export default function PatientPage() {
  const { id } = useParams<{ id: string }>();
  const { me, blocked } = useStaff();
  const { t, locale } = useT();
  const [patient, setPatient] = useState<PatientView | null>(null);
  const [missing, setMissing] = useState(false);
  const [adherence, setAdherence] = useState<Adherence | null>(null);
  const [reminders, setReminders] = useState<ReminderView[] | null>(null);
  const [deliveries, setDeliveries] = useState<DeliveryView[] | null>(null);
  const [messages, setMessages] = useState<MessageView[] | null>(null);
  const [triages, setTriages] = useState<TriageView[] | null>(null);
  const [consultations, setConsultations] = useState<ConsultationView[] | null>(null);
  const [volunteers, setVolunteers] = useState<Array<{ id: string; name: string }> | null>(null);
  const [editOpen, setEditOpen] = useState(false);
  const [resending, setResending] = useState(false);
  const [resendRefused, setResendRefused] = useState(false);
  const newestMessage = useRef<string | null>(null);

  const loadPatient = useCallback(async () => {
    try {
      setPatient(await api<PatientView>(`/api/patients/${id}`));
    } catch (error) {
      // 400 (not an id) and 404 (absent or another volunteer's patient) look the same to staff
      if (error instanceof ApiError && (error.status === 404 || error.status === 400)) setMissing(true);
      else toast.error(errorMessage(error, t("patient.loadFailed")));
    }
  }, [id, t]);

  const loadReminders = useCallback(async () => {
    const [r, d, a] = await Promise.all([
      api<{ items: ReminderView[] }>(`/api/patients/${id}/reminders`),
      api<{ items: DeliveryView[] }>(`/api/patients/${id}/deliveries?limit=50`),
      api<Adherence>(`/api/adherence?patientId=${id}`),
    ]);
    setReminders(r.items);
    setDeliveries(d.items);
    setAdherence(a);
  }, [id]);

  const loadClinical = useCallback(async () => {
    const [t, c] = await Promise.all([
      api<{ items: TriageView[] }>(`/api/patients/${id}/triage`),
      api<ConsultationPage>(`/api/consultations?patientId=${id}&limit=25`).catch(() => ({ items: [], nextCursor: null })),
    ]);
    setTriages(t.items);
    setConsultations(c.items);
  }, [id]);

  // the thread and deliveries every 5 s (a reply confirms a delivery a moment after it lands);
  // a new message may also have changed the patient or started a triage
  const pollThread = useCallback(() => {
    void loadReminders().catch(() => undefined);
    api<{ items: MessageView[] }>(`/api/patients/${id}/messages?limit=50`)
      .then((r) => {
        setMessages(r.items);
        const newest = r.items[0]?.id ?? null;
        if (newestMessage.current !== null && newest !== newestMessage.current) {
          void loadPatient();
          void loadClinical().catch(() => undefined);
        }
        newestMessage.current = newest;
      })
      .catch(() => undefined);
  }, [id, loadPatient, loadReminders, loadClinical]);

  useEffect(() => {
    if (!me) return;
    void loadPatient();
    if (me.role !== "VOLUNTEER") {
      api<{ items: Array<{ id: string; name: string }> }>("/api/staff?role=VOLUNTEER&status=APPROVED")
        .then((r) => setVolunteers(r.items))
        .catch(() => setVolunteers([]));
    }
  }, [me, loadPatient]);

  useEffect(() => {
    if (!patient?.id) return;
    void loadClinical().catch(() => setTriages([]));
  }, [patient?.id, loadClinical]);

  usePolling(pollThread, 5_000, Boolean(patient?.id));

  async function resend() {
    setResending(true);
    try {
      setPatient(await api<PatientView>(`/api/patients/${id}/verification`, { method: "POST" }));
      toast.success(t("patient.resent"));
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) setResendRefused(true);
      toast.error(errorMessage(error, t("patient.resendFailed")));
    } finally {
      setResending(false);
    }
  }

  if (blocked || missing) {
    return (
      <>
        <AppHeader me={me} />
        <main>{blocked ? <div className="card">{blocked}</div> : <NotFoundState title={t("notFound.patient")} back="/patients" backLabel={t("notFound.backToPatients")} />}</main>
      </>
    );
  }

  const reminderChanged = () => void loadReminders().catch(() => undefined);
  const verified = patient?.verificationStatus === "VERIFIED";
  const replyBlocked = patient?.unsubscribedAt ? t("patient.replyBlocked") : null;

  return (
    <>
      <AppHeader me={me} />
      <main>
        <p className="crumbs">
          <Link href="/patients">← {t("nav.patients")}</Link>
        </p>
        {!patient ? (
          <p className="muted">{t("common.loading")}</p>
        ) : (
          <>
            <h1>{patient.name}</h1>
            {patient.automationPausedAt ? (
              <div className="notice" role="status">
                {t("patient.paused", { time: formatDateTime(patient.automationPausedAt, locale) })} <Link href="/inbox">{t("patient.openInbox")}</Link>
              </div>
            ) : null}
            {patient.unsubscribedAt ? (
              <div className="notice danger" role="status">
                {t("patient.unsubscribed", { date: formatDate(patient.unsubscribedAt, locale) })}
              </div>
            ) : null}
            <div className="grid-2">
              <section className="card" aria-labelledby="profile-title">
                <div className="section-head">
                  <h2 id="profile-title">{t("patient.profile")}</h2>
                  <button type="button" onClick={() => setEditOpen(true)}>
                    {t("patient.editProfile")}
                  </button>
                </div>
                <dl className="facts">
                  <dt>{t("common.whatsapp")}</dt>
                  <dd>{patient.phone}</dd>
                  <dt>{t("patient.born")}</dt>
                  <dd>{formatDay(patient.dateOfBirth, locale)}</dd>
                  <dt>{t("common.sex")}</dt>
                  <dd>{patient.sex ? t(patient.sex === "female" ? "common.female" : "common.male") : "—"}</dd>
                  <dt>{t("common.language")}</dt>
                  <dd>{LANGUAGE_NAMES[patient.language]}</dd>
                  <dt>{t("common.volunteer")}</dt>
                  <dd>{patient.assignedVolunteer?.name ?? t("common.unassigned")}</dd>
                  {patient.notes ? (
                    <>
                      <dt>{t("common.notes")}</dt>
                      <dd className="pre">{patient.notes}</dd>
                    </>
                  ) : null}
                </dl>
              </section>
              <div className="stack">
                <section className="card" aria-labelledby="verification-title">
                  <h2 id="verification-title">{t("patient.verification")}</h2>
                  <p>
                    <span className={`badge ${patient.verificationStatus}`}>{t(`verification.${patient.verificationStatus}`)}</span>{" "}
                    {t(`patient.verification.${patient.verificationStatus}`)}
                    {patient.consentWhatsapp ? ` · ${t("patient.consentGiven")}` : ""}
                  </p>
                  {!verified && (
                    <button type="button" onClick={() => void resend()} disabled={resending || resendRefused || patient.verificationSendCount >= 3 || Boolean(patient.unsubscribedAt)}>
                      {resending ? t("common.sending") : t("patient.resend")}
                    </button>
                  )}
                </section>
                <section className="card" aria-labelledby="adherence-title">
                  <h2 id="adherence-title">{t("patient.adherence")}</h2>
                  <div className="tiles">
                    {(["days7", "days30"] as const).map((k) => (
                      <div key={k} className="tile">
                        <strong>{formatRate(adherence?.[k].rate)}</strong>
                        <span className="muted small">
                          {t(k === "days7" ? "patient.days7" : "patient.days30")} ·{" "}
                          {adherence ? t("patient.confirmedOfSent", { confirmed: adherence[k].confirmed, sent: adherence[k].sent }) : "…"}
                        </span>
                      </div>
                    ))}
                  </div>
                </section>
              </div>
            </div>
            <RemindersCard patientId={patient.id} reminders={reminders} onChanged={reminderChanged} />
            <DeliveriesTable deliveries={deliveries} reminders={reminders} />
            <MessageThread patientId={patient.id} messages={messages} disabledReason={replyBlocked} onSent={pollThread} />
            <TriageCard patientId={patient.id} triages={triages} consultations={consultations} />
          </>
        )}
      </main>
      <PatientDialog open={editOpen} onOpenChange={setEditOpen} patient={patient} volunteers={volunteers} onSaved={(p) => setPatient({ ...p })} />
    </>
  );
}
