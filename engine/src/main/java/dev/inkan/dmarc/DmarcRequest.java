package dev.inkan.dmarc;

import dev.inkan.authres.ResultInfo;
import dev.inkan.message.HeaderBlock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What one DMARC evaluation takes, as plain values: the Author Domain(s), the DKIM results, the SPF
 * result and, optionally, the ARC chain (RFC 9989 §5.3.1–§5.3.3). Build it with {@link #builder(AuthorDomains)};
 * DKIM and SPF results can be read from RFC 8601 resinfos ({@link Builder#resultInfo(ResultInfo)}).
 *
 * @param authors the Author Domain(s)
 * @param dkim every checked DKIM signature (only passes authenticate; temperrors matter, see {@link
 *     DmarcReason#AUTH_TEMPERROR})
 * @param spf the SPF result, or null when SPF was not checked
 * @param arc the ARC chain, or null
 */
public record DmarcRequest(AuthorDomains authors, List<DkimInput> dkim, SpfInput spf, ArcInput arc) {

    public DmarcRequest {
        Objects.requireNonNull(authors, "authors");
        dkim = List.copyOf(dkim);
    }

    public static Builder builder(AuthorDomains authors) {
        return new Builder(authors);
    }

    /** A builder whose authors come from the From field(s) of {@code headers}. */
    public static Builder builder(HeaderBlock headers) {
        return new Builder(AuthorDomains.from(headers));
    }

    /** Collects the inputs; not thread-safe. */
    public static final class Builder {
        private final AuthorDomains authors;
        private final List<DkimInput> dkim = new ArrayList<>();
        private SpfInput spf;
        private ArcInput arc;

        private Builder(AuthorDomains authors) {
            this.authors = Objects.requireNonNull(authors, "authors");
        }

        public Builder dkim(DkimInput result) {
            dkim.add(Objects.requireNonNull(result, "result"));
            return this;
        }

        public Builder spf(SpfInput result) {
            this.spf = result;
            return this;
        }

        public Builder arc(ArcInput chain) {
            this.arc = chain;
            return this;
        }

        /**
         * Takes a DKIM or SPF result from its RFC 8601 resinfo; other methods are ignored.
         *
         * <ul>
         *   <li>{@code dkim=<result> header.d=<domain> header.s=<selector>} (RFC 8601 §2.7.1); without
         *       {@code header.d}, the domain of {@code header.i}; without either, ignored.</li>
         *   <li>{@code spf=<result> smtp.mailfrom=<address or domain>}: the domain after the last '@'
         *       (RFC 8601 §2.7.2; Inkan's SpfVerdict writes the HELO name here for the null reverse-path);
         *       {@code smtp.helo=<name>} is the HELO identity, which DMARC does not use.</li>
         * </ul>
         */
        public Builder resultInfo(ResultInfo info) {
            switch (info.method().toLowerCase(Locale.ROOT)) {
                case "dkim" -> {
                    String domain = info.property("header", "d")
                            .or(() -> info.property("header", "i").map(Builder::domainOf)).orElse(null);
                    if (domain != null) {
                        dkim(new DkimInput(info.result(), domain, info.property("header", "s").orElse("")));
                    }
                }
                case "spf" -> {
                    info.property("smtp", "mailfrom").ifPresentOrElse(
                            mailFrom -> spf(SpfInput.mailFrom(info.result(), domainOf(mailFrom))),
                            () -> info.property("smtp", "helo").ifPresent(
                                    helo -> spf(new SpfInput(info.result(), helo, SpfInput.Identity.HELO))));
                }
                default -> {
                    // not an input of DMARC
                }
            }
            return this;
        }

        /** Takes each resinfo as {@link #resultInfo(ResultInfo)} does. */
        public Builder resultInfos(List<ResultInfo> infos) {
            infos.forEach(this::resultInfo);
            return this;
        }

        public DmarcRequest build() {
            return new DmarcRequest(authors, dkim, spf, arc);
        }

        private static String domainOf(String address) {
            return address.substring(address.lastIndexOf('@') + 1);
        }
    }
}
