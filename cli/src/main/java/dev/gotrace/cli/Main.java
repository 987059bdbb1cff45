package dev.gotrace.cli;

import dev.gotrace.jdbc.StartupWarmer;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/** {@code bin/gotrace-sql}: SQL over Go execution traces from the command line. */
@Command(name = "gotrace-sql", mixinStandardHelpOptions = true, usageHelpWidth = 110, version = "gotrace-sql 0.1.0",
    description = {"SQL over Go execution traces (files written by runtime/trace, read by go tool trace).",
        "Run 'gotrace-sql tables TRACE' to see the tables, views and columns."},
    footerHeading = "%nExamples:%n",
    footer = {"  gotrace-sql query app.trace \"SELECT kind, COUNT(*) AS n FROM events GROUP BY kind\"",
        "  gotrace-sql query app.trace --format csv \"SELECT * FROM goroutine_analysis\" > goroutines.csv",
        "  gotrace-sql tables app.trace",
        "  gotrace-sql shell app.trace",
        "  gotrace-sql report app.trace --format markdown --fail-if \"(SELECT COUNT(*) FROM report_leaks) > 0\"",
        "  gotrace-sql export app.trace --timeline app.json --where \"name LIKE 'main.%%'\"",
        "  gotrace-sql serve app.trace other.trace --port 31337",
        "",
        "Exit codes:",
        "  0   success",
        "  1   the trace (or SQL file) is missing, unreadable or not a Go execution trace;",
        "      for report: a --fail-if condition is true (named on stderr with the value found)",
        "  2   SQL error: syntax, unknown table or column, or failure while running it",
        "  3   the query needs more memory than the bound (GOTRACE_SQL_MEMORY, default: 90%% of RAM)",
        "  64  wrong command line, or a --fail-if condition that is not valid SQL or not boolean",
        "  70  internal error or out of memory",
        "",
        "Errors are one line on stderr starting with 'gotrace-sql: '; --debug adds the Java stack trace.",
        "A truncated or damaged trace is read up to the damage, as go tool trace does, with a warning.",
        "Memory: bin/gotrace-sql splits GOTRACE_SQL_MEMORY between the JVM heap and the Arrow tables;",
        "JVM options go in the environment variable GOTRACE_SQL_JAVA_OPTS.",
        "Decoded tables are cached in ~/.cache/gotrace-sql (--no-cache, --cache-dir, GOTRACE_SQL_CACHE=off)."})
public final class Main {
  private static final List<Class<?>> COMMANDS = List.of(QueryCommand.class, TablesCommand.class, ShellCommand.class,
      ReportCommand.class, PprofCommand.class, ExportCommand.class, ServeCommand.class);
  /** The commands whose run plans SQL at once, for which start-up work is begun on a second core. */
  private static final Set<Class<?>> PLANNING_COMMANDS = Set.of(QueryCommand.class, ShellCommand.class,
      ReportCommand.class, PprofCommand.class, ExportCommand.class);

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the Java stack trace of an error.")
  boolean debug;

  public static void main(String[] args) {
    // UTF-8 whatever the locale: JSON must be UTF-8, and Go names and paths may not be ASCII.
    PrintWriter out = new PrintWriter(new BufferedWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), 1 << 16));
    PrintWriter err = new PrintWriter(
        new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    int code = run(out, err, args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  /** Runs the CLI with the given output streams and returns its exit code ({@link ExitCodes}). */
  static int run(PrintWriter out, PrintWriter err, String... args) {
    List<Class<?>> commands = commandsFor(args);
    if (commands.size() == 1 && PLANNING_COMMANDS.contains(commands.get(0))) StartupWarmer.start();
    Main main = new Main();
    CommandLine cli = new CommandLine(main);
    for (Class<?> command : commands) cli.addSubcommand(command);
    cli.setOut(out);
    cli.setErr(err);
    // SQLLine's own options (-e, --run=...) follow the trace; picocli must pass them on untouched.
    CommandLine shell = cli.getSubcommands().get("shell");
    if (shell != null) shell.setUnmatchedOptionsArePositionalParams(true);
    cli.setParameterExceptionHandler((ParameterException e, String[] ignored) -> {
      CommandLine command = e.getCommandLine();
      command.getErr().println("gotrace-sql: " + e.getMessage());
      command.getErr().println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
      return ExitCodes.USAGE;
    });
    cli.setExecutionExceptionHandler((e, command, parseResult) -> report(e, main.debug, err));
    try {
      return cli.execute(args);
    } catch (Error e) {
      // picocli lets Errors through; Calcite's generated code throws some (ExceptionInInitializerError).
      return report(e, main.debug, err);
    } finally {
      out.flush();
    }
  }

  /**
   * The subcommand the first non-option argument names, else all of them (for the top-level help
   * and errors). picocli reflects over every command it is given, which took a tenth of the start-up
   * of a short query when all seven were built for each run.
   */
  private static List<Class<?>> commandsFor(String... args) {
    for (String arg : args) {
      if (arg.startsWith("-")) continue;
      for (Class<?> command : COMMANDS) {
        if (command.getAnnotation(Command.class).name().equals(arg)) return List.of(command);
      }
      break;
    }
    return COMMANDS;
  }

  private static int report(Throwable e, boolean debug, PrintWriter err) {
    Failure failure = Failure.of(e);
    err.println("gotrace-sql: " + failure.message());
    if (debug) e.printStackTrace(err);
    err.flush();
    return failure.exitCode();
  }
}
