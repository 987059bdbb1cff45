/**
 * Every table of one or more traces written as files other engines read: Parquet (Spark, Trino,
 * DuckDB) or Arrow IPC (pyarrow, Polars), one file per table and trace in Hive-style partitions
 * {@code <table>/trace_id=<escaped id>/}. Reads the tables a {@link
 * dev.gotrace.core.table.TraceDatabase} builds, one trace at a time.
 */
package dev.gotrace.core.export;
