package dev.tenet.connectors.k8s;

import dev.tenet.connectors.http.HttpPolicy;
import dev.tenet.core.model.ScopeEntry;
import dev.tenet.core.scan.CollectContext;
import dev.tenet.core.scan.Connector;
import dev.tenet.core.scan.ConnectorException;
import dev.tenet.core.scan.ExportFile;
import io.fabric8.kubernetes.client.Config;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Reads one Kubernetes cluster's RBAC and admission, from exports or live. */
public final class KubernetesConnector implements Connector {
  public static final String PLATFORM = "k8s";

  private interface Source {
    ClusterSnapshot read(CollectContext context) throws ConnectorException, InterruptedException;
  }

  private final ScopeEntry scope;
  private final Source source;
  private final String clusterName;

  private KubernetesConnector(ScopeEntry scope, String clusterName, Source source) {
    this.scope = scope;
    this.clusterName = clusterName;
    this.source = source;
  }

  /**
   * Offline, from {@code kubectl get … -o json} (or yaml) exports.
   *
   * @param cluster the cluster's name in resource ids; null to take the first file's name
   */
  public static KubernetesConnector fromFiles(String cluster, List<Path> files) {
    String name = cluster != null ? cluster : nameOf(files.get(0));
    String where =
        String.join(", ", files.stream().map(f -> String.valueOf(f.getFileName())).toList());
    return new KubernetesConnector(
        new ScopeEntry(PLATFORM, "file:" + where, name),
        name,
        context -> KubernetesExportReader.read(ExportFile.read(files)));
  }

  /** Offline, from export contents already in memory (the bundled demo cluster). */
  public static KubernetesConnector fromExports(String cluster, List<ExportFile> exports) {
    return new KubernetesConnector(
        new ScopeEntry(PLATFORM, "file:" + cluster, cluster),
        cluster,
        context -> KubernetesExportReader.read(exports));
  }

  /**
   * Live, from a kubeconfig.
   *
   * @param kubeContext the context to use, or null for the kubeconfig's current one
   * @param cluster the cluster's name in resource ids, or null for the kubeconfig's
   * @throws ConnectorException when the kubeconfig cannot be used
   */
  public static KubernetesConnector live(
      Path kubeconfig, String kubeContext, String cluster, HttpPolicy policy)
      throws ConnectorException {
    KubernetesLiveReader reader = new KubernetesLiveReader(kubeconfig, kubeContext, policy);
    Config config = reader.config();
    String name = cluster != null ? cluster : KubernetesLiveReader.clusterName(config);
    return new KubernetesConnector(
        new ScopeEntry(PLATFORM, config.getMasterUrl(), name),
        name,
        context -> reader.read(config, () -> context.countRequest(false), context.cancellation()));
  }

  /** A file's name without extension, as a cluster name: prod-eks.json names prod-eks. */
  static String nameOf(Path file) {
    String n = file.getFileName().toString();
    int dot = n.lastIndexOf('.');
    String base = dot > 0 ? n.substring(0, dot) : n;
    return base.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-");
  }

  @Override
  public ScopeEntry scope() {
    return scope;
  }

  @Override
  public void collect(CollectContext context) throws ConnectorException, InterruptedException {
    context.progress(scope, 0, -1, "cluster " + clusterName);
    ClusterSnapshot snapshot = source.read(context);
    context.cancellation().check();
    new KubernetesMapper(context.graph(), clusterName, context::blindSpot).map(snapshot);
    context.progress(scope, 1, 1, "cluster " + clusterName);
  }
}
