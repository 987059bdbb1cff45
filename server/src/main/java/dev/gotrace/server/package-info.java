/**
 * The Arrow Flight SQL server of {@code bin/gotrace-sql serve}: every table and view of the given
 * traces, through the JDBC driver, streamed as Arrow record batches to any Flight SQL client
 * (ADBC, pyarrow, Apache Arrow's Flight SQL JDBC driver).
 */
package dev.gotrace.server;
