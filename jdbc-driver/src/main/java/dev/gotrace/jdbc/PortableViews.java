package dev.gotrace.jdbc;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shipped views (and reports) as other SQL engines can take them: in dependency order, each
 * with the views and tables it reads and, if it cannot run elsewhere, why. A view is not portable
 * if it calls one of gotrace's own functions ({@link FunctionRegistry#SHIPPED}), uses syntax only
 * Calcite accepts, or reads a view that is not portable. The SQL is the shipped file's text.
 */
public final class PortableViews {
  /** FROM or JOIN followed by a name: a table or view the query reads. */
  private static final Pattern READS = Pattern.compile("\\b(?:FROM|JOIN)\\s+([a-z_][a-z0-9_]*)", Pattern.CASE_INSENSITIVE);
  /** Syntax other engines reject, with what to say of it. */
  private static final Map<Pattern, String> CALCITE_ONLY = Map.of(
      Pattern.compile("\\bAS\\s+VARCHAR\\s*\\)", Pattern.CASE_INSENSITIVE),
      "casts to VARCHAR without a length, which Spark SQL rejects");

  /**
   * A view as exported.
   *
   * @param views the shipped views it reads, each listed before it
   * @param tables the base tables it reads
   * @param notPortable why it cannot run on another engine, or null if it can
   */
  public record View(ViewDefinition definition, List<String> views, List<String> tables, String notPortable) {
    public boolean portable() { return notPortable == null; }
  }

  private PortableViews() {}

  /** Every shipped view and report, each after the views it reads. */
  public static List<View> shipped() {
    return of(ViewLoader.shipped().views());
  }

  static List<View> of(List<ViewDefinition> definitions) {
    Map<String, ViewDefinition> byName = new LinkedHashMap<>();
    for (ViewDefinition d : definitions) byName.put(d.name(), d);
    Map<String, View> done = new LinkedHashMap<>();
    for (ViewDefinition d : definitions) add(d, byName, done, new LinkedHashSet<>());
    return List.copyOf(done.values());
  }

  private static void add(ViewDefinition d, Map<String, ViewDefinition> byName, Map<String, View> done, Set<String> path) {
    if (done.containsKey(d.name())) return;
    if (!path.add(d.name())) throw new IllegalStateException("views read each other in a cycle: " + path);
    Set<String> views = new LinkedHashSet<>();
    Set<String> tables = new LinkedHashSet<>();
    String body = withoutComments(d.sql());
    Matcher m = READS.matcher(body);
    while (m.find()) {
      String name = m.group(1).toLowerCase(Locale.ROOT);
      if (byName.containsKey(name)) {
        views.add(name);
      } else if (!isKeyword(name)) {
        tables.add(name);
      }
    }
    for (String v : views) add(byName.get(v), byName, done, path);
    path.remove(d.name());
    done.put(d.name(), new View(d, List.copyOf(views), List.copyOf(tables), notPortable(body, views, done)));
  }

  private static String notPortable(String body, Set<String> views, Map<String, View> done) {
    List<String> reasons = new ArrayList<>();
    for (String function : FunctionRegistry.SHIPPED.functions().keySet()) {
      if (Pattern.compile("\\b" + function + "\\s*\\(", Pattern.CASE_INSENSITIVE).matcher(body).find()) {
        reasons.add("calls gotrace's function " + function);
      }
    }
    CALCITE_ONLY.forEach((syntax, why) -> {
      if (syntax.matcher(body).find()) reasons.add(why);
    });
    for (String v : views) {
      if (!done.get(v).portable()) reasons.add("reads " + v + ", which is not portable");
    }
    return reasons.isEmpty() ? null : String.join("; ", reasons);
  }

  /** FROM (SELECT ...) and FROM TABLE(...) read no named table. */
  private static boolean isKeyword(String name) {
    return name.equals("select") || name.equals("table") || name.equals("lateral") || name.equals("unnest");
  }

  private static String withoutComments(String sql) {
    return sql.replaceAll("--[^\\n]*", "");
  }
}
