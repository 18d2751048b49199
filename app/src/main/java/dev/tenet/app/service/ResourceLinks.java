package dev.tenet.app.service;

import dev.tenet.core.graph.Attr;
import dev.tenet.core.graph.Entity;
import dev.tenet.core.graph.TrustGraph;
import dev.tenet.core.model.ResourceId;
import dev.tenet.core.model.ScopeEntry;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The platform's web page of a resource, for "open in the browser": the {@code webUrl} the platform
 * reported for it (or for what contains it), else, on github.com and GitHub Enterprise Server, the
 * page its id names. A web address from an API is untrusted: only https on the connection's own
 * host is ever offered.
 */
public final class ResourceLinks {
  private ResourceLinks() {}

  public static Optional<URI> webPage(TrustGraph graph, List<ScopeEntry> scope, String resource) {
    Set<String> hosts = allowedHosts(scope);
    if (graph != null) {
      Optional<Entity> entity = graph.find(resource);
      for (int depth = 0; entity.isPresent() && depth < 8; depth++) {
        Optional<URI> reported =
            entity.get().text(Attr.WEB_URL).flatMap(url -> trusted(url, hosts));
        if (reported.isPresent()) {
          return reported;
        }
        entity = graph.container(entity.get());
      }
    }
    return derived(scope, resource).flatMap(url -> trusted(url, hosts));
  }

  /** The page a GitHub resource id names, where the web address follows from the API's. */
  static Optional<String> derived(List<ScopeEntry> scope, String resource) {
    ResourceId id;
    try {
      id = ResourceId.parse(resource);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!id.platform().equals("github")) {
      return Optional.empty();
    }
    Optional<String> web =
        scope.stream()
            .filter(s -> s.platform().equals("github"))
            .map(s -> githubWeb(s.baseUrl()))
            .flatMap(Optional::stream)
            .findFirst();
    if (web.isEmpty()) {
      return Optional.empty();
    }
    String base = web.get() + "/" + id.scope();
    String org =
        id.scope().contains("/") ? id.scope().substring(0, id.scope().indexOf('/')) : id.scope();
    if (id.kind() == null) {
      return Optional.of(base);
    }
    String name = id.name() == null ? "" : id.name();
    return Optional.of(
        switch (id.kind()) {
          case "branch" -> base + "/tree/" + path(name);
          case "file" -> base + "/blob/HEAD/" + path(name);
          case "member", "collaborator" -> web.get() + "/" + path(name);
          case "team" -> web.get() + "/orgs/" + org + "/teams/" + path(name);
          default -> base;
        });
  }

  /** https://github.com for api.github.com, https://HOST for GHES's https://HOST/api/v3. */
  private static Optional<String> githubWeb(String apiBase) {
    URI uri;
    try {
      uri = URI.create(apiBase);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (uri.getHost() == null || !"https".equalsIgnoreCase(uri.getScheme())) {
      return Optional.empty(); // Plain http is the loopback emulator: it has no web pages.
    }
    if (uri.getHost().equalsIgnoreCase("api.github.com")) {
      return Optional.of("https://github.com");
    }
    if (uri.getPath() != null && uri.getPath().replaceAll("/+$", "").endsWith("/api/v3")) {
      return Optional.of("https://" + uri.getRawAuthority());
    }
    return Optional.empty();
  }

  private static Set<String> allowedHosts(List<ScopeEntry> scope) {
    Set<String> hosts = new HashSet<>();
    for (ScopeEntry s : scope) {
      try {
        String host = URI.create(s.baseUrl()).getHost();
        if (host != null) {
          host = host.toLowerCase(Locale.ROOT);
          hosts.add(host);
          if (host.startsWith("api.")) {
            hosts.add(host.substring(4));
          }
        }
      } catch (IllegalArgumentException ignored) {
        // A scope without a valid address offers no page.
      }
    }
    return hosts;
  }

  private static Optional<URI> trusted(String url, Set<String> hosts) {
    try {
      URI uri = URI.create(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      // Plain http only ever serves loopback (the demo's emulators): no page worth opening.
      if (scheme.equals("https")
          && uri.getHost() != null
          && uri.getUserInfo() == null
          && hosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
        return Optional.of(uri);
      }
    } catch (IllegalArgumentException ignored) {
      // Not an address: no page.
    }
    return Optional.empty();
  }

  private static String path(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
  }
}
