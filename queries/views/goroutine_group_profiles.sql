-- goroutine_group_profiles: go tool trace's four profiles restricted to one goroutine group (the
-- /io, /block, /syscall and /sched?name=<name> profiles linked from its /goroutine page): the
-- intervals the four profile views count (blocking_intervals clipped to each goroutine's life) of
-- the goroutines with that name, grouped by stack. (Go's ?name= with no name means every
-- goroutine, i.e. the whole profile; here name '' is the unnamed goroutines only.) The sums are
-- precomputed at load in the table group_blocking_profiles, which documents the rule.
-- name VARCHAR: the goroutine group (goroutines.name, the start function).
-- profile VARCHAR: 'net', 'sync', 'syscall' or 'sched'.
-- stack_id BIGINT: stack Go attributes the intervals to (blocking_intervals.profile_stack_id); NULL if none (joins stacks.stack_id).
-- contentions BIGINT: number of intervals (pprof's contentions/count).
-- delay_ns BIGINT: their time in ns, each clipped to its goroutine's life (pprof's delay).
SELECT name, profile, stack_id, contentions, delay_ns
FROM group_blocking_profiles
