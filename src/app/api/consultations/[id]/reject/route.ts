import { json, withStaff } from "@/lib/http";
import { consultationIdParams, rejectConsultationBody } from "@/services/consultation/consultation.schemas";
import { rejectConsultation } from "@/services/consultation/consultation.service";

export const dynamic = "force-dynamic";

/** DRAFT or PENDING_APPROVAL -> REJECTED, with a reason. */
export const POST = withStaff({ params: consultationIdParams, body: rejectConsultationBody }, async ({ params, body, staff, rt }) =>
  json(await rejectConsultation(rt, staff, params.id, body)),
);
