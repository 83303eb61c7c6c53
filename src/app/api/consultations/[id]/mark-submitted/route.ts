import { json, withStaff } from "@/lib/http";
import { consultationIdParams } from "@/services/consultation/consultation.schemas";
import { markSubmitted } from "@/services/consultation/consultation.service";

export const dynamic = "force-dynamic";

/** APPROVED -> SUBMITTED: the claim has been sent. */
export const POST = withStaff({ params: consultationIdParams }, async ({ params, staff, rt }) =>
  json(await markSubmitted(rt, staff, params.id)),
);
