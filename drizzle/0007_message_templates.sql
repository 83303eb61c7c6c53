CREATE TABLE "message_templates" (
	"org_id" uuid NOT NULL,
	"key" text NOT NULL,
	"language" varchar(2) NOT NULL,
	"body" text NOT NULL,
	"updated_by_id" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "message_templates_org_id_key_language_pk" PRIMARY KEY("org_id","key","language")
);
--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_org_id_organisations_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."organisations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "message_templates" ADD CONSTRAINT "message_templates_updated_by_id_staff_users_id_fk" FOREIGN KEY ("updated_by_id") REFERENCES "public"."staff_users"("id") ON DELETE no action ON UPDATE no action;