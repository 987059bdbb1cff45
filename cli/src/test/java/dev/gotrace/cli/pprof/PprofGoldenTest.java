package dev.gotrace.cli.pprof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.google.perftools.profiles.ProfileProto.Profile;
import com.google.perftools.profiles.ProfileProto.Sample;
import dev.gotrace.core.ParsedGolden;
import dev.gotrace.core.PprofRawGolden;
import dev.gotrace.core.TestData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * Our pprof files, read back through the same generated protobuf classes, against Go's tools on
 * every committed v2 trace: the four blocking profiles list the same samples (stacks as function
 * file:line, contentions, delay) and sample types as {@code go tool pprof -raw} of {@code go tool
 * trace -pprof=TYPE} (PROG.pprof-TYPE.txt); the cpu profile has, per stack, as many samples as
 * {@code go tool trace -d=parsed} lists StackSample events with that stack. A {@code --sql} profile
 * of one goroutine group over _profile_intervals equals the profile go tool trace's web UI gives
 * for that group (PROG.pprof-TYPE.group-NAME.txt, its /block?name=NAME&raw=1 and the like).
 */
@Execution(ExecutionMode.CONCURRENT)
class PprofGoldenTest {
  /** PROG.pprof-TYPE.group-NAME.txt. */
  private static final Pattern GROUP_GOLDEN = Pattern.compile("(\\w+)\\.pprof-(\\w+)\\.group-(.+)\\.txt");

  @TestFactory
  Stream<DynamicTest> everyProfileEqualsGoOnEveryV2Trace() {
    return TestData.v2Traces().stream().map(trace -> dynamicTest(trace.toString(), () -> {
      List<String> problems = new ArrayList<>();
      try (Connection c = DriverManager.getConnection("jdbc:gotrace:" + trace.file())) {
        for (ProfileKind kind : List.of(ProfileKind.net, ProfileKind.sync, ProfileKind.syscall, ProfileKind.sched)) {
          Profile ours = PprofFiles.roundTrip(PprofWriter.profile(c, kind.query()));
          List<String> golden = Files.readAllLines(trace.golden("pprof-" + kind + ".txt"));
          check(problems, kind + " period", golden.get(0), "PeriodType: " + header(ours, ours.getPeriodType()));
          check(problems, kind + " sample types", golden.get(golden.indexOf("Samples:") + 1), sampleTypes(ours));
          List<String> expected = new ArrayList<>();
          for (PprofRawGolden.Sample s : PprofRawGolden.read(trace.golden("pprof-" + kind + ".txt"))) {
            expected.add(s.frames() + " " + s.contentions() + "/" + s.delayNs());
          }
          List<String> actual = new ArrayList<>();
          for (Sample s : ours.getSampleList()) {
            actual.add(PprofFiles.frames(ours, s, true) + " " + s.getValue(0) + "/" + s.getValue(1));
          }
          sameMultiset(problems, kind.toString(), expected, actual);
        }
        checkCpu(problems, c, trace);
      }
      assertEquals(List.of(), problems.subList(0, Math.min(20, problems.size())), problems.size() + " mismatches");
    }));
  }

  @TestFactory
  Stream<DynamicTest> aGroupRestrictedSqlProfileEqualsGosGroupProfile() throws Exception {
    List<Path> goldens;
    try (Stream<Path> files = Files.list(TestData.root().resolve("golden/go1.27"))) {
      goldens = files.filter(f -> f.getFileName().toString().contains(".group-")).sorted().toList();
    }
    assertTrue(goldens.size() >= 4, goldens.toString());
    return goldens.stream().map(golden -> dynamicTest(golden.getFileName().toString(), () -> {
      Matcher m = GROUP_GOLDEN.matcher(golden.getFileName().toString());
      assertTrue(m.matches(), golden.toString());
      ProfileQuery query = ProfileQuery.custom("SELECT p.stack_id, COUNT(*) AS contentions, SUM(p.delay_ns) AS delay_ns"
          + " FROM _profile_intervals p JOIN goroutines g ON g.goid = p.goid"
          + " WHERE p.profile = '" + m.group(2) + "' AND g.name = '" + m.group(3) + "' GROUP BY p.stack_id");
      try (Connection c = DriverManager.getConnection("jdbc:gotrace:"
          + TestData.root().resolve("traces/go1.27/" + m.group(1) + ".trace"))) {
        List<String> problems = new ArrayList<>();
        Profile ours = PprofFiles.roundTrip(PprofWriter.profile(c, query));
        List<String> expected = new ArrayList<>();
        for (PprofRawGolden.Sample s : PprofRawGolden.read(golden)) {
          expected.add(s.frames() + " " + s.contentions() + "/" + s.delayNs());
        }
        assertTrue(!expected.isEmpty(), "Go's group profile is empty: " + golden);
        List<String> actual = new ArrayList<>();
        for (Sample s : ours.getSampleList()) {
          actual.add(PprofFiles.frames(ours, s, true) + " " + s.getValue(0) + "/" + s.getValue(1));
        }
        sameMultiset(problems, m.group(3), expected, actual);
        assertEquals(List.of(), problems);
      }
    }));
  }

  /** Per stack: Go's StackSample count = our samples value, and cpu = samples × 10 ms. */
  private static void checkCpu(List<String> problems, Connection c, TestData.Trace trace) throws Exception {
    Map<String, Long> expected = new HashMap<>();
    ParsedGolden.forEachEvent(trace.golden("parsed.txt.gz"), e -> {
      if (!e.kind().equals("StackSample")) return;
      List<ParsedGolden.Frame> stack = e.stack("Stack");
      List<String> texts = new ArrayList<>();
      for (ParsedGolden.Frame f : stack.subList(0, Math.min(StackFrames.MAX_FRAMES, stack.size()))) texts.add(f.text());
      expected.merge(texts.toString(), 1L, Long::sum);
    });
    Profile ours = PprofFiles.roundTrip(PprofWriter.profile(c, ProfileKind.cpu.query()));
    check(problems, "cpu sample types", "samples/count cpu/nanoseconds", sampleTypes(ours));
    check(problems, "cpu period", "cpu nanoseconds", header(ours, ours.getPeriodType()));
    Map<String, Long> actual = new HashMap<>();
    for (Sample s : ours.getSampleList()) {
      actual.merge(PprofFiles.frames(ours, s, false).toString(), s.getValue(0), Long::sum);
      check(problems, "cpu time of " + PprofFiles.frames(ours, s, false), s.getValue(0) * 10_000_000, s.getValue(1));
    }
    check(problems, "cpu samples per stack", new java.util.TreeMap<>(expected), new java.util.TreeMap<>(actual));
  }

  /** "type/unit type/unit", as pprof -raw prints the sample types. */
  private static String sampleTypes(Profile p) {
    List<String> types = new ArrayList<>();
    p.getSampleTypeList().forEach(t -> types.add(p.getStringTable((int) t.getType()) + "/" + p.getStringTable((int) t.getUnit())));
    assertTrue(p.getStringTable(0).isEmpty(), "string_table[0] is empty");
    return String.join(" ", types);
  }

  private static String header(Profile p, com.google.perftools.profiles.ProfileProto.ValueType t) {
    return p.getStringTable((int) t.getType()) + " " + p.getStringTable((int) t.getUnit());
  }

  private static void check(List<String> problems, String what, Object expected, Object actual) {
    if (!expected.equals(actual)) problems.add(what + ": Go " + expected + ", ours " + actual);
  }

  private static void sameMultiset(List<String> problems, String what, List<String> go, List<String> ours) {
    Map<String, Integer> balance = new HashMap<>();
    for (String row : go) balance.merge(row, 1, Integer::sum);
    for (String row : ours) balance.merge(row, -1, Integer::sum);
    balance.forEach((row, n) -> {
      if (n > 0) problems.add(what + ": Go has, we lack " + n + "x: " + row);
      if (n < 0) problems.add(what + ": we have, Go lacks " + (-n) + "x: " + row);
    });
  }
}
