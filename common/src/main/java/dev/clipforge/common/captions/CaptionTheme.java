package dev.clipforge.common.captions;

import java.util.List;
import java.util.Locale;

/**
 * How captions look and move. The three built-in styles are themes; people create more through
 * {@code /v1/caption-themes}.
 *
 * @param mode            {@code sentence} (chunks of a sentence), {@code word} (one word at a time)
 * @param position        {@code lower}, {@code upper}, {@code middle}, or {@code auto} (lower unless a face is there)
 * @param animation       {@code none}, {@code karaoke} (the spoken word changes colour and scale), {@code pop}
 * @param maxCharsPerLine hard cap on characters per line, on top of the measured pixel width
 */
public record CaptionTheme(String id, String name, String fontFamily, int fontSize, String textColor,
                           String highlightColor, String strokeColor, int strokeWidth, boolean shadow, String boxColor,
                           boolean uppercase, int maxWordsPerLine, int maxCharsPerLine, int maxLines, String position,
                           String animation, String mode) {

    public static final String DOCUMENTARY = "documentary";
    public static final String FULL_SENTENCE = "full-sentence";
    public static final String SINGLE_WORD_INSTANT = "single-word-instant";

    /** The font families the product ships; captions use nothing else. */
    public static final List<String> FONT_FAMILIES = List.of("Roboto", "Roboto Black", "Noto Sans");
    public static final List<String> POSITIONS = List.of("lower", "upper", "middle", "auto");
    public static final List<String> ANIMATIONS = List.of("none", "karaoke", "pop");
    public static final List<String> MODES = List.of("sentence", "word");

    public static CaptionTheme documentary() {
        return new CaptionTheme(DOCUMENTARY, "Documentary", "Noto Sans", 58, "#FFFFFF", "#FFFFFF", "#000000", 0, true,
                "#000000A6", false, 7, 32, 2, "auto", "none", "sentence");
    }

    public static CaptionTheme fullSentence() {
        return new CaptionTheme(FULL_SENTENCE, "Full sentence", "Roboto", 62, "#FFFFFF", "#FFD400", "#000000", 6, true,
                null, false, 6, 28, 3, "auto", "karaoke", "sentence");
    }

    public static CaptionTheme singleWordInstant() {
        return new CaptionTheme(SINGLE_WORD_INSTANT, "Single word", "Roboto Black", 104, "#FFFFFF", "#FFFFFF", "#000000", 9,
                true, null, true, 1, 20, 1, "auto", "pop", "word");
    }

    public static CaptionTheme builtIn(String id) {
        return switch (id == null ? DOCUMENTARY : id.toLowerCase(Locale.ROOT)) {
            case DOCUMENTARY -> documentary();
            case FULL_SENTENCE -> fullSentence();
            case SINGLE_WORD_INSTANT -> singleWordInstant();
            default -> null;
        };
    }
}
