-- At most one immediate custody (6 § or 6 a § LVU) in force per case, also under concurrent saves.
CREATE UNIQUE INDEX decision_one_active_custody ON decision (case_id)
    WHERE type IN ('LVU_6', 'LVU_6A') AND ended_at IS NULL;
