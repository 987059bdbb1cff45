/**
 * Go 1.11–1.21 ("v1") execution traces: the whole file is parsed, its per-P batches merged into
 * one consistent order, validated, and converted into the same event stream Go 1.27's reader
 * produces for such traces ({@code internal/trace/internal/tracev1} and {@code tracev1.go}).
 */
package dev.gotrace.core.v1;
