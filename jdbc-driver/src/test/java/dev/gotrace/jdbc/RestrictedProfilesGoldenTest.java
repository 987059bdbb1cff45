package dev.gotrace.jdbc;

import static dev.gotrace.jdbc.golden.SqlRows.asLong;
import static dev.gotrace.jdbc.golden.SqlRows.query;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gotrace.core.TestData;
import java.io.InputStream;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * goroutine_group_profiles and region_profiles equal, for every goroutine group and every region
 * type of every committed trace, the four profiles cmd/trace serves for them (PROG.profiles.json.gz,
 * written by gohelper restating cmd/trace/pprof.go): the same multiset of (count, delay, stack), a
 * stack compared by the hash of its first 128 PCs, the key cmd/trace merges records by.
 */
@Execution(ExecutionMode.CONCURRENT)
class RestrictedProfilesGoldenTest {
  private static final int MAX_FRAMES = 128;

  @TestFactory Stream<DynamicTest> restrictedProfilesEqualCmdTrace() {
    return TestData.allTraces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      JsonNode golden;
      try (InputStream in = new GZIPInputStream(Files.newInputStream(trace.golden("profiles.json.gz")))) {
        golden = new ObjectMapper().readTree(in);
      }
      List<String> expected = new ArrayList<>();
      for (JsonNode p : golden.get("profiles")) {
        for (JsonNode s : p.get("samples")) {
          expected.add(p.get("by").asText() + "|" + p.get("key").asText() + "|" + p.get("profile").asText() + "|"
              + s.get("count").asLong() + "|" + s.get("delay").asLong() + "|" + s.get("stack").asText());
        }
      }
      List<String> actual = new ArrayList<>();
      try (Connection c = DriverManager.getConnection(GoTraceDriver.PREFIX + trace.file())) {
        Map<Long, String> hashes = stackHashes(c);
        String empty = hash(List.of());
        for (Map<String, Object> r : query(c, "SELECT * FROM goroutine_group_profiles WHERE name <> ''")) {
          actual.add(line("goroutine_group", r.get("name"), r, hashes, empty));
        }
        for (Map<String, Object> r : query(c, "SELECT * FROM region_profiles")) {
          actual.add(line("region_type", r.get("region_name"), r, hashes, empty));
        }
      }
      expected.sort(null);
      actual.sort(null);
      assertEquals(expected, actual, trace + ": restricted profiles vs cmd/trace");
    }));
  }

  private static String line(String by, Object key, Map<String, Object> r, Map<Long, String> hashes, String empty) {
    Long stack = asLong(r.get("stack_id"));
    return by + "|" + key + "|" + r.get("profile") + "|" + asLong(r.get("contentions")) + "|"
        + asLong(r.get("delay_ns")) + "|" + (stack == null ? empty : hashes.get(stack));
  }

  /** Per stack, the FNV-1a 64 hash of its first 128 PCs (little-endian uint64s) up to the first zero. */
  private static Map<Long, String> stackHashes(Connection c) throws Exception {
    Map<Long, List<Long>> pcs = new HashMap<>();
    for (Map<String, Object> f : query(c, "SELECT stack_id, depth, pc FROM stack_frames ORDER BY stack_id, depth")) {
      List<Long> list = pcs.computeIfAbsent(asLong(f.get("stack_id")), k -> new ArrayList<>());
      if (list.size() < MAX_FRAMES) list.add(asLong(f.get("pc")));
    }
    Map<Long, String> out = new HashMap<>();
    pcs.forEach((id, list) -> out.put(id, hash(list)));
    return out;
  }

  private static String hash(List<Long> pcs) {
    long h = 0xcbf29ce484222325L;
    for (long pc : pcs) {
      if (pc == 0) break;
      for (int i = 0; i < 8; i++) {
        h ^= (pc >>> (8 * i)) & 0xff;
        h *= 0x100000001b3L;
      }
    }
    return String.format("%016x", h);
  }
}
