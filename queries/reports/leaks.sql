-- report_leaks: goroutines that look leaked: alive at trace end and waiting since some point until
-- the end, not system goroutines, grouped by start function and the stack they blocked at. A
-- goroutine parked for good (a channel nobody will send on, a lock never released) shows up here;
-- so does a healthy idle worker, so judge by name and how long it waited. Goroutines blocked
-- 'forever' have ended for Go (end_ts set) and are not listed; nor are waits the runtime marks
-- 'system goroutine wait' (runtime/trace's own reader goroutine waits so in every trace).
-- name VARCHAR: start function of the goroutines (goroutines.name).
-- reason VARCHAR: Go's block reason of the wait, e.g. 'chan receive', 'select', 'sync' ('' if it began before the trace).
-- stack_id BIGINT: stack of the blocking call (goroutine_states.stack_id); NULL if none (joins stacks.stack_id).
-- goroutines BIGINT: number of such goroutines.
-- min_blocked_ns BIGINT: shortest of their waits, from the start of the wait to trace end, in ns.
-- max_blocked_ns BIGINT: longest of their waits in ns.
-- frames VARCHAR: the blocking stack, leaf to root (stack_text.frames); NULL if no stack.
SELECT g.name, s.reason, s.stack_id, COUNT(*) AS goroutines,
       MIN(t.duration_ns - s.ts) AS min_blocked_ns, MAX(t.duration_ns - s.ts) AS max_blocked_ns,
       st.frames
FROM goroutine_times g
JOIN goroutine_states s ON s.goid = g.goid
CROSS JOIN trace_info t
LEFT JOIN stack_text st ON st.stack_id = s.stack_id
WHERE g.end_ts IS NULL AND NOT g.is_system AND s.state = 'waiting' AND s.end_reason = 'trace_end'
  AND s.reason <> 'system goroutine wait'
GROUP BY g.name, s.reason, s.stack_id, st.frames
ORDER BY goroutines DESC, max_blocked_ns DESC, g.name
