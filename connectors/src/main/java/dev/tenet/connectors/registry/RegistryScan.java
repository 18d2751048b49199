package dev.tenet.connectors.registry;

import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.ApiException;
import dev.tenet.connectors.http.Auth;
import dev.tenet.connectors.http.BearerChallenges;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.connectors.http.Parallel;
import dev.tenet.connectors.http.ResponseCache;
import dev.tenet.connectors.registry.integrity.KeylessVerifier;
import dev.tenet.connectors.registry.integrity.Provenance;
import dev.tenet.connectors.registry.integrity.TrustedKeys;
import dev.tenet.connectors.registry.integrity.Verdict;
import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.EntityKind;
import dev.tenet.core.graph.RelationKind;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.BlindSpot;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.CollectContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The part of a registry scan every registry shares: for each selected repository, its most recent
 * tags, the digest each points to, what signs and attests that digest (verified, not assumed),
 * whether anyone can pull or push without credentials, and what the previous assessment saw under
 * the same tag. Platform connectors feed it repositories with what their own APIs know (visibility,
 * tag immutability, push times) and add who may push.
 */
public final class RegistryScan {
  /** The entity every anonymous access relation starts from. */
  public static final String INTERNET_ID = "internet:anyone";

  private final RegistryTarget target;
  private final OciClient client;
  private final OciClient anonymous;
  private final OciClient bare;
  private final ImageSelection selection;
  private final ArtifactInspector inspector;
  private final TagHistory history;
  private final CollectContext context;
  private final ScopeEntry scope;
  private final int concurrency;
  private final String readRemedy;

  /**
   * The scan of a hosted registry (Docker Hub, ghcr.io, a GitLab registry) read with one token, and
   * anonymously to tell what anyone can pull.
   *
   * @param registry the registry's origin
   * @param readRemedy what token would read a repository this one cannot
   */
  public static RegistryScan withToken(
      RegistryTarget target,
      URI registry,
      BearerChallenges.Credentials credentials,
      RegistryOptions options,
      HttpPolicy policy,
      ResponseCache cache,
      ApiClient.Observer observer,
      CollectContext context,
      ScopeEntry scope,
      String readRemedy) {
    OciClient client =
        OciClient.connect(
            registry, "", credentials, Auth.NONE, policy, cache, observer, options.clock());
    OciClient anonymous =
        OciClient.connect(
            registry, "", null, Auth.NONE, policy, ResponseCache.NONE, observer, options.clock());
    return new RegistryScan(
        target,
        client,
        anonymous,
        null,
        options.selection(),
        options.keys(),
        options.keyless(),
        options.history(),
        context,
        scope,
        policy.maxConcurrency(),
        readRemedy);
  }

  /**
   * @param client the client with the connection's credentials
   * @param anonymous a client without credentials, to tell what anyone can do; null to skip
   * @param bare a client that answers no challenge, to tell whether the registry asks for any; null
   *     to skip
   * @param readRemedy what would let Tenet read a repository it could not (for blind spots)
   */
  public RegistryScan(
      RegistryTarget target,
      OciClient client,
      OciClient anonymous,
      OciClient bare,
      ImageSelection selection,
      TrustedKeys keys,
      KeylessVerifier keyless,
      TagHistory history,
      CollectContext context,
      ScopeEntry scope,
      int concurrency,
      String readRemedy) {
    this.target = target;
    this.client = client;
    this.anonymous = anonymous;
    this.bare = bare;
    this.selection = selection;
    this.inspector =
        new ArtifactInspector(
            client,
            keys,
            dev.tenet.connectors.registry.integrity.Keyless.trusting(
                target.trustedSources(), keyless));
    this.history = history;
    this.context = context;
    this.scope = scope;
    this.concurrency = concurrency;
    this.readRemedy = readRemedy;
  }

  /** The registry entity (created on first use), with what the scan learns about it. */
  public Entity registry() {
    return context
        .graph()
        .entity(target.registryId(), EntityKind.REGISTRY, target.registryName(), target.source())
        .set(
            Attr.TRUSTED_SOURCES,
            target.trustedSources().isEmpty() ? null : target.trustedSources());
  }

  /** Whether the registry asks for credentials at all (GET /v2/ without any). */
  public void probeAuthentication() throws InterruptedException {
    if (bare == null) {
      return;
    }
    try {
      bare.ping();
      registry().set(Attr.AUTH_REQUIRED, false);
    } catch (ApiException e) {
      if (e.kind() == ApiException.Kind.UNAUTHORIZED || e.kind() == ApiException.Kind.FORBIDDEN) {
        registry().set(Attr.AUTH_REQUIRED, true);
      }
    }
  }

  /**
   * Scans the repositories (in parallel within the HTTP policy's bound) and returns their image
   * entities by repository name, for the platform connector to relate who may push.
   */
  public Map<String, Entity> scan(List<RepositoryFacts> repositories) throws InterruptedException {
    List<RepositoryFacts> selected = new ArrayList<>();
    for (RepositoryFacts r : repositories) {
      if (selection.includes(r.name())) {
        selected.add(r);
      }
    }
    if (selected.size() > selection.maxRepositories()) {
      context.blindSpot(
          new BlindSpot(
              target.registryId(),
              (selected.size() - selection.maxRepositories())
                  + " repositories beyond the first "
                  + selection.maxRepositories(),
              "more repositories than the scan inspects",
              "Narrow the scan to the repositories that matter, or raise the bound."));
      selected = selected.subList(0, selection.maxRepositories());
    }
    Entity registry = registry();
    Map<String, Entity> images = new LinkedHashMap<>();
    for (RepositoryFacts r : selected) {
      Entity image =
          context
              .graph()
              .entity(target.imageId(r.name()), EntityKind.IMAGE, r.name(), target.source())
              .set(Attr.VISIBILITY, r.visibility())
              .set(Attr.TAGS_IMMUTABLE, r.tagsImmutable())
              .set(Attr.WEB_URL, r.webUrl());
      context.graph().relate(registry, RelationKind.CONTAINS, image, target.source());
      images.put(r.name(), image);
    }
    AtomicInteger done = new AtomicInteger();
    int total = selected.size();
    context.progress(scope, 0, total, "repositories");
    Parallel.forEach(
        selected,
        concurrency,
        context.cancellation(),
        r -> {
          repository(r, images.get(r.name()));
          context.progress(scope, done.incrementAndGet(), total, r.name());
        });
    linkProvenance(images.values());
    return images;
  }

  private void repository(RepositoryFacts facts, Entity image) throws InterruptedException {
    String name = facts.name();
    List<ImageSelection.Tag> tags = facts.tags();
    if (tags == null) {
      try {
        tags = client.tags(name).stream().map(t -> new ImageSelection.Tag(t, null)).toList();
      } catch (ApiException e) {
        blind(image.id(), "the tags of " + name, e);
        return;
      }
    }
    for (ImageSelection.Tag tag : selection.pick(tags)) {
      context.cancellation().check();
      inspectTag(name, image, tag);
    }
    if (anonymous != null) {
      probeAnonymous(name, image);
    }
  }

  private void inspectTag(String repository, Entity image, ImageSelection.Tag tag)
      throws InterruptedException {
    String id = target.tagId(repository, tag.name());
    OciManifest manifest;
    try {
      manifest = client.manifest(repository, tag.name());
    } catch (ApiException e) {
      blind(id, "the manifest of " + repository + ":" + tag.name(), e);
      return;
    } catch (OciClient.ContentMismatch e) {
      // Cannot happen for a tag (no digest to compare); reported as a gap if it ever does.
      context.blindSpot(
          new BlindSpot(
              id, "the manifest of " + repository + ":" + tag.name(), e.getMessage(), ""));
      return;
    }
    Entity tagged =
        context
            .graph()
            .entity(id, EntityKind.IMAGE, repository + ":" + tag.name(), target.source())
            .set(Attr.TAG, tag.name())
            .set(Attr.DIGEST, manifest.digest())
            .set(Attr.PUSHED_AT, tag.pushedAt());
    context.graph().relate(image, RelationKind.CONTAINS, tagged, target.source());
    history
        .previous(id)
        .ifPresent(
            seen ->
                tagged
                    .set(Attr.PREVIOUS_DIGEST, seen.digest())
                    .set(Attr.PREVIOUS_SEEN_AT, seen.at()));
    ArtifactInspector.Result result;
    try {
      result = inspector.inspect(repository, manifest);
    } catch (ApiException e) {
      blind(id, "the signatures and attestations of " + repository + ":" + tag.name(), e);
      return;
    }
    Verdict sig = result.signature();
    tagged
        .set(Attr.SIGNATURE, sig.status().id())
        .set(Attr.SIGNATURE_DETAIL, sig.detail())
        .set(Attr.SIGNER, sig.signer())
        .set(
            Attr.SIGNATURE_SOURCE,
            result.signatureSources().isEmpty()
                ? null
                : String.join(", ", result.signatureSources()));
    Verdict prov = result.provenanceVerdict();
    tagged.set(Attr.PROVENANCE, prov.status().id()).set(Attr.PROVENANCE_DETAIL, prov.detail());
    Provenance p = result.provenance();
    if (p != null) {
      tagged
          .set(Attr.PROVENANCE_BUILDER, p.builderId())
          .set(Attr.PROVENANCE_SOURCE, p.source())
          .set(Attr.PROVENANCE_WORKFLOW, p.workflowDescription())
          .set(Attr.PROVENANCE_SOURCE_ID, sourceId(p.source()).orElse(null));
    }
  }

  private void probeAnonymous(String repository, Entity image) throws InterruptedException {
    Boolean pull = null;
    try {
      anonymous.tags(repository);
      pull = true;
    } catch (ApiException e) {
      if (Set.of(
              ApiException.Kind.UNAUTHORIZED,
              ApiException.Kind.FORBIDDEN,
              ApiException.Kind.NOT_FOUND)
          .contains(e.kind())) {
        pull = false;
      }
    }
    Boolean push = null;
    try {
      Optional<Set<String>> granted = anonymous.grantedActions(repository);
      if (granted.isPresent()) {
        push = granted.get().contains("push") || granted.get().contains("*");
      }
    } catch (ApiException e) {
      // The token service refused even to answer: nothing granted is known.
    }
    image.set(Attr.ANONYMOUS_PULL, pull).set(Attr.ANONYMOUS_PUSH, push);
    if (Boolean.TRUE.equals(pull) || Boolean.TRUE.equals(push)) {
      TrustGraph graph = context.graph();
      Entity internet =
          graph.entity(INTERNET_ID, EntityKind.INTERNET, "anyone on the internet", target.source());
      if (Boolean.TRUE.equals(push)) {
        graph
            .relate(internet, RelationKind.CAN_WRITE, image, target.source())
            .set("via", "anonymous push");
      }
      if (Boolean.TRUE.equals(pull)) {
        graph
            .relate(internet, RelationKind.CAN_READ, image, target.source())
            .set("via", "anonymous pull");
      }
    }
  }

  /**
   * The resource id a provenance source has in Tenet, for the hosted platforms whose ids Tenet
   * knows (github.com, gitlab.com); self-hosted ones are matched through trusted sources.
   */
  static Optional<String> sourceId(String source) {
    if (source == null) {
      return Optional.empty();
    }
    int slash = source.indexOf('/');
    if (slash <= 0 || slash == source.length() - 1) {
      return Optional.empty();
    }
    String host = source.substring(0, slash).toLowerCase(Locale.ROOT);
    String path = source.substring(slash + 1);
    return switch (host) {
      case "github.com" -> Optional.of(ResourceId.of("github", path));
      case "gitlab.com" -> Optional.of(ResourceId.of("gitlab", path));
      default -> Optional.empty();
    };
  }

  /**
   * Links images to the workflows their provenance names, when another connection of this scan
   * reported them (registries are collected after source platforms for this reason): the path
   * repository → pipeline → registry then exists in the graph. Never invents entities of another
   * platform.
   */
  private void linkProvenance(Iterable<Entity> images) {
    TrustGraph graph = context.graph();
    for (Entity image : images) {
      for (Entity tagged : graph.targets(image, RelationKind.CONTAINS)) {
        Optional<String> sourceId = tagged.text(Attr.PROVENANCE_SOURCE_ID);
        Optional<String> workflow = tagged.text(Attr.PROVENANCE_WORKFLOW);
        if (sourceId.isEmpty() || workflow.isEmpty()) {
          continue;
        }
        if (!"verified".equals(tagged.text(Attr.PROVENANCE).orElse(""))) {
          continue; // Only provenance Tenet could verify says who built the image.
        }
        Optional<Entity> repository =
            graph.find(sourceId.get()).filter(e -> e.kind() == EntityKind.REPOSITORY);
        if (repository.isEmpty()) {
          continue;
        }
        String path = workflow.get().split("@")[0];
        for (Entity part : graph.targets(repository.get(), RelationKind.CONTAINS)) {
          if (part.kind() == EntityKind.WORKFLOW
              && (path.equals(part.text("path").orElse(null)) || part.id().endsWith("/" + path))) {
            graph
                .relate(part, RelationKind.PUBLISHES, image, target.source())
                .set("via", "provenance");
            graph
                .relate(part, RelationKind.PUBLISHES, tagged, target.source())
                .set("via", "provenance");
          }
        }
      }
    }
  }

  private void blind(String resource, String what, ApiException e) {
    String remedy =
        switch (e.kind()) {
          case UNAUTHORIZED, FORBIDDEN, NOT_FOUND -> readRemedy;
          default -> "";
        };
    context.blindSpot(new BlindSpot(resource, what, e.reason(), remedy));
  }
}
