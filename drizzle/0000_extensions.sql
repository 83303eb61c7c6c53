-- Trigram indexes serve the patient search by part of a name or phone number.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
