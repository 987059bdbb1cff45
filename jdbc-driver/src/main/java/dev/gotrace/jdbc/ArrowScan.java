package dev.gotrace.jdbc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.interpreter.Bindables;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rex.RexNode;

/**
 * A scan of an {@link ArrowTable}, with the filters and projection Calcite pushed into it, as the
 * generated code of an {@link InterpreterBridge} runs it: the table's rows go straight to that
 * code, without Calcite's interpreter between them, which wraps and unwraps every row. Public for
 * that code, which calls {@link #rows}.
 */
public final class ArrowScan {
  private final ArrowTable table;
  private final List<RexNode> filters;
  private final int[] projects;

  private ArrowScan(ArrowTable table, List<RexNode> filters, int[] projects) {
    this.table = table;
    this.filters = filters;
    this.projects = projects;
  }

  /**
   * The scan {@code rel} as a direct scan, if it is a scan of an Arrow table that decides all its
   * filters itself (otherwise the interpreter has filters left to evaluate).
   */
  static Optional<ArrowScan> of(RelNode rel) {
    if (!(rel instanceof Bindables.BindableTableScan scan)) return Optional.empty();
    ArrowTable table = scan.getTable().unwrap(ArrowTable.class);
    if (table == null || !table.decidesAll(scan.filters)) return Optional.empty();
    return Optional.of(new ArrowScan(table, scan.filters, scan.projects.toIntArray()));
  }

  /** The rows; called once per execution of the statement, when its code binds. */
  public Enumerable<Object[]> rows(DataContext root) {
    return table.scan(root, new ArrayList<>(filters), projects);
  }
}
