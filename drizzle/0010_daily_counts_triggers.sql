-- Custom SQL migration file, put your code below! --
-- Written by hand (drizzle-kit generate --custom): triggers and a backfill are beyond the schema DSL.
--
-- The dashboard reads delivery_daily_counts (today's figures, the 30-day chart) and
-- patient_window_counts (30-day figures per patient) instead of aggregating millions of deliveries.
-- Both are kept by triggers, in the transaction of the change itself, so every writer is covered:
-- the dispatcher, replies, the window closing, bulk SQL and code not written yet. Why it stays right:
-- * every change counts as "minus the old row, plus the new row", so a state changing twice (not
--   taken, then confirmed) or going back (sending -> queued) nets out;
-- * days are the organisation's local days, computed from its time zone in the same transaction;
--   changing the time zone recounts that organisation's days;
-- * a delivery counts under its patient's current volunteer; moving a patient moves all of its
--   counts in the same transaction. A per-organisation advisory lock orders the two: changes take it
--   shared (they never wait for each other), moving a patient takes it exclusively, so it sees every
--   change that counted under the old volunteer and every later change sees the new one;
-- * upserts lock count rows in key order, so concurrent writers cannot deadlock on them.
-- Statements that change nothing counted (claims queued -> sending, leases, nudges) return at once.

-- A patient's deliveries always count in the same one of eight rows per day and volunteer.
CREATE FUNCTION delivery_counts_shard(patient_id uuid) RETURNS smallint
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (hashtext(patient_id::text) & 7)::smallint $$;
--> statement-breakpoint

-- The statement adding `changes` to delivery_daily_counts; `changes` is a query with the columns
-- (sign, org_id, patient_id, volunteer_id, scheduled_at, sent_at, state, confirmation). A delivery
-- counts on the local day it is scheduled (by state) and on the local day it was sent.
CREATE FUNCTION delivery_counts_upsert_sql(changes text) RETURNS text
  LANGUAGE sql IMMUTABLE
  AS $fn$ SELECT format($q$
    WITH c AS (%s),
    contributions AS (
      SELECT c.org_id, c.volunteer_id, (c.scheduled_at AT TIME ZONE o.timezone)::date AS day, delivery_counts_shard(c.patient_id) AS shard,
        c.sign AS scheduled,
        c.sign * (c.state IN ('queued', 'sending'))::int AS queued,
        c.sign * (c.sent_at IS NOT NULL)::int AS sent,
        c.sign * (c.confirmation = 'confirmed')::int AS confirmed,
        c.sign * (c.confirmation = 'not_taken')::int AS not_taken,
        c.sign * (c.confirmation = 'missed')::int AS missed,
        c.sign * (c.state = 'failed')::int AS failed,
        c.sign * (c.state = 'unknown')::int AS unknown,
        c.sign * (c.state = 'skipped')::int AS skipped,
        0 AS sent_on_day,
        0 AS confirmed_of_sent_on_day
      FROM c JOIN organisations o ON o.id = c.org_id
      UNION ALL
      SELECT c.org_id, c.volunteer_id, (c.sent_at AT TIME ZONE o.timezone)::date, delivery_counts_shard(c.patient_id),
        0, 0, 0, 0, 0, 0, 0, 0, 0, c.sign, c.sign * (c.confirmation = 'confirmed')::int
      FROM c JOIN organisations o ON o.id = c.org_id
      WHERE c.sent_at IS NOT NULL
    )
    INSERT INTO delivery_daily_counts AS t (org_id, volunteer_id, day, shard, scheduled, queued, sent, confirmed, not_taken, missed, failed, unknown, skipped, sent_on_day, confirmed_of_sent_on_day)
    SELECT org_id, volunteer_id, day, shard, sum(scheduled), sum(queued), sum(sent), sum(confirmed), sum(not_taken), sum(missed), sum(failed), sum(unknown), sum(skipped), sum(sent_on_day), sum(confirmed_of_sent_on_day)
    FROM contributions
    GROUP BY org_id, day, volunteer_id, shard
    HAVING (sum(scheduled), sum(queued), sum(sent), sum(confirmed), sum(not_taken), sum(missed), sum(failed), sum(unknown), sum(skipped), sum(sent_on_day), sum(confirmed_of_sent_on_day))
      <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
    ORDER BY org_id, day, volunteer_id, shard
    ON CONFLICT (org_id, day, volunteer_id, shard) DO UPDATE SET
      scheduled = t.scheduled + excluded.scheduled,
      queued = t.queued + excluded.queued,
      sent = t.sent + excluded.sent,
      confirmed = t.confirmed + excluded.confirmed,
      not_taken = t.not_taken + excluded.not_taken,
      missed = t.missed + excluded.missed,
      failed = t.failed + excluded.failed,
      unknown = t.unknown + excluded.unknown,
      skipped = t.skipped + excluded.skipped,
      sent_on_day = t.sent_on_day + excluded.sent_on_day,
      confirmed_of_sent_on_day = t.confirmed_of_sent_on_day + excluded.confirmed_of_sent_on_day
  $q$, changes) $fn$;
--> statement-breakpoint

-- After each INSERT, UPDATE or DELETE statement on deliveries (transition tables new_rows, old_rows).
CREATE FUNCTION delivery_counts_on_change() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
DECLARE
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT 1 AS sign, * FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT -1 AS sign, * FROM old_rows'
    ELSE 'SELECT 1 AS sign, * FROM new_rows UNION ALL SELECT -1 AS sign, * FROM old_rows'
  END;
  counted boolean;
BEGIN
  -- anything the counts look at, net of the statement?
  EXECUTE format($q$SELECT EXISTS (SELECT FROM (%s) c
    GROUP BY org_id, patient_id, scheduled_at, sent_at, confirmation,
      CASE WHEN state IN ('queued', 'sending') THEN 'queued' WHEN state IN ('failed', 'unknown', 'skipped') THEN state::text END
    HAVING sum(sign) <> 0)$q$, changes) INTO counted;
  IF NOT counted THEN
    RETURN NULL;
  END IF;
  -- shared: see delivery_counts_on_reassign; in organisation order, as every writer takes them
  EXECUTE format('SELECT pg_advisory_xact_lock_shared(727301, hashtext(o.org_id::text)) FROM (SELECT DISTINCT org_id FROM (%s) c ORDER BY org_id) o', changes);
  EXECUTE delivery_counts_upsert_sql(format(
    'SELECT c.sign, c.org_id, c.patient_id, p.assigned_volunteer_id AS volunteer_id, c.scheduled_at, c.sent_at, c.state, c.confirmation
     FROM (%s) c JOIN patients p ON p.id = c.patient_id', changes));
  -- per patient: sent and confirmed among deliveries scheduled since the patient's window start
  EXECUTE format($q$
    WITH d AS (
      SELECT org_id, patient_id, scheduled_at,
        sum(sign * (sent_at IS NOT NULL)::int) AS sent, sum(sign * (confirmation = 'confirmed')::int) AS confirmed
      FROM (%s) c
      GROUP BY org_id, patient_id, scheduled_at
      HAVING (sum(sign * (sent_at IS NOT NULL)::int), sum(sign * (confirmation = 'confirmed')::int)) <> (0, 0)
    ),
    -- a patient counted for the first time: its window is counted when the dashboard first asks
    first_counted AS (
      INSERT INTO patient_window_counts (patient_id, org_id)
      SELECT DISTINCT patient_id, org_id FROM d ORDER BY patient_id
      ON CONFLICT (patient_id) DO NOTHING
    )
    UPDATE patient_window_counts w
    SET (sent, confirmed) = (
      SELECT w.sent + sum(d.sent), w.confirmed + sum(d.confirmed) FROM d WHERE d.patient_id = w.patient_id AND d.scheduled_at >= w.window_start
    )
    WHERE EXISTS (SELECT FROM d WHERE d.patient_id = w.patient_id AND d.scheduled_at >= w.window_start)
  $q$, changes);
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

-- A patient moved to another volunteer (or none): all of its deliveries move with it.
CREATE FUNCTION delivery_counts_on_reassign() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  -- waits for every transaction that counted this organisation's deliveries under the old volunteer;
  -- changes after this one wait for it and then read the new volunteer
  PERFORM pg_advisory_xact_lock(727301, hashtext(NEW.org_id::text));
  EXECUTE delivery_counts_upsert_sql(
    'SELECT m.sign, d.org_id, d.patient_id, m.volunteer_id, d.scheduled_at, d.sent_at, d.state, d.confirmation
     FROM deliveries d CROSS JOIN (VALUES (-1, $1::uuid), (1, $2::uuid)) AS m (sign, volunteer_id)
     WHERE d.org_id = $3 AND d.patient_id = $4')
    USING OLD.assigned_volunteer_id, NEW.assigned_volunteer_id, NEW.org_id, NEW.id;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

-- An organisation's days are local days: a new time zone recounts them.
CREATE FUNCTION delivery_counts_on_timezone() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  PERFORM pg_advisory_xact_lock(727301, hashtext(NEW.id::text));
  DELETE FROM delivery_daily_counts WHERE org_id = NEW.id;
  EXECUTE delivery_counts_upsert_sql(
    'SELECT 1 AS sign, d.org_id, d.patient_id, p.assigned_volunteer_id AS volunteer_id, d.scheduled_at, d.sent_at, d.state, d.confirmation
     FROM deliveries d JOIN patients p ON p.id = d.patient_id
     WHERE d.org_id = $1')
    USING NEW.id;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

CREATE FUNCTION delivery_counts_on_truncate() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  TRUNCATE delivery_daily_counts, patient_window_counts;
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

CREATE TRIGGER delivery_counts_insert AFTER INSERT ON deliveries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_counts_on_change();
--> statement-breakpoint
CREATE TRIGGER delivery_counts_update AFTER UPDATE ON deliveries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_counts_on_change();
--> statement-breakpoint
CREATE TRIGGER delivery_counts_delete AFTER DELETE ON deliveries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_counts_on_change();
--> statement-breakpoint
CREATE TRIGGER delivery_counts_truncate AFTER TRUNCATE ON deliveries
  FOR EACH STATEMENT EXECUTE FUNCTION delivery_counts_on_truncate();
--> statement-breakpoint
CREATE TRIGGER delivery_counts_reassign AFTER UPDATE OF assigned_volunteer_id ON patients
  FOR EACH ROW WHEN (OLD.assigned_volunteer_id IS DISTINCT FROM NEW.assigned_volunteer_id) EXECUTE FUNCTION delivery_counts_on_reassign();
--> statement-breakpoint
CREATE TRIGGER delivery_counts_timezone AFTER UPDATE OF timezone ON organisations
  FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION delivery_counts_on_timezone();
--> statement-breakpoint

-- Backfill, after the triggers: CREATE TRIGGER holds off writers to deliveries until this migration
-- commits, so nothing is counted twice or missed. Windows are counted on the dashboard's first visit.
DO $$
BEGIN
  EXECUTE delivery_counts_upsert_sql(
    'SELECT 1 AS sign, d.org_id, d.patient_id, p.assigned_volunteer_id AS volunteer_id, d.scheduled_at, d.sent_at, d.state, d.confirmation
     FROM deliveries d JOIN patients p ON p.id = d.patient_id');
END
$$;
--> statement-breakpoint
INSERT INTO patient_window_counts (patient_id, org_id)
SELECT DISTINCT patient_id, org_id FROM deliveries WHERE sent_at IS NOT NULL OR confirmation = 'confirmed'
ON CONFLICT (patient_id) DO NOTHING;
