package dev.clipforge.activities.layout;

import dev.clipforge.activities.ingest.AssetRows;
import dev.clipforge.common.Hashes;
import dev.clipforge.common.assets.ObjectKeys;
import dev.clipforge.common.json.Json;
import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.store.ObjectStore;
import dev.clipforge.common.visual.VisualTimeline;
import dev.clipforge.workflows.run.AppliedLayout;
import dev.clipforge.workflows.run.FailureCodes;
import dev.clipforge.workflows.run.LayoutMode;
import dev.clipforge.workflows.run.RepairMode;
import dev.clipforge.workflows.stages.LayoutActivities;
import dev.clipforge.workflows.stages.LayoutPlan;
import io.temporal.failure.ApplicationFailure;

/** Plans the reframe; the plan is stored under a name derived from its content. */
public class LayoutActivitiesImpl implements LayoutActivities {
    private final AssetRows assets;
    private final ObjectStore store;
    private final LayoutPlanner planner = new LayoutPlanner();

    public LayoutActivitiesImpl(AssetRows assets, ObjectStore store) {
        this.assets = assets;
        this.store = store;
    }

    @Override
    public LayoutPlan planLayout(Request r) {
        AssetRows.Row row = assets.find(r.assetId()).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
                "asset " + r.assetId() + " does not exist", FailureCodes.SOURCE_MISSING));
        VisualTimeline timeline = Json.read(store.getBytes(r.analysis().objectKey()), VisualTimeline.class);
        LayoutPlanner.Plan plan = planner.plan(timeline, r.window().startSeconds(), r.window().endSeconds(),
                preference(r.layoutMode(), r.repair()), framing(r.repair()));
        byte[] json = Json.writeBytes(plan.doc());
        String key = ObjectKeys.clipArtifact(row.projectId(), r.clipId(), "layout", Hashes.short16(json) + ".json");
        store.put(key, json, "application/json");
        LayoutDoc d = plan.doc();
        return new LayoutPlan(key, applied(d.appliedMode()), applied(d.primaryLayout()), d.fallbackUsed(), d.warnings(),
                plan.rejected());
    }

    /**
     * The auto repair answers what QA found in the framing (a face cut off at the crop's edge): the same layout
     * mode, planned loose. A plan made again the same way would be the same plan.
     */
    public static LayoutPlanner.Framing framing(RepairMode repair) {
        return repair == RepairMode.AUTO ? LayoutPlanner.Framing.LOOSE : LayoutPlanner.Framing.TIGHT;
    }

    /** A prefer_split or prefer_focus repair overrides the run's layout mode. */
    public static LayoutPlanner.Preference preference(LayoutMode mode, RepairMode repair) {
        if (repair == RepairMode.PREFER_SPLIT) {
            return LayoutPlanner.Preference.SPLIT;
        }
        if (repair == RepairMode.PREFER_FOCUS) {
            return LayoutPlanner.Preference.FOCUS;
        }
        return switch (mode) {
            case PREFER_SPLIT -> LayoutPlanner.Preference.SPLIT;
            case PREFER_FOCUS -> LayoutPlanner.Preference.FOCUS;
            case AUTO -> LayoutPlanner.Preference.AUTO;
        };
    }

    static AppliedLayout applied(String mode) {
        return switch (mode) {
            case "focus" -> AppliedLayout.FOCUS;
            case "split" -> AppliedLayout.SPLIT;
            case "wide" -> AppliedLayout.WIDE;
            default -> AppliedLayout.MIXED;
        };
    }
}
