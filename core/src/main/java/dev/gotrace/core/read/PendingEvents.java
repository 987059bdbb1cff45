package dev.gotrace.core.read;

import java.util.Arrays;

/**
 * The events of the generation being ordered, held until the generation is known to be good (Go's
 * {@code cmd/trace} keeps nothing after the last Sync). Rows of primitives in fixed-size chunks,
 * so growing never copies and the chunks are reused from one generation to the next.
 */
final class PendingEvents {
  /** The row's two small values in one long, so a row stays nine longs: see {@link #type}, {@link #fromState}. */
  static final int TYPE_AND_FROM_STATE = 0;
  static final int TIME = 1;
  static final int THREAD = 2;
  static final int PROC = 3;
  static final int GOROUTINE = 4;
  static final int ARGS = 5;
  static final int STRIDE = 9;
  /** Rows per chunk (a power of two). */
  static final int CHUNK_ROWS = 1 << 15;

  private long[][] chunks = new long[4][];
  private int size;
  private long gen;

  void add(StreamEvent e) {
    int chunk = size / CHUNK_ROWS;
    if (chunk == chunks.length) chunks = Arrays.copyOf(chunks, chunk * 2);
    long[] r = chunks[chunk];
    if (r == null) {
      r = new long[CHUNK_ROWS * STRIDE];
      chunks[chunk] = r;
    }
    int at = (size % CHUNK_ROWS) * STRIDE;
    r[at + TYPE_AND_FROM_STATE] = e.type | (long) e.fromState << 8;
    r[at + TIME] = e.time;
    r[at + THREAD] = e.thread;
    r[at + PROC] = e.proc;
    r[at + GOROUTINE] = e.goroutine;
    r[at + ARGS] = e.args[0];
    r[at + ARGS + 1] = e.args[1];
    r[at + ARGS + 2] = e.args[2];
    r[at + ARGS + 3] = e.args[3];
    gen = e.gen;
    size++;
  }

  /** The wire type (below 256) from a row's {@link #TYPE_AND_FROM_STATE}. */
  static int type(long typeAndFromState) { return (int) typeAndFromState & 0xff; }

  /** The event's {@code fromState} from a row's {@link #TYPE_AND_FROM_STATE}. */
  static int fromState(long typeAndFromState) { return (int) (typeAndFromState >>> 8); }

  int size() { return size; }

  void clear() { size = 0; }

  /** Generation of the held events. */
  long gen() { return gen; }

  /** Chunk {@code c} holds rows {@code c * CHUNK_ROWS ...}, each {@link #STRIDE} longs. */
  long[] chunk(int c) { return chunks[c]; }
}
