package dev.gotrace.core.read;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Development aid: prints a trace like {@code go tool trace -d=parsed}. */
public final class DumpParsed {
  private DumpParsed() {}

  public static void main(String[] args) throws Exception {
    TraceReader reader = new TraceReader(ReadOptions.strict());
    GoEventFormatter f = new GoEventFormatter(reader.strings(), reader.stacks());
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      TraceReadResult r = reader.read(Path.of(args[0]), e -> {
        try {
          w.write(f.format(e));
        } catch (java.io.IOException ex) {
          throw new java.io.UncheckedIOException(ex);
        }
      });
      System.err.println(r.eventCount() + " events, " + r.generationCount() + " generations");
    }
  }
}
