import { json, withStaff } from "@/lib/http";
import { getAdherenceByVolunteer } from "@/services/reminder/reminder.service";

export const dynamic = "force-dynamic";

export const GET = withStaff({ roles: ["ADMIN", "PHARMACIST"] }, async ({ staff, rt }) => json(await getAdherenceByVolunteer(rt, staff)));
