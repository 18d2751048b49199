package dev.tenet.connectors.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.ApiResponse;
import dev.tenet.connectors.http.Auth;
import dev.tenet.connectors.http.BearerChallenges;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.ResponseCache;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The OCI Distribution API (v2) of one registry, through the shared HTTP policy: catalog, tags,
 * manifests (image index and image manifest), blobs and the referrers API of OCI 1.1. Every
 * manifest and blob is checked against its digest as it arrives, so nothing a registry (or a
 * machine in between) altered is ever taken for what was pushed. Reads only.
 */
public final class OciClient {
  /** Blobs Tenet reads (signature payloads, attestations, configs) are small; refuse larger. */
  static final long MAX_BLOB_BYTES = 16L * 1024 * 1024;

  private static final Pattern LINK_NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");
  private static final Pattern REPOSITORY_PATH =
      Pattern.compile("^/v2/(.+)/(tags|manifests|blobs|referrers)/.*$");

  private static final Map<String, String> MANIFEST_ACCEPT =
      Map.of("Accept", String.join(", ", MediaTypes.MANIFESTS));

  private final ApiClient api;
  private final String prefix;
  private final BearerChallenges challenges;

  private OciClient(ApiClient api, String prefix, BearerChallenges challenges) {
    this.api = api;
    this.prefix = prefix;
    this.challenges = challenges;
  }

  /**
   * A client of the registry at {@code origin} whose API lives below {@code prefix} ("" for /v2/ at
   * the root; Artifactory: /artifactory/api/docker/REPO).
   *
   * @param credentials exchanged for tokens when the registry challenges; null for anonymous access
   *     (anonymous tokens are still fetched when the registry hands them out)
   * @param auth sent with every request up front (e.g. an access token the registry accepts as a
   *     bearer); {@link Auth#NONE} to rely on challenges alone
   */
  public static OciClient connect(
      URI origin,
      String prefix,
      BearerChallenges.Credentials credentials,
      Auth auth,
      HttpPolicy policy,
      ResponseCache cache,
      ApiClient.Observer observer,
      Clock clock) {
    String p = normalizePrefix(prefix);
    BearerChallenges challenges =
        new BearerChallenges(origin, credentials, policy, observer, clock, path -> scope(p, path));
    ApiClient api =
        ApiClient.builder(origin, "registry")
            .auth(auth)
            .policy(policy)
            .cache(cache)
            .observer(observer)
            .clock(clock)
            .challenges(challenges)
            .build();
    return new OciClient(api, p, challenges);
  }

  /**
   * A client that sends {@code auth} with every request and answers no challenge: for registries
   * that take the platform's access token directly (Artifactory), so that a 401 stays a 401 and is
   * never retried anonymously.
   */
  public static OciClient withAuth(
      URI origin,
      String prefix,
      Auth auth,
      HttpPolicy policy,
      ResponseCache cache,
      ApiClient.Observer observer,
      Clock clock) {
    ApiClient api =
        ApiClient.builder(origin, "registry")
            .auth(auth)
            .policy(policy)
            .cache(cache)
            .observer(observer)
            .clock(clock)
            .build();
    return new OciClient(api, normalizePrefix(prefix), null);
  }

  /** A client that answers no challenge at all: tells whether the registry asks for any. */
  public static OciClient bare(
      URI origin, String prefix, HttpPolicy policy, ApiClient.Observer observer, Clock clock) {
    ApiClient api =
        ApiClient.builder(origin, "registry")
            .policy(policy)
            .observer(observer)
            .clock(clock)
            .build();
    return new OciClient(api, normalizePrefix(prefix), null);
  }

  private static String normalizePrefix(String prefix) {
    String p = prefix == null ? "" : prefix.strip();
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() || p.startsWith("/") ? p : "/" + p;
  }

  /** The token scope a request needs (Docker token specification). */
  static String scope(String prefix, String path) {
    String below = path.startsWith(prefix) ? path.substring(prefix.length()) : path;
    int query = below.indexOf('?');
    if (query >= 0) {
      below = below.substring(0, query);
    }
    if (below.equals("/v2/_catalog")) {
      return "registry:catalog:*";
    }
    Matcher m = REPOSITORY_PATH.matcher(below);
    return m.matches() ? "repository:" + m.group(1) + ":pull" : null;
  }

  public URI origin() {
    return api.base();
  }

  /** {@code GET /v2/}: succeeds when the registry accepts this client's credentials (or none). */
  public void ping() throws ApiException, InterruptedException {
    api.get(prefix + "/v2/");
  }

  /** Every repository the registry lists to this client ({@code /v2/_catalog}). */
  public List<String> catalog() throws ApiException, InterruptedException {
    List<String> repositories = new ArrayList<>();
    for (JsonNode page : pages(prefix + "/v2/_catalog?n=1000")) {
      page.path("repositories").forEach(r -> repositories.add(r.asText()));
    }
    return repositories;
  }

  /** Every tag of a repository. */
  public List<String> tags(String repository) throws ApiException, InterruptedException {
    List<String> tags = new ArrayList<>();
    for (JsonNode page : pages(prefix + "/v2/" + repository + "/tags/list?n=1000")) {
      page.path("tags").forEach(t -> tags.add(t.asText()));
    }
    return tags;
  }

  /**
   * A manifest or index by tag or digest. Asked by digest, the content must have that digest.
   *
   * @throws ContentMismatch when the registry sent content that does not match the digest asked
   */
  public OciManifest manifest(String repository, String reference)
      throws ApiException, InterruptedException, ContentMismatch {
    ApiResponse response =
        api.get(prefix + "/v2/" + repository + "/manifests/" + reference, MANIFEST_ACCEPT);
    byte[] body = response.body();
    if (Digests.isDigest(reference) && !Digests.matches(reference, body)) {
      throw new ContentMismatch(
          "the manifest served for "
              + reference
              + " has digest "
              + Digests.sha256(body)
              + ": not the content asked for");
    }
    try {
      return OciManifest.parse(body, response.header("content-type").orElse(null));
    } catch (IOException e) {
      throw new ApiException(
          ApiException.Kind.INVALID_RESPONSE,
          response.status(),
          repository,
          "the manifest " + repository + ":" + reference + " is not a valid OCI manifest");
    }
  }

  /** A manifest by tag, or empty when the tag does not exist. */
  public Optional<OciManifest> manifestIfPresent(String repository, String reference)
      throws ApiException, InterruptedException, ContentMismatch {
    try {
      return Optional.of(manifest(repository, reference));
    } catch (ApiException e) {
      if (e.kind() == ApiException.Kind.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * A blob's content, checked against the descriptor's digest.
   *
   * @throws ContentMismatch when the content does not have the descriptor's digest, or is larger
   *     than Tenet reads
   */
  public byte[] blob(String repository, Descriptor descriptor)
      throws ApiException, InterruptedException, ContentMismatch {
    if (!Digests.isDigest(descriptor.digest())) {
      throw new ContentMismatch("the descriptor names no valid digest");
    }
    if (descriptor.size() > MAX_BLOB_BYTES) {
      throw new ContentMismatch(
          "the blob "
              + descriptor.digest()
              + " is larger than Tenet reads ("
              + MAX_BLOB_BYTES
              + ")");
    }
    byte[] body = api.get(prefix + "/v2/" + repository + "/blobs/" + descriptor.digest()).body();
    if (!Digests.matches(descriptor.digest(), body)) {
      throw new ContentMismatch(
          "the blob served for "
              + descriptor.digest()
              + " has digest "
              + Digests.sha256(body)
              + ": altered in the registry or on the way");
    }
    return body;
  }

  /**
   * The artifacts that refer to a digest (OCI 1.1 referrers API); empty when the registry does not
   * implement it (as CNCF Distribution 2.x does not), so callers fall back to cosign's tags.
   */
  public Optional<List<Descriptor>> referrers(String repository, String digest)
      throws ApiException, InterruptedException {
    List<Descriptor> found = new ArrayList<>();
    try {
      for (JsonNode page : pages(prefix + "/v2/" + repository + "/referrers/" + digest)) {
        if (!page.path("manifests").isArray()) {
          return Optional.empty();
        }
        page.path("manifests").forEach(m -> found.add(Descriptor.parse(m)));
      }
    } catch (ApiException e) {
      if (Set.of(ApiException.Kind.NOT_FOUND, ApiException.Kind.CLIENT_ERROR).contains(e.kind())) {
        return Optional.empty();
      }
      throw e;
    }
    return Optional.of(found);
  }

  /**
   * The actions anonymous or this client's credentials are granted on a repository, as the token
   * service states them (e.g. pull, push). Empty when not known: the registry never challenged, or
   * its tokens are opaque.
   */
  public Optional<Set<String>> grantedActions(String repository)
      throws ApiException, InterruptedException {
    if (challenges == null) {
      return Optional.empty();
    }
    return challenges.grantedActions("repository:" + repository + ":pull,push");
  }

  private List<JsonNode> pages(String first) throws ApiException, InterruptedException {
    List<JsonNode> pages = new ArrayList<>();
    String next = first;
    while (next != null && pages.size() < 10_000) {
      ApiResponse response = api.get(next);
      pages.add(response.json());
      next = nextLink(response.header("link").orElse(null));
    }
    return pages;
  }

  static String nextLink(String link) {
    if (link == null) {
      return null;
    }
    Matcher m = LINK_NEXT.matcher(link);
    return m.find() ? m.group(1) : null;
  }

  /** Content from the registry that is not what its digest says. */
  public static final class ContentMismatch extends Exception {
    public ContentMismatch(String message) {
      super(message);
    }
  }
}
