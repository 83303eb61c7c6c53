CREATE TYPE "public"."triage_status" AS ENUM('active', 'completed', 'abandoned', 'escalated', 'stopped');--> statement-breakpoint
CREATE TYPE "public"."consultation_status" AS ENUM('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SUBMITTED', 'REJECTED');--> statement-breakpoint
CREATE TYPE "public"."follow_up_state" AS ENUM('scheduled', 'sent', 'answered', 'expired', 'cancelled');--> statement-breakpoint
CREATE TABLE "triage_sessions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"status" "triage_status" DEFAULT 'active' NOT NULL,
	"condition" text,
	"findings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"pending_question" text,
	"age" real,
	"sex" text,
	"pregnant" boolean,
	"outcome" text,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_by_message_id" uuid,
	"last_asked_at" timestamp with time zone,
	"reminder_sent_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consultations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"triage_session_id" uuid,
	"condition" text NOT NULL,
	"findings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"age" real,
	"sex" text,
	"pregnant" boolean,
	"outcome" text NOT NULL,
	"reasons" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"red_flags" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"treatment_proposed" text,
	"advice" text,
	"status" "consultation_status" DEFAULT 'DRAFT' NOT NULL,
	"pharmacist_id" uuid,
	"rejection_reason" text,
	"approved_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"follow_up_answer" text,
	"follow_up_answered_at" timestamp with time zone,
	"created_by_id" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "follow_ups" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"consultation_id" uuid NOT NULL,
	"patient_id" uuid NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"state" "follow_up_state" DEFAULT 'scheduled' NOT NULL,
	"sent_at" timestamp with time zone,
	"answer" text,
	"answered_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "triage_sessions" ADD CONSTRAINT "triage_sessions_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "triage_sessions" ADD CONSTRAINT "triage_sessions_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_triage_session_id_triage_sessions_id_fk" FOREIGN KEY ("triage_session_id") REFERENCES "public"."triage_sessions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_pharmacist_id_staff_users_id_fk" FOREIGN KEY ("pharmacist_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consultations" ADD CONSTRAINT "consultations_created_by_id_staff_users_id_fk" FOREIGN KEY ("created_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_consultation_id_consultations_id_fk" FOREIGN KEY ("consultation_id") REFERENCES "public"."consultations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "follow_ups" ADD CONSTRAINT "follow_ups_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "triage_sessions_active_uq" ON "triage_sessions" USING btree ("org_id","patient_id") WHERE "triage_sessions"."status" = 'active';--> statement-breakpoint
CREATE INDEX "triage_sessions_waiting_idx" ON "triage_sessions" USING btree ("last_asked_at") WHERE "triage_sessions"."status" = 'active';--> statement-breakpoint
CREATE UNIQUE INDEX "consultations_triage_uq" ON "consultations" USING btree ("triage_session_id");--> statement-breakpoint
CREATE INDEX "consultations_org_status_idx" ON "consultations" USING btree ("org_id","status","created_at");--> statement-breakpoint
CREATE INDEX "consultations_org_patient_idx" ON "consultations" USING btree ("org_id","patient_id");--> statement-breakpoint
CREATE UNIQUE INDEX "follow_ups_consultation_uq" ON "follow_ups" USING btree ("consultation_id");--> statement-breakpoint
CREATE INDEX "follow_ups_due_idx" ON "follow_ups" USING btree ("due_at") WHERE "follow_ups"."state" = 'scheduled';--> statement-breakpoint
CREATE INDEX "follow_ups_org_patient_idx" ON "follow_ups" USING btree ("org_id","patient_id","sent_at");