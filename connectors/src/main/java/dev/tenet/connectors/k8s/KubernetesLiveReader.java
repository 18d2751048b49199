package dev.tenet.connectors.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tenet.connectors.http.ApiClient;
import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.scan.Cancellation;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.util.Json;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Reads a cluster live from a kubeconfig through the Fabric8 client, on the JDK's HTTP client. Only
 * list and get calls on RBAC, service accounts, namespaces, the aws-auth ConfigMap and admission
 * objects; secrets are never listed. TLS verification stays on: a context that disables it is
 * refused, as is plain HTTP to anything but loopback.
 */
final class KubernetesLiveReader {
  /** Counts every request sent. */
  interface RequestCounter {
    void count();
  }

  /** Image-signature policy kinds that live outside the core API, by API version. */
  private record Crd(String apiVersion, String kind, String plural, boolean namespaced) {
    String group() {
      return apiVersion.substring(0, apiVersion.indexOf('/'));
    }
  }

  private static final List<Crd> POLICY_KINDS =
      List.of(
          new Crd("kyverno.io/v1", "ClusterPolicy", "clusterpolicies", false),
          new Crd("kyverno.io/v1", "Policy", "policies", true),
          new Crd(
              "policies.kyverno.io/v1alpha1",
              "ImageValidatingPolicy",
              "imagevalidatingpolicies",
              false),
          new Crd(
              "policy.sigstore.dev/v1beta1", "ClusterImagePolicy", "clusterimagepolicies", false));

  private final Path kubeconfig;
  private final String context;
  private final HttpPolicy policy;

  KubernetesLiveReader(Path kubeconfig, String context, HttpPolicy policy) {
    this.kubeconfig = kubeconfig;
    this.context = context;
    this.policy = policy;
  }

  /** The kubeconfig's configuration for the context, checked against Tenet's HTTP policy. */
  Config config() throws ConnectorException {
    String text;
    try {
      text = Files.readString(kubeconfig);
    } catch (IOException e) {
      throw new ConnectorException("Cannot read the kubeconfig " + kubeconfig + ".", e);
    }
    Config config;
    try {
      config = Config.fromKubeconfig(context, text, kubeconfig.toString());
    } catch (RuntimeException e) {
      throw new ConnectorException(
          "The kubeconfig "
              + kubeconfig
              + " cannot be used"
              + (context == null ? "" : " with context " + context)
              + ": "
              + firstLine(e)
              + ".",
          e);
    }
    if (config.getMasterUrl() == null || config.getMasterUrl().isBlank()) {
      throw new ConnectorException(
          "The kubeconfig " + kubeconfig + " names no API server for its current context.");
    }
    if (config.isTrustCerts() || config.isDisableHostnameVerification()) {
      throw new ConnectorException(
          "The kubeconfig context sets insecure-skip-tls-verify; Tenet keeps TLS verification on:"
              + " give the cluster's certificate-authority-data instead.");
    }
    try {
      ApiClient.checkBaseUrl(config.getMasterUrl(), "Kubernetes API");
    } catch (IllegalArgumentException e) {
      throw new ConnectorException(e.getMessage(), e);
    }
    config.setRequestRetryBackoffLimit(Math.max(0, policy.maxAttempts() - 1));
    config.setRequestRetryBackoffInterval((int) policy.backoff().toMillis());
    config.setConnectionTimeout((int) policy.connectTimeout().toMillis());
    config.setRequestTimeout((int) policy.requestTimeout().toMillis());
    return config;
  }

  /** The cluster's name in the kubeconfig (for EKS, the name after {@code cluster/}). */
  static String clusterName(Config config) {
    var ctx = config.getCurrentContext();
    String name = ctx == null || ctx.getContext() == null ? null : ctx.getContext().getCluster();
    if (name == null || name.isBlank()) {
      name = ctx == null ? "cluster" : ctx.getName();
    }
    int slash = name.lastIndexOf(":cluster/");
    return slash >= 0 ? name.substring(slash + ":cluster/".length()) : name;
  }

  ClusterSnapshot read(Config config, RequestCounter counter, Cancellation cancel)
      throws ConnectorException, InterruptedException {
    ClusterSnapshot snapshot = new ClusterSnapshot();
    try (KubernetesClient k8s =
        new KubernetesClientBuilder()
            .withConfig(config)
            .withHttpClientFactory(new JdkHttpClientFactory())
            .withHttpClientBuilderConsumer(
                b ->
                    b.addOrReplaceInterceptor(
                        "tenet-count",
                        new Interceptor() {
                          @Override
                          public void before(
                              BasicBuilder builder, HttpRequest request, RequestTags tags) {
                            counter.count();
                          }
                        }))
            .build()) {
      String server = config.getMasterUrl();
      // RBAC is what this connection is for: without it there is nothing to assess.
      try {
        add(snapshot, "ClusterRole", () -> k8s.rbac().clusterRoles().list().getItems());
        add(
            snapshot,
            "ClusterRoleBinding",
            () -> k8s.rbac().clusterRoleBindings().list().getItems());
        add(snapshot, "Role", () -> k8s.rbac().roles().inAnyNamespace().list().getItems());
        add(
            snapshot,
            "RoleBinding",
            () -> k8s.rbac().roleBindings().inAnyNamespace().list().getItems());
      } catch (KubernetesClientException e) {
        throw fatal(server, e);
      }
      cancel.check();
      optional(
          snapshot,
          "ServiceAccount",
          "the service accounts",
          "list serviceaccounts",
          () -> k8s.serviceAccounts().inAnyNamespace().list().getItems());
      if (optional(
          snapshot,
          "Namespace",
          "the namespaces",
          "list namespaces",
          () -> k8s.namespaces().list().getItems())) {
        snapshot.namespacesRead(true);
      }
      try {
        var awsAuth = k8s.configMaps().inNamespace("kube-system").withName("aws-auth").get();
        if (awsAuth != null) {
          snapshot.add("ConfigMap", Json.mapper().valueToTree(awsAuth));
        }
      } catch (KubernetesClientException e) {
        if (e.getCode() != 404) {
          snapshot.gap(
              "the EKS aws-auth mapping of IAM identities",
              reason(e),
              "allow get on configmaps/aws-auth in kube-system");
        }
      }
      cancel.check();
      boolean admission =
          optional(
                  snapshot,
                  "ValidatingWebhookConfiguration",
                  "the validating admission webhooks",
                  "list validatingwebhookconfigurations",
                  () ->
                      k8s.admissionRegistration()
                          .v1()
                          .validatingWebhookConfigurations()
                          .list()
                          .getItems())
              & optional(
                  snapshot,
                  "MutatingWebhookConfiguration",
                  "the mutating admission webhooks",
                  "list mutatingwebhookconfigurations",
                  () ->
                      k8s.admissionRegistration()
                          .v1()
                          .mutatingWebhookConfigurations()
                          .list()
                          .getItems());
      // Policy engines are CRDs: ask which API groups exist before listing their policies.
      java.util.Set<String> groups = new java.util.HashSet<>();
      try {
        k8s.getApiGroups().getGroups().forEach(g -> groups.add(g.getName()));
      } catch (KubernetesClientException e) {
        admission = false;
        snapshot.gap("the API groups (to find policy engines)", reason(e), "allow get on /apis");
      }
      for (Crd crd : POLICY_KINDS) {
        if (!groups.contains(crd.group())) {
          continue; // The policy engine is not installed.
        }
        try {
          var resources = k8s.genericKubernetesResources(crd.apiVersion(), crd.kind());
          List<GenericKubernetesResource> items =
              crd.namespaced()
                  ? resources.inAnyNamespace().list().getItems()
                  : resources.list().getItems();
          for (GenericKubernetesResource item : items) {
            snapshot.add(crd.kind(), Json.mapper().valueToTree(item));
          }
        } catch (KubernetesClientException e) {
          if (e.getCode() != 404) {
            admission = false;
            snapshot.gap(
                crd.kind() + " policies (" + crd.apiVersion() + ")",
                reason(e),
                "allow list on " + crd.plural() + "." + crd.group());
          }
        }
      }
      snapshot.admissionRead(admission);
      return snapshot;
    }
  }

  private static void add(
      ClusterSnapshot snapshot, String kind, Supplier<List<? extends HasMetadata>> list) {
    for (HasMetadata item : list.get()) {
      JsonNode json = Json.mapper().valueToTree(item);
      snapshot.add(kind, json);
    }
  }

  /** Lists one kind; a refusal becomes a gap instead of ending the read. */
  private static boolean optional(
      ClusterSnapshot snapshot,
      String kind,
      String what,
      String verb,
      Supplier<List<? extends HasMetadata>> list) {
    try {
      add(snapshot, kind, list);
      return true;
    } catch (KubernetesClientException e) {
      snapshot.gap(what, reason(e), "allow " + verb + " to the identity Tenet uses");
      return false;
    }
  }

  private static ConnectorException fatal(String server, KubernetesClientException e) {
    if (e.getCode() == 401) {
      return new ConnectorException(
          "The Kubernetes API at " + server + " rejected the credentials (401); sign in again.", e);
    }
    if (e.getCode() == 403) {
      return new ConnectorException(
          "The Kubernetes API at "
              + server
              + " refused to list RBAC objects (403): bind the identity to a role that can list"
              + " roles and bindings, e.g. the built-in view role plus rbac read.",
          e);
    }
    return new ConnectorException(
        "Cannot read the Kubernetes API at " + server + ": " + reason(e) + ".", e);
  }

  /** A short reason, from the status code and Kubernetes' own short message. */
  static String reason(KubernetesClientException e) {
    if (e.getCode() > 0) {
      String status = e.getStatus() == null ? null : e.getStatus().getReason();
      return "HTTP " + e.getCode() + (status == null ? "" : " " + status);
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    if (root instanceof javax.net.ssl.SSLException) {
      return "the API server's TLS certificate could not be verified";
    }
    if (root instanceof java.net.ConnectException) {
      return "the API server could not be reached";
    }
    return root.getClass().getSimpleName();
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    int nl = m.indexOf('\n');
    return (nl < 0 ? m : m.substring(0, nl)).strip();
  }
}
