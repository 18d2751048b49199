package dev.tenet.connectors.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tenet.connectors.emulator.OciArtifacts.Manifest;
import dev.tenet.connectors.emulator.OciArtifacts.Tamper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A local OCI registry for a {@link SampleRegistry}: it builds real content at start (images,
 * cosign signatures signed with a release key it generates, SLSA attestations) and serves it
 * through the OCI Distribution API with Docker-style token authentication (a token service at
 * {@code /token} that grants the demo user everything and anonymous callers pull on the
 * repositories the sample opens), the OCI 1.1 referrers API, conditional requests and digest
 * headers. The demo runs the real registry connector against it.
 */
public final class RegistryEmulator implements AutoCloseable {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Pattern ROUTE =
      Pattern.compile("^/v2/(.+)/(tags/list|manifests/[^/]+|blobs/[^/]+|referrers/[^/]+)$");

  private record Stored(String mediaType, byte[] content) {}

  private record Referrer(Manifest manifest, String artifactType) {}

  /**
   * What an earlier assessment saw under a tag, as the sample declares it.
   *
   * @param repository the repository path
   * @param digest the digest the tag pointed to then
   */
  public record Earlier(String repository, String tag, String digest, Instant seenAt) {}

  private final SampleRegistry sample;
  private final String token;
  private final HttpServer server;
  private final ExecutorService executor;
  private final KeyPair releaseKey = OciArtifacts.newKeyPair();
  private final KeyPair strangerKey = OciArtifacts.newKeyPair();
  private final byte[] tokenKey = new byte[32];
  private final Map<String, Map<String, String>> tags = new TreeMap<>();
  private final Map<String, Stored> manifests = new ConcurrentHashMap<>();
  private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
  private final Map<String, List<Referrer>> referrers = new ConcurrentHashMap<>();
  private final Set<String> anonymousPull = new LinkedHashSet<>();
  private final Map<String, String> earlier = new LinkedHashMap<>();
  private final Map<String, Set<String>> issued = new ConcurrentHashMap<>();
  private final List<String> log = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger requests = new AtomicInteger();
  private volatile boolean referrersApi = true;
  private volatile String staticBearer;
  private int builds;

  private RegistryEmulator(SampleRegistry sample, String token) throws IOException {
    this.sample = sample;
    this.token = token;
    new SecureRandom().nextBytes(tokenKey);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    this.executor =
        Executors.newFixedThreadPool(
            8,
            r -> {
              Thread t = new Thread(r, "registry-emulator");
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    build();
  }

  /** Starts an emulator on a free loopback port; {@code token} is the demo user's password. */
  public static RegistryEmulator start(SampleRegistry sample, String token) {
    try {
      RegistryEmulator emulator = new RegistryEmulator(sample, token);
      emulator.server.start();
      return emulator;
    } catch (IOException e) {
      throw new IllegalStateException("Cannot start the registry emulator on a loopback port", e);
    }
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  public SampleRegistry sample() {
    return sample;
  }

  /** The public half of the key the sample's trusted signatures are made with (cosign.pub). */
  public PublicKey releaseKey() {
    return releaseKey.getPublic();
  }

  /**
   * Also accepts this token as a bearer for everything the demo user may read, as registries that
   * take their platform's access tokens directly do (Artifactory).
   */
  public RegistryEmulator acceptBearer(String token) {
    this.staticBearer = token;
    return this;
  }

  /** Turns the OCI 1.1 referrers API off, as registries without it answer (404). */
  public RegistryEmulator referrersApi(boolean enabled) {
    this.referrersApi = enabled;
    return this;
  }

  /**
   * What the sample's earlier assessment saw under each tag: the digest it has now, or the earlier
   * build it names; empty when the sample declares no earlier assessment.
   */
  public List<Earlier> earlier() {
    JsonNode when = sample.previousAssessment();
    if (when == null) {
      return List.of();
    }
    Instant seenAt = Instant.parse(when.asText());
    List<Earlier> out = new ArrayList<>();
    tags.forEach(
        (repository, byTag) ->
            byTag.forEach(
                (tag, digest) -> {
                  if (!tag.matches("sha256-[0-9a-f]{64}\\.(sig|att|sbom)")) {
                    out.add(
                        new Earlier(
                            repository,
                            tag,
                            earlier.getOrDefault(repository + ":" + tag, digest),
                            seenAt));
                  }
                }));
    return out;
  }

  /** The digest a tag points to, or null. */
  public String digest(String repository, String tag) {
    Map<String, String> t = tags.get(repository);
    return t == null ? null : t.get(tag);
  }

  public int requestCount() {
    return requests.get();
  }

  public List<String> log() {
    synchronized (log) {
      return List.copyOf(log);
    }
  }

  // --- Content -----------------------------------------------------------------------------

  /**
   * Builds the content anew, as a registry looks after its pipelines ran again: images marked
   * {@code rebuilt} get new digests under the same tags.
   */
  public synchronized RegistryEmulator rebuild() {
    builds++;
    tags.clear();
    referrers.clear();
    earlier.clear();
    anonymousPull.clear();
    build();
    return this;
  }

  private void build() {
    String host = sample.host();
    String nonce = HexFormat.of().formatHex(tokenKey, 0, 8) + "-" + builds;
    for (JsonNode repo : sample.repositories()) {
      String name = repo.path("name").asText();
      tags.put(name, new TreeMap<>());
      if (repo.path("anonymous_pull").asBoolean(false)) {
        anonymousPull.add(name);
      }
      Map<String, String> built = new LinkedHashMap<>();
      for (JsonNode t : repo.path("tags")) {
        String tag = t.path("tag").asText();
        if (t.has("same_as")) {
          continue;
        }
        String reference = host + "/" + name;
        Manifest platform =
            OciArtifacts.image(
                name + ":" + tag + (t.path("rebuilt").asBoolean(false) ? " " + nonce : ""));
        Manifest image = platform;
        JsonNode provenance = t.path("provenance");
        if (provenance.isTextual() && provenance.asText().equals("buildkit")) {
          image =
              OciArtifacts.buildKitIndex(
                  platform,
                  OciArtifacts.buildKitProvenance(
                      reference, platform.digest(), "https://github.com/" + name));
        }
        store(name, image, tag);
        built.put(tag, image.digest());
        JsonNode previously = t.path("previously");
        if (previously.isObject()) {
          earlier.put(
              name + ":" + tag, OciArtifacts.image(previously.path("build").asText()).digest());
        }
        boolean referrersVia = t.path("via").asText("tag").equals("referrers");
        Manifest subject = referrersVia ? image : null;
        String signature = t.path("signature").asText("none");
        Manifest sig =
            switch (signature) {
              case "trusted" ->
                  OciArtifacts.cosignSignature(
                      reference, image.digest(), releaseKey, Tamper.NONE, true, subject);
              case "tampered" ->
                  OciArtifacts.cosignSignature(
                      reference, image.digest(), releaseKey, Tamper.ALTERED, true, subject);
              case "untrusted" ->
                  OciArtifacts.cosignSignature(
                      reference, image.digest(), strangerKey, Tamper.NONE, true, subject);
              default -> null;
            };
        if (sig != null) {
          attach(name, image, sig, "sig", subject, OciArtifacts.COSIGN_SIG_ARTIFACT);
        }
        if (provenance.isObject()) {
          byte[] statement =
              OciArtifacts.slsaProvenance(
                  reference,
                  image.digest(),
                  provenance.path("source").asText(),
                  provenance.path("workflow").asText(),
                  "refs/heads/main",
                  provenance.path("builder").asText());
          Manifest att =
              OciArtifacts.attestation(
                  statement,
                  "https://slsa.dev/provenance/v1",
                  releaseKey,
                  Tamper.NONE,
                  true,
                  subject);
          attach(name, image, att, "att", subject, OciArtifacts.DSSE);
        }
      }
      for (JsonNode t : repo.path("tags")) {
        if (t.has("same_as")) {
          tags.get(name).put(t.path("tag").asText(), built.get(t.path("same_as").asText()));
        }
      }
    }
  }

  private void attach(
      String repository,
      Manifest image,
      Manifest artifact,
      String suffix,
      Manifest subject,
      String type) {
    if (subject == null) {
      store(repository, artifact, image.digest().replace(':', '-') + "." + suffix);
    } else {
      store(repository, artifact, null);
      referrers
          .computeIfAbsent(image.digest(), d -> Collections.synchronizedList(new ArrayList<>()))
          .add(new Referrer(artifact, type));
    }
  }

  private void store(String repository, Manifest manifest, String tag) {
    for (Manifest child : manifest.manifests()) {
      store(repository, child, null);
    }
    for (OciArtifacts.Blob blob : manifest.blobs()) {
      blobs.put(blob.digest(), blob.content());
    }
    manifests.put(manifest.digest(), new Stored(manifest.mediaType(), manifest.content()));
    if (tag != null) {
      tags.get(repository).put(tag, manifest.digest());
    }
  }

  // --- HTTP --------------------------------------------------------------------------------

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      requests.incrementAndGet();
      URI uri = exchange.getRequestURI();
      String path = uri.getRawPath();
      log.add(path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
      if (!exchange.getRequestMethod().equals("GET")) {
        error(exchange, 405, "UNSUPPORTED", "this registry is read-only", null);
        return;
      }
      if (path.equals("/token")) {
        token(exchange, uri.getRawQuery());
        return;
      }
      if (path.equals("/v2/") || path.equals("/v2")) {
        if (authorize(exchange, null) != null) {
          send(exchange, 200, "application/json", "{}".getBytes(StandardCharsets.UTF_8), Map.of());
        }
        return;
      }
      if (path.equals("/v2/_catalog")) {
        if (authorize(exchange, "registry:catalog:*") != null) {
          catalog(exchange, uri.getRawQuery());
        }
        return;
      }
      Matcher m = ROUTE.matcher(path);
      if (!m.matches() || !tags.containsKey(m.group(1))) {
        error(exchange, 404, "NAME_UNKNOWN", "repository name not known to registry", null);
        return;
      }
      String name = m.group(1);
      String route = m.group(2);
      if (route.startsWith("referrers/") && !referrersApi) {
        send(
            exchange,
            404,
            "text/plain",
            "404 page not found\n".getBytes(StandardCharsets.UTF_8),
            Map.of());
        return;
      }
      if (authorize(exchange, "repository:" + name + ":pull") == null) {
        return;
      }
      if (route.equals("tags/list")) {
        ObjectNode body = JSON.objectNode().put("name", name);
        ArrayNode list = body.putArray("tags");
        tags.get(name).keySet().forEach(list::add);
        json(exchange, body, Map.of());
      } else if (route.startsWith("manifests/")) {
        manifest(exchange, name, route.substring("manifests/".length()));
      } else if (route.startsWith("blobs/")) {
        byte[] blob = blobs.get(route.substring("blobs/".length()));
        if (blob == null) {
          error(exchange, 404, "BLOB_UNKNOWN", "blob unknown to registry", null);
        } else {
          send(
              exchange,
              200,
              "application/octet-stream",
              blob,
              Map.of("Docker-Content-Digest", route.substring(6)));
        }
      } else {
        referrers(exchange, route.substring("referrers/".length()));
      }
    } catch (RuntimeException e) {
      error(exchange, 500, "UNKNOWN", "internal error", null);
    }
  }

  private void manifest(HttpExchange exchange, String name, String reference) throws IOException {
    String digest = reference.startsWith("sha256:") ? reference : tags.get(name).get(reference);
    Stored stored = digest == null ? null : manifests.get(digest);
    if (stored == null) {
      error(exchange, 404, "MANIFEST_UNKNOWN", "manifest unknown", null);
      return;
    }
    String etag = "\"" + digest + "\"";
    if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
      exchange.getResponseHeaders().set("ETag", etag);
      exchange.sendResponseHeaders(304, -1);
      return;
    }
    send(
        exchange,
        200,
        stored.mediaType(),
        stored.content(),
        Map.of("Docker-Content-Digest", digest, "ETag", etag));
  }

  private void referrers(HttpExchange exchange, String digest) throws IOException {
    List<Referrer> found = referrers.getOrDefault(digest, List.of());
    List<Manifest> list = new ArrayList<>();
    Map<String, String> types = new LinkedHashMap<>();
    synchronized (found) {
      for (Referrer r : found) {
        list.add(r.manifest());
        types.put(r.manifest().digest(), r.artifactType());
      }
    }
    send(exchange, 200, OciArtifacts.OCI_INDEX, OciArtifacts.referrersIndex(list, types), Map.of());
  }

  private void catalog(HttpExchange exchange, String query) throws IOException {
    Map<String, String> q = query(query);
    int n = q.containsKey("n") ? Math.max(1, Integer.parseInt(q.get("n"))) : 100;
    String last = q.get("last");
    List<String> names = new ArrayList<>(new TreeSet<>(tags.keySet()));
    int from = last == null ? 0 : names.indexOf(last) + 1;
    List<String> page =
        names.subList(Math.min(from, names.size()), Math.min(names.size(), from + n));
    ObjectNode body = JSON.objectNode();
    ArrayNode list = body.putArray("repositories");
    page.forEach(list::add);
    Map<String, String> headers = new LinkedHashMap<>();
    if (from + n < names.size()) {
      headers.put(
          "Link",
          "</v2/_catalog?last=" + page.get(page.size() - 1) + "&n=" + n + ">; rel=\"next\"");
    }
    json(exchange, body, headers);
  }

  /** The Docker token service: the demo user gets what it asks; anonymous callers little. */
  private void token(HttpExchange exchange, String query) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    boolean user = false;
    if (auth != null) {
      String expected =
          "Basic "
              + Base64.getEncoder()
                  .encodeToString((sample.user() + ":" + token).getBytes(StandardCharsets.UTF_8));
      if (!auth.equals(expected)) {
        error(exchange, 401, "UNAUTHORIZED", "authentication required", null);
        return;
      }
      user = true;
    }
    Set<String> granted = new LinkedHashSet<>();
    ArrayNode access = JSON.arrayNode();
    for (String scope : queryAll(query, "scope")) {
      String[] parts = scope.split(":");
      if (parts.length < 3) {
        continue;
      }
      String name = String.join(":", java.util.Arrays.copyOfRange(parts, 1, parts.length - 1));
      ObjectNode entry = access.addObject().put("type", parts[0]).put("name", name);
      ArrayNode actions = entry.putArray("actions");
      for (String action : parts[parts.length - 1].split(",")) {
        // The demo user reads everything; nobody pushes to this read-only emulator.
        boolean allowed =
            !action.equals("push")
                && !action.equals("delete")
                && (user
                    || (parts[0].equals("repository")
                        && action.equals("pull")
                        && anonymousPull.contains(name)));
        if (allowed) {
          actions.add(action);
          granted.add(parts[0] + ":" + name + ":" + action);
        }
      }
    }
    String jwt = jwt(user ? sample.user() : "", access);
    issued.put(jwt, granted);
    ObjectNode body =
        JSON.objectNode().put("token", jwt).put("access_token", jwt).put("expires_in", 300);
    body.put("issued_at", Instant.now().toString());
    json(exchange, body, Map.of());
  }

  /** The token of the request if it grants {@code scope} (null: any valid token); else a 401. */
  private Set<String> authorize(HttpExchange exchange, String scope) throws IOException {
    String auth = exchange.getRequestHeaders().getFirst("Authorization");
    Set<String> granted = null;
    if (auth != null && auth.startsWith("Bearer ")) {
      String presented = auth.substring(7);
      granted = presented.equals(staticBearer) ? everything(scope) : issued.get(presented);
    }
    if (granted != null && (scope == null || granted.contains(scope))) {
      return granted;
    }
    String challenge =
        "Bearer realm=\""
            + url()
            + "/token\",service=\""
            + sample.host()
            + "\""
            + (scope == null ? "" : ",scope=\"" + scope + "\"")
            + (granted != null ? ",error=\"insufficient_scope\"" : "");
    error(exchange, 401, "UNAUTHORIZED", "authentication required", challenge);
    return null;
  }

  /** What the demo user holds: every pull and the catalog. */
  private static Set<String> everything(String scope) {
    return scope == null ? Set.of() : Set.of(scope);
  }

  private String jwt(String subject, ArrayNode access) {
    Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
    ObjectNode header = JSON.objectNode().put("alg", "HS256").put("typ", "JWT");
    long now = Instant.now().getEpochSecond();
    ObjectNode claims = JSON.objectNode();
    claims.put("iss", "registry-emulator").put("sub", subject).put("aud", sample.host());
    claims.put("iat", now).put("nbf", now).put("exp", now + 300);
    claims.put("jti", HexFormat.of().formatHex(randomBytes(8)));
    claims.set("access", access);
    String input =
        b64.encodeToString(OciArtifacts.bytes(header))
            + "."
            + b64.encodeToString(OciArtifacts.bytes(claims));
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(tokenKey, "HmacSHA256"));
      return input
          + "."
          + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] randomBytes(int n) {
    byte[] b = new byte[n];
    new SecureRandom().nextBytes(b);
    return b;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(
            pair.substring(0, eq),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static List<String> queryAll(String raw, String name) {
    List<String> out = new ArrayList<>();
    for (String pair : raw == null ? new String[0] : raw.split("&")) {
      if (pair.startsWith(name + "=")) {
        out.add(URLDecoder.decode(pair.substring(name.length() + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static void json(HttpExchange exchange, JsonNode body, Map<String, String> headers)
      throws IOException {
    send(exchange, 200, "application/json", OciArtifacts.bytes(body), headers);
  }

  private static void error(
      HttpExchange exchange, int status, String code, String message, String challenge)
      throws IOException {
    ObjectNode body = JSON.objectNode();
    body.putArray("errors").addObject().put("code", code).put("message", message);
    Map<String, String> headers =
        challenge == null ? Map.of() : Map.of("WWW-Authenticate", challenge);
    send(exchange, status, "application/json", OciArtifacts.bytes(body), headers);
  }

  private static void send(
      HttpExchange exchange, int status, String type, byte[] body, Map<String, String> headers)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("Docker-Distribution-Api-Version", "registry/2.0");
    headers.forEach(exchange.getResponseHeaders()::set);
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
