package dev.gotrace.jdbc;

import java.util.List;
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

/**
 * Calcite's bridge from an interpreted part of a plan (our table scans) to its generated code,
 * mended for rows of no columns: the interpreter hands each row as an {@code Object[]}, but
 * Calcite lays out a row of no columns as a list ({@link JavaRowFormat#optimize}), so code above
 * a scan that reads no column (a {@code COUNT(*)} over a {@code LIMIT}) failed with a
 * ClassCastException. Here such rows become empty lists; rows with columns are left as Calcite
 * bridges them. Placed by {@link InterpreterBridgeRule} instead of Calcite's own rule; public for the
 * generated code, which calls {@link #emptyRows}.
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
    if (getRowType().getFieldCount() > 0) return super.implement(implementor, pref);
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.LIST);
    BlockBuilder block = new BlockBuilder();
    Expression interpreter = block.append("interpreter", Expressions.new_(Interpreter.class,
        implementor.getRootExpression(), implementor.stash(getInput(), RelNode.class)));
    block.add(Expressions.call(InterpreterBridge.class, "emptyRows", interpreter));
    return implementor.result(physType, block.toBlock());
  }

  /** Each row of {@code rows} as the list of no values Calcite's code expects. Public for that code. */
  public static Enumerable<List<Object>> emptyRows(Enumerable<Object[]> rows) {
    return rows.select(row -> FlatLists.COMPARABLE_EMPTY_LIST);
  }
}
