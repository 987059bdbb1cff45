package dev.gotrace.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Loads SQL views from class-path resources and registers them in a trace schema.
 *
 * <p>The views live under a resource folder, one {@code <name>.sql} file per view (format: {@link
 * ViewDefinition}), listed by name, one per line, in {@code index.txt} in that folder ({@code #}
 * starts a comment). Views may use each other in any order; each is validated on first use. A
 * folder without {@code index.txt} has no views. A folder may give its views a name prefix (the
 * reports are views {@code report_<file name>}). Files are read once per loader.
 */
public final class ViewLoader {
  /** Where module queries ships the views. */
  public static final String SHIPPED_FOLDER = "gotrace/views/";
  /** Where module queries ships the canned reports. */
  public static final String REPORTS_FOLDER = "gotrace/reports/";
  /** Where module queries ships the SQL of catalogue connections (several traces). */
  public static final String CATALOGUE_FOLDER = "gotrace/catalogue/";
  /** The name prefix of the reports' views. */
  public static final String REPORT_PREFIX = "report_";

  /** A resource folder of views, and the prefix of their names. */
  private record Folder(String path, String prefix) {
    Folder {
      if (!path.endsWith("/")) path = path + "/";
    }
  }

  private final ClassLoader classLoader;
  private final List<Folder> folders;
  private List<ViewDefinition> views;

  private ViewLoader(ClassLoader classLoader, List<Folder> folders) {
    this.classLoader = classLoader;
    this.folders = folders;
  }

  /** The views shipped in {@value #SHIPPED_FOLDER}, then the reports of {@link #reports()}. */
  public static ViewLoader shipped() {
    return new ViewLoader(ViewLoader.class.getClassLoader(),
        List.of(new Folder(SHIPPED_FOLDER, ""), new Folder(REPORTS_FOLDER, REPORT_PREFIX)));
  }

  /** The canned reports shipped in {@value #REPORTS_FOLDER}, as views named {@value #REPORT_PREFIX}{@code <name>}. */
  public static ViewLoader reports() {
    return new ViewLoader(ViewLoader.class.getClassLoader(), List.of(new Folder(REPORTS_FOLDER, REPORT_PREFIX)));
  }

  /**
   * The SQL of catalogue connections shipped in {@value #CATALOGUE_FOLDER}: trace_diff, whose text
   * has parameters (see {@code TraceDiffMacro}), so it is not registered as a view as it stands.
   */
  public static ViewLoader catalogue() {
    return new ViewLoader(ViewLoader.class.getClassLoader(), List.of(new Folder(CATALOGUE_FOLDER, "")));
  }

  /** The views in resource folder {@code folder} of {@code classLoader}. */
  public static ViewLoader fromResources(ClassLoader classLoader, String folder) {
    return new ViewLoader(classLoader, List.of(new Folder(folder, "")));
  }

  /**
   * The views, in index order.
   *
   * @throws UncheckedIOException if the index names a view whose file cannot be read
   */
  public synchronized List<ViewDefinition> views() {
    if (views == null) views = load();
    return views;
  }

  /** Adds every view to {@code schema} (a trace schema of one connection). */
  public void register(SchemaPlus schema) {
    for (ViewDefinition view : views()) schema.add(view.name(), new DocumentedViewTable(schema, view));
  }

  /**
   * Adds every view to {@code schema}, typed as the same view of {@code like} (a trace schema
   * with the same tables, where the views were registered already): a catalogue's traces validate
   * each view once, not once per trace.
   */
  void register(SchemaPlus schema, SchemaPlus like) {
    for (ViewDefinition view : views()) {
      schema.add(view.name(), new DocumentedViewTable(schema, view, types -> like.tables().get(view.name()).getRowType(types)));
    }
  }

  private List<ViewDefinition> load() {
    List<ViewDefinition> list = new ArrayList<>();
    for (Folder folder : folders) {
      String index = read(folder.path(), "index.txt", true);
      if (index == null) continue;
      for (String line : index.split("\\R")) {
        int hash = line.indexOf('#');
        String name = (hash < 0 ? line : line.substring(0, hash)).strip();
        if (name.isEmpty()) continue;
        list.add(ViewDefinition.parse(folder.prefix() + name, read(folder.path(), name + ".sql", false)));
      }
    }
    return List.copyOf(list);
  }

  private String read(String folder, String file, boolean optional) {
    String resource = folder + file;
    try (InputStream in = classLoader.getResourceAsStream(resource)) {
      if (in == null) {
        if (optional) return null;
        throw new UncheckedIOException(new IOException("view resource " + resource + " listed in "
            + folder + "index.txt does not exist"));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read view resource " + resource, e);
    }
  }
}
