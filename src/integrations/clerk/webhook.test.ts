import { describe, expect, it } from "vitest";
import { toClerkUserProfile } from "./webhook";

// trimmed from Clerk's documented user.created sample payload
const sample = {
  id: "user_29w83sxmDNGwOuEthce5gg56FcC",
  username: null,
  first_name: "Example",
  last_name: "Example",
  primary_email_address_id: "idn_29w83yL7CwVlJXylYLxcslromF1",
  email_addresses: [
    { id: "idn_other", email_address: "old@example.org", object: "email_address", linked_to: [], verification: null },
    { id: "idn_29w83yL7CwVlJXylYLxcslromF1", email_address: "Example@Example.org", object: "email_address", linked_to: [], verification: null },
  ],
} as unknown as Parameters<typeof toClerkUserProfile>[0];

describe("toClerkUserProfile", () => {
  it("takes the primary email (lower-cased) and the full name", () => {
    expect(toClerkUserProfile(sample)).toEqual({ clerkId: "user_29w83sxmDNGwOuEthce5gg56FcC", email: "example@example.org", name: "Example Example" });
  });
  it("falls back to the username, then the email's local part, for a name", () => {
    expect(toClerkUserProfile({ ...sample, first_name: null, last_name: null, username: "siti" }).name).toBe("siti");
    expect(toClerkUserProfile({ ...sample, first_name: null, last_name: null }).name).toBe("example");
  });
  it("has no email when Clerk has none", () => {
    expect(toClerkUserProfile({ ...sample, email_addresses: [] }).email).toBeNull();
  });
});
