package dev.tenet.core.pipeline;

import dev.tenet.core.pipeline.yaml.YamlNode;
import dev.tenet.core.pipeline.yaml.YamlScalar;

/**
 * A job container or service (GitHub), an {@code image}/{@code services} entry (GitLab), or a
 * Docker action's image.
 *
 * @param node the whole entry
 * @param name the service name, or empty for the job container
 * @param image the image value, or null
 * @param credentials the {@code credentials:} block, or null
 * @param username registry user name, or null
 * @param password registry password, or null
 */
public record Container(
    YamlNode node,
    String name,
    YamlScalar image,
    YamlNode credentials,
    YamlScalar username,
    YamlScalar password) {}
