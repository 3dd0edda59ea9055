package dev.clipforge.mcp;

/**
 * The structured error of a failed tool call, the same fields as the REST problem document.
 *
 * @param reason a finer machine code than {@code code}, where there is one
 */
public record ToolError(String code, String reason, String message, String howToFix) {
}
