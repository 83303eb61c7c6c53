import { json, withStaff } from "@/lib/http";
import { consultationIdParams } from "@/services/consultation/consultation.schemas";
import { approveConsultation } from "@/services/consultation/consultation.service";

export const dynamic = "force-dynamic";

/** PENDING_APPROVAL -> APPROVED. The service explains a refusal (role, missing registration number). */
export const POST = withStaff({ params: consultationIdParams }, async ({ params, staff, rt }) =>
  json(await approveConsultation(rt, staff, params.id)),
);
