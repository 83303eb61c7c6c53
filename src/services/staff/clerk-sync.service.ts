import type { Db, Tx } from "@/db/client";
import type { Organisation, StaffRole, StaffStatus, StaffUser } from "@/db/schema";
import { type ClerkUserProfile, type WebhookEvent, toClerkUserProfile } from "@/integrations/clerk/webhook";
import { logger } from "@/lib/logger";
import { insertAuditEntry } from "../audit/audit.repository";
import { insertOrganisation } from "../organisation/organisation.repository";
import { findOldestOrganisation, lockClerkSync, recordClerkDelivery } from "./clerk-sync.repository";
import { findStaffByEmail, findStaffByExternalAuthId, hasAnyStaff, insertStaff, updateStaffInOrg } from "./staff.repository";

/**
 * Keeps staff_users in step with Clerk's user webhooks.
 *
 * - `user.created`: a staff user PENDING as VOLUNTEER, who waits for an admin. The first user of an
 *   empty installation (no staff at all) and any address in ADMIN_EMAILS become APPROVED ADMINs.
 *   A staff user with the same email (seeded, or created before Clerk was switched on) is linked
 *   to the Clerk user instead of duplicated.
 * - `user.updated`: email and name follow Clerk (a user Clerk tells us about first through an
 *   update — deliveries are not ordered — is created as above).
 * - `user.deleted`: the staff user is DISABLED; the row stays for the audit trail.
 *
 * Organisation: sign-ups join the installation's oldest organisation. On an empty installation
 * one is created — "My Clinic", Indonesia (Asia/Jakarta, Indonesian, emergency number 119) —
 * which its first admin renames and adjusts in the organisation settings.
 *
 * Each delivery is applied in one transaction together with its svix id and audit rows, so a
 * redelivery is a no-op and a failed one is retried whole.
 */
export type ClerkSyncCtx = { db: Db; adminEmails: readonly string[] };
export type ClerkSyncOutcome = "created" | "linked" | "updated" | "disabled" | "unchanged" | "ignored" | "duplicate";

export const DEFAULT_ORGANISATION = {
  name: "My Clinic",
  country: "ID",
  timezone: "Asia/Jakarta",
  language: "id",
  emergencyNumber: "119",
} as const satisfies Omit<typeof import("@/db/schema").organisations.$inferInsert, "id">;

/** Pure: who a brand-new Clerk user becomes. */
export function decideSignupAccess(input: {
  installationEmpty: boolean;
  email: string;
  adminEmails: readonly string[];
}): { role: StaffRole; status: StaffStatus; reason: "first_user" | "admin_email" | "sign_up" } {
  if (input.installationEmpty) return { role: "ADMIN", status: "APPROVED", reason: "first_user" };
  if (input.adminEmails.includes(input.email.trim().toLowerCase())) return { role: "ADMIN", status: "APPROVED", reason: "admin_email" };
  return { role: "VOLUNTEER", status: "PENDING", reason: "sign_up" };
}

export async function applyClerkEvent(
  ctx: ClerkSyncCtx,
  delivery: { svixId: string; event: WebhookEvent },
): Promise<{ outcome: ClerkSyncOutcome; staffId?: string }> {
  const { event } = delivery;
  if (event.type !== "user.created" && event.type !== "user.updated" && event.type !== "user.deleted") {
    return { outcome: "ignored" };
  }
  const clerkUserId = event.data.id;
  if (!clerkUserId) return { outcome: "ignored" };
  return ctx.db.transaction(async (tx) => {
    await lockClerkSync(tx);
    if (!(await recordClerkDelivery(tx, { svixId: delivery.svixId, event: event.type, clerkUserId }))) {
      return { outcome: "duplicate" as const };
    }
    if (event.type === "user.deleted") return disableDeletedUser(tx, clerkUserId);
    const profile = toClerkUserProfile(event.data);
    const existing = await findStaffByExternalAuthId(tx, { externalAuthId: clerkUserId });
    if (existing) return event.type === "user.updated" ? syncProfile(tx, existing, profile) : { outcome: "unchanged" as const, staffId: existing.id };
    return createOrLinkStaff(tx, ctx.adminEmails, profile);
  });
}

async function createOrLinkStaff(tx: Tx, adminEmails: readonly string[], profile: ClerkUserProfile) {
  if (!profile.email) {
    // staff accounts are keyed by email; an email-less Clerk user cannot be one
    logger.warn({ clerkUserId: profile.clerkId }, "clerk user without an email address ignored");
    return { outcome: "ignored" as const };
  }
  const sameEmail = await findStaffByEmail(tx, { email: profile.email });
  if (sameEmail) {
    // a PENDING account listed in ADMIN_EMAILS is promoted; a decision an admin already made stands
    const promote = sameEmail.status === "PENDING" && adminEmails.includes(profile.email);
    const linked = await updateStaffInOrg(tx, {
      orgId: sameEmail.orgId,
      id: sameEmail.id,
      values: { externalAuthId: profile.clerkId, ...(promote ? { role: "ADMIN", status: "APPROVED" } : {}) },
    });
    await audit(tx, sameEmail, "staff.clerk_linked", { relinked: sameEmail.externalAuthId !== null, promoted: promote });
    return { outcome: "linked" as const, staffId: linked?.id ?? sameEmail.id };
  }
  const access = decideSignupAccess({ installationEmpty: !(await hasAnyStaff(tx)), email: profile.email, adminEmails });
  const org = await signupOrganisation(tx);
  const staff = await insertStaff(tx, {
    orgId: org.id,
    email: profile.email,
    name: profile.name,
    role: access.role,
    status: access.status,
    externalAuthId: profile.clerkId,
  });
  await audit(tx, staff, "staff.signed_up", { role: access.role, status: access.status, reason: access.reason });
  return { outcome: "created" as const, staffId: staff.id };
}

async function signupOrganisation(tx: Tx): Promise<Organisation> {
  const existing = await findOldestOrganisation(tx);
  if (existing) return existing;
  const org = await insertOrganisation(tx, { ...DEFAULT_ORGANISATION });
  await insertAuditEntry(tx, {
    orgId: org.id,
    actorId: null,
    actorType: "system",
    action: "organisation.created",
    entityType: "organisation",
    entityId: org.id,
    metadata: { source: "clerk_first_sign_up" },
  });
  return org;
}

async function syncProfile(tx: Tx, staff: StaffUser, profile: ClerkUserProfile) {
  const values: { email?: string; name?: string } = {};
  if (profile.email && profile.email !== staff.email.toLowerCase()) {
    const taken = await findStaffByEmail(tx, { email: profile.email });
    if (taken && taken.id !== staff.id) {
      logger.warn({ staffId: staff.id, otherStaffId: taken.id }, "clerk email change collides with another staff user; email kept");
    } else {
      values.email = profile.email;
    }
  }
  if (profile.name !== staff.name) values.name = profile.name;
  const changed = Object.keys(values);
  if (changed.length === 0) return { outcome: "unchanged" as const, staffId: staff.id };
  await updateStaffInOrg(tx, { orgId: staff.orgId, id: staff.id, values });
  await audit(tx, staff, "staff.profile_synced", { changed });
  return { outcome: "updated" as const, staffId: staff.id };
}

async function disableDeletedUser(tx: Tx, clerkUserId: string) {
  const staff = await findStaffByExternalAuthId(tx, { externalAuthId: clerkUserId });
  if (!staff) return { outcome: "ignored" as const };
  if (staff.status === "DISABLED") return { outcome: "unchanged" as const, staffId: staff.id };
  await updateStaffInOrg(tx, { orgId: staff.orgId, id: staff.id, values: { status: "DISABLED" } });
  await audit(tx, staff, "staff.disabled", { from: staff.status, to: "DISABLED", reason: "clerk_user_deleted" });
  return { outcome: "disabled" as const, staffId: staff.id };
}

function audit(tx: Tx, staff: StaffUser, action: string, metadata: Record<string, unknown>) {
  return insertAuditEntry(tx, {
    orgId: staff.orgId,
    actorId: null,
    actorType: "system",
    action,
    entityType: "staff_user",
    entityId: staff.id,
    metadata: { source: "clerk", ...metadata },
  });
}
