package dev.gamingapi.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntSupplier;
import picocli.CommandLine;

/** One run of the command line with its output captured. */
record CliRun(int exitCode, String out, String err) {
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine commandLine = GamingApiCommand.newCommandLine();
    commandLine.setOut(new PrintWriter(out, true));
    commandLine.setErr(new PrintWriter(err, true));
    int code = commandLine.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  /**
   * Runs a long-lived command ({@code up}, {@code agent}) on a thread of its own. Not on the common
   * pool: with 2 cores it has one worker, and {@code up} blocking it starved the agent run queued
   * behind it.
   */
  static CompletableFuture<Integer> inBackground(IntSupplier command) {
    CompletableFuture<Integer> exit = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("cli-run")
        .start(
            () -> {
              try {
                exit.complete(command.getAsInt());
              } catch (Throwable e) {
                exit.completeExceptionally(e);
              }
            });
    return exit;
  }
}
