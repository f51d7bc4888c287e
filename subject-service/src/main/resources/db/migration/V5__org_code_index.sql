-- an organisation code (GB 11714) is characters 9-17 of a USCC: GET /api/v1/subjects/{orgCode} finds the subject by it
CREATE INDEX IF NOT EXISTS subject_org_code ON subject (substring(code, 9, 9)) WHERE code IS NOT NULL;
