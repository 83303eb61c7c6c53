import { z } from "zod";

export const STAFF_ROLES = ["ADMIN", "PHARMACIST", "VOLUNTEER"] as const;
export const STAFF_STATUSES = ["PENDING", "APPROVED", "REJECTED", "DISABLED"] as const;

export const devSignInBody = z.object({ email: z.email("must be an email address").max(254) });
export type DevSignInBody = z.infer<typeof devSignInBody>;

export const listStaffQuery = z.object({
  role: z.enum(STAFF_ROLES).optional(),
  status: z.enum(STAFF_STATUSES).optional(),
});
export type ListStaffQuery = z.infer<typeof listStaffQuery>;

/** What the API shows of a staff user (no external auth ids). */
export type StaffView = {
  id: string;
  email: string;
  name: string;
  role: (typeof STAFF_ROLES)[number];
  status: (typeof STAFF_STATUSES)[number];
  registrationNumber: string | null;
};
