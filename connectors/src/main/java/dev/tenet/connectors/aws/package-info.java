/**
 * AWS IAM, read-only, two ways in: offline from the files {@code aws iam
 * get-account-authorization-details} and the credential report produce ({@link AwsExportReader}),
 * and live through the AWS SDK for Java v2 and the standard credential chain ({@link
 * AwsSdkReader}). Both fill one {@link AccountSnapshot} that one mapper turns into trust-graph
 * facts; judging trust policies and permissions is core's (core.iam, core.trust, rules.aws).
 */
package dev.tenet.connectors.aws;
