import { json, withStaff } from "@/lib/http";
import { consultationIdParams, updateConsultationBody } from "@/services/consultation/consultation.schemas";
import { getConsultation, updateConsultation } from "@/services/consultation/consultation.service";

export const dynamic = "force-dynamic";

export const GET = withStaff({ params: consultationIdParams }, async ({ params, staff, rt }) =>
  json(await getConsultation(rt, staff, params.id)),
);

export const PATCH = withStaff(
  { params: consultationIdParams, body: updateConsultationBody, roles: ["PHARMACIST", "ADMIN"] },
  async ({ params, body, staff, rt }) => json(await updateConsultation(rt, staff, params.id, body)),
);
