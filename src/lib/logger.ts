import pino from "pino";

/**
 * Structured JSON logs. Patient data stays out: any of these keys is redacted wherever it
 * appears (two levels deep), so a careless `logger.info({ patient })` still prints no phone.
 */
const REDACT = [
  "phone", "name", "email", "text", "body", "message", "notes", "caption", "dateOfBirth",
  "*.phone", "*.name", "*.email", "*.text", "*.body", "*.message", "*.notes", "*.caption", "*.dateOfBirth",
  "req.headers.authorization", "req.headers.cookie", "headers.authorization", "headers.cookie",
];

export function createLogger(options: { level?: string; name?: string; destination?: pino.DestinationStream } = {}) {
  return pino(
    {
      name: options.name ?? "careloop",
      level: options.level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info"),
      redact: { paths: REDACT, censor: "[redacted]" },
      base: undefined,
    },
    options.destination,
  );
}

export type Logger = ReturnType<typeof createLogger>;

export const logger: Logger = createLogger();
