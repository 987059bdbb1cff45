-- unblock_edges: who unblocked whom, when: one row per wait of a goroutine that another
-- goroutine ended (the transition out of waiting ran in that goroutine's context, e.g. a channel
-- send, a mutex unlock, a WaitGroup Done), with the stack where the waiter blocked and the
-- unblocker's stack at the unblock. Waits ended by no goroutine (timers, the network poller, the
-- runtime) and waits still open at trace end are not edges. These are the edges Go's
-- RelatedGoroutinesV2 (the goroutine-oriented timeline) follows; wait_chain walks them back.
-- ts BIGINT: when the wait ended (ns since trace start).
-- unblocker_goid BIGINT: the goroutine that ended the wait (joins goroutines.goid).
-- goid BIGINT: the goroutine that had been waiting.
-- reason VARCHAR: why it waited, as Go reports it, e.g. 'chan receive', 'sync', 'select'.
-- blocked_ts BIGINT: when the wait began.
-- wait_ns BIGINT: length of the wait in ns (ts - blocked_ts).
-- blocked_stack_id BIGINT: the waiter's stack when it blocked; NULL if none (joins stacks.stack_id).
-- unblock_stack_id BIGINT: the unblocker's stack at the unblock; NULL if none.
-- event_id BIGINT: the event that ended the wait (joins events.event_id).
SELECT b.ts + b.dur AS ts, b.unblocked_by_goid AS unblocker_goid, b.goid, b.reason, b.ts AS blocked_ts,
       b.dur AS wait_ns, b.stack_id AS blocked_stack_id, b.unblock_stack_id, b.end_event_id AS event_id
FROM blocking_intervals b
WHERE b.state = 'waiting' AND b.dur IS NOT NULL AND b.unblocked_by_goid IS NOT NULL
