import { json, withStaff } from "@/lib/http";
import { consultationIdParams } from "@/services/consultation/consultation.schemas";
import { exportClaim } from "@/services/consultation/consultation.service";

export const dynamic = "force-dynamic";

/** The claim record as a JSON download. */
export const GET = withStaff({ params: consultationIdParams }, async ({ params, staff, rt }) =>
  json(await exportClaim(rt, staff, params.id), 200, {
    "content-disposition": `attachment; filename=claim-${params.id}.json`,
    "cache-control": "no-store",
  }),
);
