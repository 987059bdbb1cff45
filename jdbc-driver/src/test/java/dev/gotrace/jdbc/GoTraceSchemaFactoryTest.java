package dev.gotrace.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.util.Map;
import java.util.Set;
import org.apache.arrow.memory.RootAllocator;
import org.apache.calcite.jdbc.CalciteSchema;
import org.apache.calcite.model.ModelHandler;
import org.apache.calcite.schema.SchemaPlus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schema factory that Calcite JSON models name. */
class GoTraceSchemaFactoryTest {
  private final SchemaPlus root = CalciteSchema.createRootSchema(false).plus();

  @Test
  void missingFileIsAnIllegalArgumentNamingThePath(@TempDir Path dir) {
    Path missing = dir.resolve("missing.trace");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GoTraceSchemaFactory.INSTANCE.create(root, "trace", Map.of("file", missing.toString())));
    assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
  }

  @Test
  void missingOperandIsAnIllegalArgument() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GoTraceSchemaFactory.INSTANCE.create(root, "trace", Map.of()));
    assertTrue(e.getMessage().contains("'file'"), e.getMessage());
  }

  @Test
  void relativePathIsResolvedAgainstTheModelsFolder(@TempDir Path dir) throws Exception {
    Files.createFile(dir.resolve("x.trace"));
    try (RootAllocator allocator = new RootAllocator()) {
      Path[] opened = new Path[1];
      GoTraceSchemaFactory factory = new GoTraceSchemaFactory((path, cache, limit) -> {
        opened[0] = path;
        return FixtureCatalog.standard(allocator);
      });
      GoTraceSchema schema = (GoTraceSchema) factory.create(root, "trace",
          Map.of("file", "x.trace", ModelHandler.ExtraOperand.BASE_DIRECTORY.camelName, dir.toFile()));
      assertEquals(dir.resolve("x.trace"), opened[0]);
      assertEquals(Set.of("events", "goroutines"), schema.tables().getNames(org.apache.calcite.schema.lookup.LikePattern.any()));
      schema.close();
    }
  }

  @Test
  void modelWithAMissingTraceFailsToConnectNamingThePath() {
    String missing = new File("no-such-dir/none.trace").getAbsolutePath();
    String model = "inline:{version: '1.0', defaultSchema: 'trace', schemas: [{name: 'trace', type: 'custom',"
        + " factory: 'dev.gotrace.jdbc.GoTraceSchemaFactory', operand: {file: '" + missing + "'}}]}";
    // Calcite reports a failing model schema as a RuntimeException, not an SQLException.
    Exception e = assertThrows(Exception.class, () -> DriverManager.getConnection("jdbc:calcite:model=" + model));
    Throwable cause = e;
    boolean named = false;
    for (; cause != null; cause = cause.getCause()) named |= String.valueOf(cause.getMessage()).contains(missing);
    assertTrue(named, e.toString());
  }
}
