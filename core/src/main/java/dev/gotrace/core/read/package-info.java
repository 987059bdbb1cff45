/**
 * The public decoder: {@link dev.gotrace.core.read.TraceReader} merges per-thread batches the
 * way Go's reader does and delivers Go's exact event stream to a
 * {@link dev.gotrace.core.event.TraceSink}.
 */
package dev.gotrace.core.read;
