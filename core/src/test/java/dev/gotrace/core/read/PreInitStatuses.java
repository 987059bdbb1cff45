package dev.gotrace.core.read;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes the one nondeterministic part of Go's v1 conversion comparable. At the first Gomaxprocs
 * event of a v1 trace, Go emits a {@code GoStatus(Runnable)} with no context for every goroutine
 * created before it and not yet seen, iterating a Go map ({@code createdPreInit} in
 * {@code src/internal/trace/tracev1.go}); Go randomises map iteration, so which goroutine gets
 * which of the consecutive 1 ns-apart times differs from run to run. Within each run of such
 * lines this keeps the times in their order and sorts the goroutine ids, so two streams compare
 * equal exactly when they have the same times and the same set of goroutines.
 */
final class PreInitStatuses {
  private static final Pattern STATUS =
      Pattern.compile("M=-1 P=-1 G=-1 StateTransition Time=(-?\\d+) GoID=(\\d+) Undetermined->Runnable Reason=\"\"");

  private PreInitStatuses() {}

  static List<String> normalize(List<String> lines) {
    List<String> out = new ArrayList<>(lines.size());
    int i = 0;
    while (i < lines.size()) {
      List<long[]> run = new ArrayList<>();
      Matcher m;
      while (i < lines.size() && (m = STATUS.matcher(lines.get(i))).matches()) {
        run.add(new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2))});
        i++;
      }
      if (run.isEmpty()) {
        out.add(lines.get(i++));
        continue;
      }
      long[] ids = run.stream().mapToLong(r -> r[1]).sorted().toArray();
      for (int k = 0; k < run.size(); k++) {
        out.add("M=-1 P=-1 G=-1 StateTransition Time=" + run.get(k)[0] + " GoID=" + ids[k]
            + " Undetermined->Runnable Reason=\"\"");
      }
    }
    return out;
  }
}
