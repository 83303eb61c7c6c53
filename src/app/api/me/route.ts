import { json, withStaff } from "@/lib/http";
import { toStaffView } from "@/services/staff/staff.service";

export const dynamic = "force-dynamic";

export const GET = withStaff({}, async ({ staff }) => json({ staff: toStaffView(staff) }));
