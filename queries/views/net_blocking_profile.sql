-- net_blocking_profile: Network blocking profile: time goroutines spent waiting on the network poller (reason 'network'), per stack of the blocking call. Equals go tool trace -pprof=net.
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
WHERE p.profile = 'net'
