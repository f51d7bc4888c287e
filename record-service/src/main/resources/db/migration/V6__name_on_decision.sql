-- Issue 22: the registry's name is the subject's name everywhere; the name the department sent is kept as the
-- decision's 行政相对人名称. Rows stored before keep the department's name in subject_name and NULL here (read as the same).
ALTER TABLE credit_record ADD COLUMN name_on_decision TEXT;
