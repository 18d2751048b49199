package dev.tenet.app.service;

/**
 * A container registry to scan, as the user described it.
 *
 * @param url the registry's address: an OCI registry (optionally with a namespace path), Docker Hub
 *     (https://hub.docker.com/NAMESPACE), JFrog Artifactory, ghcr.io/ORG, or a GitLab container
 *     registry
 * @param kind oci, dockerhub, artifactory, ghcr or gitlab; null to tell from the URL
 * @param credential the reference of its token, never the token itself: {@code env:VAR}, {@code
 *     keychain:NAME}, {@code vault:NAME} or a stored credential's name; null for the kind's default
 *     variable
 * @param username the user name the token belongs to, where the registry needs one; may be null
 */
public record RegistrySpec(String url, String kind, String credential, String username) {}
