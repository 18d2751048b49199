package dev.tenet.app.cli;

import dev.tenet.app.service.RiskService;
import dev.tenet.core.assessment.RiskAcceptanceEvent;
import dev.tenet.core.assessment.RiskAcceptances;
import dev.tenet.core.util.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code tenet accept FINDING --reason --owner --expires}: accepts a finding as a known risk; its
 * subcommands list, revoke and show the log.
 */
@Command(
    name = "accept",
    description = {
      "Accepts a finding as a known risk, with a reason, an owner and an expiry (at most a year)."
          + " It stays visible as accepted and stops lowering the score of the scans that start"
          + " before it expires. Every acceptance and revocation is logged with who and when.",
      "Subcommands: list, revoke, history."
    },
    subcommands = {
      AcceptCommand.ListCommand.class,
      AcceptCommand.RevokeCommand.class,
      AcceptCommand.HistoryCommand.class
    })
final class AcceptCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "FINDING",
      description = "The finding id (or a unique prefix) from 'tenet report' or 'tenet paths'.")
  String finding;

  @Option(names = "--reason", paramLabel = "TEXT", description = "Why the risk is accepted.")
  String reason;

  @Option(
      names = "--owner",
      paramLabel = "WHO",
      description = "Who answers for the accepted risk (a person or a team).")
  String owner;

  @Option(
      names = "--expires",
      paramLabel = "WHEN",
      description = "When it lapses: a date (2027-03-31, through that day UTC) or days (90d).")
  String expires;

  @Option(
      names = "--assessment",
      paramLabel = "ASSESSMENT",
      defaultValue = "latest",
      description = "The assessment the finding is in (default ${DEFAULT-VALUE}).")
  String assessment;

  @Override
  public Integer call() {
    if (finding == null) {
      throw new ParameterException(
          spec.commandLine(),
          "Give the finding to accept (tenet accept FINDING --reason … --owner … --expires …),"
              + " or a subcommand: list, revoke, history.");
    }
    PrintWriter out = spec.commandLine().getOut();
    RiskService.Accepted a =
        root.context(common).risks().accept(finding, reason, owner, expires, assessment);
    RiskAcceptanceEvent e = a.event();
    out.println("Accepted " + e.findingId() + ": " + a.finding().title());
    out.println("  resource  " + e.resource());
    out.println("  owner     " + e.owner());
    out.println("  reason    " + e.reason());
    out.println("  expires   " + e.expiresAt());
    out.println("  recorded  by " + e.actor() + " at " + e.recordedAt());
    out.println(
        "It stops lowering the score from the next scan; assessment "
            + e.assessmentId()
            + " would score "
            + Summaries.score(a.scoreBefore())
            + " -> "
            + Summaries.score(a.scoreAfter())
            + " with it.");
    out.flush();
    return ExitCodes.OK;
  }

  /** {@code tenet accept list}: acceptances in force (or all, with --all). */
  @Command(
      name = "list",
      description = "Lists the acceptances in force (--all: expired and revoked too).")
  static final class ListCommand implements Callable<Integer> {
    @ParentCommand AcceptCommand parent;
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--all", description = "Include expired and revoked acceptances.")
    boolean all;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      PrintWriter out = spec.commandLine().getOut();
      List<RiskAcceptances.Standing> rows =
          parent.root.context(parent.options(common)).risks().list(all);
      if (json) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (RiskAcceptances.Standing s : rows) {
          Map<String, Object> m = row(s.acceptance());
          m.put("state", s.state().id());
          if (s.revocation() != null) {
            m.put("revokedBy", s.revocation().actor());
            m.put("revokedAt", s.revocation().recordedAt().toString());
            m.put("revocationReason", s.revocation().reason());
          }
          list.add(m);
        }
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(list));
        out.flush();
        return ExitCodes.OK;
      }
      if (rows.isEmpty()) {
        out.println(all ? "No risk has ever been accepted." : "No acceptance is in force.");
        out.flush();
        return ExitCodes.OK;
      }
      out.printf(
          "%-22s %-8s %-22s %-16s %-16s %s%n",
          "FINDING", "STATE", "EXPIRES", "OWNER", "ACCEPTED BY", "RESOURCE / REASON");
      for (RiskAcceptances.Standing s : rows) {
        RiskAcceptanceEvent e = s.acceptance();
        out.printf(
            "%-22s %-8s %-22s %-16s %-16s %s%n%72s%s%n",
            e.findingId(),
            s.state().id(),
            e.expiresAt(),
            e.owner(),
            e.actor(),
            e.resource(),
            "",
            e.reason()
                + (s.revocation() == null
                    ? ""
                    : " (revoked by "
                        + s.revocation().actor()
                        + ": "
                        + s.revocation().reason()
                        + ")"));
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code tenet accept revoke FINDING --reason}: ends an acceptance before it expires. */
  @Command(name = "revoke", description = "Revokes an acceptance in force, with a reason.")
  static final class RevokeCommand implements Callable<Integer> {
    @ParentCommand AcceptCommand parent;
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "FINDING",
        description = "The accepted finding (or a unique prefix).")
    String finding;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why the acceptance ends.")
    String reason;

    @Override
    public Integer call() {
      RiskAcceptanceEvent e =
          parent.root.context(parent.options(common)).risks().revoke(finding, reason);
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Revoked the acceptance of "
              + e.findingId()
              + " ("
              + e.resource()
              + "), recorded by "
              + e.actor()
              + " at "
              + e.recordedAt()
              + ". It counts again from the next scan.");
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** {@code tenet accept history [FINDING]}: the log, oldest first. */
  @Command(name = "history", description = "Shows the log of acceptances and revocations.")
  static final class HistoryCommand implements Callable<Integer> {
    @ParentCommand AcceptCommand parent;
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        arity = "0..1",
        paramLabel = "FINDING",
        description = "Only this finding (or prefix).")
    String finding;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    @Override
    public Integer call() throws Exception {
      List<RiskAcceptanceEvent> events =
          parent.root.context(parent.options(common)).risks().history(finding);
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Map<String, Object>> list = new ArrayList<>();
        events.forEach(e -> list.add(row(e)));
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(list));
        out.flush();
        return ExitCodes.OK;
      }
      if (events.isEmpty()) {
        out.println("The risk acceptance log is empty.");
      }
      for (RiskAcceptanceEvent e : events) {
        out.println(
            e.recordedAt()
                + "  "
                + e.actor()
                + (e.action() == RiskAcceptanceEvent.Action.ACCEPT
                    ? " accepted "
                        + e.findingId()
                        + " until "
                        + e.expiresAt()
                        + ", owner "
                        + e.owner()
                    : " revoked " + e.findingId())
                + ": "
                + e.reason());
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  /** A subcommand's options, completed by those given to {@code accept} itself. */
  CommonOptions options(CommonOptions sub) {
    CommonOptions merged = new CommonOptions();
    merged.db = sub.db != null ? sub.db : common.db;
    merged.verbose = sub.verbose || common.verbose;
    merged.quiet = sub.quiet || common.quiet;
    return merged;
  }

  static Map<String, Object> row(RiskAcceptanceEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("finding", e.findingId());
    m.put("action", e.action().id());
    m.put("reason", e.reason());
    m.put("owner", e.owner());
    m.put("expiresAt", e.expiresAt() == null ? null : e.expiresAt().toString());
    m.put("recordedBy", e.actor());
    m.put("recordedAt", e.recordedAt().toString());
    m.put("rule", e.ruleId());
    m.put("resource", e.resource());
    m.put("title", e.title());
    m.put("assessment", e.assessmentId());
    return m;
  }
}
