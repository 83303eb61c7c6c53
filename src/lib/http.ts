import { timingSafeEqual } from "node:crypto";
import { ZodError, type ZodType, type z } from "zod";
import type { StaffRole, StaffUser } from "@/db/schema";
import { CLERK_SESSION_COOKIE, verifyClerkSession } from "@/integrations/clerk/session";
import { findClerkStaff, findSessionStaff } from "@/services/staff/staff.service";
import { AppError, fromZodError } from "./errors";
import { logger } from "./logger";
import { type Runtime, getRuntime } from "./runtime";
import { SESSION_COOKIE, readCookie, readSessionToken } from "./session";

/**
 * Route wrappers: authenticate, parse with zod, call one service, map errors. One per audience.
 * Handlers return plain Responses, so tests call them in-process with a Request.
 */
export const MAX_JSON_BYTES = 256 * 1024;

/** What Next.js passes as the second argument of a route handler. */
type RouteContext = { params: Promise<Record<string, string | string[]>> };
type Schema = ZodType | undefined;
type Parsed<S extends Schema> = S extends ZodType ? z.output<S> : undefined;

type Options<B extends Schema, Q extends Schema, P extends Schema> = {
  body?: B;
  query?: Q;
  params?: P;
  /** Roles allowed; every approved staff user when omitted. */
  roles?: readonly StaffRole[];
};

type Args<B extends Schema, Q extends Schema, P extends Schema> = {
  req: Request;
  body: Parsed<B>;
  query: Parsed<Q>;
  params: Parsed<P>;
  rt: Runtime;
};

/** Below this, a body is not worth compressing (the size `next start`'s compression would skip, could it see it). */
const COMPRESS_FROM_BYTES = 1024;

/**
 * A JSON response. API answers carry patient data: no cache may keep them. `next start` gzips every
 * streamed response, however small, through a fresh zlib stream (it cannot see the length; several
 * per cent of the server's CPU in a profile of webhook acknowledgements), so small bodies say
 * `no-transform` and go out as they are; larger ones are still compressed.
 */
export function json(data: unknown, status = 200, headers?: HeadersInit): Response {
  const body = JSON.stringify(data);
  const all = new Headers(headers);
  all.set("content-type", "application/json");
  if (!all.has("cache-control")) all.set("cache-control", body.length < COMPRESS_FROM_BYTES ? "no-store, no-transform" : "no-store");
  return new Response(body, { status, headers: all });
}

export function errorResponse(error: unknown): Response {
  const appError =
    error instanceof AppError ? error : error instanceof ZodError ? fromZodError(error) : undefined;
  if (appError) {
    return json({ error: { code: appError.code, message: appError.message, issues: appError.issues } }, appError.status);
  }
  logger.error({ err: error }, "unhandled error in route");
  return json({ error: { code: "INTERNAL", message: "Something went wrong" } }, 500);
}

/** For routes anyone may call (health, sign-in). */
export function withPublic<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  options: Options<B, Q, P>,
  handler: (args: Args<B, Q, P>) => Promise<Response>,
) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    try {
      const rt = await getRuntime();
      return await handler({ req, rt, ...(await parseInput(req, context, options)) });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** For cron routes: `Authorization: Bearer $CRON_SECRET`, exactly as Vercel Cron sends it. */
export function withCron(handler: (args: { req: Request; rt: Runtime }) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    try {
      const rt = await getRuntime();
      const given = Buffer.from(req.headers.get("authorization") ?? "");
      const expected = Buffer.from(`Bearer ${rt.cronSecret}`);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
        throw new AppError("UNAUTHENTICATED", "authorization: a valid cron bearer token is required");
      }
      return await handler({ req, rt });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** For webhooks: hands the raw body (signatures are computed over the exact bytes) to the handler. */
export function withWebhook(handler: (args: { req: Request; rt: Runtime; rawBody: string }) => Promise<Response>) {
  return async (req: Request): Promise<Response> => {
    try {
      const rt = await getRuntime();
      if (Number(req.headers.get("content-length") ?? 0) > MAX_WEBHOOK_BYTES) {
        throw new AppError("PAYLOAD_TOO_LARGE", `body: larger than ${MAX_WEBHOOK_BYTES} bytes`);
      }
      const rawBody = await req.text();
      if (Buffer.byteLength(rawBody) > MAX_WEBHOOK_BYTES) {
        throw new AppError("PAYLOAD_TOO_LARGE", `body: larger than ${MAX_WEBHOOK_BYTES} bytes`);
      }
      return await handler({ req, rt, rawBody });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** For staff routes: a signed-in, approved staff user with one of `roles`. */
export function withStaff<B extends Schema = undefined, Q extends Schema = undefined, P extends Schema = undefined>(
  options: Options<B, Q, P>,
  handler: (args: Args<B, Q, P> & { staff: StaffUser }) => Promise<Response>,
) {
  return async (req: Request, context: RouteContext): Promise<Response> => {
    try {
      const rt = await getRuntime();
      const staff = await authenticateStaff(req, rt);
      if (staff.status !== "APPROVED") {
        throw new AppError("FORBIDDEN", staff.status === "PENDING" ? "Your account is waiting for approval" : `Your account is ${staff.status.toLowerCase()}`);
      }
      if (options.roles && !options.roles.includes(staff.role)) {
        throw new AppError("FORBIDDEN", `This needs one of the roles: ${options.roles.join(", ")}`);
      }
      return await handler({ req, rt, staff, ...(await parseInput(req, context, options)) });
    } catch (error) {
      return errorResponse(error);
    }
  };
}

/** The staff user of this request, whatever their approval status; 401 when there is none. */
export async function authenticateStaff(req: Request, rt: Runtime): Promise<StaffUser> {
  let staff: StaffUser | undefined;
  if (rt.clerk) {
    // Clerk mode: the session token (bearer or `__session` cookie), verified offline, names our user
    const clerkId = await verifyClerkSession(
      { authorization: req.headers.get("authorization"), cookie: readCookie(req.headers.get("cookie"), CLERK_SESSION_COOKIE) },
      rt.clerk,
    );
    staff = clerkId ? await findClerkStaff(rt, clerkId) : undefined;
  } else {
    const token = readCookie(req.headers.get("cookie"), SESSION_COOKIE);
    const staffId = readSessionToken(token, rt.sessionSecret, rt.clock.now().getTime());
    staff = staffId ? await findSessionStaff(rt, staffId) : undefined;
  }
  if (!staff) throw new AppError("UNAUTHENTICATED", "Sign in first");
  return staff;
}

async function parseInput<B extends Schema, Q extends Schema, P extends Schema>(
  req: Request,
  context: RouteContext,
  options: Options<B, Q, P>,
) {
  const params = options.params ? parseWith(options.params, await context.params, "params") : undefined;
  const query = options.query
    ? parseWith(options.query, Object.fromEntries(new URL(req.url).searchParams), "query")
    : undefined;
  const body = options.body ? parseWith(options.body, await readJson(req), undefined) : undefined;
  return { params, query, body } as { body: Parsed<B>; query: Parsed<Q>; params: Parsed<P> };
}

function parseWith(schema: ZodType, input: unknown, prefix: string | undefined) {
  const result = schema.safeParse(input);
  if (!result.success) throw fromZodError(result.error, prefix);
  return result.data;
}

async function readJson(req: Request): Promise<unknown> {
  const length = Number(req.headers.get("content-length") ?? 0);
  if (length > MAX_JSON_BYTES) throw new AppError("PAYLOAD_TOO_LARGE", `body: larger than ${MAX_JSON_BYTES} bytes`);
  const text = await req.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) {
    throw new AppError("PAYLOAD_TOO_LARGE", `body: larger than ${MAX_JSON_BYTES} bytes`);
  }
  if (text.trim() === "") throw new AppError("BAD_REQUEST", "body: a JSON body is required", [{ field: "body", message: "a JSON body is required" }]);
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "body: not valid JSON", [{ field: "body", message: "not valid JSON" }]);
  }
}
