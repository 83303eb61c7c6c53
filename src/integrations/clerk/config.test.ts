import { describe, expect, it } from "vitest";
import { clerkConfigFromEnv, frontendApiHost, parseAdminEmails } from "./config";

describe("frontendApiHost", () => {
  it("reads the Frontend API host out of test and live publishable keys", () => {
    const key = (host: string, kind = "test") => `pk_${kind}_${Buffer.from(`${host}$`).toString("base64")}`;
    expect(frontendApiHost(key("magical-marmoset-51.clerk.accounts.dev"))).toBe("magical-marmoset-51.clerk.accounts.dev");
    expect(frontendApiHost(key("clerk.careloop.example", "live"))).toBe("clerk.careloop.example");
  });
  it("refuses anything else, so nothing odd reaches the CSP", () => {
    expect(frontendApiHost("pk_test_benchmark")).toBeUndefined();
    expect(frontendApiHost(`pk_test_${Buffer.from("evil.example; script-src *$").toString("base64")}`)).toBeUndefined();
    expect(frontendApiHost("sk_test_abc")).toBeUndefined();
  });
});

describe("clerkConfigFromEnv", () => {
  it("is off without both keys", () => {
    expect(clerkConfigFromEnv({ CLERK_SECRET_KEY: "sk_test_x" })).toBeUndefined();
  });
  it("takes the PEM with escaped newlines and lower-cases ADMIN_EMAILS", () => {
    const config = clerkConfigFromEnv({
      CLERK_SECRET_KEY: "sk_test_x",
      NEXT_PUBLIC_CLERK_PUBLISHABLE_KEY: "pk_test_y",
      CLERK_JWT_KEY: "-----BEGIN PUBLIC KEY-----\\nABC\\n-----END PUBLIC KEY-----",
      ADMIN_EMAILS: " Boss@Clinic.test, ops@clinic.test ,,",
    });
    expect(config?.jwtKey).toBe("-----BEGIN PUBLIC KEY-----\nABC\n-----END PUBLIC KEY-----");
    expect(config?.adminEmails).toEqual(["boss@clinic.test", "ops@clinic.test"]);
  });
  it("parseAdminEmails ignores words that are not addresses", () => {
    expect(parseAdminEmails("a@b.test nobody")).toEqual(["a@b.test"]);
  });
});
