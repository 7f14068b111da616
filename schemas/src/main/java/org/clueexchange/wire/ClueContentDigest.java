package org.clueexchange.wire;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.clueexchange.events.Attachment;
import org.clueexchange.events.ClueContent;
import org.clueexchange.events.ClueReceived;
import org.clueexchange.events.GangCaseReference;
import org.clueexchange.events.Subject;

/**
 * The SHA-256 both sides compute over a clue's content, so that reconciliation can tell whether they hold the same
 * clue.
 *
 * <p>It hashes a canonical text, not the Avro bytes: a sender and a receiver on different schema versions must
 * still agree on the digest of the same content. A field added later joins the text only when it is set, which
 * keeps every earlier digest valid.
 */
public final class ClueContentDigest {

    private static final String FORM = "clue-content/v1";

    private ClueContentDigest() {
    }

    public static String of(ClueContent content) {
        return sha256Hex(canonicalForm(content));
    }

    /**
     * The digest of the content the receipt's receiver holds, if it holds one: a receiver that got the clue outside
     * the exchange may hold no digest, and such a receipt agrees or disagrees with no transfer's content.
     */
    public static Optional<String> heldBy(ClueReceived receipt) {
        return receipt.getContentDigest().isEmpty() ? Optional.empty() : Optional.of(receipt.getContentDigest());
    }

    static String canonicalForm(ClueContent content) {
        StringBuilder text = new StringBuilder(FORM).append('\n');
        line(text, "source", content.getSource().name());
        line(text, "allegation", content.getAllegation().name());
        line(text, "priority", content.getPriority().name());
        for (Subject subject : content.getSubjects()) {
            line(text, "subject", subject.getName(), subject.getUnit(), subject.getRank().name(),
                    subject.getRole() == null ? "" : subject.getRole());
            if (subject.getPersonKey() != null) {
                line(text, "subjectPersonKey", subject.getPersonKey());
            }
        }
        GangCaseReference gangCase = content.getLinkedGangCase();
        if (gangCase != null) {
            line(text, "gangCase", gangCase.getCaseNumber(), gangCase.getCaseType().name());
        }
        line(text, "summary", content.getSummary());
        for (Attachment attachment : content.getAttachments()) {
            line(text, "attachment", attachment.getName(), attachment.getSha256());
        }
        for (String suspect : content.getSuspects()) {
            line(text, "suspect", suspect);
        }
        return text.toString();
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static void line(StringBuilder text, String key, String... values) {
        text.append(key);
        for (String value : values) {
            text.append('|').append(escape(value));
        }
        text.append('\n');
    }

    /** Escapes the separators so that no two different contents share a canonical text. */
    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("|", "\\|").replace("\n", "\\n").replace("\r", "\\r");
    }
}
