import { json, withStaff } from "@/lib/http";
import { getDashboard } from "@/services/dashboard/dashboard.service";

export const dynamic = "force-dynamic";

export const GET = withStaff({}, async ({ staff, rt }) => json(await getDashboard(rt, staff)));
