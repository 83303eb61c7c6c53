CREATE TYPE "public"."inbox_status" AS ENUM('pending', 'processing', 'done', 'failed');--> statement-breakpoint
CREATE TYPE "public"."message_direction" AS ENUM('inbound', 'outbound');--> statement-breakpoint
CREATE TYPE "public"."message_status" AS ENUM('received', 'queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'unknown');--> statement-breakpoint
CREATE TYPE "public"."escalation_kind" AS ENUM('emergency', 'urgent', 'question', 'symptom', 'handoff');--> statement-breakpoint
CREATE TYPE "public"."escalation_status" AS ENUM('open', 'acknowledged', 'resolved');--> statement-breakpoint
CREATE TABLE "webhook_inbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"event_key" text NOT NULL,
	"event" text NOT NULL,
	"sender_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" "inbox_status" DEFAULT 'pending' NOT NULL,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "messages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid,
	"phone" text NOT NULL,
	"direction" "message_direction" NOT NULL,
	"purpose" text NOT NULL,
	"type" text DEFAULT 'text' NOT NULL,
	"body" text,
	"media" jsonb,
	"external_id" text,
	"reply_to_external_id" text,
	"status" "message_status" NOT NULL,
	"error_code" text,
	"intent" text,
	"intent_source" text,
	"intent_confidence" real,
	"secondary_intents" jsonb,
	"reaction" text,
	"dedupe_key" text,
	"inbox_id" bigint,
	"sent_by_staff_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	"delivered_at" timestamp with time zone,
	"read_at" timestamp with time zone,
	"edited_at" timestamp with time zone,
	"revoked_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "escalations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid,
	"message_id" uuid,
	"kind" "escalation_kind" NOT NULL,
	"status" "escalation_status" DEFAULT 'open' NOT NULL,
	"signs" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"assigned_to_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone,
	"resolved_by_id" uuid,
	"resolution" text
);
--> statement-breakpoint
CREATE TABLE "unknown_senders" (
	"org_id" uuid NOT NULL,
	"phone" text NOT NULL,
	"last_replied_at" timestamp with time zone NOT NULL,
	CONSTRAINT "unknown_senders_org_id_phone_pk" PRIMARY KEY("org_id","phone")
);
--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "messages" ADD CONSTRAINT "messages_sent_by_staff_id_staff_users_id_fk" FOREIGN KEY ("sent_by_staff_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_assigned_to_id_staff_users_id_fk" FOREIGN KEY ("assigned_to_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "escalations" ADD CONSTRAINT "escalations_resolved_by_id_staff_users_id_fk" FOREIGN KEY ("resolved_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unknown_senders" ADD CONSTRAINT "unknown_senders_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "webhook_inbox_event_key_uq" ON "webhook_inbox" USING btree ("provider","event_key");--> statement-breakpoint
CREATE INDEX "webhook_inbox_open_idx" ON "webhook_inbox" USING btree ("sender_key","id") WHERE "webhook_inbox"."status" in ('pending', 'processing');--> statement-breakpoint
CREATE INDEX "webhook_inbox_open_received_idx" ON "webhook_inbox" USING btree ("created_at") WHERE "webhook_inbox"."status" in ('pending', 'processing');--> statement-breakpoint
CREATE INDEX "messages_org_patient_created_idx" ON "messages" USING btree ("org_id","patient_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "messages_org_external_uq" ON "messages" USING btree ("org_id","external_id") WHERE "messages"."external_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "messages_org_dedupe_uq" ON "messages" USING btree ("org_id","dedupe_key") WHERE "messages"."dedupe_key" is not null;--> statement-breakpoint
CREATE INDEX "messages_org_phone_created_idx" ON "messages" USING btree ("org_id","phone","created_at");--> statement-breakpoint
CREATE INDEX "escalations_org_status_idx" ON "escalations" USING btree ("org_id","status","kind","created_at");--> statement-breakpoint
CREATE INDEX "escalations_org_patient_idx" ON "escalations" USING btree ("org_id","patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "escalations_message_kind_uq" ON "escalations" USING btree ("message_id","kind") WHERE "escalations"."message_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "organisations_gowa_device_uq" ON "organisations" USING btree ("gowa_device_id");