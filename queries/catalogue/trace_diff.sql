-- trace_diff: Two traces of a catalogue compared, per profile stack (the sync, net, syscall and
-- sched profiles) and per goroutine group, before, after and delta of counts and times, largest
-- change first (|delta_ns|, then |delta_count|). Call it as TABLE(trace_diff(before_trace_id,
-- after_trace_id)) with two ids of traces.trace_id; in a catalogue named as two files
-- (jdbc:gotrace:OLD,NEW, report --baseline OLD NEW) it is also the view trace_diff, OLD before NEW.
-- Stacks are matched by their function names from leaf to root, not by stack_id (ids differ
-- between traces) nor by file:line (runtime and standard library lines change between Go
-- releases); the stacks of one trace with the same names are summed (_diff_items).
-- kind VARCHAR: 'sync', 'net', 'syscall' or 'sched' for a stack of that profile (sync_blocking_profile, net_blocking_profile, syscall_blocking_profile, sched_latency_profile), 'goroutine_group' for a group of goroutine_groups.
-- key VARCHAR: the stack's function names from the leaf to the root, separated by ' <- ' (stack_text.frames), NULL for the intervals Go attributes no stack to; for a goroutine group, its name.
-- before_count BIGINT: contentions of the stack, or goroutines of the group, in the before trace; NULL if it is not in that trace.
-- after_count BIGINT: the same in the after trace; NULL if it is not in that trace.
-- delta_count BIGINT: after_count - before_count, a missing side counting 0.
-- before_ns BIGINT: delay_ns of the stack, or exec_ns of the group, in the before trace; NULL if it is not in that trace.
-- after_ns BIGINT: the same in the after trace; NULL if it is not in that trace.
-- delta_ns BIGINT: after_ns - before_ns, a missing side counting 0.
SELECT COALESCE(b.kind, a.kind) AS kind, COALESCE(b.item_key, a.item_key) AS key,
       b.item_count AS before_count, a.item_count AS after_count,
       COALESCE(a.item_count, 0) - COALESCE(b.item_count, 0) AS delta_count,
       b.time_ns AS before_ns, a.time_ns AS after_ns,
       COALESCE(a.time_ns, 0) - COALESCE(b.time_ns, 0) AS delta_ns
FROM (SELECT kind, item_key, item_count, time_ns FROM _diff_items WHERE trace_id = :before_trace_id) b
FULL JOIN (SELECT kind, item_key, item_count, time_ns FROM _diff_items WHERE trace_id = :after_trace_id) a
  ON a.kind = b.kind AND a.item_key IS NOT DISTINCT FROM b.item_key
ORDER BY ABS(delta_ns) DESC, ABS(delta_count) DESC, kind, key
