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
 * folder without {@code index.txt} has no views. Files are read once per loader.
 */
public final class ViewLoader {
  /** Where module queries ships the views. */
  public static final String SHIPPED_FOLDER = "gotrace/views/";

  private final ClassLoader classLoader;
  private final String folder;
  private List<ViewDefinition> views;

  private ViewLoader(ClassLoader classLoader, String folder) {
    this.classLoader = classLoader;
    this.folder = folder.endsWith("/") ? folder : folder + "/";
  }

  /** The views shipped in {@value #SHIPPED_FOLDER}. */
  public static ViewLoader shipped() {
    return fromResources(ViewLoader.class.getClassLoader(), SHIPPED_FOLDER);
  }

  /** The views in resource folder {@code folder} of {@code classLoader}. */
  public static ViewLoader fromResources(ClassLoader classLoader, String folder) {
    return new ViewLoader(classLoader, folder);
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

  private List<ViewDefinition> load() {
    String index = read(folder + "index.txt", true);
    if (index == null) return List.of();
    List<ViewDefinition> list = new ArrayList<>();
    for (String line : index.split("\\R")) {
      int hash = line.indexOf('#');
      String name = (hash < 0 ? line : line.substring(0, hash)).strip();
      if (name.isEmpty()) continue;
      list.add(ViewDefinition.parse(name, read(folder + name + ".sql", false)));
    }
    return List.copyOf(list);
  }

  private String read(String resource, boolean optional) {
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
