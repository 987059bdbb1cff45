-- report_gc: one row: GC cycles, the GC's stop-the-world pauses, and minimum mutator utilization at
-- 1, 10 and 100 ms windows with go tool trace's default flags (stw|background|assist; TABLE(mmu(...))).
-- A utilization of 0.8 at 10 ms means every 10 ms window of the trace left the program at least 80%
-- of the CPU. The MMU replays the events table, so this is the one report that builds it.
-- gc_cycles BIGINT: GC mark phases ('GC concurrent mark phase' ranges).
-- gc_pauses BIGINT: stop-the-world pauses Go counts as GC (gc_pauses.is_gc).
-- pause_total_ns BIGINT: their total length in ns; NULL if none.
-- pause_p99_ns BIGINT: 99th percentile pause in ns (nearest rank); NULL if none.
-- pause_max_ns BIGINT: the longest GC pause in ns; NULL if none.
-- mmu_1ms DOUBLE: minimum mutator utilization over 1 ms windows (0..1).
-- mmu_10ms DOUBLE: the same over 10 ms windows.
-- mmu_100ms DOUBLE: the same over 100 ms windows.
SELECT c.gc_cycles, p.gc_pauses, p.pause_total_ns, p.pause_p99_ns, p.pause_max_ns,
       m1.mmu AS mmu_1ms, m10.mmu AS mmu_10ms, m100.mmu AS mmu_100ms
FROM (SELECT COUNT(*) AS gc_cycles FROM ranges WHERE name = 'GC concurrent mark phase') c
CROSS JOIN (SELECT COUNT(*) AS gc_pauses, SUM(dur) AS pause_total_ns,
                   percentile_nearest_rank(dur, 99) AS pause_p99_ns, MAX(dur) AS pause_max_ns
            FROM gc_pauses WHERE is_gc) p
CROSS JOIN TABLE(mmu(1000000)) m1
CROSS JOIN TABLE(mmu(10000000)) m10
CROSS JOIN TABLE(mmu(100000000)) m100
