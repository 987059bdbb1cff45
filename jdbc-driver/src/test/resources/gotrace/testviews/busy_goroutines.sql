-- Goroutines with more than 85 events (uses view goroutine_event_counts).
--
-- goid BIGINT: goroutine id
-- events BIGINT: number of events of the goroutine
SELECT goid, events
FROM goroutine_event_counts
WHERE events > 85
