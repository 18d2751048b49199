package dev.tenet.core.rules.pipeline;

import dev.tenet.core.model.Location;
import dev.tenet.core.model.Severity;
import dev.tenet.core.pipeline.Pipeline;
import dev.tenet.core.pipeline.Pipelines;
import dev.tenet.core.pipeline.yaml.Pos;
import dev.tenet.core.pipeline.yaml.SourceText;
import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;
import dev.tenet.core.rule.FindingDraft;
import dev.tenet.core.rule.Outcomes;
import dev.tenet.core.rule.Rule;
import dev.tenet.core.rule.RuleContext;
import dev.tenet.core.rule.RuleMetadata;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A rule over the parsed pipelines of a scan. Each pipeline file it judges is a subject: it passes
 * when the rule finds nothing in it. Findings land on the file's resource ({@code
 * github:acme/web#file/.github/workflows/ci.yml}) with the line and column of the offending text.
 *
 * <p>Inline ignore comments ({@code # tenet: ignore[weakness-or-rule-id]}, and zizmor's {@code #
 * zizmor: ignore[audit]} so that triage done with zizmor carries over) on the lines of the
 * offending element keep the finding visible but mark it suppressed, at severity info.
 */
abstract class PipelineRule implements Rule {

  /** Whether this rule judges a pipeline at all (e.g. GitHub workflows only). */
  abstract boolean appliesTo(Pipeline pipeline);

  abstract void check(Pipeline pipeline, Report report, RuleContext context);

  /** zizmor audits whose ignore comments this rule honours. */
  List<String> zizmorAudits() {
    return List.of();
  }

  @Override
  public final void evaluate(RuleContext context, Outcomes outcomes) {
    for (Pipeline p : context.pipelines().all()) {
      if (!appliesTo(p)) {
        continue;
      }
      Report report = new Report(p, outcomes, suppressionNames());
      String subject = Pipelines.fileResource(p.resource(), p.source().path());
      try {
        check(p, report, context);
      } catch (RuntimeException | StackOverflowError e) {
        // One odd file must not stop the rule for the others: this file stays unjudged.
        outcomes.unknown(subject, "could not be judged (" + e.getClass().getSimpleName() + ")");
        continue;
      }
      if (!report.failed) {
        outcomes.pass(subject);
      }
    }
  }

  private Set<String> suppressionNames() {
    Set<String> names = new LinkedHashSet<>();
    RuleMetadata m = metadata();
    names.add("tenet:" + m.weakness());
    names.add("tenet:" + m.id().toLowerCase(Locale.ROOT));
    for (String a : zizmorAudits()) {
      names.add("zizmor:" + a);
    }
    return names;
  }

  /** Collects a rule's findings for one pipeline. */
  static final class Report {
    private final Pipeline pipeline;
    private final Outcomes outcomes;
    private final Set<String> names;
    boolean failed;

    Report(Pipeline pipeline, Outcomes outcomes, Set<String> names) {
      this.pipeline = pipeline;
      this.outcomes = outcomes;
      this.names = names;
    }

    Pipeline pipeline() {
      return pipeline;
    }

    /**
     * Reports a finding at {@code at} (its start; for a block scalar the first line of its text).
     *
     * @param scope the element the finding is about (a step, a job): an ignore comment on any of
     *     its lines suppresses the finding
     */
    Draft fail(YamlNode at, YamlNode scope, String message) {
      Pos pos = at instanceof YamlScalar s && s.isBlock() ? s.contentStart() : at.start();
      return fail(at.source(), pos, scope, message);
    }

    Draft fail(SourceText source, Pos pos, YamlNode scope, String message) {
      failed = true;
      String resource = Pipelines.fileResource(pipeline.resource(), source.path());
      FindingDraft d =
          outcomes
              .fail(resource, message)
              .at(new Location(source.path(), pos.line(), pos.column()));
      String suppressedBy = suppression(source, pos.line(), scope);
      if (suppressedBy != null) {
        d.severity(Severity.INFO).with("suppressedBy", suppressedBy);
      }
      return new Draft(d, suppressedBy != null);
    }

    private String suppression(SourceText source, int line, YamlNode scope) {
      int from = line;
      int to = line;
      if (scope != null && scope.source() == source) {
        from = Math.min(from, scope.start().line());
        to = Math.max(to, lastContentLine(scope));
      }
      for (int l = from; l <= to; l++) {
        for (String n : source.ignoresAt(l)) {
          if (names.contains(n)) {
            return "# " + n.replaceFirst(":", ": ignore[") + "] on line " + l;
          }
        }
      }
      return null;
    }

    private static int lastContentLine(YamlNode node) {
      String t = node.source().text();
      int k = Math.min(node.endOffset(), t.length()) - 1;
      while (k > node.startOffset() && Character.isWhitespace(t.charAt(k))) {
        k--;
      }
      return node.source().position(Math.max(node.startOffset(), k)).line();
    }
  }

  /** A finding being reported; a suppressed one keeps severity info. */
  static final class Draft {
    private final FindingDraft draft;
    private final boolean suppressed;

    Draft(FindingDraft draft, boolean suppressed) {
      this.draft = draft;
      this.suppressed = suppressed;
    }

    Draft with(String key, Object value) {
      draft.with(key, value);
      return this;
    }

    Draft severity(Severity severity) {
      if (!suppressed) {
        draft.severity(severity);
      } else {
        draft.with("severityIfNotSuppressed", severity.id());
      }
      return this;
    }

    Draft anchor(String anchor) {
      draft.anchor(anchor);
      return this;
    }
  }
}
