import type { Db, DbOrTx } from "@/db/client";
import type { StaffStatus, StaffUser } from "@/db/schema";
import { conflict, notFound } from "@/lib/errors";
import { insertAuditEntry } from "../audit/audit.repository";
import { findStaffInOrgForUpdate, listStaffPendingFirst, updateStaffInOrg } from "./staff.repository";
import type { AdminStaffView, UpdateStaffBody } from "./staff.schemas";
import { toStaffView } from "./staff.service";

/**
 * What an organisation's admins do with its staff accounts: approve or reject sign-ups, change
 * roles and contact details, disable accounts. Routes allow ADMIN only; every query here is
 * scoped to the admin's organisation (another organisation's user is 404) and every change is
 * audited in its own transaction.
 */
export type StaffAdminCtx = { db: Db };

export function toAdminStaffView(staff: StaffUser): AdminStaffView {
  return { ...toStaffView(staff), phone: staff.phone, linked: staff.externalAuthId !== null, createdAt: staff.createdAt.toISOString() };
}

export async function listUsersForAdmin(ctx: StaffAdminCtx, admin: StaffUser): Promise<AdminStaffView[]> {
  const rows = await listStaffPendingFirst(ctx.db, { orgId: admin.orgId });
  return rows.map(toAdminStaffView);
}

/** Which statuses each action may start from: approving a disabled account re-enables it. */
const STATUS_CHANGES = {
  approve: { to: "APPROVED", from: ["PENDING", "REJECTED", "DISABLED"] },
  reject: { to: "REJECTED", from: ["PENDING"] },
  disable: { to: "DISABLED", from: ["PENDING", "APPROVED", "REJECTED"] },
} as const satisfies Record<string, { to: StaffStatus; from: readonly StaffStatus[] }>;
export type StatusAction = keyof typeof STATUS_CHANGES;

export async function changeStaffStatus(ctx: StaffAdminCtx, admin: StaffUser, targetId: string, action: StatusAction): Promise<AdminStaffView> {
  const rule = STATUS_CHANGES[action];
  return ctx.db.transaction(async (tx) => {
    const target = await lockTarget(tx, admin, targetId);
    if (target.id === admin.id) throw conflict(`You cannot ${action} your own account`);
    if (target.status === rule.to) return toAdminStaffView(target); // already there: nothing to record
    if (!(rule.from as readonly StaffStatus[]).includes(target.status)) {
      throw conflict(`A ${target.status.toLowerCase()} account cannot be ${rule.to.toLowerCase()}`, "status");
    }
    const updated = await updateStaffInOrg(tx, { orgId: admin.orgId, id: target.id, values: { status: rule.to } });
    if (!updated) throw notFound("Staff user");
    await insertAuditEntry(tx, {
      orgId: admin.orgId,
      actorId: admin.id,
      actorType: "staff",
      action: `staff.${rule.to.toLowerCase()}`,
      entityType: "staff_user",
      entityId: target.id,
      metadata: { from: target.status, to: rule.to },
    });
    return toAdminStaffView(updated);
  });
}

export async function updateStaffByAdmin(ctx: StaffAdminCtx, admin: StaffUser, targetId: string, body: UpdateStaffBody): Promise<AdminStaffView> {
  return ctx.db.transaction(async (tx) => {
    const target = await lockTarget(tx, admin, targetId);
    if (target.id === admin.id && body.role !== "ADMIN") throw conflict("You cannot remove your own admin role", "role");
    const values: Parameters<typeof updateStaffInOrg>[1]["values"] = {};
    if (body.role !== target.role) values.role = body.role;
    if (body.registrationNumber !== undefined && body.registrationNumber !== target.registrationNumber) values.registrationNumber = body.registrationNumber;
    if (body.phone !== undefined && body.phone !== target.phone) values.phone = body.phone;
    const changed = Object.keys(values);
    if (changed.length === 0) return toAdminStaffView(target);
    const updated = await updateStaffInOrg(tx, { orgId: admin.orgId, id: target.id, values });
    if (!updated) throw notFound("Staff user");
    await insertAuditEntry(tx, {
      orgId: admin.orgId,
      actorId: admin.id,
      actorType: "staff",
      action: "staff.updated",
      entityType: "staff_user",
      entityId: target.id,
      // field names and the role only: no phone numbers in the audit trail
      metadata: { changed, ...(values.role ? { fromRole: target.role, toRole: values.role } : {}) },
    });
    return toAdminStaffView(updated);
  });
}

async function lockTarget(tx: DbOrTx, admin: StaffUser, targetId: string): Promise<StaffUser> {
  const target = await findStaffInOrgForUpdate(tx, { orgId: admin.orgId, id: targetId });
  if (!target) throw notFound("Staff user");
  return target;
}
