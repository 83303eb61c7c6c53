import type { Db } from "@/db/client";
import type { StaffUser } from "@/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { insertAuditEntry } from "../audit/audit.repository";
import {
  findStaffByEmail,
  findStaffByExternalAuthId,
  findStaffById,
  findStaffInOrgForUpdate,
  listStaff,
  listStaffForDevSignIn,
  updateStaffInOrg,
} from "./staff.repository";
import type { ListStaffQuery, StaffView, UpdateMeBody } from "./staff.schemas";

export type Staff = StaffUser;
export type StaffCtx = { db: Db };

export function toStaffView(staff: StaffUser): StaffView {
  const { id, email, name, role, status, registrationNumber, locale } = staff;
  return { id, email, name, role, status, registrationNumber, locale };
}

/** The user behind a session; undefined when the account no longer exists. */
export async function findSessionStaff(ctx: StaffCtx, staffId: string): Promise<Staff | undefined> {
  return findStaffById(ctx.db, { id: staffId });
}

/**
 * Dev sign-in by email. Unapproved users may sign in — they then see that they wait for
 * approval — but rejected and disabled accounts are refused here already.
 */
export async function signInByEmail(ctx: StaffCtx, email: string): Promise<Staff> {
  const staff = await findStaffByEmail(ctx.db, { email });
  if (!staff) throw notFound("Staff user");
  if (staff.status === "REJECTED" || staff.status === "DISABLED") {
    throw new AppError("FORBIDDEN", `This account is ${staff.status.toLowerCase()}`);
  }
  await insertAuditEntry(ctx.db, {
    orgId: staff.orgId,
    actorId: staff.id,
    actorType: "staff",
    action: "staff.signed_in",
    entityType: "staff_user",
    entityId: staff.id,
    metadata: { method: "dev" },
  });
  return staff;
}

/** A staff user's change to their own account: for now the language of the interface. Audited like an admin's change. */
export async function updateOwnAccount(ctx: StaffCtx, staff: Staff, body: UpdateMeBody): Promise<StaffView> {
  return ctx.db.transaction(async (tx) => {
    const current = await findStaffInOrgForUpdate(tx, { orgId: staff.orgId, id: staff.id });
    if (!current) throw notFound("Staff user");
    if (current.locale === body.locale) return toStaffView(current);
    const updated = await updateStaffInOrg(tx, { orgId: staff.orgId, id: staff.id, values: { locale: body.locale } });
    if (!updated) throw notFound("Staff user");
    await insertAuditEntry(tx, {
      orgId: staff.orgId,
      actorId: staff.id,
      actorType: "staff",
      action: "staff.updated",
      entityType: "staff_user",
      entityId: staff.id,
      metadata: { changed: ["locale"], fromLocale: current.locale, toLocale: body.locale },
    });
    return toStaffView(updated);
  });
}

export async function listOrgStaff(ctx: StaffCtx, staff: Staff, query: ListStaffQuery): Promise<StaffView[]> {
  const rows = await listStaff(ctx.db, { orgId: staff.orgId, role: query.role, status: query.status });
  return rows.map(toStaffView);
}

/** The accounts the dev sign-in page offers (never shown when the dev sign-in is off). */
export async function listDevSignInChoices(ctx: StaffCtx) {
  return listStaffForDevSignIn(ctx.db, { limit: 50 });
}

/** The user behind a Clerk session (Clerk's user id is our `externalAuthId`). */
export async function findClerkStaff(ctx: StaffCtx, clerkUserId: string): Promise<Staff | undefined> {
  return findStaffByExternalAuthId(ctx.db, { externalAuthId: clerkUserId });
}
