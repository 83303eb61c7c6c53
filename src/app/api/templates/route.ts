import { json, withStaff } from "@/lib/http";
import { listTemplates } from "@/services/reminder/template.service";

export const dynamic = "force-dynamic";

export const GET = withStaff({}, async ({ staff, rt }) => json(await listTemplates(rt, staff)));
