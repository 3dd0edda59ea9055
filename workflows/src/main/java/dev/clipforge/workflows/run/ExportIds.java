package dev.clipforge.workflows.run;

import dev.clipforge.workflows.stages.CaptionTrack;
import dev.clipforge.workflows.stages.LayoutPlan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * Export ids derive from what the export contains (clip, window, layout plan, captions, quality), so
 * exporting the same thing twice names the same object. Layout and caption keys are content-addressed
 * by their activities.
 */
final class ExportIds {
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private ExportIds() {
    }

    static String of(String clipId, ClipWindow window, LayoutPlan layout, CaptionTrack captions, Quality quality) {
        String fingerprint = String.join("|", clipId,
                String.format(Locale.ROOT, "%.3f-%.3f", window.startSeconds(), window.endSeconds()),
                layout == null ? "-" : layout.objectKey(),
                captions == null || captions.objectKey() == null ? "-" : captions.objectKey(),
                quality.wire());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(fingerprint.getBytes(StandardCharsets.UTF_8));
            StringBuilder id = new StringBuilder("exp_");
            for (int i = 0; i < 16; i++) {
                id.append(ALPHABET[(digest[i] & 0xff) % ALPHABET.length]);
            }
            return id.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
