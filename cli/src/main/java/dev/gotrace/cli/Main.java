package dev.gotrace.cli;

import java.io.PrintWriter;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code bin/gotrace-sql}: SQL over Go execution traces from the command line. */
@Command(name = "gotrace-sql", mixinStandardHelpOptions = true, version = "gotrace-sql 0.1.0",
    description = "SQL over Go execution traces.",
    subcommands = {QueryCommand.class, ShellCommand.class, TablesCommand.class})
public final class Main {
  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the Java stack trace of an error.")
  boolean debug;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the CLI and returns its exit code: 0 ok, 1 error, 2 usage or SQL error. */
  public static int run(String... args) {
    Main main = new Main();
    CommandLine cli = new CommandLine(main);
    cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
      PrintWriter err = commandLine.getErr();
      err.println("gotrace-sql: " + ErrorMessages.oneLine(e));
      if (main.debug) e.printStackTrace(err);
      err.flush();
      return e instanceof SQLException ? 2 : 1;
    });
    return cli.execute(args);
  }
}
