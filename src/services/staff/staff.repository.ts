import { and, asc, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { type StaffRole, type StaffStatus, type StaffUser, organisations, staffUsers } from "@/db/schema";

/** By primary key only: this is how a session finds its user, before any organisation is known. */
export async function findStaffById(db: DbOrTx, params: { id: string }): Promise<StaffUser | undefined> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, params.id)).limit(1);
  return row;
}

export async function findStaffByEmail(db: DbOrTx, params: { email: string }): Promise<StaffUser | undefined> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(sql`lower(${staffUsers.email}) = ${params.email.trim().toLowerCase()}`)
    .limit(1);
  return row;
}

export async function findStaffInOrg(db: DbOrTx, params: { orgId: string; id: string }): Promise<StaffUser | undefined> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.orgId, params.orgId), eq(staffUsers.id, params.id)))
    .limit(1);
  return row;
}

export async function listStaff(
  db: DbOrTx,
  params: { orgId: string; role?: StaffRole; status?: StaffStatus },
): Promise<StaffUser[]> {
  return db
    .select()
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.orgId, params.orgId),
        params.role ? eq(staffUsers.role, params.role) : undefined,
        params.status ? eq(staffUsers.status, params.status) : undefined,
      ),
    )
    .orderBy(asc(staffUsers.name), asc(staffUsers.id));
}

export async function insertStaff(db: DbOrTx, values: typeof staffUsers.$inferInsert): Promise<StaffUser> {
  const [row] = await db.insert(staffUsers).values(values).returning();
  if (!row) throw new Error("insert returned no staff user");
  return row;
}

/** Dev sign-in page only: the first staff users of every organisation. */
export async function listStaffForDevSignIn(db: DbOrTx, params: { limit: number }) {
  return db
    .select({ email: staffUsers.email, name: staffUsers.name, role: staffUsers.role, status: staffUsers.status, orgName: organisations.name })
    .from(staffUsers)
    .innerJoin(organisations, eq(organisations.id, staffUsers.orgId))
    .orderBy(asc(organisations.name), asc(staffUsers.role), asc(staffUsers.email))
    .limit(params.limit);
}

/** Who gets urgent WhatsApp alerts: an approved pharmacist of the organisation with a phone (no rota yet: the first by name). */
export async function findPharmacistOnDuty(db: DbOrTx, params: { orgId: string }): Promise<StaffUser | undefined> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(
      and(
        eq(staffUsers.orgId, params.orgId),
        eq(staffUsers.role, "PHARMACIST"),
        eq(staffUsers.status, "APPROVED"),
        sql`${staffUsers.phone} is not null`,
      ),
    )
    .orderBy(asc(staffUsers.name), asc(staffUsers.id))
    .limit(1);
  return row;
}

/** How a Clerk session finds its user (unique index staff_users_external_auth_id_uq). */
export async function findStaffByExternalAuthId(db: DbOrTx, params: { externalAuthId: string }): Promise<StaffUser | undefined> {
  const [row] = await db.select().from(staffUsers).where(eq(staffUsers.externalAuthId, params.externalAuthId)).limit(1);
  return row;
}

/** Row-locks one staff user of an organisation for a change that depends on its current state. */
export async function findStaffInOrgForUpdate(db: DbOrTx, params: { orgId: string; id: string }): Promise<StaffUser | undefined> {
  const [row] = await db
    .select()
    .from(staffUsers)
    .where(and(eq(staffUsers.orgId, params.orgId), eq(staffUsers.id, params.id)))
    .limit(1)
    .for("update");
  return row;
}

export async function updateStaffInOrg(
  db: DbOrTx,
  params: { orgId: string; id: string; values: Partial<Pick<StaffUser, "email" | "name" | "role" | "status" | "registrationNumber" | "phone" | "externalAuthId" | "locale">> },
): Promise<StaffUser | undefined> {
  const [row] = await db
    .update(staffUsers)
    .set({ ...params.values, updatedAt: sql`now()` })
    .where(and(eq(staffUsers.orgId, params.orgId), eq(staffUsers.id, params.id)))
    .returning();
  return row;
}

/** The admin user list: pending approvals first, then by name (staff_users_org_role_idx narrows to the organisation). */
export async function listStaffPendingFirst(db: DbOrTx, params: { orgId: string }): Promise<StaffUser[]> {
  return db
    .select()
    .from(staffUsers)
    .where(eq(staffUsers.orgId, params.orgId))
    .orderBy(sql`(${staffUsers.status} = 'PENDING') desc`, asc(staffUsers.name), asc(staffUsers.id));
}

/** Whether the installation has any staff user at all (the first Clerk sign-up becomes its admin). */
export async function hasAnyStaff(db: DbOrTx): Promise<boolean> {
  const [row] = await db.select({ id: staffUsers.id }).from(staffUsers).limit(1);
  return row !== undefined;
}
