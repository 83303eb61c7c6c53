import { json, withStaff } from "@/lib/http";
import { patientIdParams } from "@/services/patient/patient.schemas";
import { resendVerification } from "@/services/patient/patient.service";

export const dynamic = "force-dynamic";

/** Sends the YA/TIDAK verification message again (at most three times in all). */
export const POST = withStaff({ params: patientIdParams }, async ({ params, staff, rt }) =>
  json(await resendVerification(rt, staff, params.id)),
);
