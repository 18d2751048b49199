package dev.tenet.app.service;

import dev.tenet.connectors.http.DiskResponseCache;
import dev.tenet.core.audit.AuditAction;
import dev.tenet.core.store.AssessmentStore;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * "Forget this organization": removes everything Tenet keeps about it on this machine, that is its
 * assessments (findings, scores, graphs), its cached API responses on every host, and its name in
 * earlier audit events; then records that an organization was forgotten (without naming it).
 * Reports the user exported are the user's own files and are not touched.
 */
public final class ForgetService {
  private final Workspace workspace;
  private final Path httpCache;
  private final AuditService audit;

  /**
   * @param httpCache the response cache's root ({@code cache/http}: one folder per host and token)
   */
  public ForgetService(Workspace workspace, Path httpCache, AuditService audit) {
    this.workspace = workspace;
    this.httpCache = httpCache;
    this.audit = audit;
  }

  /**
   * @param assessments assessments removed
   * @param sharedAssessments of which covering other organizations too (removed whole)
   * @param cacheEntries cached responses removed
   * @param auditEvents earlier audit events scrubbed of the name
   * @param riskAcceptances risk acceptance log entries about its resources, removed
   */
  public record Result(
      int assessments,
      int sharedAssessments,
      int cacheEntries,
      int auditEvents,
      int riskAcceptances) {}

  public Result forget(String platform, String organization) {
    if (platform == null || platform.isBlank() || organization == null || organization.isBlank()) {
      throw new UserError("Name the organization to forget as PLATFORM:NAME, e.g. github:acme.");
    }
    String org = organization.strip();
    AssessmentStore.Forgotten removed = workspace.store().forget(platform, org);
    int cached = forgetCachedResponses(org);
    audit.record(
        AuditAction.ORGANIZATION_FORGOTTEN,
        AssessmentStore.FORGOTTEN,
        List.of(),
        Map.of("assessments", removed.assessments().size(), "cacheEntries", cached));
    return new Result(
        removed.assessments().size(),
        removed.sharedAssessments(),
        cached,
        removed.auditEvents(),
        removed.riskAcceptances());
  }

  /** Cached responses whose URL names the organization, or whose body mentions it. */
  private int forgetCachedResponses(String org) {
    if (!Files.isDirectory(httpCache)) {
      return 0;
    }
    int removed = 0;
    try (Stream<Path> hosts = Files.list(httpCache)) {
      for (Path host : (Iterable<Path>) hosts::iterator) {
        if (!Files.isDirectory(host)) {
          continue;
        }
        try (Stream<Path> identities = Files.list(host)) {
          for (Path folder : (Iterable<Path>) identities::iterator) {
            if (Files.isDirectory(folder)) {
              removed +=
                  new DiskResponseCache(folder)
                      .removeIf((url, entry) -> mentions(url, entry.body(), org));
            }
          }
        }
      }
    } catch (IOException | IllegalStateException e) {
      throw new UserError(
          "The assessments of "
              + org
              + " were removed, but its cached responses in "
              + httpCache
              + " could not all be: "
              + e.getMessage()
              + ". Delete that folder to finish.");
    }
    return removed;
  }

  /** Whether a cached response belongs to (or talks about) the organization. */
  static boolean mentions(String url, byte[] body, String org) {
    String name = org.toLowerCase(Locale.ROOT);
    String path;
    try {
      path = URLDecoder.decode(URI.create(url).getRawPath(), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      path = url;
    }
    for (String segment : path.toLowerCase(Locale.ROOT).split("/")) {
      if (segment.equals(name)) {
        return true;
      }
    }
    String text = new String(body, StandardCharsets.UTF_8).toLowerCase(Locale.ROOT);
    return text.contains("\"" + name + "\"") || text.contains("\"" + name + "/");
  }
}
