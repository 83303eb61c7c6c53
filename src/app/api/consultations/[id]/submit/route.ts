import { json, withStaff } from "@/lib/http";
import { consultationIdParams } from "@/services/consultation/consultation.schemas";
import { submitForApproval } from "@/services/consultation/consultation.service";

export const dynamic = "force-dynamic";

/** DRAFT -> PENDING_APPROVAL. */
export const POST = withStaff({ params: consultationIdParams }, async ({ params, staff, rt }) =>
  json(await submitForApproval(rt, staff, params.id)),
);
