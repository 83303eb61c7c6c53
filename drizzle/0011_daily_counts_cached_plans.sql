-- Custom SQL migration file, put your code below! --
-- Written by hand (drizzle-kit generate --custom). The triggers of 0010, with the same rules (see
-- the comment there), as static statements whose plans each connection caches. 0010 built its
-- statements as text around the transition tables and planned them on every call, and its window
-- update scanned every patient's row: a counted change cost ~3-25 ms, and bench:dispatch fell from
-- ~800 to ~300 messages a second. Each trigger now hands its statement's net changes, as an array,
-- to one function that applies them.

DROP TRIGGER delivery_counts_insert ON deliveries;
--> statement-breakpoint
DROP TRIGGER delivery_counts_update ON deliveries;
--> statement-breakpoint
DROP TRIGGER delivery_counts_delete ON deliveries;
--> statement-breakpoint
DROP TRIGGER delivery_counts_reassign ON patients;
--> statement-breakpoint
DROP TRIGGER delivery_counts_timezone ON organisations;
--> statement-breakpoint
DROP FUNCTION delivery_counts_on_change();
--> statement-breakpoint
DROP FUNCTION delivery_counts_on_reassign();
--> statement-breakpoint
DROP FUNCTION delivery_counts_on_timezone();
--> statement-breakpoint
DROP FUNCTION delivery_counts_upsert_sql(text);
--> statement-breakpoint

-- One delivery's part in a change: +1 for the row as it is now, -1 for the row as it was.
CREATE TYPE delivery_count_change AS (
  sign integer,
  org_id uuid,
  volunteer_id uuid,
  patient_id uuid,
  scheduled_at timestamptz,
  sent_at timestamptz,
  state delivery_state,
  confirmation confirmation_state
);
--> statement-breakpoint

-- Adds changes (volunteers given) to delivery_daily_counts: a delivery counts on the local day it is
-- scheduled (by state) and on the local day it was sent. Rows are locked in key order.
CREATE FUNCTION delivery_counts_add(changes delivery_count_change[]) RETURNS void
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  WITH c AS (
    SELECT u.*, o.timezone FROM unnest(changes) u JOIN organisations o ON o.id = u.org_id
  ),
  contributions AS (
    SELECT c.org_id, c.volunteer_id, (c.scheduled_at AT TIME ZONE c.timezone)::date AS day, delivery_counts_shard(c.patient_id) AS shard,
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
    FROM c
    UNION ALL
    SELECT c.org_id, c.volunteer_id, (c.sent_at AT TIME ZONE c.timezone)::date, delivery_counts_shard(c.patient_id),
      0, 0, 0, 0, 0, 0, 0, 0, 0, c.sign, c.sign * (c.confirmation = 'confirmed')::int
    FROM c
    WHERE c.sent_at IS NOT NULL
  )
  INSERT INTO delivery_daily_counts AS t (org_id, volunteer_id, day, shard, scheduled, queued, sent, confirmed, not_taken, missed, failed, unknown, skipped, sent_on_day, confirmed_of_sent_on_day)
  SELECT x.org_id, x.volunteer_id, x.day, x.shard, sum(x.scheduled), sum(x.queued), sum(x.sent), sum(x.confirmed), sum(x.not_taken), sum(x.missed),
    sum(x.failed), sum(x.unknown), sum(x.skipped), sum(x.sent_on_day), sum(x.confirmed_of_sent_on_day)
  FROM contributions x
  GROUP BY x.org_id, x.day, x.volunteer_id, x.shard
  HAVING (sum(x.scheduled), sum(x.queued), sum(x.sent), sum(x.confirmed), sum(x.not_taken), sum(x.missed), sum(x.failed), sum(x.unknown), sum(x.skipped),
    sum(x.sent_on_day), sum(x.confirmed_of_sent_on_day)) <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
  ORDER BY x.org_id, x.day, x.volunteer_id, x.shard
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
    confirmed_of_sent_on_day = t.confirmed_of_sent_on_day + excluded.confirmed_of_sent_on_day;
END
$fn$;
--> statement-breakpoint

-- A statement's net changes to deliveries (volunteers not yet read): the daily counts under each
-- patient's current volunteer, and each patient's window counts.
CREATE FUNCTION delivery_counts_apply(changes delivery_count_change[]) RETURNS void
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  IF cardinality(changes) = 0 THEN
    RETURN;
  END IF;
  -- shared, in organisation order: see delivery_counts_on_reassign
  PERFORM pg_advisory_xact_lock_shared(727301, hashtext(o.org_id::text))
  FROM (SELECT DISTINCT u.org_id FROM unnest(changes) u ORDER BY u.org_id) o;
  PERFORM delivery_counts_add(array(
    SELECT (u.sign, u.org_id, p.assigned_volunteer_id, u.patient_id, u.scheduled_at, u.sent_at, u.state, u.confirmation)::delivery_count_change
    FROM unnest(changes) u JOIN patients p ON p.id = u.patient_id));
  -- per patient: sent and confirmed among deliveries scheduled since the patient's window start
  WITH d AS (
    SELECT u.org_id, u.patient_id, u.scheduled_at,
      sum(u.sign * (u.sent_at IS NOT NULL)::int) AS sent, sum(u.sign * (u.confirmation = 'confirmed')::int) AS confirmed
    FROM unnest(changes) u
    GROUP BY u.org_id, u.patient_id, u.scheduled_at
    HAVING (sum(u.sign * (u.sent_at IS NOT NULL)::int), sum(u.sign * (u.confirmation = 'confirmed')::int)) <> (0, 0)
  ),
  -- a patient counted for the first time: its window is counted when the dashboard first asks
  first_counted AS (
    INSERT INTO patient_window_counts (patient_id, org_id)
    SELECT DISTINCT d.patient_id, d.org_id FROM d ORDER BY d.patient_id
    ON CONFLICT (patient_id) DO NOTHING
  )
  UPDATE patient_window_counts w
  SET (sent, confirmed) = (
    SELECT w.sent + sum(d.sent), w.confirmed + sum(d.confirmed) FROM d WHERE d.patient_id = w.patient_id AND d.scheduled_at >= w.window_start
  )
  WHERE w.patient_id IN (SELECT d.patient_id FROM d)
    AND EXISTS (SELECT FROM d WHERE d.patient_id = w.patient_id AND d.scheduled_at >= w.window_start);
END
$fn$;
--> statement-breakpoint

CREATE FUNCTION delivery_counts_on_insert() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  PERFORM delivery_counts_apply(array(
    SELECT (1, n.org_id, NULL, n.patient_id, n.scheduled_at, n.sent_at, n.state, n.confirmation)::delivery_count_change FROM new_rows n));
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

CREATE FUNCTION delivery_counts_on_delete() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  PERFORM delivery_counts_apply(array(
    SELECT (-1, o.org_id, NULL, o.patient_id, o.scheduled_at, o.sent_at, o.state, o.confirmation)::delivery_count_change FROM old_rows o));
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

-- Net of the statement, in what the counts look at: claims (queued -> sending), leases and nudges
-- change none of it and end here with an empty array.
CREATE FUNCTION delivery_counts_on_update() RETURNS trigger
  LANGUAGE plpgsql
  AS $fn$
BEGIN
  PERFORM delivery_counts_apply(array(
    SELECT (sum(c.sign)::int, c.org_id, NULL, c.patient_id, c.scheduled_at, c.sent_at, min(c.state), c.confirmation)::delivery_count_change
    FROM (
      SELECT 1 AS sign, n.org_id, n.patient_id, n.scheduled_at, n.sent_at, n.state, n.confirmation FROM new_rows n
      UNION ALL
      SELECT -1, o.org_id, o.patient_id, o.scheduled_at, o.sent_at, o.state, o.confirmation FROM old_rows o
    ) c
    GROUP BY c.org_id, c.patient_id, c.scheduled_at, c.sent_at, c.confirmation,
      CASE WHEN c.state IN ('queued', 'sending') THEN 'queued' WHEN c.state IN ('failed', 'unknown', 'skipped') THEN c.state::text END
    HAVING sum(c.sign) <> 0));
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
  PERFORM delivery_counts_add(array(
    SELECT (m.sign, d.org_id, m.volunteer_id, d.patient_id, d.scheduled_at, d.sent_at, d.state, d.confirmation)::delivery_count_change
    FROM deliveries d CROSS JOIN (VALUES (-1, OLD.assigned_volunteer_id), (1, NEW.assigned_volunteer_id)) AS m (sign, volunteer_id)
    WHERE d.org_id = NEW.org_id AND d.patient_id = NEW.id));
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
  PERFORM delivery_counts_add(array(
    SELECT (1, d.org_id, p.assigned_volunteer_id, d.patient_id, d.scheduled_at, d.sent_at, d.state, d.confirmation)::delivery_count_change
    FROM deliveries d JOIN patients p ON p.id = d.patient_id
    WHERE d.org_id = NEW.id));
  RETURN NULL;
END
$fn$;
--> statement-breakpoint

CREATE TRIGGER delivery_counts_insert AFTER INSERT ON deliveries
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_counts_on_insert();
--> statement-breakpoint
CREATE TRIGGER delivery_counts_update AFTER UPDATE ON deliveries
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_counts_on_update();
--> statement-breakpoint
CREATE TRIGGER delivery_counts_delete AFTER DELETE ON deliveries
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION delivery_counts_on_delete();
--> statement-breakpoint
CREATE TRIGGER delivery_counts_reassign AFTER UPDATE OF assigned_volunteer_id ON patients
  FOR EACH ROW WHEN (OLD.assigned_volunteer_id IS DISTINCT FROM NEW.assigned_volunteer_id) EXECUTE FUNCTION delivery_counts_on_reassign();
--> statement-breakpoint
CREATE TRIGGER delivery_counts_timezone AFTER UPDATE OF timezone ON organisations
  FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone) EXECUTE FUNCTION delivery_counts_on_timezone();
