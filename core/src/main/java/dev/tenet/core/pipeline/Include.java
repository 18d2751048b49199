package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;

/**
 * A GitLab {@code include:} entry.
 *
 * @param kind local, remote, project, template or component
 * @param location the path, URL, project path or component address
 * @param files for project includes, the file(s) included
 * @param ref the project ref or component version, empty when missing
 * @param integrity the {@code integrity:} hash of a remote include, empty when missing
 * @param node the entry as written
 * @param at the scalar naming the location (for positions)
 */
public record Include(
    String kind,
    String location,
    java.util.List<String> files,
    String ref,
    String integrity,
    YamlNode node,
    YamlScalar at) {}
