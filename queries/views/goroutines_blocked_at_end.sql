-- goroutines_blocked_at_end: the program's goroutines (not Go's system goroutines) still waiting
-- when the trace ended, with how long they had been waiting: candidates for leaks. A goroutine
-- waiting with reason 'forever' (an empty select, a nil channel) is listed although Go's summary
-- ends it there (goroutines.end_ts set), since it never exits. Read from goroutines.open_state*
-- (each goroutine's goroutine_states row still open at trace end), so no goroutine_states scan.
-- goid BIGINT: the goroutine (joins goroutines.goid).
-- name VARCHAR: goroutines.name (its start function).
-- create_stack_id BIGINT: the creator's stack at the go statement; NULL if created before the trace (joins stacks.stack_id).
-- creator_goid BIGINT: goroutines.creator_goid.
-- reason VARCHAR: why it waits, as Go reports it ('' for a wait that began before the trace).
-- blocked_ts BIGINT: when the wait began (ns since trace start).
-- blocked_ns BIGINT: trace end - blocked_ts: how long it had been waiting at trace end.
-- block_stack_id BIGINT: its stack where it waits; NULL if none (joins stacks.stack_id).
SELECT g.goid, g.name, g.create_stack_id, g.creator_goid, g.open_state_reason AS reason,
       g.open_state_ts AS blocked_ts, t.duration_ns - g.open_state_ts AS blocked_ns,
       g.open_state_stack_id AS block_stack_id
FROM goroutines g
CROSS JOIN trace_info t
WHERE g.open_state = 'waiting' AND NOT g.is_system
