package dev.gotrace.jdbc;

import org.apache.calcite.avatica.MetaImpl.MetaColumn;
import org.apache.calcite.jdbc.CalciteMetaColumnFactory;
import org.apache.calcite.schema.Table;

/**
 * Rows of {@code DatabaseMetaData.getColumns} whose REMARKS is the column's documentation and
 * whose TYPE_NAME is the bare SQL type.
 */
final class DocumentedMetaColumnFactory implements CalciteMetaColumnFactory {
  static final DocumentedMetaColumnFactory INSTANCE = new DocumentedMetaColumnFactory();

  private DocumentedMetaColumnFactory() {}

  @Override
  public MetaColumn createColumn(Table table, String tableCat, String tableSchem, String tableName,
      String columnName, int dataType, String typeName, Integer columnSize, Integer decimalDigits,
      int numPrecRadix, int nullable, Integer charOctetLength, int ordinalPosition, String isNullable) {
    String remarks = table instanceof DocumentedTable documented ? documented.columnDoc(columnName).orElse(null) : null;
    // Calcite's type string says "BIGINT NOT NULL"; nullability is reported in its own columns.
    String type = typeName.endsWith(" NOT NULL") ? typeName.substring(0, typeName.length() - " NOT NULL".length()) : typeName;
    return new DocumentedMetaColumn(tableCat, tableSchem, tableName, columnName, dataType, type,
        columnSize, decimalDigits, numPrecRadix, nullable, charOctetLength, ordinalPosition, isNullable, remarks);
  }

  @Override
  public Class<? extends MetaColumn> getMetaColumnClass() {
    return DocumentedMetaColumn.class;
  }

  /** A column's metadata row with REMARKS (hiding Avatica's always-null field, as for tables). */
  public static final class DocumentedMetaColumn extends MetaColumn {
    /** The REMARKS column. */
    public final String remarks;

    DocumentedMetaColumn(String tableCat, String tableSchem, String tableName, String columnName,
        int dataType, String typeName, Integer columnSize, Integer decimalDigits, int numPrecRadix,
        int nullable, Integer charOctetLength, int ordinalPosition, String isNullable, String remarks) {
      super(tableCat, tableSchem, tableName, columnName, dataType, typeName, columnSize, decimalDigits,
          numPrecRadix, nullable, charOctetLength, ordinalPosition, isNullable);
      this.remarks = remarks;
    }
  }
}
