import { json, withStaff } from "@/lib/http";
import { listStaffQuery } from "@/services/staff/staff.schemas";
import { listOrgStaff } from "@/services/staff/staff.service";

export const dynamic = "force-dynamic";

/** The organisation's staff, e.g. the volunteers a patient can be assigned to. */
export const GET = withStaff({ query: listStaffQuery, roles: ["ADMIN", "PHARMACIST"] }, async ({ query, staff, rt }) =>
  json({ items: await listOrgStaff(rt, staff, query) }),
);
