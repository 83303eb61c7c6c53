CREATE TABLE "delivery_daily_counts" (
	"org_id" uuid NOT NULL,
	"volunteer_id" uuid,
	"day" date NOT NULL,
	"shard" smallint NOT NULL,
	"scheduled" integer DEFAULT 0 NOT NULL,
	"queued" integer DEFAULT 0 NOT NULL,
	"sent" integer DEFAULT 0 NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL,
	"not_taken" integer DEFAULT 0 NOT NULL,
	"missed" integer DEFAULT 0 NOT NULL,
	"failed" integer DEFAULT 0 NOT NULL,
	"unknown" integer DEFAULT 0 NOT NULL,
	"skipped" integer DEFAULT 0 NOT NULL,
	"sent_on_day" integer DEFAULT 0 NOT NULL,
	"confirmed_of_sent_on_day" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "delivery_daily_counts_key" UNIQUE NULLS NOT DISTINCT("org_id","day","volunteer_id","shard")
);
--> statement-breakpoint
CREATE TABLE "patient_window_counts" (
	"patient_id" uuid PRIMARY KEY NOT NULL,
	"org_id" uuid NOT NULL,
	"window_start" timestamp with time zone,
	"sent" integer DEFAULT 0 NOT NULL,
	"confirmed" integer DEFAULT 0 NOT NULL,
	"low" boolean GENERATED ALWAYS AS (sent >= 3 and confirmed * 2 < sent) STORED
);
--> statement-breakpoint
ALTER TABLE "delivery_daily_counts" ADD CONSTRAINT "delivery_daily_counts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_window_counts" ADD CONSTRAINT "patient_window_counts_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "patient_window_counts" ADD CONSTRAINT "patient_window_counts_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "delivery_daily_counts_volunteer_idx" ON "delivery_daily_counts" USING btree ("org_id","volunteer_id","day");--> statement-breakpoint
CREATE INDEX "patient_window_counts_org_window_idx" ON "patient_window_counts" USING btree ("org_id","window_start");--> statement-breakpoint
CREATE INDEX "patient_window_counts_low_idx" ON "patient_window_counts" USING btree ("org_id","window_start") WHERE "patient_window_counts"."low";--> statement-breakpoint
CREATE INDEX "patients_org_unverified_idx" ON "patients" USING btree ("org_id","assigned_volunteer_id") WHERE "patients"."verification_status" <> 'VERIFIED' and "patients"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "deliveries_org_unknown_idx" ON "deliveries" USING btree ("org_id","scheduled_at") WHERE "deliveries"."state" = 'unknown';