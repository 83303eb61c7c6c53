import { describe, expect, it } from "vitest";
import { json } from "./http";

describe("json responses", () => {
  it("are never kept by a cache, and a small one is sent as it is rather than gzipped", async () => {
    const res = json({ status: "accepted", inboxId: 7 });
    expect(res.headers.get("content-type")).toBe("application/json");
    expect(res.headers.get("cache-control")).toBe("no-store, no-transform");
    expect(await res.json()).toEqual({ status: "accepted", inboxId: 7 });
  });

  it("a large one may still be compressed", () => {
    const res = json({ rows: Array.from({ length: 100 }, (_, i) => ({ id: i, name: `Patient ${i}` })) }, 200);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("keeps the status and a cache policy the caller chose", () => {
    const res = json({ ok: true }, 201, { "cache-control": "private, max-age=60" });
    expect(res.status).toBe(201);
    expect(res.headers.get("cache-control")).toBe("private, max-age=60");
  });
});
