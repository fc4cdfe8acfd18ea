package dev.inkan.it.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * Marks a test class of the deployment suite: its James servers run as separate processes of the James 3.8.1
 * distribution assembled from Maven Central (module james-dist-3.8), with inkan-james.jar in extensions-jars/ and
 * a DNS server on 127.0.0.1 for the Inkan mailets ({@link JamesHost}). Tagged {@value #TAG}: the pom runs these
 * classes after the package phase, once that jar and the distribution exist.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Tag(DeployedJames.TAG)
public @interface DeployedJames {

    String TAG = "deployment";
}
