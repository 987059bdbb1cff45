-- goroutine_group_profiles: go tool trace's four profiles restricted to one goroutine group (the
-- /io, /block, /syscall and /sched?name=<name> profiles linked from its /goroutine page): the
-- intervals of _profile_intervals of the goroutines with that name, grouped by stack. (Go's
-- ?name= with no name means every goroutine, i.e. the whole profile; here name '' is the unnamed
-- goroutines only.)
-- name VARCHAR: the goroutine group (goroutines.name, the start function).
-- profile VARCHAR: 'net', 'sync', 'syscall' or 'sched'.
-- stack_id BIGINT: stack Go attributes the intervals to (blocking_intervals.profile_stack_id); NULL if none (joins stacks.stack_id).
-- contentions BIGINT: number of intervals (pprof's contentions/count).
-- delay_ns BIGINT: their time in ns, each clipped to its goroutine's life (pprof's delay).
SELECT g.name, p.profile, p.stack_id, COUNT(*) AS contentions, SUM(p.delay_ns) AS delay_ns
FROM _profile_intervals p
JOIN goroutines g ON g.goid = p.goid
GROUP BY g.name, p.profile, p.stack_id
