import { json, withStaff } from "@/lib/http";
import { changeStaffStatus } from "@/services/staff/staff-admin.service";
import { staffIdParams } from "@/services/staff/staff.schemas";

export const dynamic = "force-dynamic";

export const POST = withStaff({ params: staffIdParams, roles: ["ADMIN"] }, async ({ params, staff, rt }) =>
  json({ staff: await changeStaffStatus(rt, staff, params.id, "disable") }),
);
