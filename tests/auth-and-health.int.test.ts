import IORedis from "ioredis";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as signInRoute from "../src/app/api/dev/sign-in/route";
import * as signOutRoute from "../src/app/api/auth/sign-out/route";
import * as healthRoute from "../src/app/api/health/route";
import * as readyRoute from "../src/app/api/health/ready/route";
import * as meRoute from "../src/app/api/me/route";
import * as staffRoute from "../src/app/api/staff/route";
import { auditLog } from "../src/db/schema";
import { getRuntime } from "../src/lib/runtime";
import { SESSION_COOKIE } from "../src/lib/session";
import { checkReadiness } from "../src/services/health/health.service";
import { call, createOrg, createStaff } from "./support/fixtures";

const signIn = (body: unknown) => call(signInRoute.POST, { body, path: "/api/dev/sign-in" });

describe("POST /api/dev/sign-in", () => {
  it("signs a staff user in with an httpOnly session cookie that authenticates later requests", async () => {
    const org = await createOrg();
    const staff = await createStaff(org, { role: "PHARMACIST" });
    const res = await signIn({ email: staff.email.toUpperCase() });
    expect(res.status).toBe(200);
    expect(res.body.staff).toMatchObject({ id: staff.id, role: "PHARMACIST" });
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(new RegExp(`^${SESSION_COOKIE}=[^;]+; Path=/; HttpOnly; SameSite=Lax`));
    const me = await call(meRoute.GET, { headers: { cookie: cookie.split(";")[0] ?? "" } });
    expect(me.status).toBe(200);
    expect(me.body.staff.email).toBe(staff.email);
    const { db } = await getRuntime();
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.orgId, org.id), eq(auditLog.action, "staff.signed_in")));
    expect(audit).toHaveLength(1);
  });

  it("answers 400 naming the email field, and 404 for an unknown email", async () => {
    const bad = await signIn({ email: "not-an-email" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe("email");
    expect((await signIn({ email: "nobody@nowhere.test" })).status).toBe(404);
  });

  it("refuses disabled and rejected accounts", async () => {
    const org = await createOrg();
    for (const status of ["DISABLED", "REJECTED"] as const) {
      const staff = await createStaff(org, { role: "VOLUNTEER", status });
      expect((await signIn({ email: staff.email })).status).toBe(403);
    }
  });

  it("does not exist when the dev sign-in is off (production or Clerk)", async () => {
    const rt = await getRuntime();
    const org = await createOrg();
    const staff = await createStaff(org, { role: "ADMIN" });
    rt.devSignIn = false;
    try {
      expect((await signIn({ email: staff.email })).status).toBe(404);
    } finally {
      rt.devSignIn = true;
    }
  });
});

describe("sessions", () => {
  it("a forged or missing cookie is 401; a pending user is 403 with the reason", async () => {
    expect((await call(meRoute.GET, {})).status).toBe(401);
    expect((await call(meRoute.GET, { headers: { cookie: `${SESSION_COOKIE}=abc.def` } })).status).toBe(401);
    const org = await createOrg();
    const pending = await createStaff(org, { role: "VOLUNTEER", status: "PENDING" });
    const res = await call(meRoute.GET, { as: pending });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/waiting for approval/);
  });

  it("sign-out clears the cookie", async () => {
    const res = await call(signOutRoute.POST, { method: "POST" });
    expect(res.headers.get("set-cookie")).toMatch(new RegExp(`^${SESSION_COOKIE}=; .*Max-Age=0`));
  });
});

describe("GET /api/staff", () => {
  it("lists the organisation's volunteers for pharmacists and admins, never another organisation's", async () => {
    const org = await createOrg();
    const other = await createOrg();
    const pharmacist = await createStaff(org, { role: "PHARMACIST" });
    const vol = await createStaff(org, { role: "VOLUNTEER" });
    await createStaff(other, { role: "VOLUNTEER" });
    const res = await call(staffRoute.GET, { as: pharmacist, path: "/api/staff?role=VOLUNTEER" });
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { id: string }) => s.id)).toEqual([vol.id]);
  });

  it("is 403 for volunteers and 400 for an unknown role", async () => {
    const org = await createOrg();
    const vol = await createStaff(org, { role: "VOLUNTEER" });
    const admin = await createStaff(org, { role: "ADMIN" });
    expect((await call(staffRoute.GET, { as: vol, path: "/api/staff" })).status).toBe(403);
    const bad = await call(staffRoute.GET, { as: admin, path: "/api/staff?role=BOSS" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.issues[0].field).toBe("query.role");
  });
});

describe("health", () => {
  it("GET /api/health answers while the process lives", async () => {
    const res = await call(healthRoute.GET as never, {});
    expect(res).toMatchObject({ status: 200, body: { status: "ok" } });
  });

  it("GET /api/health/ready checks the database", async () => {
    const res = await call(readyRoute.GET, {});
    expect(res.status).toBe(200);
    expect(res.body.checks.database).toEqual({ status: "ok" });
  });

  it("readiness reports Redis down when it is configured but unreachable", async () => {
    const { db } = await getRuntime();
    const dead = new IORedis("redis://127.0.0.1:1", { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    dead.on("error", () => {}); // the failure under test is read from checkReadiness
    try {
      const report = await checkReadiness({ db, redis: dead });
      expect(report.status).toBe("down");
      expect(report.checks.redis?.status).toBe("down");
      expect(report.checks.database?.status).toBe("ok");
    } finally {
      dead.disconnect();
    }
  });

  it("readiness is ok with a live Redis", async () => {
    const { db } = await getRuntime();
    const redis = new IORedis("redis://127.0.0.1:6379", { lazyConnect: true });
    try {
      expect(await checkReadiness({ db, redis })).toEqual({ status: "ok", checks: { database: { status: "ok" }, redis: { status: "ok" } } });
    } finally {
      redis.disconnect();
    }
  });
});
