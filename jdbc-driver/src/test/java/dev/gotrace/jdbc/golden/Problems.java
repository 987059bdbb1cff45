package dev.gotrace.jdbc.golden;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** How golden tests collect every difference from Go before failing once with all of them. */
public final class Problems {
  private Problems() {}

  /** Adds a problem if Go's value and ours differ. */
  public static void check(List<String> problems, String what, Object expected, Object actual) {
    if (!Objects.equals(expected, actual)) problems.add(what + ": Go " + expected + ", ours " + actual);
  }

  /** Reports the rows only one side has (as multisets). */
  public static void sameMultiset(List<String> problems, String what, List<String> go, List<String> ours) {
    Map<String, Integer> balance = new LinkedHashMap<>();
    for (String row : go) balance.merge(row, 1, Integer::sum);
    for (String row : ours) balance.merge(row, -1, Integer::sum);
    balance.forEach((row, n) -> {
      if (n > 0) problems.add(what + ": Go has, we lack " + n + "x: " + row);
      if (n < 0) problems.add(what + ": we have, Go lacks " + (-n) + "x: " + row);
    });
  }
}
