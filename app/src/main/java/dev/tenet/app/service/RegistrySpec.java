package dev.tenet.app.service;

/**
 * A container registry to scan, as the user described it.
 *
 * @param url the registry's address: an OCI registry (optionally with a namespace path), Docker Hub
 *     (https://hub.docker.com/NAMESPACE), JFrog Artifactory, ghcr.io/ORG, or a GitLab container
 *     registry
 * @param kind oci, dockerhub, artifactory, ghcr or gitlab; null to tell from the URL
 * @param tokenVariable the environment variable holding its token (never the token itself); null
 *     for the kind's default
 * @param username the user name the token belongs to, where the registry needs one; may be null
 */
public record RegistrySpec(String url, String kind, String tokenVariable, String username) {}
