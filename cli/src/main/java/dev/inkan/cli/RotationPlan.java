package dev.inkan.cli;

import java.nio.file.Path;
import java.time.LocalDate;

/**
 * What an operator does to move a domain's DKIM signing from one selector to the next without a message failing
 * on the way: the new record is published and seen before anything signs with it, and the old record stays until
 * mail signed with it (queued, retried for days, forwarded, verified again later) has been read, then is revoked.
 *
 * @param oldRecord the record in use now, to be left as it is
 * @param newRecord the new record to publish now
 * @param revoked the old selector's record with an empty p=, published after the grace period
 * @param newKey the new private key file
 * @param graceDays days from the switch until the old key is revoked
 * @param today the day the rotation is prepared
 */
record RotationPlan(DkimTxtRecord oldRecord, DkimTxtRecord newRecord, DkimTxtRecord revoked, Path newKey,
        int graceDays, LocalDate today) {

    /** The records and the numbered steps, as printed by {@code inkan keygen --rotate-from}. */
    String text() {
        String domain = newRecord.domain();
        String oldSelector = oldRecord.selector();
        String newSelector = newRecord.selector();
        String key = newKey.toAbsolutePath().toString();
        return "Rotating " + domain + " from selector " + oldSelector + " to " + newSelector + ".\n"
                + "\n"
                + "Keep this TXT record published, unchanged, at " + oldRecord.ownerName() + ":\n"
                + oldRecord.value() + "\n"
                + "Publish this TXT record at " + newRecord.ownerName() + ":\n"
                + newRecord.value() + "\n"
                + "\n"
                + "1. Publish the new record now, beside the old one.\n"
                + "2. Wait at least the record's TTL (and the zone's negative-caching time, if anyone looked the"
                + " name up before) so that every resolver sees it.\n"
                + "3. Confirm that it is visible and matches the new key:\n"
                + "     inkan check dkim --domain " + domain + " --selector " + newSelector + " --key " + key + "\n"
                + "4. Switch the signer to the new key:\n"
                + "     KeyTable line:   <keyname> " + domain + ":" + newSelector + ":" + key + "\n"
                + "     DkimSign:        <selector>" + newSelector + "</selector> <privateKeyFile>" + key
                + "</privateKeyFile>\n"
                + "     inkan sign:      --domain " + domain + " --selector " + newSelector + " --key " + key + "\n"
                + "   DkimSign and ArcSeal read changed key files within keyReloadInterval (60 s by default);"
                + " no James restart.\n"
                + "5. Keep the old record for the grace period, " + graceDays + " days after the switch (on "
                + today.plusDays(graceDays) + " at the earliest), while mail signed with " + oldSelector
                + " is still delivered and read. Then revoke it: publish at " + revoked.ownerName() + "\n"
                + revoked.value() + "\n"
                + "   (an empty p= means the key has been revoked, RFC 6376 section 3.6.1; mail still signed with "
                + oldSelector + " then fails verification with \"key revoked\"), and delete the old private key.\n";
    }
}
