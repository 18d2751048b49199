package dev.tenet.app.cli;

import dev.tenet.app.service.ForgetService;
import dev.tenet.app.service.UserError;
import java.io.Console;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tenet forget PLATFORM:NAME}: removes everything Tenet keeps about an organization. */
@Command(
    name = "forget",
    description = {
      "Forgets an organization: removes its assessments (findings, scores, graphs) and cached API"
          + " responses, and scrubs its name from the audit trail. Cannot be undone.",
      "Reports you exported are your own files and are left alone."
    })
final class ForgetCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Mixin CommonOptions common;
  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      paramLabel = "PLATFORM:NAME",
      description = "The organization, e.g. github:acme-corp.")
  String organization;

  @Option(names = "--yes", description = "Do not ask for confirmation (for scripts).")
  boolean yes;

  @Override
  public Integer call() {
    int colon = organization.indexOf(':');
    if (colon <= 0 || colon == organization.length() - 1) {
      throw new UserError(
          "Name the organization as PLATFORM:NAME, e.g. github:acme-corp (not '"
              + organization
              + "').");
    }
    String platform = organization.substring(0, colon);
    String name = organization.substring(colon + 1);
    if (!yes) {
      Console console = System.console();
      if (console == null) {
        throw new UserError(
            "Forgetting cannot be undone: confirm with --yes when no terminal can ask.");
      }
      String typed =
          console.readLine(
              "This removes every assessment and cached response of %s. Type its name to"
                  + " confirm: ",
              organization);
      if (typed == null || !typed.strip().equalsIgnoreCase(name)) {
        throw new UserError("Not confirmed; nothing was removed.");
      }
    }
    ForgetService.Result r = root.context(common).forget().forget(platform, name);
    PrintWriter out = spec.commandLine().getOut();
    out.println(
        "Forgot "
            + organization
            + ": "
            + r.assessments()
            + " assessment(s)"
            + (r.sharedAssessments() > 0
                ? " (" + r.sharedAssessments() + " also covering other organizations)"
                : "")
            + ", "
            + r.cacheEntries()
            + " cached response(s), "
            + r.riskAcceptances()
            + " risk acceptance record(s) removed, "
            + r.auditEvents()
            + " audit event(s) scrubbed.");
    out.flush();
    return ExitCodes.OK;
  }
}
