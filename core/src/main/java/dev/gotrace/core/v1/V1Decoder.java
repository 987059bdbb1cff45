package dev.gotrace.core.v1;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.StringPool;
import java.nio.charset.StandardCharsets;

/**
 * Decodes a whole Go 1.11–1.21 trace into the v2 low-level events Go 1.27's reader makes of it.
 * Like Go, it needs the complete file in memory and fails as a whole: nothing reaches the sink
 * unless parsing, merging and validation succeeded. A truncated v1 trace lacks the footer with its frequency and fails, unless
 * the cut falls between the footer's stack records (then only those stacks are missing, as in Go).
 */
public final class V1Decoder {
  /** Header length in bytes, the same as v2's. */
  public static final int HEADER_LENGTH = 16;

  private V1Decoder() {}

  /** The times of the framing Syncs and the trace's clock frequency. */
  public record Result(long firstTime, long lastTime, long frequencyHz) {}

  /**
   * The header's format number if {@code header} (at least its first 16 bytes) is a v1 header
   * ({@code go 1.11}, {@code go 1.19} or {@code go 1.21}), else -1.
   */
  public static int v1Minor(byte[] header, int length) {
    if (length < HEADER_LENGTH) return -1;
    for (int minor : new int[] {11, 19, 21}) {
      byte[] expected = ("go 1." + minor + " trace\0\0\0").getBytes(StandardCharsets.US_ASCII);
      boolean same = true;
      for (int i = 0; i < HEADER_LENGTH && same; i++) same = header[i] == expected[i];
      if (same) return minor;
    }
    return -1;
  }

  /** Decodes {@code trace} (the whole file, header included) into {@code out}. */
  public static Result decode(byte[] trace, int minor, StringPool strings, StackTable stacks,
      ConvertedEventSink out) {
    V1Parser parser = new V1Parser(trace, HEADER_LENGTH, minor);
    parser.parse();
    V1Events events = parser.events;
    int[] order = new V1Merger(events).merge(parser.eventsByProc, parser.cpuSamples);
    if (parser.ticksPerSecond == 0) {
      throw new TraceFormatException("no EvFrequency event", trace.length, TraceFormatException.NO_GENERATION);
    }
    toNanoseconds(events, order, parser);
    new V1Validator(events, parser.stacks).validate(order);
    V1Converter converter = new V1Converter(events, parser, minor, strings, stacks, out);
    converter.convert(order);
    long first = order.length > 0 ? -1 : converter.lastTime() + 1;
    return new Result(first, converter.lastTime() + 1, parser.ticksPerSecond);
  }

  /** Ticks → ns from the first event, and the fake Ps of timer unblocks and syscall exits. */
  private static void toNanoseconds(V1Events ev, int[] order, V1Parser parser) {
    if (order.length == 0) return;
    long min = ev.time[order[0]];
    double nsPerTick = 1e9 / (double) parser.ticksPerSecond;
    for (int slot : order) {
      ev.time[slot] = (long) ((double) (ev.time[slot] - min) * nsPerTick);
      int type = ev.type(slot);
      if (type == V1EventType.GO_UNBLOCK && parser.timerGoroutines.contains(ev.goroutine[slot])) {
        ev.proc[slot] = V1Trace.TIMER_P;
      }
      if (type == V1EventType.GO_SYS_EXIT) ev.proc[slot] = V1Trace.SYSCALL_P;
    }
  }
}
