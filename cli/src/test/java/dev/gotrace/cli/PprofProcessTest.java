package dev.gotrace.cli;

import static dev.gotrace.cli.CliProcessTest.assertOneLineError;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.perftools.profiles.ProfileProto.Profile;
import com.google.perftools.profiles.ProfileProto.Sample;
import dev.gotrace.cli.pprof.PprofFiles;
import dev.gotrace.core.PprofRawGolden;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/gotrace-sql pprof --sql} run as a process: a query over _profile_intervals, the
 * intervals go tool trace's profiles count, gives Go's {@code go tool trace -pprof=sync} samples
 * ({@code go tool pprof -raw} golden); a query with a text column is a usage error.
 */
class PprofProcessTest {
  private static final String TRACE = Golden.trace("chansync").toString();

  @Test
  void sqlProfileOverTheProfileIntervalsEqualsGosSyncProfile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("sync.pb.gz");
    ProcessRun run = ProcessRun.of(null, "pprof", TRACE, "-o", file.toString(), "--sql",
        "SELECT stack_id, COUNT(*) AS contentions, SUM(delay_ns) AS delay_ns FROM _profile_intervals"
            + " WHERE profile = 'sync' GROUP BY stack_id");
    assertEquals("", run.err());
    assertEquals(ExitCodes.OK, run.exitCode());
    Profile profile;
    try (InputStream in = Files.newInputStream(file)) {
      profile = PprofFiles.read(in);
    }
    List<String> expected = new ArrayList<>();
    for (PprofRawGolden.Sample s : PprofRawGolden.read(Golden.root().resolve("testdata/golden/go1.27/chansync.pprof-sync.txt"))) {
      expected.add(s.frames() + " " + s.contentions() + "/" + s.delayNs());
    }
    List<String> actual = new ArrayList<>();
    for (Sample s : profile.getSampleList()) {
      actual.add(PprofFiles.frames(profile, s, true) + " " + s.getValue(0) + "/" + s.getValue(1));
    }
    Collections.sort(expected);
    Collections.sort(actual);
    assertEquals(expected, actual);
  }

  @Test
  void textValueColumnIsUsageError() throws Exception {
    ProcessRun run = ProcessRun.of(null, "pprof", TRACE, "--sql", "SELECT stack_id, leaf_function FROM stacks");
    assertOneLineError(run, ExitCodes.USAGE, "gotrace-sql: --sql: column leaf_function is VARCHAR; a profile query "
        + "returns stack_id and integer value columns only");
    assertEquals("", run.out());
  }
}
