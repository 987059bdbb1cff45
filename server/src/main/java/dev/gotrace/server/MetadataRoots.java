package dev.gotrace.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.arrow.flight.sql.FlightSqlColumnMetadata;
import org.apache.arrow.flight.sql.FlightSqlProducer.Schemas;
import org.apache.arrow.flight.sql.impl.FlightSql.CommandGetTables;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.VarBinaryVector;
import org.apache.arrow.vector.VarCharVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.ipc.WriteChannel;
import org.apache.arrow.vector.ipc.message.MessageSerializer;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.arrow.vector.types.pojo.FieldType;
import org.apache.arrow.vector.types.pojo.Schema;

/**
 * The answers to Flight SQL's metadata commands, built from the driver's DatabaseMetaData so
 * Flight clients see the same tables, views, types and documentation (as column REMARKS) as JDBC
 * clients. There are no catalogs: each trace is a schema.
 */
final class MetadataRoots {
  private MetadataRoots() {}

  /** GetDbSchemas: the trace schemas matching the JDBC-style {@code pattern} (null: all). */
  static VectorSchemaRoot schemas(List<String> schemas, String pattern, BufferAllocator allocator) {
    VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.GET_SCHEMAS_SCHEMA, allocator);
    VarCharVector names = (VarCharVector) root.getVector("db_schema_name");
    int n = 0;
    for (String schema : schemas) {
      if (pattern != null && !like(pattern).matcher(schema).matches()) continue;
      root.getVector("catalog_name").setNull(n);
      names.setSafe(n++, utf8(schema));
    }
    root.setRowCount(n);
    return root;
  }

  /** GetTableTypes. */
  static VectorSchemaRoot tableTypes(BufferAllocator allocator) {
    VectorSchemaRoot root = VectorSchemaRoot.create(Schemas.GET_TABLE_TYPES_SCHEMA, allocator);
    VarCharVector types = (VarCharVector) root.getVector("table_type");
    types.setSafe(0, utf8("TABLE"));
    types.setSafe(1, utf8("VIEW"));
    root.setRowCount(2);
    return root;
  }

  /** A result with no rows (keys, catalogs: the traces declare none). */
  static VectorSchemaRoot empty(Schema schema, BufferAllocator allocator) {
    VectorSchemaRoot root = VectorSchemaRoot.create(schema, allocator);
    root.setRowCount(0);
    return root;
  }

  /** GetTables over the trace schemas, with each table's Arrow schema if the command asks for it. */
  static VectorSchemaRoot tables(DatabaseMetaData md, List<String> schemas, CommandGetTables command,
      BufferAllocator allocator) throws SQLException {
    String schemaPattern = command.hasDbSchemaFilterPattern() ? command.getDbSchemaFilterPattern() : null;
    String tablePattern = command.hasTableNameFilterPattern() ? command.getTableNameFilterPattern() : "%";
    String[] types = command.getTableTypesCount() == 0 ? null : command.getTableTypesList().toArray(String[]::new);
    Map<String, String> tables = new LinkedHashMap<>();
    try (ResultSet rs = md.getTables(null, schemaPattern, tablePattern, types)) {
      while (rs.next()) {
        if (schemas.contains(rs.getString("TABLE_SCHEM"))) {
          tables.put(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"), rs.getString("TABLE_TYPE"));
        }
      }
    }
    Map<String, List<Field>> fields = command.getIncludeSchema() ? fields(md, schemaPattern, tablePattern) : Map.of();
    VectorSchemaRoot root = VectorSchemaRoot.create(
        command.getIncludeSchema() ? Schemas.GET_TABLES_SCHEMA : Schemas.GET_TABLES_SCHEMA_NO_SCHEMA, allocator);
    int n = 0;
    for (Map.Entry<String, String> table : tables.entrySet()) {
      String[] name = table.getKey().split("\\.", 2);
      root.getVector("catalog_name").setNull(n);
      ((VarCharVector) root.getVector("db_schema_name")).setSafe(n, utf8(name[0]));
      ((VarCharVector) root.getVector("table_name")).setSafe(n, utf8(name[1]));
      ((VarCharVector) root.getVector("table_type")).setSafe(n, utf8(table.getValue()));
      if (command.getIncludeSchema()) {
        Schema schema = new Schema(fields.getOrDefault(table.getKey(), List.of()));
        ((VarBinaryVector) root.getVector("table_schema")).setSafe(n, serialize(schema));
      }
      n++;
    }
    root.setRowCount(n);
    return root;
  }

  /** Every column of the matching tables, keyed by "schema.table", with its documentation as REMARKS. */
  private static Map<String, List<Field>> fields(DatabaseMetaData md, String schemaPattern, String tablePattern)
      throws SQLException {
    Map<String, List<Field>> fields = new LinkedHashMap<>();
    try (ResultSet rs = md.getColumns(null, schemaPattern, tablePattern, "%")) {
      while (rs.next()) {
        String schema = rs.getString("TABLE_SCHEM");
        String table = rs.getString("TABLE_NAME");
        int precision = rs.getInt("COLUMN_SIZE");
        int scale = rs.getInt("DECIMAL_DIGITS");
        Map<String, String> metadata = ArrowTypes.metadata(new FlightSqlColumnMetadata.Builder().schemaName(schema)
            .tableName(table).typeName(rs.getString("TYPE_NAME")).precision(precision).scale(scale).isReadOnly(true)
            .remarks(rs.getString("REMARKS")));
        boolean nullable = rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls;
        FieldType type = new FieldType(nullable, ArrowTypes.of(rs.getInt("DATA_TYPE"), precision, scale), null, metadata);
        fields.computeIfAbsent(schema + "." + table, k -> new ArrayList<>())
            .add(new Field(rs.getString("COLUMN_NAME"), type, null));
      }
    }
    return fields;
  }

  private static byte[] serialize(Schema schema) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      MessageSerializer.serialize(new WriteChannel(Channels.newChannel(out)), schema);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A JDBC LIKE pattern ({@code %}, {@code _}, {@code \} escapes) as a regular expression. */
  private static Pattern like(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      else if (c == '%') regex.append(".*");
      else if (c == '_') regex.append('.');
      else regex.append(Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString());
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
