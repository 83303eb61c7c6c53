import { json, withStaff } from "@/lib/http";
import { putTemplateBody, resetTemplate, saveTemplate, templateParams } from "@/services/reminder/template.service";

export const dynamic = "force-dynamic";

/** Admins word a message their own way, per language; DELETE goes back to the default. */
export const PUT = withStaff({ params: templateParams, body: putTemplateBody, roles: ["ADMIN"] }, async ({ params, body, staff, rt }) =>
  json(await saveTemplate(rt, staff, params, body)),
);

export const DELETE = withStaff({ params: templateParams, roles: ["ADMIN"] }, async ({ params, staff, rt }) => json(await resetTemplate(rt, staff, params)));
