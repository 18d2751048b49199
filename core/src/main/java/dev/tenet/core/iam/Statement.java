package dev.tenet.core.iam;

import java.util.List;
import java.util.Map;

/**
 * One statement of a policy document.
 *
 * @param sid its id, or empty
 * @param allow Effect Allow (false: Deny)
 * @param principals principals by type (AWS, Federated, Service, CanonicalUser); empty for identity
 *     policies
 * @param anyPrincipal {@code "Principal": "*"}: everyone, in every account
 * @param notPrincipal the principals are a NotPrincipal: the statement applies to everyone else
 * @param actions action patterns
 * @param notAction the actions are a NotAction: every action except these
 * @param resources resource patterns
 * @param notResource the resources are a NotResource
 * @param conditions conditions that must all hold
 */
public record Statement(
    String sid,
    boolean allow,
    Map<String, List<String>> principals,
    boolean anyPrincipal,
    boolean notPrincipal,
    List<String> actions,
    boolean notAction,
    List<String> resources,
    boolean notResource,
    List<Condition> conditions) {

  public Statement {
    principals = Map.copyOf(principals);
    actions = List.copyOf(actions);
    resources = List.copyOf(resources);
    conditions = List.copyOf(conditions);
  }

  /** Principals of one type, e.g. "Federated"; "*" stands for any principal of that type. */
  public List<String> principals(String type) {
    for (Map.Entry<String, List<String>> e : principals.entrySet()) {
      if (e.getKey().equalsIgnoreCase(type)) {
        return e.getValue();
      }
    }
    return List.of();
  }

  /** Whether the statement applies to an action (action names are case-insensitive). */
  public boolean coversAction(String action) {
    boolean listed = actions.stream().anyMatch(p -> IamGlob.matchesIgnoreCase(p, action));
    return notAction != listed;
  }

  /** Whether the statement applies to every resource ({@code "Resource": "*"} or NotResource). */
  public boolean coversAllResources() {
    return notResource || resources.contains("*");
  }

  /** Conditions on one key. */
  public List<Condition> conditionsOn(String key) {
    return conditions.stream().filter(c -> c.isKey(key)).toList();
  }

  /** All conditions hold for the request (unknown when one cannot be judged and none fails). */
  public Ternary conditionsHold(RequestContext request) {
    Ternary result = Ternary.TRUE;
    for (Condition c : conditions) {
      result = result.and(c.evaluate(request));
    }
    return result;
  }
}
