import { json, withStaff } from "@/lib/http";
import { listUsersForAdmin } from "@/services/staff/staff-admin.service";

export const dynamic = "force-dynamic";

/** The organisation's staff accounts, pending approvals first. */
export const GET = withStaff({ roles: ["ADMIN"] }, async ({ staff, rt }) => json({ items: await listUsersForAdmin(rt, staff) }));
