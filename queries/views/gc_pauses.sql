-- gc_pauses: every stop-the-world pause (the 'stop-the-world (<kind>)' ranges), GC or not.
-- ts BIGINT: start of the pause (ns since trace start).
-- dur BIGINT: length in ns; NULL if the trace ended during it.
-- kind VARCHAR: the runtime's stop reason, e.g. 'GC mark termination', 'GC sweep termination', 'start trace'.
-- is_gc BOOLEAN: whether Go counts it as a GC pause (the kind contains 'GC'), as the MMU does.
-- goid BIGINT: the goroutine that stopped the world (joins goroutines.goid).
SELECT r.ts, r.dur,
       SUBSTRING(r.name FROM 17 FOR CHAR_LENGTH(r.name) - 17) AS kind,
       POSITION('GC' IN r.name) > 0 AS is_gc,
       r.scope_id AS goid
FROM ranges r
WHERE r.name LIKE 'stop-the-world (%)'
