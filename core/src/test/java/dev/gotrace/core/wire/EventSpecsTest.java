package dev.gotrace.core.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.gotrace.core.TestData;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link EventSpecs} must equal Go 1.27's table as printed by Go itself (event-specs.txt). */
class EventSpecsTest {
  @Test
  void matchesGoTable() throws IOException {
    List<String> go = new ArrayList<>();
    for (String line : Files.readAllLines(TestData.root().resolve("conformance/event-specs.txt"))) {
      if (!line.startsWith("#")) go.add(line);
    }
    List<String> ours = new ArrayList<>();
    for (int t = 0; t < EventSpecs.COUNT; t++) {
      EventSpec s = EventSpecs.get(t);
      if (s.name().isEmpty()) continue;
      ours.add(t + " " + s.name() + " args=" + String.join(",", s.args()) + " strings=" + goList(s.stringIds())
          + " stacks=" + goList(s.stackIds()) + " start=" + s.startEvent() + " timed=" + s.timed() + " data="
          + s.hasData() + " stack=" + s.isStack() + " exp=" + s.experiment());
    }
    assertEquals(go, ours);
  }

  private static String goList(int[] values) {
    return Arrays.toString(values).replace(",", "");
  }
}
