import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const lines: string[] = [];
  const logger = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
  return { logger, lines };
}

describe("logger", () => {
  it("redacts patient fields at the top level and one level down", () => {
    const { logger, lines } = capture();
    logger.info(
      { patientId: "p-1", phone: "+6281234567890", patient: { name: "Siti Rahayu", phone: "+6281234567890", notes: "TB" }, body: "sudah minum" },
      "inbound message",
    );
    const line = lines.join("");
    expect(line).toContain('"patientId":"p-1"');
    for (const secret of ["+6281234567890", "Siti Rahayu", "sudah minum", '"TB"']) expect(line).not.toContain(secret);
    expect(JSON.parse(line).patient).toEqual({ name: "[redacted]", phone: "[redacted]", notes: "[redacted]" });
  });

  it("writes one JSON object per line with the level and message", () => {
    const { logger, lines } = capture();
    logger.warn({ code: "GOWA_TIMEOUT" }, "send failed");
    expect(JSON.parse(lines[0] ?? "")).toMatchObject({ level: 40, code: "GOWA_TIMEOUT", msg: "send failed" });
  });
});
