package dev.gotrace.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One run of {@code bin/gotrace-sql} as a real process, on this test JVM's class path (no jar needed). */
record ProcessRun(int exitCode, String out, String err) {
  static ProcessRun of(String stdin, String... args) throws IOException, InterruptedException {
    return withEnvironment(Map.of(), stdin, args);
  }

  /** A run with {@code environment} added to this JVM's. */
  static ProcessRun withEnvironment(Map<String, String> environment, String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Golden.root().resolve("bin/gotrace-sql").toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("GOTRACE_SQL_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().putAll(environment);
    Path out = Files.createTempFile("gotrace-sql", ".out");
    Path err = Files.createTempFile("gotrace-sql", ".err");
    try {
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      try (OutputStream in = p.getOutputStream()) {
        if (stdin != null) in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(120, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("gotrace-sql did not finish: " + command);
      }
      return new ProcessRun(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
