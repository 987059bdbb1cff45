-- report_summary: one row: what the trace covers and the headline numbers a CI job wants in its log:
-- span, generations, goroutines, GC cycles, stop-the-world pauses, where goroutines waited most,
-- and whether the file was cut off.
-- duration_ns BIGINT: trace span in ns (trace_info.duration_ns).
-- generations BIGINT: generations read (trace_info.generation_count).
-- goroutines BIGINT: goroutines in the trace, created in it or alive when it started (Go's goroutine summaries).
-- goroutines_alive_at_end BIGINT: of those, the ones that neither exited nor blocked forever (goroutine_times.end_ts NULL).
-- gc_cycles BIGINT: GC mark phases in the trace ('GC concurrent mark phase' ranges, begun or already active).
-- stw_pauses BIGINT: stop-the-world pauses of any kind (rows of gc_pauses).
-- stw_total_ns BIGINT: their total length in ns (pauses still open at trace end count 0).
-- stw_max_ns BIGINT: the longest pause in ns; NULL if none.
-- top_block_reasons VARCHAR: the three block reasons with the most waiting time over all goroutines,
-- 'reason: ns' joined by '; ', most first ('(before trace)' is reason '', waits that began before the trace;
-- goroutine_block_time).
-- truncated BOOLEAN: whether the file ended early or was damaged (trace_info.truncated).
-- lost_bytes BIGINT: bytes at the end of the file that could not be read (trace_info.lost_bytes).
SELECT t.duration_ns, t.generation_count AS generations, g.goroutines, g.goroutines_alive_at_end,
       (SELECT COUNT(*) FROM ranges WHERE name = 'GC concurrent mark phase') AS gc_cycles,
       p.stw_pauses, p.stw_total_ns, p.stw_max_ns,
       (SELECT LISTAGG(CASE WHEN reason = '' THEN '(before trace)' ELSE reason END || ': ' || CAST(block_ns AS VARCHAR), '; ') WITHIN GROUP (ORDER BY block_ns DESC, reason)
        FROM (SELECT reason, SUM(block_ns) AS block_ns FROM goroutine_block_times GROUP BY reason
              ORDER BY block_ns DESC, reason LIMIT 3) top_three) AS top_block_reasons,
       t.truncated, t.lost_bytes
FROM trace_info t
CROSS JOIN (SELECT COUNT(*) AS goroutines, COUNT(*) FILTER (WHERE end_ts IS NULL) AS goroutines_alive_at_end
            FROM goroutine_times) g
CROSS JOIN (SELECT COUNT(*) AS stw_pauses, COALESCE(SUM(dur), 0) AS stw_total_ns, MAX(dur) AS stw_max_ns
            FROM gc_pauses) p
