-- V15 created audit_entry_flagged_idx as V11's audit_entry_review_flag_idx again: the same columns, order and
-- predicate. Every flagged entry was written into both; the log review's plans use either. One goes
-- (SchemaIT keeps any two indexes from being the same again).
DROP INDEX audit_entry_flagged_idx;
