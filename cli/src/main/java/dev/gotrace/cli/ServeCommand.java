package dev.gotrace.cli;

import dev.gotrace.jdbc.SharedTraces;
import dev.gotrace.server.TraceFlightServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gotrace-sql serve TRACE...}: the traces over Arrow Flight SQL until interrupted. */
@Command(name = "serve", mixinStandardHelpOptions = true, usageHelpWidth = 110, sortOptions = false,
    description = {"Serve every table and view of the traces over Arrow Flight SQL (read-only) until Ctrl-C.",
        "Each trace is a schema named after its file (app.trace: app); the first is the default schema.",
        "A catalogue (a directory, a glob in quotes, or several traces separated by ',') is one schema named",
        "after its directory, whose tables and views have a trace_id column (plus the tables traces, trace_diff).",
        "Clients: ADBC, pyarrow.flight, Apache Arrow's Flight SQL JDBC driver",
        "(jdbc:arrow-flight-sql://127.0.0.1:PORT/?useEncryption=false)."},
    footerHeading = "%nExamples:%n",
    footer = {"  gotrace-sql serve app.trace",
        "  gotrace-sql serve before.trace after.trace --port 31337",
        "  gotrace-sql serve traces/ --port 31337",
        "  gotrace-sql serve app.trace --host 0.0.0.0 --token \"$(openssl rand -hex 16)\""})
final class ServeCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(arity = "1..*", paramLabel = "TRACE", description = "Go execution trace files, or catalogues: " + TraceConnections.TRACE_HELP)
  List<String> traces;

  @Option(names = "--port", defaultValue = "31337", paramLabel = "N", description = "TCP port (default: ${DEFAULT-VALUE}; 0: any free one).")
  int port;

  @Option(names = "--host", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
      description = "Address to listen on (default: ${DEFAULT-VALUE}). Any address but loopback needs --token.")
  String host;

  @Option(names = "--token", paramLabel = "T",
      description = "Bearer token clients must send (Flight SQL JDBC: token=T). Default: $GOTRACE_SQL_TOKEN.")
  String token = System.getenv("GOTRACE_SQL_TOKEN");

  @Option(names = "--max-queries", defaultValue = "8", paramLabel = "N",
      description = "Queries that may run at once; more are refused with RESOURCE_EXHAUSTED (default: ${DEFAULT-VALUE}).")
  int maxQueries;

  @Mixin CacheOptions cache = new CacheOptions();

  @Override public Integer call() throws Exception {
    if (maxQueries < 1) throw new ParameterException(spec.commandLine(), "--max-queries must be at least 1: " + maxQueries);
    for (String trace : traces) TraceConnections.url(trace, cache);
    SharedTraces shared;
    try {
      shared = SharedTraces.openSpecs(traces, cache.properties());
    } catch (IOException | IllegalArgumentException e) {
      throw new CliException(ExitCodes.INPUT, e.getMessage(), e);
    }
    TraceFlightServer server;
    try {
      server = TraceFlightServer.start(shared, host, port, token, maxQueries);
    } catch (IllegalArgumentException e) {
      shared.close();
      throw new ParameterException(spec.commandLine(), e.getMessage());
    } catch (IOException e) {
      shared.close();
      throw new CliException(ExitCodes.INPUT, "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "gotrace-serve-shutdown"));
    PrintWriter err = spec.commandLine().getErr();
    err.println("gotrace-sql: serving " + String.join(", ", shared.schemas()) + " over Arrow Flight SQL at grpc://"
        + host + ":" + server.port() + (token == null ? "" : " (bearer token required)")
        + "; read-only, up to " + maxQueries + " queries at once; Ctrl-C stops");
    err.flush();
    server.awaitTermination();
    return ExitCodes.OK;
  }
}
