package dev.gotrace.jdbc;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.interpreter.BindableConvention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Calcite's rule from the interpreted (Bindable) convention to the enumerable one, placing an {@link InterpreterBridge}. */
final class InterpreterBridgeRule extends ConverterRule {
  /** The cost factor of Calcite's own rule. */
  private static final double FACTOR = 0.5d;

  static final InterpreterBridgeRule INSTANCE = Config.INSTANCE
      .withConversion(RelNode.class, BindableConvention.INSTANCE, EnumerableConvention.INSTANCE, "InterpreterBridgeRule")
      .withRuleFactory(InterpreterBridgeRule::new)
      .toRule(InterpreterBridgeRule.class);

  private InterpreterBridgeRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    return new InterpreterBridge(rel.getCluster(), rel.getTraitSet().replace(EnumerableConvention.INSTANCE), rel, FACTOR);
  }
}
