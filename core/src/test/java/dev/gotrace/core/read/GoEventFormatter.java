package dev.gotrace.core.read;

import dev.gotrace.core.event.EventKind;
import dev.gotrace.core.event.GoState;
import dev.gotrace.core.event.ProcState;
import dev.gotrace.core.event.ResourceKind;
import dev.gotrace.core.event.StackTable;
import dev.gotrace.core.event.StringPool;
import dev.gotrace.core.event.TraceEvent;
import dev.gotrace.core.wire.EventSpec;
import dev.gotrace.core.wire.EventSpecs;

/**
 * Prints an event exactly as Go's {@code Event.String()} does ({@code src/internal/trace/event.go}),
 * followed by the newline of {@code fmt.Println}, so our stream can be compared with the output
 * of {@code go tool trace -d=parsed}.
 */
final class GoEventFormatter {
  private final StringPool strings;
  private final StackTable stacks;

  GoEventFormatter(StringPool strings, StackTable stacks) {
    this.strings = strings;
    this.stacks = stacks;
  }

  String format(TraceEvent e) {
    StringBuilder b = new StringBuilder(128);
    b.append("M=").append(e.thread()).append(" P=").append(e.proc()).append(" G=").append(e.goroutine());
    b.append(' ').append(e.kind().goName()).append(" Time=").append(e.time());
    switch (e.kind()) {
      case METRIC -> b.append(" Name=").append(quote(str(e.nameId()))).append(" Value=")
          .append(uint64Value(e.metricValue()));
      case LABEL -> b.append(" Label=").append(quote(str(e.nameId()))).append(" Resource=Goroutine(")
          .append(e.resourceId()).append(')');
      case RANGE_BEGIN, RANGE_ACTIVE, RANGE_END -> {
        b.append(" Name=").append(quote(str(e.nameId()))).append(" Scope=").append(scope(e));
        if (e.kind() == EventKind.RANGE_END) {
          b.append(" Attributes=[");
          if (e.hasSweepAttributes()) {
            b.append("\"bytes swept\"=").append(uint64Value(e.bytesSwept()))
                .append(" \"bytes reclaimed\"=").append(uint64Value(e.bytesReclaimed()));
          }
          b.append(']');
        }
      }
      case TASK_BEGIN, TASK_END -> b.append(" ID=").append(Long.toUnsignedString(e.taskId())).append(" Parent=")
          .append(Long.toUnsignedString(e.parentTaskId())).append(" Type=").append(quote(str(e.nameId())));
      case REGION_BEGIN, REGION_END -> b.append(" Task=").append(Long.toUnsignedString(e.taskId())).append(" Type=")
          .append(quote(str(e.nameId())));
      case LOG -> b.append(" Task=").append(Long.toUnsignedString(e.taskId())).append(" Category=")
          .append(quote(str(e.categoryId()))).append(" Message=").append(quote(str(e.messageId())));
      case STATE_TRANSITION -> transition(b, e);
      case EXPERIMENTAL -> experimental(b, e);
      case SYNC -> {
        b.append(" N=").append(e.syncNumber());
        if (e.hasClockSnapshot()) {
          b.append(" Trace=").append(e.snapshotTraceTime()).append(" Mono=")
              .append(Long.toUnsignedString(e.snapshotMono())).append(" Wall=")
              .append(rfc3339Nano(e.snapshotWallSeconds(), e.snapshotWallNanos()));
        }
      }
      default -> { }
    }
    // A CPU sample always has a stack handle in Go, even for stack id 0.
    if (e.stackId() != 0 || e.kind() == EventKind.STACK_SAMPLE) {
      b.append("\nStack=\n");
      printStack(b, e.stackId());
    }
    return b.append('\n').toString();
  }

  private void transition(StringBuilder b, TraceEvent e) {
    boolean creation = false;
    if (e.resourceKind() == ResourceKind.GOROUTINE) {
      GoState from = GoState.of(e.fromState());
      GoState to = GoState.of(e.toState());
      b.append(" GoID=").append(e.resourceId()).append(' ').append(from.goName()).append("->").append(to.goName());
      // GoCreate's transition stack is a handle even for stack id 0.
      creation = from == GoState.NOT_EXIST && (to == GoState.RUNNABLE || to == GoState.WAITING);
    } else if (e.resourceKind() == ResourceKind.PROC) {
      b.append(" ProcID=").append(e.resourceId()).append(' ').append(ProcState.of(e.fromState()).goName())
          .append("->").append(ProcState.of(e.toState()).goName());
    }
    b.append(" Reason=").append(quote(str(e.reasonId())));
    if (e.transitionStackId() != 0 || creation) {
      b.append("\nTransitionStack=\n");
      printStack(b, e.transitionStackId());
    }
  }

  private void experimental(StringBuilder b, TraceEvent e) {
    String name = str(e.nameId());
    EventSpec spec = EventSpecs.get(EventSpecs.typeOf(name));
    b.append(" Name=").append(name).append(" Args=[");
    for (int i = 0; i < e.experimentalArgCount(); i++) {
      if (i != 0) b.append(", ");
      String arg = spec.args().get(i + 1);
      b.append(arg).append('=');
      b.append(arg.endsWith("string") ? str((int) e.experimentalArg(i)) : uint64Value(e.experimentalArg(i)));
    }
    b.append(']');
  }

  private void printStack(StringBuilder b, int stack) {
    if (stack == 0) return;
    for (int f = 0; f < stacks.depth(stack); f++) {
      b.append('\t').append(str(stacks.function(stack, f))).append(" @ 0x")
          .append(Long.toHexString(stacks.pc(stack, f))).append('\n');
      b.append("\t\t").append(str(stacks.file(stack, f))).append(':')
          .append(Long.toUnsignedString(stacks.line(stack, f))).append('\n');
    }
  }

  private static String scope(TraceEvent e) {
    return switch (e.scopeKind()) {
      case NONE -> "None";
      case GOROUTINE -> "Goroutine(" + e.scopeId() + ")";
      case PROC -> "Proc(" + e.scopeId() + ")";
      case THREAD -> "Thread(" + e.scopeId() + ")";
    };
  }

  private String str(int id) { return strings.get(id); }

  private static String uint64Value(long v) { return "Value{Uint64(" + Long.toUnsignedString(v) + ")}"; }

  /** Go's {@code time.Unix(sec, nsec).Format(time.RFC3339Nano)} in UTC. */
  static String rfc3339Nano(long sec, long nsec) {
    if (nsec < 0 || nsec >= 1_000_000_000L) {
      long n = nsec / 1_000_000_000L;
      sec += n;
      nsec -= n * 1_000_000_000L;
      if (nsec < 0) {
        nsec += 1_000_000_000L;
        sec--;
      }
    }
    // Civil date from days since 1970-01-01 (H. Hinnant's algorithm) in long arithmetic: Go formats
    // any int64 second, far beyond java.time's years (a fuzzed clock snapshot reaches them).
    long days = Math.floorDiv(sec, 86_400L);
    long secOfDay = Math.floorMod(sec, 86_400L);
    long z = days + 719_468;
    long era = Math.floorDiv(z, 146_097);
    long doe = z - era * 146_097;
    long yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long mp = (5 * doy + 2) / 153;
    long day = doy - (153 * mp + 2) / 5 + 1;
    long month = mp < 10 ? mp + 3 : mp - 9;
    long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
    StringBuilder b = new StringBuilder();
    // Go's layout pads the year to four digits, a negative one after its sign.
    b.append(year < 0 ? "-" : "").append(String.format("%04d-%02d-%02dT%02d:%02d:%02d", Math.abs(year), month, day,
        secOfDay / 3600, secOfDay / 60 % 60, secOfDay % 60));
    if (nsec != 0) {
      String frac = String.format("%09d", nsec);
      int end = frac.length();
      while (frac.charAt(end - 1) == '0') end--;
      b.append('.').append(frac, 0, end);
    }
    return b.append('Z').toString();
  }

  /** Go's {@code strconv.Quote} (%q) for a valid UTF-8 string. */
  static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '"' || cp == '\\') {
        b.append('\\').appendCodePoint(cp);
      } else if (isPrint(cp)) {
        b.appendCodePoint(cp);
      } else {
        switch (cp) {
          case 7 -> b.append("\\a");
          case '\b' -> b.append("\\b");
          case '\f' -> b.append("\\f");
          case '\n' -> b.append("\\n");
          case '\r' -> b.append("\\r");
          case '\t' -> b.append("\\t");
          case 11 -> b.append("\\v");
          default -> {
            if (cp < ' ' || cp == 0x7f) {
              b.append(String.format("\\x%02x", cp));
            } else if (cp < 0x10000) {
              b.append(String.format("\\u%04x", cp));
            } else {
              b.append(String.format("\\U%08x", cp));
            }
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static boolean isPrint(int cp) {
    if (cp == ' ') return true;
    if (cp < ' ' || cp == 0x7f) return false;
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.PRIVATE_USE, Character.UNASSIGNED,
          Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> false;
      default -> true;
    };
  }
}
