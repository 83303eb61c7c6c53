CREATE TYPE "public"."reminder_status" AS ENUM('active', 'paused');--> statement-breakpoint
CREATE TYPE "public"."reminder_type" AS ENUM('medication', 'appointment', 'general');--> statement-breakpoint
CREATE TYPE "public"."confirmation_state" AS ENUM('pending', 'confirmed', 'not_taken', 'missed');--> statement-breakpoint
CREATE TYPE "public"."delivery_state" AS ENUM('queued', 'sending', 'sent', 'delivered', 'read', 'failed', 'skipped', 'unknown');--> statement-breakpoint
CREATE TABLE "reminders" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"type" "reminder_type" NOT NULL,
	"medicine_name" text,
	"dose" text,
	"appointment_place" text,
	"message" text,
	"schedule" jsonb NOT NULL,
	"timezone" text NOT NULL,
	"status" "reminder_status" DEFAULT 'active' NOT NULL,
	"next_due_at" timestamp with time zone,
	"created_by_id" uuid,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "deliveries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"reminder_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"scheduled_at" timestamp with time zone NOT NULL,
	"state" "delivery_state" DEFAULT 'queued' NOT NULL,
	"skip_reason" text,
	"attempts" smallint DEFAULT 0 NOT NULL,
	"last_error" text,
	"locked_until" timestamp with time zone,
	"message_id" uuid,
	"external_id" text,
	"sent_at" timestamp with time zone,
	"confirmation" "confirmation_state" DEFAULT 'pending' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"nudge_due_at" timestamp with time zone,
	"nudge_sent_at" timestamp with time zone,
	"window_ends_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reminders" ADD CONSTRAINT "reminders_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_reminder_id_reminders_id_fk" FOREIGN KEY ("reminder_id") REFERENCES "public"."reminders"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "deliveries" ADD CONSTRAINT "deliveries_message_id_messages_id_fk" FOREIGN KEY ("message_id") REFERENCES "public"."messages"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminders_due_idx" ON "reminders" USING btree ("next_due_at") WHERE "reminders"."status" = 'active' and "reminders"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "reminders_org_patient_idx" ON "reminders" USING btree ("org_id","patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "deliveries_reminder_scheduled_uq" ON "deliveries" USING btree ("reminder_id","scheduled_at");--> statement-breakpoint
CREATE INDEX "deliveries_queued_idx" ON "deliveries" USING btree ("scheduled_at") WHERE "deliveries"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "deliveries_org_external_idx" ON "deliveries" USING btree ("org_id","external_id");--> statement-breakpoint
CREATE INDEX "deliveries_org_patient_sent_idx" ON "deliveries" USING btree ("org_id","patient_id","sent_at");--> statement-breakpoint
CREATE INDEX "deliveries_pending_idx" ON "deliveries" USING btree ("window_ends_at") WHERE "deliveries"."confirmation" = 'pending' and "deliveries"."sent_at" is not null;