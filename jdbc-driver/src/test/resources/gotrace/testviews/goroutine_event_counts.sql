-- Events per goroutine, with the goroutine's name.
-- One row per goroutine that has events.
--
-- goid BIGINT: goroutine id (joins goroutines.goid)
-- name VARCHAR: start function of the goroutine
-- events BIGINT: number of events of the goroutine
-- avg_dur DOUBLE: mean duration of its events, ns;
--     NULL if no event has one
-- hex VARCHAR: goid in hex, from the test-only function hex_id
SELECT e.goid, g.name, COUNT(*) AS events, AVG(e.dur) AS avg_dur, hex_id(e.goid) AS hex
FROM events e
JOIN goroutines g ON e.goid = g.goid
GROUP BY e.goid, g.name;
