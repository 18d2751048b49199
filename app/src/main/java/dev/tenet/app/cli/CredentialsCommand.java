package dev.tenet.app.cli;

import dev.tenet.app.service.CredentialService;
import dev.tenet.app.service.UserError;
import dev.tenet.connectors.github.GitHubConnector;
import dev.tenet.core.credentials.CredentialReference;
import dev.tenet.core.credentials.Redactor;
import dev.tenet.core.credentials.Secret;
import dev.tenet.core.store.credentials.CredentialStore;
import dev.tenet.core.store.credentials.StoredCredential;
import dev.tenet.core.util.Json;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tenet credentials}: tokens kept in the OS keychain or the encrypted vault. */
@Command(
    name = "credentials",
    description = {
      "Manages stored tokens: the OS keychain, or Tenet's encrypted vault where there is none.",
      "Scans use them with --credential NAME. A token is never taken as an argument."
    },
    subcommands = {
      CredentialsCommand.Add.class,
      CredentialsCommand.ListCredentials.class,
      CredentialsCommand.Remove.class,
      CredentialsCommand.TestCredential.class
    })
final class CredentialsCommand implements Callable<Integer> {
  @ParentCommand TenetCommand root;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCodes.USAGE;
  }

  /** Largest token read from standard input: tokens and private keys are far smaller. */
  static final int MAX_SECRET = 64 * 1024;

  @Command(
      name = "add",
      description = {
        "Stores a token under a name. It is read from a hidden prompt, or from standard input"
            + " with --stdin; never from the command line.",
      })
  static final class Add implements Callable<Integer> {
    @ParentCommand CredentialsCommand parent;
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "Name to store it under.")
    String name;

    @Option(
        names = "--store",
        paramLabel = "WHERE",
        defaultValue = "auto",
        description =
            "auto (the OS keychain if one answers, else the vault), keychain or vault (default"
                + " ${DEFAULT-VALUE}).")
    String store;

    @Option(
        names = "--host",
        paramLabel = "HOST",
        description =
            "The only API host this token may be sent to (e.g. api.github.com). Recommended.")
    String host;

    @Option(names = "--stdin", description = "Read the token from standard input.")
    boolean stdin;

    @Option(names = "--replace", description = "Replace a stored credential of the same name.")
    boolean replace;

    @Override
    public Integer call() throws IOException {
      if (Redactor.looksLikeToken(name)) {
        throw new UserError(CredentialReference.tokenGiven().getMessage());
      }
      CredentialStore.Placement placement = placement(store);
      Secret secret = stdin ? fromStdin(parent.root.stdin()) : fromPrompt(name);
      CredentialService credentials = parent.root.context(common).credentials();
      CredentialStore.Added added;
      try {
        added = credentials.add(name, secret, placement, host, replace);
      } finally {
        secret.destroy();
      }
      PrintWriter out = spec.commandLine().getOut();
      StoredCredential c = added.credential();
      if (added.note() != null) {
        out.println(added.note());
      }
      out.println(
          "Stored '"
              + c.name()
              + "' in the "
              + (c.store() == CredentialReference.Kind.KEYCHAIN ? "OS keychain" : "encrypted vault")
              + (c.host() == null ? "" : ", for " + c.host() + " only")
              + ". Scan with --credential "
              + c.name()
              + ".");
      out.flush();
      return ExitCodes.OK;
    }

    private static CredentialStore.Placement placement(String value) {
      try {
        return CredentialStore.Placement.valueOf(value.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new UserError("--store takes auto, keychain or vault, not '" + value + "'.");
      }
    }

    private static Secret fromStdin(InputStream in) throws IOException {
      byte[] bytes = in.readNBytes(MAX_SECRET + 1);
      try {
        if (bytes.length > MAX_SECRET) {
          throw new UserError("Standard input holds more than 64 KiB: that is not a token.");
        }
        String text = new String(bytes, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
          throw new UserError("Standard input was empty: pipe the token in, e.g. from a file.");
        }
        return Secret.of(text);
      } finally {
        Arrays.fill(bytes, (byte) 0);
      }
    }

    private static Secret fromPrompt(String name) {
      Console console = System.console();
      if (console == null) {
        throw new UserError(
            "No terminal to ask for the token in: pipe it in with --stdin (never as an"
                + " argument).");
      }
      char[] typed = console.readPassword("Token for '%s' (input hidden): ", name);
      try {
        if (typed == null || typed.length == 0) {
          throw new UserError("No token was given; nothing was stored.");
        }
        return Secret.of(typed);
      } finally {
        if (typed != null) {
          Arrays.fill(typed, '\0');
        }
      }
    }
  }

  @Command(name = "list", description = "Lists stored credentials (names, never values).")
  static final class ListCredentials implements Callable<Integer> {
    @ParentCommand CredentialsCommand parent;
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() throws IOException {
      List<StoredCredential> list = parent.root.context(common).credentials().list();
      PrintWriter out = spec.commandLine().getOut();
      if (json) {
        List<Map<String, Object>> rows =
            list.stream()
                .map(
                    c -> {
                      Map<String, Object> m = new LinkedHashMap<>();
                      m.put("name", c.name());
                      m.put("store", c.store().id());
                      m.put("reference", c.reference().toString());
                      m.put("host", c.host());
                      m.put("addedAt", c.addedAt().toString());
                      return m;
                    })
                .toList();
        out.println(Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(rows));
      } else if (list.isEmpty()) {
        out.println("No stored credentials. Add one with 'tenet credentials add NAME'.");
      } else {
        out.printf("%-24s %-9s %-28s %s%n", "NAME", "STORE", "HOST", "ADDED (UTC)");
        for (StoredCredential c : list) {
          out.printf(
              "%-24s %-9s %-28s %s%n",
              c.name(),
              c.store().id(),
              c.host() == null ? "(any)" : c.host(),
              c.addedAt().toString().replace('T', ' ').replaceAll("\\.\\d+Z$|Z$", ""));
        }
      }
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "remove", description = "Removes a stored credential from where it lives.")
  static final class Remove implements Callable<Integer> {
    @ParentCommand CredentialsCommand parent;
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
      StoredCredential removed = parent.root.context(common).credentials().remove(name);
      PrintWriter out = spec.commandLine().getOut();
      out.println(
          "Removed '"
              + removed.name()
              + "' from the "
              + (removed.store() == CredentialReference.Kind.KEYCHAIN
                  ? "OS keychain"
                  : "encrypted vault")
              + ". Revoke the token on its platform too if it is no longer needed.");
      out.flush();
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "test",
      description =
          "Sends one read-only request with a credential to check that the platform accepts it,"
              + " and whether it can do more than read.")
  static final class TestCredential implements Callable<Integer> {
    @ParentCommand CredentialsCommand parent;
    @Mixin CommonOptions common;
    @Spec CommandSpec spec;

    @Parameters(
        index = "0",
        paramLabel = "CREDENTIAL",
        description = "A stored credential's name, or keychain:NAME, vault:NAME, env:VAR.")
    String credential;

    @Option(
        names = "--github-url",
        paramLabel = "URL",
        defaultValue = GitHubConnector.DEFAULT_URL,
        description = "GitHub API base (default ${DEFAULT-VALUE}).")
    String githubUrl;

    @Override
    public Integer call() throws InterruptedException {
      CredentialService.TestResult r =
          parent
              .root
              .context(common)
              .credentials()
              .test(credential, GitHubConnector.PLATFORM, githubUrl);
      PrintWriter out = spec.commandLine().getOut();
      if (!r.accepted()) {
        out.println(r.host() + ": " + r.detail());
        out.flush();
        return ExitCodes.FAILED;
      }
      out.println(
          r.host()
              + ": accepted"
              + (r.login() == null ? "" : " (" + r.login() + ")")
              + (r.scopes() == null ? "" : "; scopes: " + String.join(", ", r.scopes()))
              + ".");
      out.println(r.detail());
      out.flush();
      return ExitCodes.OK;
    }
  }
}
