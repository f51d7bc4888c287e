-- Short names (简称) of a subject, set by the registration authority and admins; searched like former names.
ALTER TABLE subject ADD COLUMN short_names JSONB NOT NULL DEFAULT '[]';
