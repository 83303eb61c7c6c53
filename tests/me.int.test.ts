import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as meRoute from "../src/app/api/me/route";
import { auditLog, type StaffUser, staffUsers } from "../src/db/schema";
import { getRuntime } from "../src/lib/runtime";
import { call, createOrg, createStaff } from "./support/fixtures";

const patchMe = (as: StaffUser | null, body: unknown) => call(meRoute.PATCH, { method: "PATCH", path: "/api/me", as, body });

const auditOf = async (orgId: string) => {
  const { db } = await getRuntime();
  return db.select().from(auditLog).where(and(eq(auditLog.orgId, orgId), eq(auditLog.action, "staff.updated")));
};

describe("GET /api/me", () => {
  it("shows the user's interface language, Indonesian by default", async () => {
    const org = await createOrg();
    const staff = await createStaff(org, { role: "VOLUNTEER" });
    const res = await call(meRoute.GET, { as: staff });
    expect(res.status).toBe(200);
    expect(res.body.staff).toMatchObject({ id: staff.id, locale: "id" });
  });
});

describe("PATCH /api/me", () => {
  it("a user switches their own interface language; it is stored, shown by GET and audited once", async () => {
    const org = await createOrg();
    const staff = await createStaff(org, { role: "PHARMACIST" });
    const res = await patchMe(staff, { locale: "en" });
    expect(res.status).toBe(200);
    expect(res.body.staff).toMatchObject({ id: staff.id, locale: "en" });
    expect((await call(meRoute.GET, { as: staff })).body.staff.locale).toBe("en");

    // the same choice again changes nothing and records nothing
    expect((await patchMe(staff, { locale: "en" })).body.staff.locale).toBe("en");
    const audit = await auditOf(org.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: staff.id, entityId: staff.id, metadata: { changed: ["locale"], fromLocale: "id", toLocale: "en" } });

    expect((await patchMe(staff, { locale: "id" })).body.staff.locale).toBe("id");
    expect(await auditOf(org.id)).toHaveLength(2);
  });

  it("changes only the signed-in user", async () => {
    const org = await createOrg();
    const me = await createStaff(org, { role: "ADMIN" });
    const colleague = await createStaff(org, { role: "VOLUNTEER" });
    await patchMe(me, { locale: "en" });
    expect((await call(meRoute.GET, { as: colleague })).body.staff.locale).toBe("id");
  });

  it("answers 400 naming the locale field for an unknown language, a missing one or other fields", async () => {
    const org = await createOrg();
    const staff = await createStaff(org, { role: "VOLUNTEER" });
    for (const body of [{ locale: "fr" }, {}, { locale: 1 }]) {
      const res = await patchMe(staff, body);
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].field).toBe("locale");
    }
    // nobody changes their role or name through this endpoint
    const sneaky = await patchMe(staff, { locale: "en", role: "ADMIN" });
    expect(sneaky.status).toBe(400);
    expect((await call(meRoute.GET, { as: staff })).body.staff).toMatchObject({ role: "VOLUNTEER", locale: "id" });
    expect(await auditOf(org.id)).toHaveLength(0);
  });

  it("is 401 without a session and 403 for an account waiting for approval", async () => {
    expect((await patchMe(null, { locale: "en" })).status).toBe(401);
    const org = await createOrg();
    const pending = await createStaff(org, { role: "VOLUNTEER", status: "PENDING" });
    expect((await patchMe(pending, { locale: "en" })).status).toBe(403);
    const { db } = await getRuntime();
    const [row] = await db.select().from(staffUsers).where(eq(staffUsers.id, pending.id));
    expect(row?.locale).toBe("id");
  });
});
