package dev.tenet.app.cli;

import dev.tenet.app.AppContext;
import dev.tenet.app.service.UserError;
import dev.tenet.core.audit.AuditAction;
import dev.tenet.core.audit.AuditEvent;
import dev.tenet.core.audit.AuditQuery;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tenet audit}: what Tenet did (scans, exports, credentials...), and when, and by whom. */
@Command(
    name = "audit",
    description =
        "Shows Tenet's audit trail: scans started and finished, reports exported, risks accepted,"
            + " credentials added or removed, organizations forgotten.")
final class AuditCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Option(names = "--json", description = "Print JSON (tenet.audit/v1) instead of a table.")
  boolean json;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Write the JSON export to this file.")
  Path output;

  @Option(
      names = "--since",
      paramLabel = "WHEN",
      description = "Only events from this date (2026-11-01) or instant (2026-11-01T10:00:00Z).")
  String since;

  @Option(
      names = "--action",
      paramLabel = "ACTION",
      description = "Only this action (scan.started, report.exported, credential.added...).")
  String action;

  @Option(names = "--limit", paramLabel = "N", description = "Only the newest N events.")
  int limit;

  @Override
  public Integer call() throws IOException {
    if (action != null && AuditAction.fromId(action).isEmpty()) {
      throw new UserError(
          "Unknown action '"
              + action
              + "': choose one of "
              + Arrays.stream(AuditAction.values())
                  .map(AuditAction::id)
                  .collect(Collectors.joining(", "))
              + ".");
    }
    if (limit < 0) {
      throw new UserError("--limit takes a positive number.");
    }
    AppContext context = root.context(common);
    List<AuditEvent> events =
        context.audit().events(new AuditQuery(parseSince(since), action, limit));
    if (output != null) {
      Path target = output.toAbsolutePath();
      try (OutputStream out = Files.newOutputStream(target)) {
        context.audit().export(events, out);
      } catch (IOException e) {
        throw new UserError("Could not write the audit export to " + target + ".");
      }
      if (!common.quiet) {
        spec.commandLine().getErr().println("Wrote " + events.size() + " events to " + target);
      }
      return ExitCodes.OK;
    }
    if (json) {
      spec.commandLine().getOut().flush();
      context.audit().export(events, root.stdout());
      return ExitCodes.OK;
    }
    PrintWriter out = spec.commandLine().getOut();
    if (events.isEmpty()) {
      out.println("The audit trail is empty.");
    } else {
      out.printf("%-6s %-20s %-12s %-24s %s%n", "#", "WHEN (UTC)", "WHO", "ACTION", "TARGET");
      for (AuditEvent e : events) {
        out.printf(
            "%-6d %-20s %-12s %-24s %s%n",
            e.id(),
            e.at().toString().replace('T', ' ').replaceAll("\\.\\d+Z$|Z$", ""),
            e.actor(),
            e.action(),
            e.target() == null ? "" : e.target());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  static Instant parseSince(String text) {
    if (text == null) {
      return null;
    }
    try {
      return text.contains("T")
          ? Instant.parse(text)
          : LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw new UserError(
          "--since takes a date (2026-11-01) or an instant (2026-11-01T10:00:00Z), not '"
              + text
              + "'.");
    }
  }
}
