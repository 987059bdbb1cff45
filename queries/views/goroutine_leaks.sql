-- goroutine_leaks: goroutines_blocked_at_end grouped by where they were created and where they
-- wait: a group of many goroutines from one go statement, all waiting long at the same place, is
-- the usual shape of a leak. For a threshold on each goroutine, group goroutines_blocked_at_end
-- yourself (WHERE blocked_ns >= ...); min_blocked_ns >= X says every goroutine of the group waited
-- at least X.
-- create_stack_id BIGINT: the creator's stack at the go statement; NULL if created before the trace (joins stacks.stack_id).
-- name VARCHAR: the goroutines' start function.
-- reason VARCHAR: why they wait.
-- block_stack_id BIGINT: their stack where they wait; NULL if none.
-- goroutines BIGINT: how many goroutines.
-- min_blocked_ns BIGINT: the shortest time one of them had been waiting at trace end.
-- max_blocked_ns BIGINT: the longest.
-- example_goid BIGINT: the smallest goroutine id of the group.
SELECT create_stack_id, name, reason, block_stack_id, COUNT(*) AS goroutines,
       MIN(blocked_ns) AS min_blocked_ns, MAX(blocked_ns) AS max_blocked_ns, MIN(goid) AS example_goid
FROM goroutines_blocked_at_end
GROUP BY create_stack_id, name, reason, block_stack_id
