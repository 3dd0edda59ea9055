package dev.clipforge.activities.captions;

import dev.clipforge.common.captions.CaptionDoc;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts shipped in the product ({@code fonts/PROVENANCE.md}). Text in a script the chosen family
 * lacks (Arabic, Hebrew, Chinese, Japanese, Korean) is set in the shipped Noto font for that script.
 */
public final class Fonts {
    private static final Map<String, String> FILES = Map.of(
            "Roboto", "fonts/Roboto-Bold.ttf",
            "Roboto Black", "fonts/Roboto-Black.ttf",
            "Noto Sans", "fonts/NotoSans-Bold.ttf",
            "Noto Sans Arabic", "fonts/NotoSansArabic-Bold.ttf",
            "Noto Sans Hebrew", "fonts/NotoSansHebrew-Bold.ttf",
            "Noto Sans CJK", "fonts/NotoSansCJKsc-Bold.otf");
    private static final Map<String, Font> BASE = new ConcurrentHashMap<>();

    private Fonts() {
    }

    /** The family's font at {@code size} points, for text in whatever script {@code sample} is in. */
    public static Font forText(String family, String sample, float size) {
        return base(familyFor(family, sample)).deriveFont(size);
    }

    static String familyFor(String family, String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            Character.UnicodeScript script = Character.UnicodeScript.of(cp);
            if (script == Character.UnicodeScript.ARABIC) {
                return "Noto Sans Arabic";
            }
            if (script == Character.UnicodeScript.HEBREW) {
                return "Noto Sans Hebrew";
            }
            if (CaptionDoc.isCjk(cp) || script == Character.UnicodeScript.HANGUL) {
                return "Noto Sans CJK";
            }
            i += Character.charCount(cp);
        }
        return FILES.containsKey(family) ? family : "Noto Sans";
    }

    private static Font base(String family) {
        return BASE.computeIfAbsent(family, f -> {
            try (InputStream in = Fonts.class.getClassLoader().getResourceAsStream(FILES.get(f))) {
                if (in == null) {
                    throw new IllegalStateException("font " + f + " is missing from the product");
                }
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (FontFormatException e) {
                throw new IllegalStateException("font " + f + " is unreadable", e);
            }
        });
    }

    /** Whether the text reads right to left (its first strong character is Arabic or Hebrew). */
    public static boolean rightToLeft(String text) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            byte d = Character.getDirectionality(cp);
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) {
                return true;
            }
            if (d == Character.DIRECTIONALITY_LEFT_TO_RIGHT) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return false;
    }
}
