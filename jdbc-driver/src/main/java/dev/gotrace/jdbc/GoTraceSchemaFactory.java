package dev.gotrace.jdbc;

import dev.gotrace.core.table.DecodeCache;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.calcite.model.ModelHandler;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaFactory;
import org.apache.calcite.schema.SchemaPlus;

/**
 * Creates a {@link GoTraceSchema} from a Calcite JSON model:
 * {@code {"type": "custom", "factory": "dev.gotrace.jdbc.GoTraceSchemaFactory", "operand":
 * {"file": "path/to.trace"}}}. A relative path is resolved against the model file's folder.
 *
 * <p>Such a schema has the trace's tables and functions but not the shipped views, which only
 * {@link GoTraceDriver} registers, and Calcite gives a model's schema no close hook: its Arrow
 * memory is held until the JVM exits. Use {@code jdbc:gotrace:} where possible.
 */
public final class GoTraceSchemaFactory implements SchemaFactory {
  /** The instance model files name. */
  public static final GoTraceSchemaFactory INSTANCE = new GoTraceSchemaFactory(TraceDatabaseCatalog::open);

  /** Operand holding the trace's path. */
  public static final String FILE_OPERAND = "file";
  /** Operand turning the decode cache on or off (default: on unless the environment turns it off). */
  public static final String CACHE_OPERAND = "cache";
  /** Operand naming the decode cache's directory. */
  public static final String CACHE_DIR_OPERAND = "cache_dir";

  private static String string(Object operand) {
    return operand == null ? null : operand.toString();
  }

  private final CatalogOpener opener;

  GoTraceSchemaFactory(CatalogOpener opener) {
    this.opener = opener;
  }

  /**
   * @throws IllegalArgumentException if operand {@value #FILE_OPERAND} is missing or names no
   *     file, or the trace cannot be decoded
   * @throws UncheckedIOException if the file cannot be read
   */
  @Override
  public Schema create(SchemaPlus parentSchema, String name, Map<String, Object> operand) {
    Object file = operand.get(FILE_OPERAND);
    if (file == null) {
      throw new IllegalArgumentException("schema " + name + ": operand '" + FILE_OPERAND + "' (the trace's path) is required");
    }
    Path path = Path.of(file.toString());
    Object base = operand.get(ModelHandler.ExtraOperand.BASE_DIRECTORY.camelName);
    if (base instanceof File directory && !path.isAbsolute()) path = directory.toPath().resolve(path);
    if (!Files.isRegularFile(path)) {
      throw new IllegalArgumentException("schema " + name + ": trace file does not exist: " + path);
    }
    try {
      DecodeCache cache = DecodeCache.configured(string(operand.get(CACHE_OPERAND)), string(operand.get(CACHE_DIR_OPERAND)),
          System.getenv());
      return new GoTraceSchema(opener.open(path, cache, Long.MAX_VALUE), FunctionRegistry.EMPTY);
    } catch (IOException e) {
      throw new UncheckedIOException("schema " + name + ": cannot read trace " + path, e);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("schema " + name + ": cannot decode trace " + path + ": " + e.getMessage(), e);
    }
  }
}
