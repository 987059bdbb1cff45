package dev.gotrace.core.table;

/**
 * The facts of the one {@code trace_info} row that do not come from events: what the decoder
 * reports about the file. Times are absolute trace-clock ns.
 */
record TraceInfo(String path, String formatVersion, long eventCount, long generationCount,
    long frequencyHz, Long wallClockStartNs, boolean truncated, long lostBytes, long fileSize,
    long validBytes, String error) {}
