import { z } from "zod";
import { LOCALES } from "@/lib/i18n/locales";

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
  /** The language of the staff interface for this user. */
  locale: (typeof LOCALES)[number];
};

/** What signed-in staff change about themselves (`PATCH /api/me`). */
export const updateMeBody = z.strictObject({
  locale: z.enum(LOCALES, `must be one of: ${LOCALES.join(", ")}`),
});
export type UpdateMeBody = z.infer<typeof updateMeBody>;

export const staffIdParams = z.object({ id: z.uuid("must be a staff user id") });
export type StaffIdParams = z.infer<typeof staffIdParams>;

/** An admin's change to a staff user. `null` clears an optional field; an omitted one stays. */
export const updateStaffBody = z.strictObject({
  role: z.enum(STAFF_ROLES),
  registrationNumber: z.string().trim().min(1, "must not be empty").max(64).nullable().optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+[1-9]\d{7,14}$/, "must be an international number like +6281234567890")
    .nullable()
    .optional(),
});
export type UpdateStaffBody = z.infer<typeof updateStaffBody>;

/** What the admin user list shows: the staff view plus contact and sign-up details. */
export type AdminStaffView = StaffView & {
  phone: string | null;
  /** Whether the account is linked to a Clerk user (has signed up through Clerk). */
  linked: boolean;
  createdAt: string;
};
