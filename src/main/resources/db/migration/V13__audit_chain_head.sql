-- The head of the audit chain, read under the chain's lock in one statement. The lock is taken first and the
-- previous hash read by a second statement inside this VOLATILE function, which takes a new snapshot and so sees an
-- entry a concurrent writer committed while this one waited for the lock.
CREATE FUNCTION audit_chain_head(lock_key BIGINT) RETURNS CHAR(64)
    LANGUAGE plpgsql VOLATILE AS
$$
BEGIN
    PERFORM pg_advisory_xact_lock(lock_key);
    RETURN (SELECT hash FROM audit_entry ORDER BY id DESC LIMIT 1);
END
$$;
