package dev.gotrace.core.read;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Development aid: prints a trace like {@code go tool trace -d=parsed}, or with {@code --digest}
 * only the event count and the SHA-256 of that text (compare with {@code gotracehelper digest}).
 */
public final class DumpParsed {
  private DumpParsed() {}

  public static void main(String[] args) throws IOException {
    TraceReader reader = new TraceReader(ReadOptions.strict());
    if (args[0].equals("--digest")) {
      EventDigest digest = new EventDigest(reader.strings(), reader.stacks());
      reader.read(Path.of(args[1]), digest);
      System.out.println(digest.count() + " " + digest.hex() + " ok");
      return;
    }
    GoEventFormatter f = new GoEventFormatter(reader.strings(), reader.stacks());
    try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)) {
      TraceReadResult r = reader.read(Path.of(args[0]), e -> {
        try {
          w.write(f.format(e));
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      });
      System.err.println(r.eventCount() + " events, " + r.generationCount() + " generations");
    }
  }
}
