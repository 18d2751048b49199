package dev.tenet.app.service;

import java.nio.file.Path;
import java.util.List;

/**
 * A connection to scan, as the user described it.
 *
 * @param platform github (gitlab and others as their connectors arrive); aws and k8s for live cloud
 *     and cluster access, aws-export and k8s-export for exported files
 * @param baseUrl the API base URL (for aws: an IAM endpoint override, or null)
 * @param target the organization or group; the AWS profile; the kubeconfig context (null: its
 *     current one); the cluster name of an export (null: from the file name)
 * @param tokenVariable the environment variable holding its token (never the token itself)
 * @param files the exported files (aws-export, k8s-export) or the kubeconfig (k8s)
 */
public record ConnectionSpec(
    String platform, String baseUrl, String target, String tokenVariable, List<Path> files) {

  public ConnectionSpec {
    files = files == null ? List.of() : List.copyOf(files);
  }

  public ConnectionSpec(String platform, String baseUrl, String target, String tokenVariable) {
    this(platform, baseUrl, target, tokenVariable, List.of());
  }

  public static final String AWS = "aws";
  public static final String AWS_EXPORT = "aws-export";
  public static final String K8S = "k8s";
  public static final String K8S_EXPORT = "k8s-export";
}
