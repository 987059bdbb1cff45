package dev.gotrace.core.read;

/**
 * How to treat a broken trace. Lenient (the default) keeps what Go's {@code go tool trace} keeps:
 * everything up to the last Sync event before the error. Strict throws on any error Go's reader
 * would return.
 *
 * <p>The component is {@code strictMode} because a record component named {@code strict} would
 * clash with the {@link #strict()} factory.
 *
 * @param strictMode throw instead of returning a truncated result
 */
public record ReadOptions(boolean strictMode) {
  public static ReadOptions lenient() { return new ReadOptions(false); }

  public static ReadOptions strict() { return new ReadOptions(true); }
}
