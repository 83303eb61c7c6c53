import { randomUUID } from "node:crypto";
import { getRuntime } from "../../src/lib/runtime";
import { SESSION_COOKIE, createSessionToken } from "../../src/lib/session";
import type { Organisation, StaffUser } from "../../src/db/schema";
import { insertOrganisation } from "../../src/services/organisation/organisation.repository";
import { insertStaff } from "../../src/services/staff/staff.repository";
import { TEST_SESSION_SECRET } from "./setup-runtime";

/** Each test builds its own organisation: no test depends on another's data. */
export async function createOrg(overrides: Partial<Organisation> = {}): Promise<Organisation> {
  const { db } = await getRuntime();
  return insertOrganisation(db, {
    name: `Test Clinic ${randomUUID().slice(0, 8)}`,
    country: "ID",
    timezone: "Asia/Jakarta",
    language: "id",
    emergencyNumber: "119",
    ...overrides,
  });
}

export async function createStaff(
  org: Organisation,
  overrides: Partial<StaffUser> & Pick<StaffUser, "role">,
): Promise<StaffUser> {
  const { db } = await getRuntime();
  const tag = randomUUID().slice(0, 8);
  return insertStaff(db, {
    orgId: org.id,
    email: `${overrides.role.toLowerCase()}-${tag}@test.careloop`,
    name: `${overrides.role} ${tag}`,
    status: "APPROVED",
    ...overrides,
  });
}

export const sessionCookieFor = (staff: Pick<StaffUser, "id">) =>
  `${SESSION_COOKIE}=${createSessionToken(staff.id, TEST_SESSION_SECRET)}`;

type Handler = (req: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response> | Response;

/** Calls a route handler in-process, as Next would, and reads its JSON. */
export async function call(
  handler: Handler,
  options: {
    method?: string;
    path?: string;
    as?: Pick<StaffUser, "id"> | null;
    body?: unknown;
    rawBody?: string;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: any; headers: Headers }> {
  const headers = new Headers(options.headers);
  if (options.as) headers.set("cookie", sessionCookieFor(options.as));
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers.set("content-type", "application/json");
  }
  const req = new Request(`http://localhost${options.path ?? "/"}`, {
    method: options.method ?? (body === undefined ? "GET" : "POST"),
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}
