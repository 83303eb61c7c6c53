import { json, withStaff } from "@/lib/http";
import { assignVolunteerBody, patientIdParams } from "@/services/patient/patient.schemas";
import { assignVolunteer } from "@/services/patient/patient.service";

export const dynamic = "force-dynamic";

export const POST = withStaff(
  { params: patientIdParams, body: assignVolunteerBody, roles: ["ADMIN", "PHARMACIST"] },
  async ({ params, body, staff, rt }) => json(await assignVolunteer(rt, staff, params.id, body.volunteerId)),
);
