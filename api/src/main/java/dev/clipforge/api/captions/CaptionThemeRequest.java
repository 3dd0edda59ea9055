package dev.clipforge.api.captions;

/**
 * {@code POST /v1/caption-themes} and {@code PATCH /v1/caption-themes/{id}}: every field optional; a new theme
 * starts from {@code based_on} (a built-in style, documentary by default), a patch from the theme as it is.
 */
public record CaptionThemeRequest(String name, String basedOn, String fontFamily, Integer fontSize, String textColor,
                                  String highlightColor, String strokeColor, Integer strokeWidth, Boolean shadow,
                                  String boxColor, Boolean uppercase, Integer maxWordsPerLine, Integer maxCharsPerLine,
                                  Integer maxLines, String position, String animation, String mode) {
}
