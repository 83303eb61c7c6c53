import { json, withStaff } from "@/lib/http";
import { getThread, sendStaffMessage } from "@/services/messaging/conversation.service";
import { listMessagesQuery, sendMessageBody } from "@/services/messaging/messaging.schemas";
import { patientIdParams } from "@/services/patient/patient.schemas";

export const dynamic = "force-dynamic";

export const GET = withStaff({ params: patientIdParams, query: listMessagesQuery }, async ({ params, query, staff, rt }) =>
  json(await getThread(rt, staff, params.id, query)),
);

export const POST = withStaff({ params: patientIdParams, body: sendMessageBody }, async ({ params, body, staff, rt }) =>
  json(await sendStaffMessage(rt, staff, params.id, body), 201),
);
