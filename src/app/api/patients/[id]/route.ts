import { json, withStaff } from "@/lib/http";
import { patientIdParams, updatePatientBody } from "@/services/patient/patient.schemas";
import { deletePatient, getPatient, updatePatient } from "@/services/patient/patient.service";

export const dynamic = "force-dynamic";

export const GET = withStaff({ params: patientIdParams }, async ({ params, staff, rt }) =>
  json(await getPatient(rt, staff, params.id)),
);

export const PATCH = withStaff({ params: patientIdParams, body: updatePatientBody }, async ({ params, body, staff, rt }) =>
  json(await updatePatient(rt, staff, params.id, body)),
);

/** Soft delete: the record stays for the audit trail and frees the phone number. */
export const DELETE = withStaff({ params: patientIdParams, roles: ["ADMIN", "PHARMACIST"] }, async ({ params, staff, rt }) => {
  await deletePatient(rt, staff, params.id);
  return new Response(null, { status: 204 });
});
