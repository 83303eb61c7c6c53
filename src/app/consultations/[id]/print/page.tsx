import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { AppError } from "@/lib/errors";
import { requirePageStaff } from "@/lib/page-auth";
import { consultationIdParams } from "@/services/consultation/consultation.schemas";
import { type ConsultationRecord, getConsultationRecord } from "@/services/consultation/consultation.service";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Consultation record · CareLoop", robots: { index: false } };

const OUTCOME_LABELS: Record<string, string> = {
  emergency: "Emergency: A&E / emergency number now",
  urgent_referral: "Urgent same-day referral to a doctor",
  not_eligible: "Not eligible for the pathway: routine referral",
  refer: "Referral to a doctor or other provider",
  treat: "Treat under the pathway",
  self_care: "Self-care and safety-netting",
  incomplete: "Incomplete: findings still needed",
};

const STATUS_LABELS: Record<string, string> = {
  DRAFT: "Draft",
  PENDING_APPROVAL: "Awaiting pharmacist approval",
  APPROVED: "Approved",
  SUBMITTED: "Approved, claim submitted",
  REJECTED: "Rejected",
};

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

function formatValue(value: boolean | number | string): string {
  if (value === true) return "Yes";
  if (value === false) return "No";
  return String(value);
}

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
  const when = (iso: string | null) =>
    iso
      ? new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: organisation.timezone }).format(new Date(iso))
      : "—";

  return (
    <article className="sheet">
      <style>{PRINT_CSS}</style>
      <p className="hint">Print this page with your browser (Ctrl+P / ⌘P); it is laid out for A4.</p>
      <header>
        <div className="meta">{organisation.name}</div>
        <h1>Pharmacy First consultation record</h1>
        <div className="meta">
          <span className="status">{STATUS_LABELS[c.status] ?? c.status}</span> · Record {c.id} · Started {when(c.createdAt)}
        </div>
      </header>

      <section>
        <h2>Patient</h2>
        <dl>
          <dt>Name</dt>
          <dd>{patient.name}</dd>
          <dt>Date of birth</dt>
          <dd>{patient.dateOfBirth ?? "Not recorded"}</dd>
          <dt>WhatsApp</dt>
          <dd>{patient.phone}</dd>
          <dt>As assessed</dt>
          <dd>
            {c.age === null ? "age unknown" : `${c.age} years`}, {c.sex ?? "sex unknown"}
            {c.sex !== "male" ? `, ${c.pregnant === null ? "pregnancy unknown" : c.pregnant ? "pregnant" : "not pregnant"}` : ""}
          </dd>
        </dl>
      </section>

      <section>
        <h2>Condition and findings</h2>
        <p>
          <strong>{record.conditionLabel}</strong>
        </p>
        {record.findings.length === 0 ? (
          <p>No findings recorded.</p>
        ) : (
          <table>
            <tbody>
              {record.findings.map((f) => (
                <tr key={f.key}>
                  <td>{f.label}</td>
                  <td className="value">{formatValue(f.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section>
        <h2>Assessment</h2>
        <dl>
          <dt>Red flags</dt>
          <dd className={c.redFlags.length > 0 ? "flag" : undefined}>
            {c.redFlags.length > 0 ? c.redFlags.map((f) => f.replaceAll("_", " ")).join(", ") : "None"}
          </dd>
          <dt>Outcome</dt>
          <dd>
            <strong>{OUTCOME_LABELS[c.outcome] ?? c.outcome}</strong>
          </dd>
          <dt>Decided by</dt>
          <dd>{c.reasons.length > 0 ? c.reasons.join(", ") : "—"}</dd>
          {c.missing.length > 0 && (
            <>
              <dt>Still needed</dt>
              <dd>{c.missing.join(", ")}</dd>
            </>
          )}
          <dt>Treatment</dt>
          <dd>{c.treatmentProposed ?? "None"}</dd>
        </dl>
      </section>

      <section>
        <h2>Advice given ({patient.language === "id" ? "Bahasa Indonesia" : "English"})</h2>
        <p className="advice">{record.advice}</p>
      </section>

      <section>
        <h2>Pharmacist and dates</h2>
        <dl>
          <dt>Pharmacist</dt>
          <dd>{pharmacist ? pharmacist.name : "Not yet approved"}</dd>
          <dt>Registration number</dt>
          <dd>{pharmacist?.registrationNumber ?? "—"}</dd>
          <dt>Approved</dt>
          <dd>{when(c.approvedAt)}</dd>
          <dt>Claim submitted</dt>
          <dd>{when(c.submittedAt)}</dd>
          {c.rejectionReason && (
            <>
              <dt>Rejected because</dt>
              <dd>{c.rejectionReason}</dd>
            </>
          )}
          <dt>Follow-up</dt>
          <dd>
            {followUp
              ? `${when(followUp.dueAt)} (${followUp.state}${followUp.answer ? `: ${followUp.answer}` : ""})`
              : "None scheduled"}
          </dd>
        </dl>
      </section>

      <div className="signature">
        <div>Pharmacist signature</div>
        <div>Date</div>
      </div>
    </article>
  );
}
