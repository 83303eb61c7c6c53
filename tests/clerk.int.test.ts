import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { type NextFetchEvent, NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as approveRoute from "../src/app/api/admin/users/[id]/approve/route";
import * as disableRoute from "../src/app/api/admin/users/[id]/disable/route";
import * as rejectRoute from "../src/app/api/admin/users/[id]/reject/route";
import * as userRoute from "../src/app/api/admin/users/[id]/route";
import * as usersRoute from "../src/app/api/admin/users/route";
import * as meRoute from "../src/app/api/me/route";
import * as clerkWebhookRoute from "../src/app/api/webhooks/clerk/route";
import { type StaffUser, auditLog, staffUsers } from "../src/db/schema";
import type { createProxy as CreateProxy } from "../src/lib/proxy";
import { type Runtime, getRuntime, setRuntime } from "../src/lib/runtime";
import { findOrganisationById } from "../src/services/organisation/organisation.repository";
import { decideSignupAccess } from "../src/services/staff/clerk-sync.service";
import {
  TEST_CLERK_FRONTEND_API,
  clerkUserDeletedEvent,
  clerkUserEvent,
  forgerKey,
  mintSessionToken,
  newClerkUserId,
  signWebhook,
  testClerkConfig,
} from "./support/clerk";
import { call, createOrg, createStaff } from "./support/fixtures";

const ADMIN_EMAIL = `boss-${randomUUID().slice(0, 8)}@admins.careloop`;
let original: Runtime;

beforeAll(async () => {
  original = await getRuntime();
  setRuntime({ ...original, devSignIn: false, clerk: testClerkConfig({ adminEmails: [ADMIN_EMAIL] }) });
});
afterAll(() => setRuntime(original));

/** A staff user linked to a fresh Clerk user id. */
async function clerkStaff(overrides: Partial<StaffUser> & Pick<StaffUser, "role">, org?: Awaited<ReturnType<typeof createOrg>>) {
  return createStaff(org ?? (await createOrg()), { externalAuthId: newClerkUserId(), ...overrides });
}
const bearer = (staff: Pick<StaffUser, "externalAuthId">) => ({ authorization: `Bearer ${mintSessionToken(staff.externalAuthId ?? "")}` });
const me = (headers: Record<string, string>) => call(meRoute.GET, { path: "/api/me", headers });

async function deliver(payload: unknown, headers?: Record<string, string>) {
  const rawBody = JSON.stringify(payload);
  return call(clerkWebhookRoute.POST, { method: "POST", path: "/api/webhooks/clerk", rawBody, headers: headers ?? signWebhook(rawBody) });
}
async function staffByClerkId(clerkId: string) {
  const { db } = await getRuntime();
  const rows = await db.select().from(staffUsers).where(eq(staffUsers.externalAuthId, clerkId));
  return rows;
}
async function auditActions(orgId: string, entityId: string) {
  const { db } = await getRuntime();
  const rows = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.orgId, orgId), eq(auditLog.entityId, entityId)))
    .orderBy(auditLog.id);
  return rows.map((r) => r.action);
}

describe("Clerk sessions (verified offline with the instance's JWT key)", () => {
  it("an approved user's session token opens the API", async () => {
    const staff = await clerkStaff({ role: "PHARMACIST" });
    const res = await me(bearer(staff));
    expect(res.status).toBe(200);
    expect(res.body.staff).toMatchObject({ id: staff.id, role: "PHARMACIST" });
  });

  it("the __session cookie works as well as the bearer header", async () => {
    const staff = await clerkStaff({ role: "VOLUNTEER" });
    const res = await me({ cookie: `__session=${mintSessionToken(staff.externalAuthId ?? "")}` });
    expect(res.status).toBe(200);
  });

  it("a pending user is blocked with the reason, a disabled one is out", async () => {
    const pending = await clerkStaff({ role: "VOLUNTEER", status: "PENDING" });
    const res = await me(bearer(pending));
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/waiting for approval/);
    const disabled = await clerkStaff({ role: "VOLUNTEER", status: "DISABLED" });
    expect((await me(bearer(disabled))).status).toBe(403);
  });

  it("expired, forged, malformed and missing tokens are 401, and so is a valid token of an unknown Clerk user", async () => {
    const staff = await clerkStaff({ role: "ADMIN" });
    const clerkId = staff.externalAuthId ?? "";
    const expired = mintSessionToken(clerkId, { nowSeconds: Math.floor(Date.now() / 1000) - 3600 });
    const forged = mintSessionToken(clerkId, { privateKey: forgerKey() });
    for (const authorization of [`Bearer ${expired}`, `Bearer ${forged}`, "Bearer not.a.jwt"]) {
      expect((await me({ authorization })).status).toBe(401);
    }
    expect((await me({})).status).toBe(401);
    expect((await me({ authorization: `Bearer ${mintSessionToken(newClerkUserId())}` })).status).toBe(401);
  });

  it("the dev session cookie means nothing once Clerk is on", async () => {
    const staff = await clerkStaff({ role: "ADMIN" });
    expect((await call(meRoute.GET, { as: staff })).status).toBe(401);
  });

  it("a role change takes effect on the next request with the same token", async () => {
    const org = await createOrg();
    const admin = await clerkStaff({ role: "ADMIN" }, org);
    const vol = await clerkStaff({ role: "VOLUNTEER" }, org);
    const volToken = bearer(vol);
    expect((await call(usersRoute.GET, { headers: volToken })).status).toBe(403);
    const patched = await call(userRoute.PATCH, { method: "PATCH", headers: bearer(admin), params: { id: vol.id }, body: { role: "ADMIN" } });
    expect(patched.status).toBe(200);
    expect((await call(usersRoute.GET, { headers: volToken })).status).toBe(200);
  });
});

describe("POST /api/webhooks/clerk", () => {
  it("refuses a bad or missing signature with 401 and changes nothing", async () => {
    const clerkId = newClerkUserId();
    const payload = clerkUserEvent("user.created", { id: clerkId, email: `x-${randomUUID()}@test.careloop` });
    const raw = JSON.stringify(payload);
    const wrongSecret = signWebhook(raw, { secret: `whsec_${Buffer.from("some-other-secret-entirely-32byt").toString("base64")}` });
    expect((await deliver(payload, wrongSecret)).status).toBe(401);
    expect((await deliver(payload, { "content-type": "application/json" })).status).toBe(401);
    // signed over a different body: the signature covers the exact raw bytes
    const tampered = signWebhook(JSON.stringify({ ...payload, type: "user.updated" }));
    expect((await deliver(payload, tampered)).status).toBe(401);
    expect(await staffByClerkId(clerkId)).toHaveLength(0);
  });

  it("user.created makes a pending volunteer in the installation's organisation, audited; a redelivery adds nothing", async () => {
    const clerkId = newClerkUserId();
    const email = `new-${randomUUID().slice(0, 8)}@test.careloop`;
    const payload = clerkUserEvent("user.created", { id: clerkId, email: email.toUpperCase(), firstName: "Siti", lastName: "Rahma" });
    const raw = JSON.stringify(payload);
    const headers = signWebhook(raw);
    const first = await deliver(payload, headers);
    expect(first.status).toBe(200);
    expect(first.body.outcome).toBe("created");
    const again = await deliver(payload, headers);
    expect(again.status).toBe(200);
    expect(again.body.outcome).toBe("duplicate");
    const rows = await staffByClerkId(clerkId);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ email, name: "Siti Rahma", role: "VOLUNTEER", status: "PENDING" });
    expect(await auditActions(rows[0]!.orgId, rows[0]!.id)).toEqual(["staff.signed_up"]);
    // and the new user's session is recognised, but waits for approval
    expect((await me({ authorization: `Bearer ${mintSessionToken(clerkId)}` })).status).toBe(403);
  });

  it("an email in ADMIN_EMAILS becomes an approved admin at sign-up", async () => {
    const clerkId = newClerkUserId();
    const res = await deliver(clerkUserEvent("user.created", { id: clerkId, email: ADMIN_EMAIL }));
    expect(res.status).toBe(200);
    const [row] = await staffByClerkId(clerkId);
    expect(row).toMatchObject({ role: "ADMIN", status: "APPROVED" });
    expect((await me({ authorization: `Bearer ${mintSessionToken(clerkId)}` })).status).toBe(200);
  });

  it("a staff user with the same email (seeded) is linked, not duplicated", async () => {
    const org = await createOrg();
    const seeded = await createStaff(org, { role: "PHARMACIST" });
    const clerkId = newClerkUserId();
    const res = await deliver(clerkUserEvent("user.created", { id: clerkId, email: seeded.email }));
    expect(res.body).toMatchObject({ outcome: "linked", staffId: seeded.id });
    const rows = await staffByClerkId(clerkId);
    expect(rows.map((r) => r.id)).toEqual([seeded.id]);
    expect(rows[0]).toMatchObject({ role: "PHARMACIST", status: "APPROVED", orgId: org.id });
    expect(await auditActions(org.id, seeded.id)).toEqual(["staff.clerk_linked"]);
  });

  it("user.updated follows email and name; user.deleted disables the account", async () => {
    const org = await createOrg();
    const staff = await clerkStaff({ role: "VOLUNTEER" }, org);
    const clerkId = staff.externalAuthId ?? "";
    const newEmail = `moved-${randomUUID().slice(0, 8)}@test.careloop`;
    const updated = await deliver(clerkUserEvent("user.updated", { id: clerkId, email: newEmail, firstName: "Budi", lastName: "Santoso" }));
    expect(updated.body.outcome).toBe("updated");
    expect((await staffByClerkId(clerkId))[0]).toMatchObject({ email: newEmail, name: "Budi Santoso", status: "APPROVED" });
    expect((await me(bearer(staff))).status).toBe(200);

    const deleted = await deliver(clerkUserDeletedEvent(clerkId));
    expect(deleted.body.outcome).toBe("disabled");
    expect((await staffByClerkId(clerkId))[0]?.status).toBe("DISABLED");
    expect((await me(bearer(staff))).status).toBe(403);
    expect(await auditActions(org.id, staff.id)).toEqual(["staff.profile_synced", "staff.disabled"]);
  });

  it("answers 404 when Clerk is not configured", async () => {
    const rt = await getRuntime();
    setRuntime({ ...rt, clerk: undefined });
    try {
      expect((await deliver(clerkUserDeletedEvent(newClerkUserId()))).status).toBe(404);
    } finally {
      setRuntime(rt);
    }
  });
});

describe("who a new Clerk user becomes", () => {
  it("the first user of an empty installation is an approved admin", () => {
    expect(decideSignupAccess({ installationEmpty: true, email: "a@b.test", adminEmails: [] })).toMatchObject({ role: "ADMIN", status: "APPROVED", reason: "first_user" });
  });
  it("an ADMIN_EMAILS address is an approved admin, whatever its case", () => {
    expect(decideSignupAccess({ installationEmpty: false, email: "Boss@Clinic.test", adminEmails: ["boss@clinic.test"] })).toMatchObject({ role: "ADMIN", status: "APPROVED" });
  });
  it("everyone else waits as a volunteer", () => {
    expect(decideSignupAccess({ installationEmpty: false, email: "v@clinic.test", adminEmails: ["boss@clinic.test"] })).toEqual({ role: "VOLUNTEER", status: "PENDING", reason: "sign_up" });
  });
});

describe("admin user management", () => {
  async function team() {
    const org = await createOrg();
    const admin = await clerkStaff({ role: "ADMIN" }, org);
    const pending = await clerkStaff({ role: "VOLUNTEER", status: "PENDING", name: "Zz Pending" }, org);
    const vol = await clerkStaff({ role: "VOLUNTEER", name: "Aa Volunteer" }, org);
    return { org, admin, pending, vol };
  }
  const act = (route: { POST: typeof approveRoute.POST }, as: StaffUser, id: string) =>
    call(route.POST, { method: "POST", headers: bearer(as), params: { id } });

  it("lists the organisation's users with pending approvals first, never another organisation's", async () => {
    const { admin, pending, vol } = await team();
    await clerkStaff({ role: "VOLUNTEER", status: "PENDING" });
    const res = await call(usersRoute.GET, { headers: bearer(admin) });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((u: { id: string }) => u.id);
    expect(ids[0]).toBe(pending.id);
    expect(ids.sort()).toEqual([admin.id, pending.id, vol.id].sort());
    expect(res.body.items[0]).toMatchObject({ status: "PENDING", linked: true });
    expect(res.body.items[0]).not.toHaveProperty("externalAuthId");
  });

  it("approve lets a pending user in, audited with the acting admin", async () => {
    const { org, admin, pending } = await team();
    expect((await me(bearer(pending))).status).toBe(403);
    const res = await act(approveRoute, admin, pending.id);
    expect(res.status).toBe(200);
    expect(res.body.staff.status).toBe("APPROVED");
    expect((await me(bearer(pending))).status).toBe(200);
    const { db } = await getRuntime();
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityId, pending.id)));
    expect(row).toMatchObject({ action: "staff.approved", actorId: admin.id, actorType: "staff", metadata: { from: "PENDING", to: "APPROVED" } });
  });

  it("reject refuses a pending user; rejecting an approved one is 409", async () => {
    const { org, admin, pending, vol } = await team();
    const res = await act(rejectRoute, admin, pending.id);
    expect(res.body.staff.status).toBe("REJECTED");
    expect((await me(bearer(pending))).status).toBe(403);
    expect((await act(rejectRoute, admin, vol.id)).status).toBe(409);
    expect(await auditActions(org.id, pending.id)).toEqual(["staff.rejected"]);
  });

  it("disable takes an approved user out on their next request", async () => {
    const { org, admin, vol } = await team();
    expect((await me(bearer(vol))).status).toBe(200);
    expect((await act(disableRoute, admin, vol.id)).status).toBe(200);
    expect((await me(bearer(vol))).status).toBe(403);
    expect(await auditActions(org.id, vol.id)).toEqual(["staff.disabled"]);
  });

  it("an admin cannot disable or demote themselves (409)", async () => {
    const { admin } = await team();
    expect((await act(disableRoute, admin, admin.id)).status).toBe(409);
    const demote = await call(userRoute.PATCH, { method: "PATCH", headers: bearer(admin), params: { id: admin.id }, body: { role: "VOLUNTEER" } });
    expect(demote.status).toBe(409);
    expect((await me(bearer(admin))).body.staff.role).toBe("ADMIN");
  });

  it("PATCH changes role, registration number and phone, audited with field names only", async () => {
    const { org, admin, vol } = await team();
    const res = await call(userRoute.PATCH, {
      method: "PATCH",
      headers: bearer(admin),
      params: { id: vol.id },
      body: { role: "PHARMACIST", registrationNumber: "SIPA-77", phone: "+6281234567890" },
    });
    expect(res.status).toBe(200);
    expect(res.body.staff).toMatchObject({ role: "PHARMACIST", registrationNumber: "SIPA-77", phone: "+6281234567890" });
    const { db } = await getRuntime();
    const [row] = await db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.entityId, vol.id)));
    expect(row?.metadata).toEqual({ changed: ["role", "registrationNumber", "phone"], fromRole: "VOLUNTEER", toRole: "PHARMACIST" });
  });

  it("PATCH validates its body (400 naming the field)", async () => {
    const { admin, vol } = await team();
    const bad = await call(userRoute.PATCH, { method: "PATCH", headers: bearer(admin), params: { id: vol.id }, body: { role: "BOSS", phone: "0812" } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues.map((i: { field: string }) => i.field).sort()).toEqual(["phone", "role"]);
    expect((await call(userRoute.PATCH, { method: "PATCH", headers: bearer(admin), params: { id: "nope" }, body: { role: "ADMIN" } })).status).toBe(400);
  });

  it("is 403 for pharmacists and volunteers", async () => {
    const { org, pending } = await team();
    const pharmacist = await clerkStaff({ role: "PHARMACIST" }, org);
    expect((await call(usersRoute.GET, { headers: bearer(pharmacist) })).status).toBe(403);
    expect((await act(approveRoute, pharmacist, pending.id)).status).toBe(403);
    expect((await call(userRoute.PATCH, { method: "PATCH", headers: bearer(pharmacist), params: { id: pending.id }, body: { role: "ADMIN" } })).status).toBe(403);
  });

  it("another organisation's user is 404 for every action, and stays as it was", async () => {
    const { admin } = await team();
    const other = await team();
    for (const route of [approveRoute, rejectRoute, disableRoute]) {
      expect((await act(route, admin, other.pending.id)).status).toBe(404);
    }
    expect((await call(userRoute.PATCH, { method: "PATCH", headers: bearer(admin), params: { id: other.vol.id }, body: { role: "ADMIN" } })).status).toBe(404);
    const [row] = await staffByClerkId(other.pending.externalAuthId ?? "");
    expect(row?.status).toBe("PENDING");
    expect(await auditActions(other.org.id, other.pending.id)).toEqual([]);
  });

  it("a user created through the webhook can be approved by an admin of their organisation", async () => {
    const clerkId = newClerkUserId();
    await deliver(clerkUserEvent("user.created", { id: clerkId, email: `joiner-${randomUUID().slice(0, 8)}@test.careloop` }));
    const [joiner] = await staffByClerkId(clerkId);
    const { db } = await getRuntime();
    const org = await findOrganisationById(db, { id: joiner!.orgId });
    const admin = await clerkStaff({ role: "ADMIN" }, org!);
    expect((await act(approveRoute, admin, joiner!.id)).status).toBe(200);
    expect((await me({ authorization: `Bearer ${mintSessionToken(clerkId)}` })).status).toBe(200);
  });
});

describe("src/proxy.ts (clerkMiddleware with our JWT key, offline)", () => {
  const event = { waitUntil: () => {} } as unknown as NextFetchEvent;
  let createProxy: typeof CreateProxy;
  let clerkProxy: ReturnType<typeof CreateProxy>;
  beforeAll(async () => {
    // @clerk/nextjs reads CLERK_SECRET_KEY from the environment as it loads, as it does in the app
    vi.stubEnv("CLERK_SECRET_KEY", testClerkConfig().secretKey);
    vi.stubEnv("CLERK_TELEMETRY_DISABLED", "1");
    ({ createProxy } = await import("../src/lib/proxy"));
    clerkProxy = createProxy({ clerk: testClerkConfig(), development: false });
  });
  afterAll(() => vi.unstubAllEnvs());
  const page = (path: string, headers: Record<string, string> = {}) =>
    new NextRequest(`http://localhost:3000${path}`, { headers: { accept: "text/html", "sec-fetch-dest": "document", ...headers } });

  /** Clerk passes a request on as a same-URL rewrite carrying its auth state in request headers. */
  const passedOn = (res: Response, path: string) =>
    res.status === 200 && res.headers.get("location") === null && res.headers.get("x-middleware-rewrite") === `http://localhost:3000${path}`;
  const authStatus = (res: Response) => res.headers.get("x-middleware-request-x-clerk-auth-status");

  it("lets a page request with a valid session token through, signed in", async () => {
    const res = await clerkProxy(page("/patients", { authorization: `Bearer ${mintSessionToken(newClerkUserId())}` }), event);
    expect(passedOn(res, "/patients")).toBe(true);
    expect(authStatus(res)).toBe("signed-in");
  });

  it("sends a page request without a session away (sign-in or Clerk's handshake), never through", async () => {
    const res = await clerkProxy(page("/patients"), event);
    expect([302, 307, 308]).toContain(res.status);
    expect(res.headers.get("location")).toBeTruthy();
    const forged = await clerkProxy(page("/patients", { authorization: `Bearer ${mintSessionToken(newClerkUserId(), { privateKey: forgerKey() })}` }), event);
    expect(passedOn(forged, "/patients")).toBe(false);
    expect(forged.headers.get("location")).toBeTruthy();
  });

  it("passes API routes, sign-in and sign-up through untouched, so routes answer JSON 401 themselves", async () => {
    for (const path of ["/api/me", "/api/webhooks/clerk", "/api/health"]) {
      const res = await clerkProxy(new NextRequest(`http://localhost:3000${path}`, { headers: { accept: "application/json" } }), event);
      expect(res.status, path).toBe(200);
      expect(res.headers.get("x-middleware-next"), path).toBe("1");
      expect(res.headers.get("location"), path).toBeNull();
    }
  });

  it("puts the security headers on every response, with Clerk's hosts in the CSP only when Clerk is on", async () => {
    const withClerk = await clerkProxy(page("/patients"), event);
    const csp = withClerk.headers.get("content-security-policy") ?? "";
    expect(csp).toContain(`https://${TEST_CLERK_FRONTEND_API}`);
    expect(csp).toContain("img-src 'self' data: blob: https://img.clerk.com");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toMatch(/script-src[^;]* https:(\s|;|$)/); // no blanket https: scripts
    expect(withClerk.headers.get("x-frame-options")).toBe("DENY");
    expect(withClerk.headers.get("x-content-type-options")).toBe("nosniff");
    expect(withClerk.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(withClerk.headers.get("permissions-policy")).toContain("camera=()");

    const plain = await createProxy({ development: true })(page("/patients"), event);
    expect(plain.headers.get("x-middleware-next")).toBe("1");
    const devCsp = plain.headers.get("content-security-policy") ?? "";
    expect(devCsp).not.toContain("clerk");
    expect(devCsp).toContain("'unsafe-eval'");
  });
});
