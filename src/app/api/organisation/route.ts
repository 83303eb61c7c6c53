import { json, withStaff } from "@/lib/http";
import { updateOrganisationBody } from "@/services/organisation/organisation.schemas";
import { getOrganisation, updateOrganisation } from "@/services/organisation/organisation.service";

export const dynamic = "force-dynamic";

/** Settings and the WhatsApp device's status; admins change them. */
export const GET = withStaff({ roles: ["ADMIN", "PHARMACIST"] }, async ({ staff, rt }) => json(await getOrganisation(rt, staff)));

export const PATCH = withStaff({ body: updateOrganisationBody, roles: ["ADMIN"] }, async ({ body, staff, rt }) =>
  json(await updateOrganisation(rt, staff, body)),
);
