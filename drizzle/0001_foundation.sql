CREATE TYPE "public"."staff_role" AS ENUM('ADMIN', 'PHARMACIST', 'VOLUNTEER');--> statement-breakpoint
CREATE TYPE "public"."staff_status" AS ENUM('PENDING', 'APPROVED', 'REJECTED', 'DISABLED');--> statement-breakpoint
CREATE TYPE "public"."sex" AS ENUM('female', 'male');--> statement-breakpoint
CREATE TYPE "public"."verification_status" AS ENUM('PENDING', 'VERIFIED', 'DECLINED', 'EXPIRED');--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"name" text NOT NULL,
	"country" varchar(2) NOT NULL,
	"timezone" text NOT NULL,
	"language" varchar(2) NOT NULL,
	"emergency_number" text NOT NULL,
	"gowa_device_id" text,
	"quiet_hours_start" varchar(5) DEFAULT '21:00' NOT NULL,
	"quiet_hours_end" varchar(5) DEFAULT '06:00' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "staff_users" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"email" text NOT NULL,
	"name" text NOT NULL,
	"role" "staff_role" DEFAULT 'VOLUNTEER' NOT NULL,
	"status" "staff_status" DEFAULT 'PENDING' NOT NULL,
	"registration_number" text,
	"phone" text,
	"external_auth_id" text,
	"locale" varchar(2) DEFAULT 'id' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patients" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" uuid NOT NULL,
	"name" text NOT NULL,
	"phone" text NOT NULL,
	"date_of_birth" date,
	"sex" "sex",
	"language" varchar(2) NOT NULL,
	"timezone" text NOT NULL,
	"assigned_volunteer_id" uuid,
	"verification_status" "verification_status" DEFAULT 'PENDING' NOT NULL,
	"verification_sent_at" timestamp with time zone,
	"verification_send_count" smallint DEFAULT 0 NOT NULL,
	"verified_at" timestamp with time zone,
	"consent_whatsapp" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"unsubscribed_at" timestamp with time zone,
	"automation_paused_at" timestamp with time zone,
	"notes" text,
	"deleted_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"actor_id" uuid,
	"actor_type" text NOT NULL,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text NOT NULL,
	"metadata" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "staff_users" ADD CONSTRAINT "staff_users_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patients" ADD CONSTRAINT "patients_assigned_volunteer_id_staff_users_id_fk" FOREIGN KEY ("assigned_volunteer_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_email_uq" ON "staff_users" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "staff_users_external_auth_id_uq" ON "staff_users" USING btree ("external_auth_id");--> statement-breakpoint
CREATE INDEX "staff_users_org_role_idx" ON "staff_users" USING btree ("org_id","role");--> statement-breakpoint
CREATE UNIQUE INDEX "patients_org_phone_uq" ON "patients" USING btree ("org_id","phone") WHERE "patients"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "patients_org_name_idx" ON "patients" USING btree ("org_id","name","id") WHERE "patients"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "patients_org_volunteer_name_idx" ON "patients" USING btree ("org_id","assigned_volunteer_id","name","id") WHERE "patients"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "patients_name_trgm_idx" ON "patients" USING gin ("name" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "patients_phone_trgm_idx" ON "patients" USING gin ("phone" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "patients_phone_idx" ON "patients" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("org_id","entity_type","entity_id","created_at");