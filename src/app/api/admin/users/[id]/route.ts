import { json, withStaff } from "@/lib/http";
import { updateStaffByAdmin } from "@/services/staff/staff-admin.service";
import { staffIdParams, updateStaffBody } from "@/services/staff/staff.schemas";

export const dynamic = "force-dynamic";

/** Role, registration number and phone of a staff user. */
export const PATCH = withStaff({ params: staffIdParams, body: updateStaffBody, roles: ["ADMIN"] }, async ({ params, body, staff, rt }) =>
  json({ staff: await updateStaffByAdmin(rt, staff, params.id, body) }),
);
