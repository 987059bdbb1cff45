-- goroutine_block_time: per goroutine and block reason, the time spent waiting, as Go 1.27's
-- goroutine summary keys it (BlockTimeByReason; go tool trace's "Block time (<reason>)" columns).
-- Waits that began before the trace have reason '' ("Block time ()"); 'forever' waits end the
-- goroutine and are not counted, as in Go. A reason is listed once the goroutine waited for it, even
-- if those waits total 0 ns (block_ns 0), as Go's map keeps such a key.
-- goid BIGINT: goroutine id (joins goroutines.goid).
-- reason VARCHAR: Go's block reason, e.g. 'chan receive', 'sync', 'network', 'sleep', 'select'.
-- block_ns BIGINT: time waiting for that reason, in ns.
-- The sums are precomputed at load in the table goroutine_block_times.
SELECT goid, reason, block_ns
FROM goroutine_block_times
