package dev.inkan.james39;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every class and member Inkan's own classes in inkan-james-jakarta.jar reference exists in the James 3.9.0 jars
 * Maven Central serves, the jar itself (the report store's H2 and PostgreSQL drivers are bundled) and the JDK this
 * runs on (21 or later), checked on the class files as the JVM links them. The bundled drivers' own references
 * (optional integrations such as H2's OSGi or servlet support) are theirs and not checked. What cannot be
 * checked is printed: the SMTP hook API, whose modules (protocols-smtp, james-server-protocols-smtp 3.9.0) are
 * not served.
 */
class LinkCheckTest {

    /** Packages of James 3.9.0 whose jars are not served, and so cannot be checked here. */
    static final Map<String, String> NOT_SERVED = Map.of(
            "org/apache/james/protocols/smtp/", "org.apache.james.protocols:protocols-smtp:3.9.0 is not served",
            "org/apache/james/smtpserver/", "org.apache.james:james-server-protocols-smtp:3.9.0 is not served");

    static ClassPool james39;
    static LinkCheck check;

    @BeforeAll
    static void pool() throws Exception {
        String classpath = System.getProperty("inkan.james39.classpath", "");
        assertThat(classpath).as("inkan.james39.classpath, set by the build (dependency:build-classpath)").isNotBlank();
        List<Path> jars = new ArrayList<>(LinkCheck.paths(classpath));
        jars.add(0, bundle("inkan-james-jakarta.jar"));
        james39 = new ClassPool(jars);
        check = new LinkCheck(james39, NOT_SERVED);
        assertThat(Runtime.version().feature()).as("James 3.9 runs on Java 21+").isGreaterThanOrEqualTo(21);
    }

    @AfterAll
    static void close() throws Exception {
        james39.close();
    }

    static Path bundle(String name) {
        Path file = Path.of(System.getProperty("inkan.link.check.dir", "target/link-check")).resolve(name);
        assertThat(file).as("the bundle copied by the build").exists();
        return file;
    }

    @Test
    void the_jakarta_bundle_links_against_james_3_9() throws Exception {
        LinkCheck.Report report = check.check(bundle("inkan-james-jakarta.jar"), "dev/inkan/");
        System.out.println("[link check] inkan-james-jakarta.jar against James 3.9.0 on Java "
                + Runtime.version().feature() + ": " + report.summary());
        assertThat(report.missing()).as(report.summary()).isEmpty();
        assertThat(report.classes()).isGreaterThan(250);
        assertThat(report.memberRefs()).isGreaterThan(1000);
        // what could not be checked is the SMTP-session hook, and only it
        assertThat(LinkCheck.sources(report.unchecked())).isNotEmpty()
                .allMatch(from -> from.startsWith("dev/inkan/james/smtp/"));
    }

    @Test
    void the_javax_bundle_does_not_link_and_the_check_says_why() throws Exception {
        // inkan-james.jar (for 3.8) on 3.9 is what stopped James 3.9 with NoClassDefFoundError
        // javax/mail/MessagingException: the check must see that, or it proves nothing
        LinkCheck.Report report = check.check(bundle("inkan-james.jar"), "dev/inkan/");
        assertThat(report.missing().keySet()).anyMatch(ref -> ref.startsWith("javax/mail/MessagingException"))
                .anyMatch(ref -> ref.startsWith("javax/mail/internet/MimeMessage"));
    }

    @Test
    void members_are_resolved_not_just_classes() {
        // JAMES-4128: 3.9's Mailet has no getMailetConfig() any more (3.8's had), so a call to it must not resolve
        assertThat(james39.resolveMethod("org/apache/mailet/Mailet", "getMailetConfig",
                "()Lorg/apache/mailet/MailetConfig;")).isEmpty();
        assertThat(james39.resolveMethod("org/apache/mailet/base/GenericMailet", "getInitParameter",
                "(Ljava/lang/String;)Ljava/lang/String;")).contains("org/apache/mailet/base/GenericMailet");
        assertThat(james39.resolveField("java/lang/Integer", "MAX_VALUE", "I")).contains("java/lang/Integer");
        // inherited through an interface (JVMS 5.4.3.3)
        assertThat(james39.resolveMethod("java/util/ArrayList", "stream", "()Ljava/util/stream/Stream;"))
                .contains("java/util/Collection");
    }

    @Test
    void the_jakarta_bundle_names_no_javax_mail_or_activation_at_all() throws Exception {
        try (var zip = new java.util.zip.ZipFile(bundle("inkan-james-jakarta.jar").toFile())) {
            for (String name : ClassPool.classesOf(zip)) {
                byte[] bytes = zip.getInputStream(zip.getEntry(name + ".class")).readAllBytes();
                String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(text).as(name).doesNotContain("javax/mail").doesNotContain("javax.mail")
                        .doesNotContain("javax/activation");
            }
        }
        assertThat(Files.size(bundle("inkan-james-jakarta.jar"))).isGreaterThan(100_000);
    }
}
