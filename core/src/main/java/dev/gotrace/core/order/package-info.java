/**
 * Go's ordering state machine ({@code internal/trace/order.go}): goroutine, proc and thread
 * states, sequence numbers, stalls, ranges, tasks and regions.
 */
package dev.gotrace.core.order;
