package dev.gotrace.core.v1;

import static dev.gotrace.core.v1.V1EventType.*;

import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.wire.Uvarint;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the body of a v1 trace (everything after the header) in one pass: per-P event lists in
 * batch order, CPU samples, strings, stacks, the frequency and timer goroutines. Applies Go's
 * per-event rules ({@code tracev1/parser.go}, {@code readRawEvent} and {@code parseEvent}):
 * timestamps are batch-relative deltas, and an event's G is its P's current goroutine.
 */
final class V1Parser {
  /** Go's limit on a length-prefixed argument block. */
  private static final int MAX_ARG_BYTES = 2048;
  private static final long MAX_STRING = 1_000_000;
  private static final int MAX_STACK_FRAMES = 1000;
  private static final long NONE_64 = -1L; // 2^64-1 on the wire
  private static final String MALFORMED = "malformatted base-128 varint";

  private final byte[] data;
  private final int minor;
  private int pos;
  private int eventStart;
  private final long[] values = new long[MAX_ARG_BYTES];
  private final Uvarint uvarint = new Uvarint();
  private int valueCount;
  private String inlineString;

  final V1Events events = new V1Events();
  /** Event slots per P in file order; sorted by P so merging is reproducible. */
  final Map<Integer, IntList> eventsByProc = new TreeMap<>();
  final IntList cpuSamples = new IntList();
  final Map<Long, String> strings = new HashMap<>();
  final Map<Long, long[]> stacks = new HashMap<>();
  /** pc → {function string id, file string id, line}; the first definition of a pc wins, as in Go. */
  final Map<Long, long[]> frames = new HashMap<>();
  final Set<Long> timerGoroutines = new HashSet<>();
  long ticksPerSecond;

  // parseEvent state
  private final Map<Integer, Long> lastGs = new HashMap<>();
  private int lastP;
  private long lastG;
  private long lastTs;

  V1Parser(byte[] data, int bodyOffset, int minor) {
    this.data = data;
    this.pos = bodyOffset;
    this.minor = minor;
  }

  void parse() {
    boolean inBatch = false;
    while (pos < data.length) {
      eventStart = pos;
      int b = data[pos++] & 0xff;
      int type = b & 0x3f;
      int narg = (b >> 6) + 1;
      if (!V1EventType.known(type, minor)) throw error("unknown event type " + type);
      if (type == STRING) {
        readString(inBatch);
        continue;
      }
      if (type == BATCH) {
        if (narg != 2) throw error("EvBatch has wrong number of arguments: got " + narg + ", want 2");
        values[0] = readVal();
        values[1] = readVal();
        valueCount = 2;
        inBatch = true;
      } else {
        if (!inBatch) throw error("read event " + type + " with current P of 0, but P has no batches yet");
        readArgs(type, narg);
      }
      if (type == CPU_SAMPLE) {
        cpuSample();
      } else {
        parseEvent(type);
      }
    }
  }

  private void readString(boolean inBatch) {
    long id = readVal();
    long length = readVal();
    // Go only parses strings inside batches; ones before the first batch are skipped unchecked.
    if (!inBatch) {
      skip(length);
      return;
    }
    if (id == 0) throw error("string has invalid id 0");
    if (strings.containsKey(id)) throw error("string has duplicate id " + id);
    if (length == 0) throw error("string has invalid length 0");
    if (length > MAX_STRING) throw error("string has too large length " + length);
    int start = pos;
    skip(length);
    strings.put(id, new String(data, start, (int) length, StandardCharsets.UTF_8));
  }

  private void readArgs(int type, int narg) {
    valueCount = 0;
    inlineString = null;
    String argError = "failed to read event " + type + " argument: " + MALFORMED;
    if (narg <= 3) {
      for (int i = 0; i < narg; i++) values[valueCount++] = readVal(data.length, argError);
      return;
    }
    long length = readVal(data.length, argError);
    if (length > MAX_ARG_BYTES) {
      throw error("failed to read event " + type + " argument: length-prefixed argument too big: " + length
          + " bytes, limit is " + MAX_ARG_BYTES);
    }
    int end = pos + (int) length;
    // Go skips argument blocks before parsing them, except for CPU samples which it reads.
    if (end > data.length) throw error("failed to read trace: " + (type == CPU_SAMPLE ? "unexpected EOF" : "EOF"));
    while (pos < end) values[valueCount++] = readVal(end, MALFORMED);
    if (type == USER_LOG) {
      long n = readVal();
      if (n > MAX_STRING) throw error("string is too large (len=" + n + ")");
      int start = pos;
      if (n > data.length - pos) throw error("failed to read trace: unexpected EOF");
      pos += (int) n;
      inlineString = new String(data, start, (int) n, StandardCharsets.UTF_8);
    }
  }

  private void cpuSample() {
    int want = wireValues(CPU_SAMPLE);
    if (valueCount != want) {
      throw error("CPU sample has wrong number of arguments: want " + want + ", got " + valueCount);
    }
    // Samples carry their own absolute time, P and G; the leading delta is ignored.
    int slot = events.add(CPU_SAMPLE, (int) values[2], values[3], values[1], eventStart);
    events.setArg(slot, 1, values[2]);
    events.setArg(slot, 2, values[3]);
    events.stack[slot] = (int) values[4];
    cpuSamples.add(slot);
  }

  private void parseEvent(int type) {
    if (type != STACK) {
      int want = wireValues(type);
      if (valueCount != want) {
        throw error(name(type) + " has wrong number of arguments: want " + want + ", got " + valueCount);
      }
    }
    switch (type) {
      case BATCH -> {
        lastGs.put(lastP, lastG);
        long pid = values[0];
        if (pid != NONE_64 && Long.compareUnsigned(pid, Integer.MAX_VALUE) > 0) {
          throw error("processor ID " + Long.toUnsignedString(pid) + " is larger than maximum of " + Integer.MAX_VALUE);
        }
        lastP = pid == NONE_64 ? -1 : (int) pid;
        lastG = lastGs.getOrDefault(lastP, 0L);
        lastTs = values[1];
        eventsByProc.computeIfAbsent(lastP, p -> new IntList());
      }
      case FREQUENCY -> {
        ticksPerSecond = values[0];
        if (ticksPerSecond <= 0) throw error(V1Trace.TIME_ORDER);
      }
      case TIMER_GOROUTINE -> timerGoroutines.add(values[0]);
      case STACK -> stack();
      default -> timedEvent(type);
    }
  }

  private void stack() {
    if (valueCount < 2) throw error("EvStack has wrong number of arguments: want at least 2, got " + valueCount);
    long size = values[1];
    if (Long.compareUnsigned(size, MAX_STACK_FRAMES) > 0) {
      throw error("EvStack has bad number of frames: " + Long.toUnsignedString(size));
    }
    int want = 2 + 4 * (int) size;
    if (valueCount != want) throw error("EvStack has wrong number of arguments: want " + want + ", got " + valueCount);
    long id = values[0] & 0xffffffffL;
    if (id == 0 || size == 0) return;
    long[] pcs = new long[(int) size];
    for (int i = 0; i < size; i++) {
      long pc = values[2 + i * 4];
      pcs[i] = pc;
      frames.putIfAbsent(pc, new long[] {values[3 + i * 4], values[4 + i * 4], values[5 + i * 4]});
    }
    stacks.put(id, pcs);
  }

  private void timedEvent(int type) {
    long ts = lastTs + values[0];
    lastTs = ts;
    int slot = events.add(type, lastP, lastG, ts, eventStart);
    int argEnd = hasStack(type) ? valueCount - 1 : valueCount;
    for (int i = 1; i < argEnd; i++) events.setArg(slot, i - 1, values[i]);
    if (hasStack(type)) events.stack[slot] = (int) values[valueCount - 1];
    switch (type) {
      case GO_START, GO_START_LOCAL, GO_START_LABEL -> {
        lastG = values[1];
        events.goroutine[slot] = lastG;
      }
      case GO_SYS_EXIT, GO_WAITING, GO_IN_SYSCALL -> events.goroutine[slot] = values[1];
      case USER_LOG -> events.setArg(slot, 3, inlineStringId(inlineString));
      default -> {
        if (clearsG(type)) lastG = 0;
      }
    }
    eventsByProc.get(lastP).add(slot);
  }

  final List<String> inlineStrings = new ArrayList<>();
  private final Map<String, Integer> inlineIds = new HashMap<>();

  private long inlineStringId(String s) {
    return inlineIds.computeIfAbsent(s, k -> {
      inlineStrings.add(k);
      return inlineStrings.size() - 1;
    });
  }

  private void skip(long n) {
    if (Long.compareUnsigned(n, data.length - pos) > 0) throw error("failed to read trace: EOF");
    pos += (int) n;
  }

  private long readVal() { return readVal(data.length, MALFORMED); }

  /** Go's {@code binary.Uvarint} over {@code data[pos:end]}: too short or overflowing is malformed. */
  private long readVal(int end, String malformed) {
    int n = uvarint.decode(data, pos, end);
    if (n <= 0) throw error(malformed);
    pos += n;
    return uvarint.value();
  }

  private TraceFormatException error(String detail) {
    return new TraceFormatException(detail, eventStart, TraceFormatException.NO_GENERATION);
  }
}
