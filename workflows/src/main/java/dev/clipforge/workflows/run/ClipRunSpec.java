package dev.clipforge.workflows.run;


/**
 * What the caller asked for when creating the run ({@code POST /v1/clips} after defaults were applied).
 */
public record ClipRunSpec(
        Source source,
        Selection selection,
        Target target,
        Layout layout,
        Captions captions,
        Qa qa,
        Export export) {

    public record Source(SourceType sourceType, String assetId, String url, String youtubeUrl) {
    }

    public record Selection(SelectionMode selectionMode, String suggestionId, Double startSeconds, Double endSeconds) {
        public static Selection autoBest() {
            return new Selection(SelectionMode.AUTO_BEST, null, null, null);
        }
    }

    public record Target(String aspectRatio, double maxDurationSeconds, double minDurationSeconds) {
    }

    public record Layout(LayoutMode layoutMode) {
    }

    public record Captions(boolean enabled, String styleId) {
    }

    public record Qa(QaMode qaMode) {
    }

    public record Export(boolean autoExport, Quality quality) {
    }

    public Selection selectionOrDefault() {
        return selection == null ? Selection.autoBest() : selection;
    }

}
