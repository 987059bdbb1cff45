package dev.gotrace.core.conformance;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.gotrace.core.TestData;
import dev.gotrace.core.format.TraceFormatException;
import dev.gotrace.core.read.EventDigest;
import dev.gotrace.core.read.ReadOptions;
import dev.gotrace.core.read.TraceReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Coverage-guided fuzzing of the decoder with Jazzer: whatever the bytes, reading them strictly or
 * leniently either returns events or throws {@link TraceFormatException}, never another exception,
 * an {@link OutOfMemoryError} (the fuzzing JVM's heap is 512 MiB) or a hang (more than 10 s for one
 * input is a finding in fuzzing mode, set in core/pom.xml).
 *
 * <p>Without JAZZER_FUZZ this is a regression test over the seeds below and the findings committed
 * in {@code src/test/resources/dev/gotrace/core/conformance/DecoderFuzzTestInputs/decode/}; the
 * core module's {@code fuzz} execution runs it in fuzzing mode for {@code -Dfuzz.duration} (2 min in CI).
 * Seeds: the small committed traces of every Go release (v1 and v2), the tests of Go's reader
 * ({@code testdata/conformance/*.test}) and Go's own FuzzReader corpus.
 */
class DecoderFuzzTest {
  /** Seeds larger than this slow every execution for little new coverage. */
  private static final long MAX_SEED_BYTES = 16 * 1024;

  @MethodSource("seeds")
  @FuzzTest(maxDuration = "2m")
  void decode(byte[] input) {
    for (ReadOptions options : new ReadOptions[] {ReadOptions.strict(), ReadOptions.lenient()}) {
      TraceReader reader = new TraceReader(options);
      try {
        reader.read(input, new EventDigest(reader.strings(), reader.stacks()));
      } catch (TraceFormatException expected) {
        // The one exception a decoder may throw.
      }
    }
  }

  static Stream<byte[]> seeds() throws IOException {
    Path conformance = TestData.root().resolve("conformance");
    Stream<byte[]> traces = TestData.allTraces().stream().map(TestData.Trace::file)
        .filter(f -> size(f) <= MAX_SEED_BYTES).map(DecoderFuzzTest::read);
    Stream<byte[]> readerCases;
    try (Stream<Path> files = Files.list(conformance)) {
      readerCases = files.filter(f -> f.toString().endsWith(".test")).sorted().map(DecoderFuzzTest::goReaderCase)
          .filter(b -> b.length <= MAX_SEED_BYTES).toList().stream();
    }
    Stream<byte[]> goCorpus;
    try (Stream<Path> files = Files.list(conformance.resolve("fuzz"))) {
      goCorpus = files.sorted().map(DecoderFuzzTest::goCorpusFile).toList().stream();
    }
    return Stream.of(traces, readerCases, goCorpus).flatMap(s -> s);
  }

  private static long size(Path file) {
    try {
      return Files.size(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A test of Go's reader ({@code conformance/*.test}), encoded as ConformanceTest reads it. */
  private static byte[] goReaderCase(Path file) {
    return TextTraceEncoder.encode(Txtar.parse(new String(read(file), StandardCharsets.UTF_8)).get("trace"));
  }

  private static byte[] goCorpusFile(Path file) {
    return GoFuzzCorpusTest.decode(new String(read(file), StandardCharsets.UTF_8));
  }
}
