package dev.clipforge.workflows.run;

/** A coarse percentage for {@code progress.percent}: where the run is along its stages. */
final class Progress {
    private Progress() {
    }

    static int percent(Decision d) {
        return switch (d.status()) {
            case READY, BLOCKED -> d.stage() == Stage.SELECT ? 40 : 90;
            case EXPORTED -> 100;
            case FAILED, CANCELLED -> 0;
            default -> d.stage() == null ? 0 : switch (d.stage()) {
                case INGEST -> 2;
                case TRANSCRIBE -> 10;
                case SUGGEST -> 35;
                case SELECT -> 40;
                case ANALYZE -> 45;
                case LAYOUT -> 60;
                case CAPTIONS -> 65;
                case RENDER -> 70;
                case QA -> 85;
                case EXPORT -> 95;
            };
        };
    }
}
