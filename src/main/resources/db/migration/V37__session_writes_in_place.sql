-- Spring Session writes a signed-in session's last access and expiry time on every request. With expiry_time in an
-- index, every such write had to be a new row version with a new entry in each of the table's four indexes (the
-- benchmark's copy: 412,874 updates, none in place, 3,628 dead rows beside 561 live). Without that index, and with
-- room left in each page for the next version, the write is a heap-only (HOT) update: no index is touched and the old
-- versions are pruned within their page. The cleanup of expired sessions (a DELETE by expiry_time, once a minute on
-- each node) reads the table instead, which holds one row per session still signed in.
DROP INDEX spring_session_ix2;
ALTER TABLE spring_session SET (fillfactor = 50);
