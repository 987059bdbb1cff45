package dev.gotrace.jdbc;

import java.util.List;
import java.util.Optional;
import org.apache.calcite.adapter.enumerable.EnumerableInterpreter;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.interpreter.Interpreter;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.runtime.FlatLists;
import org.apache.calcite.util.BuiltInMethod;

/**
 * Calcite's bridge from an interpreted part of a plan (our table scans) to its generated code,
 * mended for rows of no columns: the interpreter hands each row as an {@code Object[]}, but
 * Calcite lays out a row of no columns as a list ({@link JavaRowFormat#optimize}), so code above
 * a scan that reads no column (a {@code COUNT(*)} over a {@code LIMIT}) failed with a
 * ClassCastException. Here such rows become empty lists. And a scan of an Arrow table that decides
 * its filters itself runs as an {@link ArrowScan}, without the interpreter. Placed by {@link
 * InterpreterBridgeRule} instead of Calcite's own rule; public for the generated code, which calls
 * {@link #emptyRows}.
 */
public final class InterpreterBridge extends EnumerableInterpreter {
  private final double factor;

  InterpreterBridge(RelOptCluster cluster, RelTraitSet traits, RelNode input, double factor) {
    super(cluster, traits, input, factor);
    this.factor = factor;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new InterpreterBridge(getCluster(), traitSet, sole(inputs), factor);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    Optional<ArrowScan> direct = ArrowScan.of(getInput());
    int fields = getRowType().getFieldCount();
    if (direct.isEmpty() && fields > 0) return super.implement(implementor, pref);
    BlockBuilder block = new BlockBuilder();
    Expression rows = direct.isPresent()
        ? Expressions.call(implementor.stash(direct.get(), ArrowScan.class), "rows", implementor.getRootExpression())
        : block.append("interpreter", Expressions.new_(Interpreter.class,
            implementor.getRootExpression(), implementor.stash(getInput(), RelNode.class)));
    // The row layouts Calcite's code expects: a list for no columns, the value itself for one.
    if (fields == 0) rows = Expressions.call(InterpreterBridge.class, "emptyRows", rows);
    if (fields == 1) rows = Expressions.call(BuiltInMethod.SLICE0.method, rows);
    block.add(rows);
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(),
        fields == 0 ? JavaRowFormat.LIST : JavaRowFormat.ARRAY);
    return implementor.result(physType, block.toBlock());
  }

  /** Each row of {@code rows} as the list of no values Calcite's code expects. Public for that code. */
  public static Enumerable<List<Object>> emptyRows(Enumerable<Object[]> rows) {
    return rows.select(row -> FlatLists.COMPARABLE_EMPTY_LIST);
  }
}
