import { json, withStaff } from "@/lib/http";
import { updateMeBody } from "@/services/staff/staff.schemas";
import { toStaffView, updateOwnAccount } from "@/services/staff/staff.service";

export const dynamic = "force-dynamic";

export const GET = withStaff({}, async ({ staff }) => json({ staff: toStaffView(staff) }));

/** The signed-in user changes their own account: `{"locale": "id" | "en"}`. */
export const PATCH = withStaff({ body: updateMeBody }, async ({ body, staff, rt }) => json({ staff: await updateOwnAccount(rt, staff, body) }));
