package dev.gotrace.cli.pprof;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The stacks of the StackSample events (CPU samples) of a {@code go tool trace -d=parsed} golden, each
 * as its frames {@code "function file:line"}, leaf first, with the frame's PC; an empty list for a
 * sample without a stack.
 */
final class StackSamplesGolden {
  /** One frame: {@code "function file:line"} and its PC. */
  record Frame(String text, long pc) {}

  private StackSamplesGolden() {}

  static List<List<Frame>> read(Path parsedGz) throws IOException {
    List<List<Frame>> samples = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        new GZIPInputStream(Files.newInputStream(parsedGz)), StandardCharsets.UTF_8))) {
      List<Frame> current = null;
      String function = null;
      long pc = 0;
      for (String line; (line = in.readLine()) != null; ) {
        if (line.startsWith("M=")) {
          current = null;
          if (line.contains(" StackSample ")) {
            current = new ArrayList<>();
            samples.add(current);
          }
        } else if (current != null && line.startsWith("\t\t")) {
          current.add(new Frame(function + " " + line.strip(), pc));
        } else if (current != null && line.startsWith("\t")) {
          int at = line.lastIndexOf(" @ 0x");
          function = line.substring(1, at);
          pc = Long.parseUnsignedLong(line.substring(at + 5), 16);
        }
      }
    }
    return samples;
  }
}
