package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Container;
import dev.tenet.core.pipeline.Env;
import dev.tenet.core.pipeline.Job;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.Step;
import dev.tenet.core.pipeline.expr.Expressions;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A credential written in the pipeline file itself: a registry password for a job container or
 * service, a token in a well-known format (GitHub, GitLab, AWS, Slack, npm, PyPI, Stripe, Google,
 * SendGrid, private keys), a password inside a URL, or a secret-named variable holding a
 * random-looking literal. Everyone who can read the repository (and its history) has it.
 */
final class HardcodedSecret extends PipelineRule {
  static final RuleMetadata METADATA =
      new RuleMetadata(
          "PIPE-SECRET-001",
          "secret-hardcoded",
          Severity.CRITICAL,
          "Credential written in plain text in a pipeline file",
          "A credential in the file is readable by everyone who can read the repository, its"
              + " forks and its history, and it cannot be rotated without rewriting them.",
          List.of(
              "Revoke the credential now: assume it is compromised.",
              "Store the new one as an encrypted secret (GitHub secrets, GitLab masked and"
                  + " protected CI/CD variables) and reference it: `${{ secrets.NAME }}` or"
                  + " `$NAME`.",
              "Prefer short-lived credentials (OIDC) where the service supports them."),
          List.of(
              "https://docs.github.com/en/actions/security-for-github-actions/security-guides/using-secrets-in-github-actions",
              "https://docs.gitlab.com/ee/ci/variables/#cicd-variable-security"));

  /** A well-known credential format: a name, literals one of which it contains, its pattern. */
  record Format(String name, List<String> markers, Pattern pattern) {}

  static final List<Format> FORMATS =
      List.of(
          new Format(
              "GitHub token",
              List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_"),
              Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{82})\\b")),
          new Format(
              "GitLab token", List.of("glpat-"), Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}\\b")),
          new Format(
              "AWS access key",
              List.of("AKIA", "ASIA"),
              Pattern.compile("\\b(AKIA|ASIA)[A-Z0-9]{16}\\b")),
          new Format(
              "Slack token", List.of("xox"), Pattern.compile("\\bxox[baprs]-[A-Za-z0-9-]{10,}\\b")),
          new Format(
              "Stripe key",
              List.of("k_live_"),
              Pattern.compile("\\b[sr]k_live_[0-9a-zA-Z]{24,}\\b")),
          new Format("npm token", List.of("npm_"), Pattern.compile("\\bnpm_[A-Za-z0-9]{36}\\b")),
          new Format(
              "PyPI token",
              List.of("pypi-AgEI"),
              Pattern.compile("\\bpypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}")),
          new Format(
              "Google API key", List.of("AIza"), Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}\\b")),
          new Format(
              "SendGrid key",
              List.of("SG."),
              Pattern.compile("\\bSG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43}\\b")),
          new Format(
              "private key",
              List.of("PRIVATE KEY"),
              Pattern.compile(
                  "-----BEGIN ((RSA|EC|DSA|OPENSSH|PGP|ENCRYPTED) )?PRIVATE KEY( BLOCK)?-----")));

  private static final Pattern URL_PASSWORD =
      Pattern.compile("\\b[a-z][a-z0-9+.-]*://[^/\\s:@$%{}]+:([^/\\s@$%{}]{6,})@[^\\s/]+");
  private static final List<String> SECRET_WORDS =
      List.of(
          "password",
          "passwd",
          "secret",
          "token",
          "apikey",
          "api_key",
          "api-key",
          "private_key",
          "private-key",
          "privatekey",
          "access_key",
          "access-key",
          "accesskey",
          "credential");
  private static final Pattern PLACEHOLDER =
      Pattern.compile(
          "(?i).*(example|sample|dummy|placeholder|changeme|change-me|redacted|your[_-]|<|xxxx|\\*\\*\\*|0000000|1234567|abcdef|test|fake|foo|bar).*");

  @Override
  public RuleMetadata metadata() {
    return METADATA;
  }

  @Override
  List<String> zizmorAudits() {
    return List.of("hardcoded-container-credentials");
  }

  @Override
  boolean appliesTo(Pipeline p) {
    return true;
  }

  @Override
  void check(Pipeline p, Report report, RuleContext context) {
    Set<YamlNode> reported = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Job job : p.jobs()) {
      List<Container> all = new ArrayList<>();
      if (job.container() != null) {
        all.add(job.container());
      }
      all.addAll(job.services());
      for (Container c : all) {
        YamlScalar pw = c.password();
        if (pw != null
            && !pw.value().isBlank()
            && !Expressions.contains(pw.value())
            && !pw.value().startsWith("$")
            && reported.add(pw)) {
          report
              .fail(
                  c.credentials() != null ? c.credentials() : pw,
                  c.node(),
                  (c.name().isEmpty() ? "The container" : "Service '" + c.name() + "'")
                      + " of job "
                      + job.label()
                      + " logs in to its registry with a password written in the file.")
              .with("kind", "registry password");
        }
      }
      List<Env> envs = new ArrayList<>();
      envs.add(job.env());
      for (Step s : job.steps()) {
        envs.add(s.env());
        for (Map.Entry<String, YamlNode> in : s.with().entrySet()) {
          if (in.getValue() instanceof YamlScalar v) {
            named(
                in.getKey(),
                v,
                s.node(),
                "input `" + in.getKey() + "` of step " + s.label(),
                reported,
                report);
          }
        }
      }
      for (Env env : envs) {
        for (Env.Var v : env.vars().values()) {
          if (v.value() != null) {
            named(v.name(), v.value(), v.key(), "variable " + v.name(), reported, report);
          }
        }
      }
    }
    for (Env.Var v : p.env().vars().values()) {
      if (v.value() != null) {
        named(v.name(), v.value(), v.key(), "variable " + v.name(), reported, report);
      }
    }
    Set<YamlNode> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    List<YamlNode> roots = new ArrayList<>();
    roots.add(p.root());
    for (Job j : p.jobs()) {
      if (j.node() != null) {
        roots.add(j.node());
      }
    }
    for (YamlNode root : roots) {
      for (YamlScalar s : p.scalarsUnder(root)) {
        if (seen.add(s) && !reported.contains(s) && mayHoldCredential(s.value())) {
          formats(s, reported, report);
        }
      }
    }
  }

  private static boolean mayHoldCredential(String v) {
    return v.length() >= 14;
  }

  private static void formats(YamlScalar s, Set<YamlNode> reported, Report report) {
    String v = s.value();
    for (Format f : FORMATS) {
      boolean marked = false;
      for (String marker : f.markers()) {
        if (v.contains(marker)) {
          marked = true;
          break;
        }
      }
      if (!marked) {
        continue;
      }
      Matcher m = f.pattern().matcher(v);
      if (m.find() && !PLACEHOLDER.matcher(m.group()).matches() && reported.add(s)) {
        report
            .fail(
                s.source(),
                s.positionOf(m.group(), 0),
                s,
                "A " + f.name() + " is written in the file (" + redact(m.group()) + ").")
            .with("kind", f.name());
        return;
      }
    }
    if (!v.contains("://") || v.indexOf('@') < 0) {
      return;
    }
    Matcher u = URL_PASSWORD.matcher(v);
    while (u.find()) {
      String pw = u.group(1);
      if (!PLACEHOLDER.matcher(pw).matches() && !pw.startsWith("${") && reported.add(s)) {
        report
            .fail(
                s.source(),
                s.positionOf(u.group(), 0),
                s,
                "A URL in the file carries a password (" + redact(u.group()) + ").")
            .with("kind", "password in URL");
        return;
      }
    }
  }

  private static void named(
      String name,
      YamlScalar value,
      YamlNode scope,
      String what,
      Set<YamlNode> reported,
      Report report) {
    if (reported.contains(value) || value.value().length() < 16) {
      return;
    }
    String lower = name.toLowerCase(Locale.ROOT);
    if (SECRET_WORDS.stream().noneMatch(lower::contains)) {
      return;
    }
    String v = value.value().strip();
    if (v.length() < 16
        || v.contains("$")
        || v.contains(" ")
        || v.contains("/")
        || v.contains("{{")
        || PLACEHOLDER.matcher(v).matches()
        || entropy(v) < 3.5
        || v.chars().noneMatch(Character::isDigit)) {
      return;
    }
    reported.add(value);
    report
        .fail(
            value,
            scope,
            capitalize(what) + " holds a literal, random-looking credential (" + redact(v) + ").")
        .severity(Severity.HIGH)
        .with("kind", "secret-named value")
        .with("name", name);
  }

  /** Shannon entropy in bits per character. */
  static double entropy(String s) {
    int[] counts = new int[128];
    int other = 0;
    for (char c : s.toCharArray()) {
      if (c < 128) {
        counts[c]++;
      } else {
        other++;
      }
    }
    double h = 0;
    for (int c : counts) {
      if (c > 0) {
        double p = (double) c / s.length();
        h -= p * Math.log(p) / Math.log(2);
      }
    }
    if (other > 0) {
      double p = (double) other / s.length();
      h -= p * Math.log(p) / Math.log(2);
    }
    return h;
  }

  /** The first characters only: reports must not spread the credential further. */
  static String redact(String s) {
    String one = s.replaceAll("\\s+", " ");
    int keep = Math.min(6, Math.max(0, one.length() / 4));
    return one.substring(0, keep) + "…";
  }

  private static String capitalize(String s) {
    return s.isEmpty() ? s : s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }
}
