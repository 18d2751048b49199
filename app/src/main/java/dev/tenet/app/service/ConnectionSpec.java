package dev.tenet.app.service;

import java.nio.file.Path;
import java.util.List;

/**
 * A connection to scan, as the user described it.
 *
 * @param platform github, gitlab; aws and k8s for live cloud and cluster access, aws-export and
 *     k8s-export for exported files
 * @param baseUrl the API base URL (for aws: an IAM endpoint override, or null)
 * @param target the organization or group; the AWS profile; the kubeconfig context (null: its
 *     current one); the cluster name of an export (null: from the file name)
 * @param credential where its token is: {@code keychain:NAME}, {@code vault:NAME}, {@code env:VAR},
 *     or a stored credential's name (a bare environment variable name, as {@code --token-env}
 *     gives, also works); never the token itself
 * @param files the exported files (aws-export, k8s-export) or the kubeconfig (k8s)
 */
public record ConnectionSpec(
    String platform, String baseUrl, String target, String credential, List<Path> files) {

  public ConnectionSpec {
    files = files == null ? List.of() : List.copyOf(files);
  }

  public ConnectionSpec(String platform, String baseUrl, String target, String credential) {
    this(platform, baseUrl, target, credential, List.of());
  }

  public static final String AWS = "aws";
  public static final String AWS_EXPORT = "aws-export";
  public static final String K8S = "k8s";
  public static final String K8S_EXPORT = "k8s-export";
}
