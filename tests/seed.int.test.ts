import { count, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { organisations, patients, staffUsers } from "../src/db/schema";
import { seedBulkPatients, seedDemo } from "../src/db/seed";
import { getRuntime } from "../src/lib/runtime";
import { createOrg, createStaff } from "./support/fixtures";

describe("seed", () => {
  it("seeds the Demo Clinic once: four approved staff, one sign-up waiting for approval, twenty patients split between the two approved volunteers", async () => {
    const { db } = await getRuntime();
    const first = await seedDemo(db);
    const again = await seedDemo(db);
    expect(again).toEqual({ orgId: first.orgId, created: false });

    const [org] = await db.select().from(organisations).where(eq(organisations.id, first.orgId));
    expect(org).toMatchObject({ name: "Demo Clinic", country: "ID", timezone: "Asia/Jakarta", emergencyNumber: "119" });
    const staff = await db.select().from(staffUsers).where(eq(staffUsers.orgId, first.orgId));
    expect(staff.map((s) => s.email).sort()).toEqual(["admin@demo.test", "pharmacist@demo.test", "volunteer1@demo.test", "volunteer2@demo.test", "volunteer3@demo.test"]);
    expect(staff.filter((s) => s.status !== "APPROVED").map((s) => [s.email, s.status])).toEqual([["volunteer3@demo.test", "PENDING"]]);

    const rows = await db.select().from(patients).where(eq(patients.orgId, first.orgId));
    const demo = rows.filter((p) => !p.phone.startsWith("+62859"));
    expect(demo).toHaveLength(20);
    const volunteers = staff.filter((s) => s.role === "VOLUNTEER" && s.status === "APPROVED").map((s) => s.id);
    expect(volunteers).toHaveLength(2);
    for (const id of volunteers) expect(demo.filter((p) => p.assignedVolunteerId === id)).toHaveLength(10);
    expect(demo.every((p) => /^\+62\d{9,12}$/.test(p.phone))).toBe(true);
  });

  it("adds bulk patients in batches with unique numbers, spread over the approved volunteers", async () => {
    const { db } = await getRuntime();
    const org = await createOrg();
    await createStaff(org, { role: "VOLUNTEER" });
    await createStaff(org, { role: "VOLUNTEER" });
    await createStaff(org, { role: "VOLUNTEER", status: "PENDING" });
    await seedBulkPatients(db, { orgId: org.id, count: 250, batchSize: 100 });
    await seedBulkPatients(db, { orgId: org.id, count: 50 });
    const [{ n } = { n: 0 }] = await db.select({ n: count() }).from(patients).where(eq(patients.orgId, org.id));
    expect(n).toBe(300);
    const byVolunteer = await db
      .select({ v: patients.assignedVolunteerId, n: count() })
      .from(patients)
      .where(eq(patients.orgId, org.id))
      .groupBy(patients.assignedVolunteerId);
    expect(byVolunteer.map((r) => r.n).sort()).toEqual([150, 150]);
  });
});
