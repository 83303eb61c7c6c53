import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as assignRoute from "../src/app/api/patients/[id]/assign/route";
import * as patientRoute from "../src/app/api/patients/[id]/route";
import * as patientsRoute from "../src/app/api/patients/route";
import { auditLog, type Organisation, type StaffUser } from "../src/db/schema";
import { getRuntime } from "../src/lib/runtime";
import { call, createOrg, createStaff } from "./support/fixtures";

type Team = { org: Organisation; admin: StaffUser; pharmacist: StaffUser; vol1: StaffUser; vol2: StaffUser };

async function createTeam(overrides: Partial<Organisation> = {}): Promise<Team> {
  const org = await createOrg(overrides);
  const [admin, pharmacist, vol1, vol2] = await Promise.all([
    createStaff(org, { role: "ADMIN" }),
    createStaff(org, { role: "PHARMACIST", registrationNumber: "SIPA-123" }),
    createStaff(org, { role: "VOLUNTEER" }),
    createStaff(org, { role: "VOLUNTEER" }),
  ]);
  return { org, admin, pharmacist, vol1, vol2 };
}

const create = (as: StaffUser | null, body: unknown) => call(patientsRoute.POST, { as, body, path: "/api/patients" });
const list = (as: StaffUser, query = "") => call(patientsRoute.GET, { as, path: `/api/patients${query}` });
const get = (as: StaffUser | null, id: string) => call(patientRoute.GET, { as, params: { id } });
const patch = (as: StaffUser, id: string, body: unknown) => call(patientRoute.PATCH, { as, method: "PATCH", params: { id }, body });
const remove = (as: StaffUser, id: string) => call(patientRoute.DELETE, { as, method: "DELETE", params: { id } });
const assign = (as: StaffUser, id: string, volunteerId: string | null) =>
  call(assignRoute.POST, { as, params: { id }, body: { volunteerId } });

/** The audit trail of staff changes (the WhatsApp verification a new patient gets is tested with messaging). */
async function auditRows(orgId: string, entityId: string) {
  const { db } = await getRuntime();
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.id);
  return rows.filter((r) => r.action !== "patient.verification_sent");
}

let seq = 0;
/** A fresh valid Indonesian mobile number per call. */
const phone = () => `0812-${String(1000 + (++seq % 9000)).padStart(4, "0")}-${String(Date.now() % 10000).padStart(4, "0")}`;

let t: Team;
beforeEach(async () => {
  t = await createTeam();
});

describe("POST /api/patients", () => {
  it("creates a patient with the phone in E.164 and the organisation's defaults, and audits it", async () => {
    const res = await create(t.admin, { name: "Siti Rahayu", phone: "0812-3456-7890", assignedVolunteerId: t.vol1.id });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      name: "Siti Rahayu",
      phone: "+6281234567890",
      language: "id",
      timezone: "Asia/Jakarta",
      verificationStatus: "PENDING",
      consentWhatsapp: false,
      assignedVolunteer: { id: t.vol1.id, name: t.vol1.name },
    });
    const audit = await auditRows(t.org.id, res.body.id);
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([["patient.created", t.admin.id]]);
    expect(JSON.stringify(audit[0]?.metadata)).not.toContain("Siti");
  });

  it("reads phone numbers in a UK organisation as UK numbers", async () => {
    const uk = await createTeam({ country: "GB", timezone: "Europe/London", language: "en", emergencyNumber: "999" });
    const res = await create(uk.pharmacist, { name: "Jane Smith", phone: "07911 123456" });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ phone: "+447911123456", timezone: "Europe/London", language: "en" });
  });

  it("assigns a volunteer's new patient to that volunteer", async () => {
    const res = await create(t.vol1, { name: "Budi Santoso", phone: phone() });
    expect(res.status).toBe(201);
    expect(res.body.assignedVolunteer.id).toBe(t.vol1.id);
  });

  it("forbids a volunteer from assigning a new patient to another volunteer", async () => {
    const res = await create(t.vol1, { name: "Budi Santoso", phone: phone(), assignedVolunteerId: t.vol2.id });
    expect(res.status).toBe(403);
  });

  it("answers 400 naming each invalid field", async () => {
    const res = await create(t.admin, { name: "", phone: "abc", timezone: "Mars/Base", dateOfBirth: "2999-01-01" });
    expect(res.status).toBe(400);
    const fields = [...new Set(res.body.error.issues.map((i: { field: string }) => i.field))].sort();
    expect(fields).toEqual(["dateOfBirth", "name", "phone", "timezone"]);
  });

  it("answers 400 on a number that is not valid for the organisation's country", async () => {
    const res = await create(t.admin, { name: "Siti", phone: "0812-345" });
    expect(res.status).toBe(400);
    expect(res.body.error.issues).toEqual([{ field: "phone", message: expect.stringContaining("ID") }]);
  });

  it("answers 400 on malformed JSON", async () => {
    const res = await call(patientsRoute.POST, { as: t.admin, method: "POST", rawBody: "{not json" });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].field).toBe("body");
  });

  it("rejects assigning to someone who is not an approved volunteer of the organisation", async () => {
    const other = await createTeam();
    for (const id of [t.pharmacist.id, other.vol1.id]) {
      const res = await create(t.admin, { name: "Siti", phone: phone(), assignedVolunteerId: id });
      expect(res.status).toBe(400);
      expect(res.body.error.issues[0].field).toBe("assignedVolunteerId");
    }
  });

  it("answers 409 on a phone already used in the organisation, and writes no audit row for it", async () => {
    const first = await create(t.admin, { name: "Siti", phone: "0812-1111-2222" });
    expect(first.status).toBe(201);
    const again = await create(t.admin, { name: "Siti Two", phone: "+62 812 1111 2222" });
    expect(again.status).toBe(409);
    expect(again.body.error.issues[0].field).toBe("phone");
    const { db } = await getRuntime();
    const created = await db.select().from(auditLog).where(and(eq(auditLog.orgId, t.org.id), eq(auditLog.action, "patient.created")));
    expect(created).toHaveLength(1);
  });

  it("lets two organisations register the same phone", async () => {
    const other = await createTeam();
    expect((await create(t.admin, { name: "Siti", phone: "0812-3333-4444" })).status).toBe(201);
    expect((await create(other.admin, { name: "Siti", phone: "0812-3333-4444" })).status).toBe(201);
  });

  it("answers 401 without a session and 403 to an unapproved user", async () => {
    expect((await create(null, { name: "Siti", phone: phone() })).status).toBe(401);
    const pending = await createStaff(t.org, { role: "PHARMACIST", status: "PENDING" });
    const disabled = await createStaff(t.org, { role: "ADMIN", status: "DISABLED" });
    expect((await create(pending, { name: "Siti", phone: phone() })).status).toBe(403);
    expect((await create(disabled, { name: "Siti", phone: phone() })).status).toBe(403);
  });
});

describe("GET /api/patients/:id", () => {
  it("shows a patient to their volunteer, pharmacists and admins", async () => {
    const { body: p } = await create(t.admin, { name: "Siti", phone: phone(), assignedVolunteerId: t.vol1.id });
    for (const who of [t.vol1, t.pharmacist, t.admin]) {
      const res = await get(who, p.id);
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(p.id);
    }
  });

  it("is 404 to another volunteer and to another organisation", async () => {
    const { body: p } = await create(t.admin, { name: "Siti", phone: phone(), assignedVolunteerId: t.vol1.id });
    const other = await createTeam();
    for (const who of [t.vol2, other.admin, other.pharmacist, other.vol1]) expect((await get(who, p.id)).status).toBe(404);
  });

  it("answers 400 on an id that is not a uuid and 401 without a session", async () => {
    const bad = await get(t.admin, "123");
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe("params.id");
    const { body: p } = await create(t.admin, { name: "Siti", phone: phone() });
    expect((await get(null, p.id)).status).toBe(401);
  });
});

describe("PATCH /api/patients/:id", () => {
  it("updates fields, normalises a new phone and audits the changed field names only", async () => {
    const { body: p } = await create(t.admin, { name: "Siti", phone: phone(), assignedVolunteerId: t.vol1.id });
    const res = await patch(t.vol1, p.id, { notes: "takes metformin after breakfast", phone: "0813-9999-8888", language: "en" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ phone: "+6281399998888", language: "en", notes: "takes metformin after breakfast" });
    const audit = await auditRows(t.org.id, p.id);
    expect(audit.map((a) => a.action)).toEqual(["patient.created", "patient.updated"]);
    expect(audit[1]?.metadata).toEqual({ fields: ["language", "notes", "phone"] });
  });

  it("writes no audit row when nothing changed", async () => {
    const { body: p } = await create(t.admin, { name: "Siti", phone: phone() });
    expect((await patch(t.admin, p.id, { name: "Siti" })).status).toBe(200);
    expect((await auditRows(t.org.id, p.id)).map((a) => a.action)).toEqual(["patient.created"]);
  });

  it("answers 400 naming the field, and on an empty change", async () => {
    const { body: p } = await create(t.admin, { name: "Siti", phone: phone() });
    const res = await patch(t.admin, p.id, { sex: "other" });
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].field).toBe("sex");
    expect((await patch(t.admin, p.id, {})).status).toBe(400);
  });

  it("answers 409 when the new phone belongs to another patient, leaving the patient unchanged", async () => {
    const { body: a } = await create(t.admin, { name: "Siti", phone: "0812-5555-6666" });
    const { body: b } = await create(t.admin, { name: "Budi", phone: "0812-5555-7777" });
    expect((await patch(t.admin, b.id, { phone: "0812-5555-6666", name: "Budi S" })).status).toBe(409);
    expect((await get(t.admin, b.id)).body).toMatchObject({ name: "Budi", phone: "+6281255557777" });
    expect((await auditRows(t.org.id, b.id)).map((r) => r.action)).toEqual(["patient.created"]);
    expect(a.id).not.toBe(b.id);
  });

  it("is 404 for another volunteer's and another organisation's patient", async () => {
    const { body: p } = await create(t.admin, { name: "Siti", phone: phone(), assignedVolunteerId: t.vol1.id });
    const other = await createTeam();
    expect((await patch(t.vol2, p.id, { name: "Xavier" })).status).toBe(404);
    expect((await patch(other.admin, p.id, { name: "Xavier" })).status).toBe(404);
    expect((await get(t.admin, p.id)).body.name).toBe("Siti");
  });
});

describe("DELETE /api/patients/:id", () => {
  it("soft-deletes: the patient disappears, the number is free again, and the deletion is audited", async () => {
    const { body: p } = await create(t.admin, { name: "Siti", phone: "0812-7777-8888" });
    expect((await remove(t.pharmacist, p.id)).status).toBe(204);
    expect((await get(t.admin, p.id)).status).toBe(404);
    expect((await list(t.admin)).body.items.map((i: { id: string }) => i.id)).not.toContain(p.id);
    expect((await create(t.admin, { name: "Siti", phone: "0812-7777-8888" })).status).toBe(201);
    expect((await auditRows(t.org.id, p.id)).map((a) => a.action)).toEqual(["patient.created", "patient.deleted"]);
  });

  it("is forbidden to volunteers, and 404 for another organisation or an already deleted patient", async () => {
    const { body: p } = await create(t.admin, { name: "Siti", phone: phone(), assignedVolunteerId: t.vol1.id });
    expect((await remove(t.vol1, p.id)).status).toBe(403);
    const other = await createTeam();
    expect((await remove(other.admin, p.id)).status).toBe(404);
    expect((await remove(t.admin, p.id)).status).toBe(204);
    expect((await remove(t.admin, p.id)).status).toBe(404);
  });
});

describe("POST /api/patients/:id/assign", () => {
  it("moves a patient between volunteers: the old one loses sight of it, the new one gains it", async () => {
    const { body: p } = await create(t.admin, { name: "Siti", phone: phone(), assignedVolunteerId: t.vol1.id });
    const res = await assign(t.pharmacist, p.id, t.vol2.id);
    expect(res.status).toBe(200);
    expect(res.body.assignedVolunteer.id).toBe(t.vol2.id);
    expect((await get(t.vol1, p.id)).status).toBe(404);
    expect((await get(t.vol2, p.id)).status).toBe(200);
    const audit = await auditRows(t.org.id, p.id);
    expect(audit.at(-1)).toMatchObject({ action: "patient.assigned", metadata: { from: t.vol1.id, to: t.vol2.id } });
  });

  it("unassigns with null", async () => {
    const { body: p } = await create(t.admin, { name: "Siti", phone: phone(), assignedVolunteerId: t.vol1.id });
    expect((await assign(t.admin, p.id, null)).body.assignedVolunteer).toBeNull();
  });

  it("is forbidden to volunteers, 404 across organisations, 400 for a volunteer of another organisation", async () => {
    const { body: p } = await create(t.admin, { name: "Siti", phone: phone(), assignedVolunteerId: t.vol1.id });
    const other = await createTeam();
    expect((await assign(t.vol1, p.id, t.vol2.id)).status).toBe(403);
    expect((await assign(other.admin, p.id, other.vol1.id)).status).toBe(404);
    const cross = await assign(t.admin, p.id, other.vol1.id);
    expect(cross.status).toBe(400);
    expect(cross.body.error.issues[0].field).toBe("assignedVolunteerId");
    expect((await assign(t.admin, p.id, "nope")).body.error.issues[0].field).toBe("volunteerId");
  });
});

describe("GET /api/patients", () => {
  async function seedPatients() {
    const names = ["Ani", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita"];
    for (const [i, name] of names.entries()) {
      const res = await create(t.admin, {
        name,
        phone: `0812-4400-${String(1000 + i)}`,
        assignedVolunteerId: i % 2 === 0 ? t.vol1.id : t.vol2.id,
      });
      expect(res.status).toBe(201);
    }
  }

  it("pages through every patient of the organisation in name order without repeats", async () => {
    await seedPatients();
    const other = await createTeam();
    await create(other.admin, { name: "Aaron Elsewhere", phone: phone() });
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res = await list(t.pharmacist, `?limit=3${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.status).toBe(200);
      seen.push(...res.body.items.map((p: { name: string }) => p.name));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(seen).toEqual(["Ani", "Budi", "Citra", "Dewi", "Eko", "Fajar", "Gita"]);
    expect(pages).toBe(3);
  });

  it("shows a volunteer only their own patients", async () => {
    await seedPatients();
    const res = await list(t.vol1);
    expect(res.body.items.map((p: { name: string }) => p.name)).toEqual(["Ani", "Citra", "Eko", "Gita"]);
    const tryOthers = await list(t.vol1, `?volunteerId=${t.vol2.id}`);
    expect(tryOthers.body.items).toEqual([]);
  });

  it("lets pharmacists filter by volunteer", async () => {
    await seedPatients();
    const res = await list(t.pharmacist, `?volunteerId=${t.vol2.id}`);
    expect(res.body.items.map((p: { name: string }) => p.name)).toEqual(["Budi", "Dewi", "Fajar"]);
  });

  it("searches by part of a name, case-insensitively", async () => {
    await seedPatients();
    const res = await list(t.admin, "?q=IT");
    expect(res.body.items.map((p: { name: string }) => p.name)).toEqual(["Citra", "Gita"]);
  });

  it("searches by phone as staff type it locally or in E.164", async () => {
    await seedPatients();
    expect((await list(t.admin, "?q=0812-4400-1003")).body.items.map((p: { name: string }) => p.name)).toEqual(["Dewi"]);
    expect((await list(t.admin, `?q=${encodeURIComponent("+6281244001005")}`)).body.items.map((p: { name: string }) => p.name)).toEqual(["Fajar"]);
  });

  it("treats LIKE wildcards in a search as plain characters", async () => {
    await seedPatients();
    expect((await list(t.admin, "?q=%25")).body.items).toEqual([]);
  });

  it("answers 400 on a bad limit or a forged cursor", async () => {
    const badLimit = await list(t.admin, "?limit=0");
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.issues[0].field).toBe("query.limit");
    const badCursor = await list(t.admin, "?cursor=garbage");
    expect(badCursor.status).toBe(400);
    expect(badCursor.body.error.issues[0].field).toBe("cursor");
  });

  it("answers 401 without a session", async () => {
    expect((await call(patientsRoute.GET, { path: "/api/patients" })).status).toBe(401);
  });
});
