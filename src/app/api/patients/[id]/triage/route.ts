import { json, withStaff } from "@/lib/http";
import { patientIdParams } from "@/services/patient/patient.schemas";
import { listTriages } from "@/services/triage/triage.service";

export const dynamic = "force-dynamic";

/** The patient's triage dialogs; their messages are in the thread with purpose "triage". */
export const GET = withStaff({ params: patientIdParams }, async ({ params, staff, rt }) => json(await listTriages(rt, staff, params.id)));
