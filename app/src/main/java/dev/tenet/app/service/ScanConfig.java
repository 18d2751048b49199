package dev.tenet.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.core.util.Yaml;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The connections of a {@code tenet.yaml} ({@code tenet scan --config FILE}): the same connections
 * the command line's flags describe, kept in a file for scheduled runs. A token is only ever named
 * (env:VAR, keychain:NAME, vault:NAME or a stored credential's name), never written in the file.
 *
 * <pre>
 * connections:
 *   - platform: github            # github, gitlab, registry, aws, k8s
 *     target: acme-corp           # organization, group (full path)
 *     url: https://api.github.com # optional: GitHub Enterprise Server, self-managed GitLab
 *     token: env:GITHUB_TOKEN     # optional: defaults GITHUB_TOKEN, GITLAB_TOKEN
 *   - platform: registry
 *     url: https://registry.acme.example
 *     user: ci
 *     token: env:REGISTRY_TOKEN
 *   - platform: aws
 *     files: [exports/authorization-details.json]   # or profile: NAME
 *   - platform: k8s
 *     kubeconfig: ~/.kube/config                    # or files: [...], cluster: NAME
 * </pre>
 *
 * Relative paths are relative to the file's folder.
 */
public record ScanConfig(List<ConnectionSpec> connections, List<RegistrySpec> registries) {

  private static final Set<String> KNOWN =
      Set.of(
          "platform",
          "target",
          "url",
          "token",
          "user",
          "kind",
          "files",
          "profile",
          "kubeconfig",
          "context",
          "cluster");

  /** What a token value looks like, so that one pasted into the file is refused, not used. */
  private static final Pattern TOKEN_LIKE =
      Pattern.compile(
          "^(gh[pousr]_|github_pat_|glpat-|gldt-|glptt-|AKIA|ASIA|eyJ|dckr_pat_|cmVmd).*|.{41,}");

  public ScanConfig {
    connections = List.copyOf(connections);
    registries = List.copyOf(registries);
  }

  /** Reads a tenet.yaml; any mistake is a {@link UserError} naming the entry. */
  public static ScanConfig read(Path file) {
    JsonNode root;
    try (InputStream in = Files.newInputStream(file)) {
      root = Yaml.readTree(in);
    } catch (NoSuchFileException e) {
      throw new UserError("The configuration file " + file + " does not exist.");
    } catch (IOException e) {
      throw new UserError(
          "The configuration file " + file + " is not valid YAML: " + firstLine(e) + ".");
    }
    JsonNode list = root == null ? null : root.get("connections");
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw new UserError(
          "The configuration file " + file + " lists no connections (a 'connections:' list).");
    }
    Path folder = file.toAbsolutePath().getParent();
    List<ConnectionSpec> connections = new ArrayList<>();
    List<RegistrySpec> registries = new ArrayList<>();
    int index = 0;
    for (JsonNode entry : list) {
      index++;
      String where = file.getFileName() + ", connection " + index;
      if (!entry.isObject()) {
        throw new UserError(where + ": expected platform, target, url, token… keys.");
      }
      for (Iterator<String> it = entry.fieldNames(); it.hasNext(); ) {
        String key = it.next();
        if (!KNOWN.contains(key)) {
          throw new UserError(where + ": unknown key '" + key + "'.");
        }
      }
      String platform = text(entry, "platform");
      if (platform == null) {
        throw new UserError(where + ": say which platform (github, gitlab, registry, aws, k8s).");
      }
      String token = tokenReference(entry, where);
      switch (platform.toLowerCase(Locale.ROOT)) {
        case "github", "gitlab" -> {
          String target = required(entry, "target", where, "the organization or group");
          boolean github = platform.equalsIgnoreCase("github");
          connections.add(
              new ConnectionSpec(
                  github ? "github" : "gitlab",
                  text(entry, "url") != null
                      ? text(entry, "url")
                      : github ? "https://api.github.com" : "https://gitlab.com",
                  target,
                  token != null ? token : github ? "env:GITHUB_TOKEN" : "env:GITLAB_TOKEN"));
        }
        case "registry" -> {
          registries.add(
              new RegistrySpec(
                  required(entry, "url", where, "the registry's address"),
                  text(entry, "kind"),
                  token,
                  text(entry, "user")));
        }
        case "aws" -> {
          List<Path> files = paths(entry, folder);
          String profile = text(entry, "profile");
          if (files.isEmpty() == (profile == null)) {
            throw new UserError(where + ": give either files (IAM exports) or a profile.");
          }
          connections.add(
              profile != null
                  ? new ConnectionSpec(ConnectionSpec.AWS, text(entry, "url"), profile, null)
                  : new ConnectionSpec(ConnectionSpec.AWS_EXPORT, null, null, null, files));
        }
        case "k8s", "kubernetes" -> {
          List<Path> files = paths(entry, folder);
          String kubeconfig = text(entry, "kubeconfig");
          if (files.isEmpty() == (kubeconfig == null)) {
            throw new UserError(where + ": give either files (kubectl exports) or a kubeconfig.");
          }
          connections.add(
              kubeconfig != null
                  ? new ConnectionSpec(
                      ConnectionSpec.K8S,
                      null,
                      text(entry, "context"),
                      null,
                      List.of(resolve(folder, kubeconfig)))
                  : new ConnectionSpec(
                      ConnectionSpec.K8S_EXPORT, null, text(entry, "cluster"), null, files));
        }
        default ->
            throw new UserError(
                where
                    + ": unknown platform '"
                    + platform
                    + "' (github, gitlab, registry, aws, k8s).");
      }
    }
    return new ScanConfig(connections, registries);
  }

  /** The token reference of an entry; a value that looks like a token itself is refused. */
  private static String tokenReference(JsonNode entry, String where) {
    String token = text(entry, "token");
    if (token == null) {
      return null;
    }
    boolean reference = token.matches("^(env|keychain|vault):[^\\s]+$");
    if (!reference && TOKEN_LIKE.matcher(token).matches()) {
      // Never echo it: it may be a real secret.
      throw new UserError(
          where
              + ": 'token' looks like a token value. Name it instead (env:VARIABLE, keychain:NAME,"
              + " vault:NAME, or a name from 'tenet credentials add'), and revoke the one written"
              + " in the file.");
    }
    return token;
  }

  private static List<Path> paths(JsonNode entry, Path folder) {
    JsonNode files = entry.get("files");
    List<Path> out = new ArrayList<>();
    if (files == null) {
      return out;
    }
    if (files.isTextual()) {
      out.add(resolve(folder, files.asText()));
    } else {
      files.forEach(f -> out.add(resolve(folder, f.asText())));
    }
    return out;
  }

  private static Path resolve(Path folder, String path) {
    String expanded =
        path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
    return folder == null ? Path.of(expanded) : folder.resolve(expanded);
  }

  private static String required(JsonNode entry, String key, String where, String what) {
    String value = text(entry, key);
    if (value == null) {
      throw new UserError(where + ": '" + key + "' (" + what + ") is missing.");
    }
    return value;
  }

  private static String text(JsonNode entry, String key) {
    JsonNode v = entry.get(key);
    return v == null || v.isNull() || v.asText().isBlank() ? null : v.asText().strip();
  }

  private static String firstLine(IOException e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
