package dev.gotrace.core.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gotrace.core.TestData;
import dev.gotrace.core.table.TraceDatabase;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * For every committed trace, the MMU at each golden window and flag set equals what Go 1.27's
 * internal/trace computes (testdata/golden/go1.NN/PROG.mmu.json, written by testdata/gohelper with
 * MutatorUtilizationV2 and NewMMUCurve(...).MMU), and so do the /mmu page's percentiles (MUD at
 * quantiles 0, 0.001, 0.01, 0.05).
 */
class MmuGoldenTest {
  @TestFactory Stream<DynamicTest> mmuEqualsGo() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      JsonNode golden = new ObjectMapper().readTree(trace.golden("mmu.json").toFile());
      try (TraceDatabase db = TraceDatabase.open(trace.file())) {
        for (JsonNode result : golden.get("results")) {
          String flags = result.get("flags").asText();
          MmuCurve curve = Mmu.curve(db, flags);
          for (int i = 0; i < golden.get("windows_ns").size(); i++) {
            long window = golden.get("windows_ns").get(i).asLong();
            assertEquals(result.get("mmu").get(i).asDouble(), curve.mmu(window),
                trace + " flags=" + flags + " window=" + window);
            double[] quantiles = new double[golden.get("mud_quantiles").size()];
            for (int q = 0; q < quantiles.length; q++) quantiles[q] = golden.get("mud_quantiles").get(q).asDouble();
            double[] mud = curve.mud(window, quantiles);
            for (int q = 0; q < quantiles.length; q++) {
              assertEquals(result.get("mud").get(i).get(q).asDouble(), mud[q],
                  trace + " flags=" + flags + " window=" + window + " quantile=" + quantiles[q]);
            }
          }
        }
      }
    }));
  }
}
