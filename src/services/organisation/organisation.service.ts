import { and, eq, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { type Organisation, type StaffUser, organisations } from "@/db/schema";
import type { GowaDeviceStatus } from "@/integrations/gowa/status";
import { conflict, isUniqueViolation, notFound } from "@/lib/errors";
import { insertAuditEntry } from "../audit/audit.repository";
import type { UpdateOrganisationBody } from "./organisation.schemas";
import { findOrganisationById } from "./organisation.repository";

export type OrganisationCtx = { db: Db; gowaStatus?: (deviceId: string | undefined) => Promise<GowaDeviceStatus> };

const view = (o: Organisation) => ({
  id: o.id,
  name: o.name,
  country: o.country,
  timezone: o.timezone,
  language: o.language,
  emergencyNumber: o.emergencyNumber,
  quietHoursStart: o.quietHoursStart,
  quietHoursEnd: o.quietHoursEnd,
  gowaDeviceId: o.gowaDeviceId,
});

/** The organisation's settings, with the live status of its WhatsApp device. */
export async function getOrganisation(ctx: OrganisationCtx, staff: StaffUser) {
  const org = await findOrganisationById(ctx.db, { id: staff.orgId });
  if (!org) throw notFound("Organisation");
  const device = ctx.gowaStatus ? await ctx.gowaStatus(org.gowaDeviceId ?? undefined) : null;
  return { ...view(org), device };
}

export async function updateOrganisation(ctx: OrganisationCtx, staff: StaffUser, body: UpdateOrganisationBody) {
  try {
    const updated = await ctx.db.transaction(async (tx) => {
      const [row] = await tx
        .update(organisations)
        .set({ ...body, updatedAt: sql`now()` })
        .where(and(eq(organisations.id, staff.orgId)))
        .returning();
      if (!row) throw notFound("Organisation");
      await insertAuditEntry(tx, { orgId: staff.orgId, actorId: staff.id, actorType: "staff", action: "organisation.updated", entityType: "organisation", entityId: staff.orgId, metadata: { fields: Object.keys(body).sort() } });
      return row;
    });
    return view(updated);
  } catch (error) {
    if (isUniqueViolation(error, "organisations_gowa_device_uq")) throw conflict("Another organisation already uses this WhatsApp device", "gowaDeviceId");
    throw error;
  }
}
