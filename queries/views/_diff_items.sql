-- _diff_items: what trace_diff compares, in one trace: one row per profile stack of the four
-- pprof-style profiles (blocking_profiles, the rows of net_blocking_profile, sync_blocking_profile,
-- syscall_blocking_profile and sched_latency_profile) and one per goroutine group (goroutine_groups).
-- A stack is keyed by its function names (stack_text.frames), so stacks of two traces match even
-- though their stack_ids differ and, across Go releases, their runtime and standard library lines
-- differ; the stacks of one trace with the same names are summed. Helper of trace_diff.
-- kind VARCHAR: the profile, 'net', 'sync', 'syscall' or 'sched', or 'goroutine_group'.
-- item_key VARCHAR: for a profile, the stack's function names from the leaf to the root, separated by ' <- ' (stack_text.frames), NULL for the intervals Go attributes no stack to; for a goroutine group, its name.
-- item_count BIGINT: the profile's contentions (pprof's count), or the group's goroutines.
-- time_ns BIGINT: the profile's delay_ns, or the group's exec_ns.
SELECT p.profile AS kind, s.frames AS item_key, SUM(p.contentions) AS item_count, SUM(p.delay_ns) AS time_ns
FROM blocking_profiles p
LEFT JOIN stack_text s ON s.stack_id = p.stack_id
GROUP BY p.profile, s.frames
UNION ALL
SELECT 'goroutine_group', name, goroutines, exec_ns
FROM goroutine_groups
