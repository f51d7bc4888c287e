-- The subject feed's payload carries the industry (GB/T 4754 section letter) since issue 23: search-service indexes it
-- for its filters, grade statistics and supervision samples. A rebuild of the search index reads the subject feed from
-- sequence 0, so the payloads written before carry the subject's current industry too (an industry is rarely changed;
-- a later change writes a row of its own). No new rows: consumers past these sequences read the industry with the
-- subject's next change, or with the rebuild that a new search mapping starts by itself.
UPDATE change_log c
SET payload = jsonb_set(c.payload, '{subject,industry}', to_jsonb(s.industry))
FROM subject s
WHERE c.entity_type = 'SUBJECT'
  AND c.payload ? 'subject'
  AND jsonb_typeof(c.payload -> 'subject') = 'object'
  AND NOT (c.payload -> 'subject') ? 'industry'
  AND s.id::text = c.entity_id
  AND s.industry IS NOT NULL;
