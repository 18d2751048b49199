/**
 * Trust between pipelines and clouds, pure: what a cloud role's trust policy lets OIDC tokens of a
 * CI platform (GitHub Actions, GitLab CI) do, judged two ways. Statically, by the breadth of the
 * subject patterns (any repository on the platform, any repository of an organization, any
 * branch...). Concretely, by evaluating the policy on the subject claims the organization's real
 * repositories, branches and environments would present.
 */
package dev.tenet.core.trust;
