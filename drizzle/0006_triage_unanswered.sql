ALTER TABLE "triage_sessions" ADD COLUMN "unanswered" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "triage_sessions" ADD COLUMN "misreads" real DEFAULT 0 NOT NULL;