package dev.gotrace.jdbc;

import org.apache.calcite.avatica.MetaImpl.MetaTable;
import org.apache.calcite.jdbc.CalciteMetaImpl.CalciteMetaTable;
import org.apache.calcite.jdbc.CalciteMetaTableFactory;
import org.apache.calcite.schema.Table;

/** Rows of {@code DatabaseMetaData.getTables} whose REMARKS is the {@link DocumentedTable#doc()}. */
final class DocumentedMetaTableFactory implements CalciteMetaTableFactory {
  static final DocumentedMetaTableFactory INSTANCE = new DocumentedMetaTableFactory();

  private DocumentedMetaTableFactory() {}

  @Override
  public MetaTable createTable(Table table, String tableCat, String tableSchem, String tableName) {
    String remarks = table instanceof DocumentedTable documented ? documented.doc() : null;
    return new DocumentedMetaTable(table, tableCat, tableSchem, tableName, remarks);
  }

  @Override
  public Class<? extends MetaTable> getMetaTableClass() {
    return DocumentedMetaTable.class;
  }

  /**
   * A table's metadata row with REMARKS. Calcite reads the columns by reflection, by public field
   * name, so {@code remarks} here hides Avatica's always-null field.
   */
  public static final class DocumentedMetaTable extends CalciteMetaTable {
    /** The REMARKS column. */
    public final String remarks;

    DocumentedMetaTable(Table table, String tableCat, String tableSchem, String tableName, String remarks) {
      super(table, tableCat, tableSchem, tableName);
      this.remarks = remarks;
    }
  }
}
