/**
 * Bytes of a Go execution trace: the file header, Go-compatible varints with offsets, the event
 * table ({@link dev.gotrace.core.wire.EventSpecs}) and the read accounting of Go's
 * {@code cmd/trace}.
 */
package dev.gotrace.core.wire;
