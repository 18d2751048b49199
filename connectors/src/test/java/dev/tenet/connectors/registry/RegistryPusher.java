package dev.tenet.connectors.registry;

import dev.tenet.connectors.emulator.OciArtifacts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Function;

/**
 * Pushes content to a real registry through the Distribution API, as a client such as docker or
 * cosign does: each blob by a two-step upload (POST, then PUT with the digest), then the manifest
 * by tag or digest.
 */
final class RegistryPusher {
  private final URI registry;
  private final Function<String, String> authorization;
  private final HttpClient http = HttpClient.newHttpClient();

  /**
   * @param authorization the Authorization header for a repository (null for none)
   */
  RegistryPusher(URI registry, Function<String, String> authorization) {
    this.registry = registry;
    this.authorization = authorization;
  }

  /** Pushes a manifest and its blobs; tags it when {@code tag} is not null. */
  void push(String repository, OciArtifacts.Manifest manifest, String tag) throws Exception {
    for (OciArtifacts.Manifest child : manifest.manifests()) {
      push(repository, child, null);
    }
    for (OciArtifacts.Blob blob : manifest.blobs()) {
      pushBlob(repository, blob);
    }
    String reference = tag == null ? manifest.digest() : tag;
    HttpResponse<String> r =
        send(
            repository,
            HttpRequest.newBuilder(
                    registry.resolve("/v2/" + repository + "/manifests/" + reference))
                .header("Content-Type", manifest.mediaType())
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest.content())));
    expect(r, 201, "manifest " + repository + ":" + reference);
  }

  private void pushBlob(String repository, OciArtifacts.Blob blob) throws Exception {
    HttpResponse<String> started =
        send(
            repository,
            HttpRequest.newBuilder(registry.resolve("/v2/" + repository + "/blobs/uploads/"))
                .POST(HttpRequest.BodyPublishers.noBody()));
    expect(started, 202, "upload of " + blob.digest());
    String location = started.headers().firstValue("location").orElseThrow();
    URI upload = registry.resolve(location);
    String separator = upload.getRawQuery() == null ? "?" : "&";
    HttpResponse<String> done =
        send(
            repository,
            HttpRequest.newBuilder(URI.create(upload + separator + "digest=" + blob.digest()))
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob.content())));
    expect(done, 201, "blob " + blob.digest());
  }

  private HttpResponse<String> send(String repository, HttpRequest.Builder request)
      throws IOException, InterruptedException {
    String auth = authorization.apply(repository);
    if (auth != null) {
      request.header("Authorization", auth);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(HttpResponse<String> r, int status, String what) {
    if (r.statusCode() != status) {
      throw new AssertionError("Pushing " + what + " answered " + r.statusCode() + ": " + r.body());
    }
  }
}
