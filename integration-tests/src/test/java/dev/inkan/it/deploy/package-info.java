/**
 * The deployment suite: every conf-example's integration test, and the start-up errors, run again on James 3.8.1
 * as operators run it. Each class here extends the in-JVM test of an example and carries
 * {@link dev.inkan.it.harness.DeployedJames}, so its James servers are separate processes of the memory app
 * assembled from Maven Central (module james-dist-3.8: {@code java -cp 'lib/*' org.apache.james.MemoryJamesServerMain}),
 * with {@code extensions-jars/inkan-james.jar}, provisioned over WebAdmin, their Inkan mailets asking a DNS server on
 * 127.0.0.1 ({@code dnsServers}), and their logs checked for linkage errors. ConfExamplesTest fails when a
 * conf-example has no class here.
 */
package dev.inkan.it.deploy;
