import { z } from "zod";

export const sendMessageBody = z.object({
  text: z.string().trim().min(1, "must not be empty").max(4000, "must have at most 4000 characters"),
});
export type SendMessageBody = z.infer<typeof sendMessageBody>;

export const listMessagesQuery = z.object({
  limit: z.coerce.number().int("must be a whole number").min(1).max(200).default(50),
  before: z.iso.datetime({ offset: true, message: "must be an ISO date-time" }).optional(),
});
export type ListMessagesQuery = z.infer<typeof listMessagesQuery>;

export type MessageView = {
  id: string;
  direction: "inbound" | "outbound";
  purpose: string;
  type: string;
  body: string | null;
  status: string;
  errorCode: string | null;
  intent: string | null;
  intentSource: string | null;
  intentConfidence: number | null;
  reaction: string | null;
  replyToExternalId: string | null;
  sentByStaffId: string | null;
  createdAt: string;
  deliveredAt: string | null;
  readAt: string | null;
  editedAt: string | null;
  revokedAt: string | null;
};

export const listEscalationsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const aiUsageQuery = z.object({ days: z.coerce.number().int("must be a whole number").min(1).max(365).default(30) });

export const escalationIdParams = z.object({ id: z.uuid("must be an escalation id") });
export const resolveEscalationBody = z.object({
  resolution: z.string().trim().max(2000, "must have at most 2000 characters").nullable().optional(),
});
