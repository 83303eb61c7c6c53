import { ZodError } from "zod";

/** The closed set of failures a route can report. The wrapper maps each to one HTTP status. */
export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export type FieldIssue = { field: string; message: string };

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
  ) {
    super(message);
    this.name = "AppError";
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what = "Resource") => new AppError("NOT_FOUND", `${what} not found`);
export const forbidden = (message = "You do not have permission to do this") => new AppError("FORBIDDEN", message);
export const conflict = (message: string, field?: string) =>
  new AppError("CONFLICT", message, field ? [{ field, message }] : undefined);
export const badRequest = (field: string, message: string) =>
  new AppError("BAD_REQUEST", `${field}: ${message}`, [{ field, message }]);

/** Turns zod issues into `{field, message}` pairs, field as a dotted path (`schedule.timesOfDay.0`). */
export function fromZodError(error: ZodError, prefix?: string): AppError {
  const issues = error.issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return { field: [prefix, path].filter(Boolean).join(".") || (prefix ?? "body"), message: issue.message };
  });
  const summary = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
  return new AppError("BAD_REQUEST", summary || "Invalid input", issues);
}

/** Postgres unique violations arrive as code 23505, from postgres.js and PGlite alike (possibly wrapped). */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  for (let e: unknown = error; e && typeof e === "object"; e = (e as { cause?: unknown }).cause) {
    const pg = e as { code?: string; constraint?: string; constraint_name?: string };
    if (pg.code === "23505") {
      return !constraint || (pg.constraint ?? pg.constraint_name) === constraint;
    }
  }
  return false;
}
