/**
 * The relational model of a trace (schema.md's base tables) as Apache Arrow record batches.
 *
 * <p>{@link dev.gotrace.core.table.TraceDatabase} runs one pass of Go's event stream over one
 * builder per table ({@code *TableBuilder}, each with its documented {@code SCHEMA}); builders
 * collect rows in chunked heap columns, then write vectors allocated at their exact size, in
 * batches of at most a million rows, under one allocator per trace with a child allocator per
 * table. String columns are Int32 indices into one trace-wide dictionary
 * ({@link dev.gotrace.core.table.TraceDictionary}). Times are ns since the first event.
 *
 * <p>The goroutine tables replay Go 1.27's {@code internal/trace/summary.go} and
 * {@code cmd/trace/pprof.go} bookkeeping, quirks included, so that SQL over them reproduces
 * {@code go tool trace}'s numbers exactly.
 */
package dev.gotrace.core.table;
