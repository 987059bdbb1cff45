package dev.gotrace.jdbc;

/**
 * One column of an {@link ArrowTable}.
 *
 * @param index position in the table's schema and in every batch
 * @param name SQL name
 * @param type layout and SQL type
 * @param nullable whether the column may hold NULL
 * @param doc what the column means (JDBC REMARKS)
 * @param dictionary decoded strings of a {@link ColumnType#DICTIONARY_STRING} column, by id;
 *     empty for other types
 */
record ArrowColumn(int index, String name, ColumnType type, boolean nullable, String doc, String[] dictionary) {}
