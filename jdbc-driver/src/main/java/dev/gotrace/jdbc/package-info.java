/**
 * The Apache Calcite adapter over decoded Go traces and the {@code jdbc:gotrace:<path>} JDBC
 * driver.
 *
 * <p>Data flows from a {@link dev.gotrace.jdbc.TableCatalog} (Arrow batches per table) through
 * {@link dev.gotrace.jdbc.ArrowTable}, a projectable and filterable Calcite table, into
 * {@link dev.gotrace.jdbc.GoTraceSchema}. {@link dev.gotrace.jdbc.GoTraceDriver} opens one
 * catalogue per connection, adds the shipped SQL views ({@link dev.gotrace.jdbc.ViewLoader}) and
 * frees the Arrow memory when the connection closes.
 */
package dev.gotrace.jdbc;
