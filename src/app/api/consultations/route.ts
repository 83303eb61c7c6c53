import { json, withStaff } from "@/lib/http";
import { createConsultationBody, listConsultationsQuery } from "@/services/consultation/consultation.schemas";
import { createConsultation, listConsultations } from "@/services/consultation/consultation.service";

export const dynamic = "force-dynamic";

export const GET = withStaff({ query: listConsultationsQuery }, async ({ query, staff, rt }) =>
  json(await listConsultations(rt, staff, query)),
);

export const POST = withStaff({ body: createConsultationBody, roles: ["PHARMACIST", "ADMIN"] }, async ({ body, staff, rt }) =>
  json(await createConsultation(rt, staff, body), 201),
);
