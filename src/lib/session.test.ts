import { describe, expect, it } from "vitest";
import { createSessionToken, readCookie, readSessionToken, sessionCookie } from "./session";

const SECRET = "a-secret-of-at-least-thirty-two-chars";

describe("session tokens", () => {
  it("round-trips the staff id while unexpired", () => {
    const token = createSessionToken("staff-1", SECRET, 1_000_000);
    expect(readSessionToken(token, SECRET, 1_000_000 + 60_000)).toBe("staff-1");
  });

  it("rejects an expired token", () => {
    const token = createSessionToken("staff-1", SECRET, 0, 60);
    expect(readSessionToken(token, SECRET, 61_000)).toBeNull();
  });

  it("rejects a token signed with another secret or with a changed payload", () => {
    const token = createSessionToken("staff-1", SECRET);
    expect(readSessionToken(token, `${SECRET}x`)).toBeNull();
    const [, signature] = token.split(".");
    const forged = `${Buffer.from(JSON.stringify({ sub: "admin", exp: 9e9 })).toString("base64url")}.${signature}`;
    expect(readSessionToken(forged, SECRET)).toBeNull();
  });

  it("rejects garbage", () => {
    for (const bad of ["", "abc", "a.b.c", ".", undefined]) expect(readSessionToken(bad, SECRET)).toBeNull();
  });

  it("sets an httpOnly cookie, Secure when asked", () => {
    expect(sessionCookie("t", { secure: false })).toMatch(/HttpOnly/);
    expect(sessionCookie("t", { secure: true })).toMatch(/; Secure$/);
  });

  it("reads one cookie from a header with several", () => {
    expect(readCookie("a=1; careloop_session=xyz; b=2", "careloop_session")).toBe("xyz");
    expect(readCookie(null, "careloop_session")).toBeUndefined();
  });
});
