-- sched_latency_profile: Scheduler latency profile: time goroutines spent runnable, waiting for a P, per stack of the event that made them runnable (the unblocking goroutine's stack, the creator's stack, or the goroutine's own stack when it was preempted or yielded). A goroutine's first wait (creation to first run) is never counted, as in Go. Equals go tool trace -pprof=sched.
-- Like Go, only the part of each interval inside its goroutine's [start_ts, end_ts or trace end]
-- counts, and intervals still open at trace end are left out.
-- stack_id BIGINT: the stack (joins stacks.stack_id, stack_frames.stack_id); NULL is the one row for intervals Go attributes no stack to.
-- contentions BIGINT: number of intervals (pprof sample value 'contentions').
-- delay_ns BIGINT: total time of those intervals in ns (pprof sample value 'delay').
-- leaf_function VARCHAR: function of the innermost frame of the stack; NULL if no stack.
-- The sums are precomputed at load in the table blocking_profiles, which documents the rule.
SELECT p.stack_id, p.contentions, p.delay_ns, s.leaf_function
FROM blocking_profiles p
LEFT JOIN stacks s ON s.stack_id = p.stack_id
WHERE p.profile = 'sched'
