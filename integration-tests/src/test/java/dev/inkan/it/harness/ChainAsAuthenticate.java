package dev.inkan.it.harness;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a test class that runs its example's inbound chain as one Authenticate mailet ({@link
 * ConfExample#withChainAsAuthenticate}): the tests of the class it extends, which expect what the four mailets give.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Inherited
public @interface ChainAsAuthenticate {
}
