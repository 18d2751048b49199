/**
 * Kubernetes RBAC and admission, read-only, two ways in: offline from {@code kubectl get … -o json}
 * (or yaml) exports ({@link KubernetesExportReader}), and live from a kubeconfig through the
 * Fabric8 client ({@link KubernetesLiveReader}). Both fill one {@link ClusterSnapshot} that one
 * mapper turns into trust-graph facts. Secret values are never read: offline, only a Secret's
 * metadata is looked at; live, secrets are not listed at all.
 */
package dev.tenet.connectors.k8s;
