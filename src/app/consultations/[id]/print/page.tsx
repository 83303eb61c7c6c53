import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { clinicalLabels } from "@/components/clinical-labels";
import { AppError } from "@/lib/errors";
import { INTL_LOCALE, LANGUAGE_NAMES } from "@/lib/i18n/locales";
import { requestLocale } from "@/lib/i18n/request-locale";
import { codeLabel, translator } from "@/lib/i18n/translate";
import { requirePageStaff } from "@/lib/page-auth";
import { consultationIdParams } from "@/services/consultation/consultation.schemas";
import { type ConsultationRecord, getConsultationRecord } from "@/services/consultation/consultation.service";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const t = translator(await requestLocale());
  return { title: `${t("print.title")} · CareLoop`, robots: { index: false } };
}

// A4 with printer-safe margins; the screen view previews the sheet.
const PRINT_CSS = `
  @page { size: A4; margin: 16mm 14mm; }
  .sheet { max-width: 182mm; margin: 24px auto; padding: 16mm 14mm; background: #fff; color: #111;
    font: 10.5pt/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; box-shadow: 0 1px 6px rgba(0,0,0,.15); }
  .sheet h1 { font-size: 16pt; margin: 0 0 2mm; }
  .sheet h2 { font-size: 11pt; margin: 6mm 0 2mm; padding-bottom: 1mm; border-bottom: 1px solid #bbb; text-transform: uppercase; letter-spacing: .04em; }
  .sheet .meta { color: #555; font-size: 9pt; }
  .sheet .status { display: inline-block; border: 1px solid #111; padding: .5mm 2mm; font-weight: 600; font-size: 9pt; }
  .sheet dl { display: grid; grid-template-columns: 42mm 1fr; gap: 1mm 4mm; margin: 0; }
  .sheet dt { color: #555; }
  .sheet dd { margin: 0; }
  .sheet table { width: 100%; border-collapse: collapse; }
  .sheet td { padding: 1mm 0; border-bottom: 1px dotted #ccc; vertical-align: top; }
  .sheet td.value { width: 28mm; text-align: right; font-weight: 600; }
  .sheet .flag { color: #a00; font-weight: 600; }
  .sheet .advice { white-space: pre-line; }
  .sheet .signature { margin-top: 14mm; display: grid; grid-template-columns: 1fr 1fr; gap: 10mm; }
  .sheet .signature div { border-top: 1px solid #111; padding-top: 1mm; font-size: 9pt; color: #555; }
  .sheet .hint { color: #555; font-size: 9pt; }
  .sheet section { break-inside: avoid; }
  @media print {
    body { background: #fff !important; }
    .sheet { margin: 0; padding: 0; max-width: none; box-shadow: none; }
    .sheet .hint { display: none; }
  }
`;

export default async function ConsultationPrintPage({ params }: { params: Promise<{ id: string }> }) {
  const { staff, rt } = await requirePageStaff();
  const parsed = consultationIdParams.safeParse(await params);
  if (!parsed.success) notFound();
  let record: ConsultationRecord;
  try {
    record = await getConsultationRecord(rt, staff, parsed.data.id);
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { consultation: c, patient, pharmacist, followUp, organisation } = record;
  // the record speaks the language of the staff user printing it; the advice stays in the patient's
  const t = translator(staff.locale);
  const labels = clinicalLabels(staff.locale);
  const when = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat(INTL_LOCALE[staff.locale], { dateStyle: "medium", timeStyle: "short", timeZone: organisation.timezone }).format(new Date(iso))
      : "—";

  return (
    <article className="sheet">
      <style>{PRINT_CSS}</style>
      <p className="hint">{t("print.hint")}</p>
      <header>
        <div className="meta">{organisation.name}</div>
        <h1>{t("print.heading")}</h1>
        <div className="meta">
          <span className="status">{codeLabel(t, "print.status", c.status)}</span> · {t("print.recordMeta", { id: c.id, time: when(c.createdAt) })}
        </div>
      </header>

      <section>
        <h2>{t("print.patient")}</h2>
        <dl>
          <dt>{t("common.name")}</dt>
          <dd>{patient.name}</dd>
          <dt>{t("common.dateOfBirth")}</dt>
          <dd>{patient.dateOfBirth ?? t("print.notRecorded")}</dd>
          <dt>{t("common.whatsapp")}</dt>
          <dd>{patient.phone}</dd>
          <dt>{t("print.asAssessed")}</dt>
          <dd>
            {c.age === null ? t("consultation.ageUnknown") : t("print.years", { age: c.age })},{" "}
            {c.sex ? t(c.sex === "female" ? "common.female" : "common.male") : t("consultation.sexUnknown")}
            {c.sex !== "male"
              ? `, ${c.pregnant === null ? t("print.pregnancyUnknown") : c.pregnant ? t("consultation.pregnant") : t("print.notPregnant")}`
              : ""}
          </dd>
        </dl>
      </section>

      <section>
        <h2>{t("print.conditionAndFindings")}</h2>
        <p>
          <strong>{labels.condition(c.condition)}</strong>
        </p>
        {record.findings.length === 0 ? (
          <p>{t("consultation.noFindings")}</p>
        ) : (
          <table>
            <tbody>
              {record.findings.map((f) => (
                <tr key={f.key}>
                  <td>{labels.finding(c.condition, f.key)}</td>
                  <td className="value">{labels.value(f.value, c.condition, f.key)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2>{t("print.assessment")}</h2>
        <dl>
          <dt>{t("consultation.redFlags")}</dt>
          <dd className={c.redFlags.length > 0 ? "flag" : undefined}>
            {c.redFlags.length > 0 ? c.redFlags.map((f) => labels.finding(c.condition, f)).join(", ") : t("common.none")}
          </dd>
          <dt>{t("consultation.outcome")}</dt>
          <dd>
            <strong>{codeLabel(t, "print.outcome", c.outcome)}</strong>
          </dd>
          <dt>{t("print.decidedBy")}</dt>
          <dd>{c.reasons.length > 0 ? c.reasons.join(", ") : "—"}</dd>
          {c.missing.length > 0 && (
            <>
              <dt>{t("consultation.stillNeeded")}</dt>
              <dd>{c.missing.map((f) => labels.finding(c.condition, f)).join(", ")}</dd>
            </>
          )}
          <dt>{t("consultation.treatment")}</dt>
          <dd>{c.treatmentProposed ?? t("common.none")}</dd>
        </dl>
      </section>

      <section>
        <h2>{t("print.adviceGiven", { language: LANGUAGE_NAMES[patient.language] })}</h2>
        <p className="advice">{record.advice}</p>
      </section>

      <section>
        <h2>{t("print.pharmacistAndDates")}</h2>
        <dl>
          <dt>{t("print.pharmacist")}</dt>
          <dd>{pharmacist ? pharmacist.name : t("print.notYetApproved")}</dd>
          <dt>{t("print.registrationNumber")}</dt>
          <dd>{pharmacist?.registrationNumber ?? "—"}</dd>
          <dt>{t("consultation.approvedAt")}</dt>
          <dd>{when(c.approvedAt)}</dd>
          <dt>{t("print.claimSubmitted")}</dt>
          <dd>{when(c.submittedAt)}</dd>
          {c.rejectionReason && (
            <>
              <dt>{t("print.rejectedBecause")}</dt>
              <dd>{c.rejectionReason}</dd>
            </>
          )}
          <dt>{t("consultation.followUp")}</dt>
          <dd>
            {followUp
              ? `${when(followUp.dueAt)} (${codeLabel(t, "followUpState", followUp.state)}${followUp.answer ? `: ${followUp.answer}` : ""})`
              : t("print.noFollowUp")}
          </dd>
        </dl>
      </section>

      <div className="signature">
        <div>{t("print.signature")}</div>
        <div>{t("reminderDialog.date")}</div>
      </div>
    </article>
  );
}
