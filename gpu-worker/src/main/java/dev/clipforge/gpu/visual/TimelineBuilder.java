package dev.clipforge.gpu.visual;

import dev.clipforge.common.visual.Box;
import dev.clipforge.common.visual.VisualTimeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns tile scans of a range into a timeline: faces linked into tracks with stable ids, shot boundaries
 * from picture change, and speaking scores per face from mouth motion against speech energy.
 */
final class TimelineBuilder {
    /**
     * A track seen this recently is followed by overlap and motion; after a longer gap, a face is the same person
     * only if it is back where the track was last seen, at about the same size. No track crosses a shot cut.
     */
    static final double MAX_TRACK_GAP = 1.5;
    /** Re-found after a gap: centres closer than this share of the face's width, widths within this ratio. */
    static final double REFIND_DISTANCE = 0.5;
    static final double REFIND_SIZE_RATIO = 1.35;
    /** A frame whose picture changes this much, and far more than its neighbours, starts a new shot. */
    static final double CUT_CHANGE = 0.08;
    static final double CUT_RATIO = 4.0;
    /** Faces smaller than this share of the frame's width are background, not subjects. */
    static final double MIN_SUBJECT_WIDTH = 0.06;

    private final SpeakerScoring speakers;
    private final String detector;

    /** @param detector the face detector the tiles were scanned with, as the timeline reports it */
    TimelineBuilder(SpeakerScoring speakers, String detector) {
        this.speakers = speakers;
        this.detector = detector;
    }

    /**
     * @param energy speech energy per audio frame of {@code energyStep} seconds, starting at {@code start}
     */
    VisualTimeline build(List<TileScan> tiles, double start, double end, double sampleFps, float[] energy,
                         double energyStep) {
        TileScan first = tiles.get(0);
        List<double[]> change = new ArrayList<>();
        for (TileScan t : tiles) {
            change.addAll(t.change());
        }
        List<VisualTimeline.Shot> shots = shots(change, start, end);

        // link faces into tracks, sample by sample
        record Pending(int track, TileScan.DetectedFace face) {
        }
        Map<String, Integer> trackOf = new HashMap<>();
        List<double[]> sampleTimes = new ArrayList<>();
        List<List<Pending>> sampleFaces = new ArrayList<>();
        Map<Integer, Box> lastBox = new HashMap<>();
        Map<Integer, Double> lastSeen = new HashMap<>();
        int nextId = 1;
        int shot = 0;
        for (int ti = 0; ti < tiles.size(); ti++) {
            for (TileScan.SampleFaces s : tiles.get(ti).samples()) {
                if (s.t() < start || s.t() >= end) {
                    continue;
                }
                while (shot + 1 < shots.size() && s.t() >= shots.get(shot + 1).start()) {
                    // a cut: whoever is seen next is tracked afresh, even in the same place
                    shot++;
                    lastSeen.clear();
                    lastBox.clear();
                }
                List<Pending> assigned = new ArrayList<>();
                boolean[] taken = new boolean[s.faces().size()];
                List<Integer> live = List.copyOf(lastSeen.keySet());
                // greedy matching, best pairs first: recent tracks by overlap, older ones only where they were
                List<double[]> pairs = new ArrayList<>();
                for (int fi = 0; fi < s.faces().size(); fi++) {
                    for (int id : live) {
                        double sim = s.t() - lastSeen.get(id) <= MAX_TRACK_GAP
                                ? similarity(lastBox.get(id), s.faces().get(fi).box())
                                : refound(lastBox.get(id), s.faces().get(fi).box());
                        if (sim > 0) {
                            pairs.add(new double[]{sim, fi, id});
                        }
                    }
                }
                pairs.sort((a, b) -> Double.compare(b[0], a[0]));
                java.util.Set<Integer> used = new java.util.HashSet<>();
                for (double[] pr : pairs) {
                    int fi = (int) pr[1];
                    int id = (int) pr[2];
                    if (!taken[fi] && used.add(id)) {
                        taken[fi] = true;
                        trackOf.put(ti + ":" + s.index() + ":" + fi, id);
                    }
                }
                for (int fi = 0; fi < s.faces().size(); fi++) {
                    if (!taken[fi]) {
                        trackOf.put(ti + ":" + s.index() + ":" + fi, nextId++);
                    }
                    int id = trackOf.get(ti + ":" + s.index() + ":" + fi);
                    TileScan.DetectedFace face = s.faces().get(fi);
                    lastBox.put(id, face.box());
                    lastSeen.put(id, s.t());
                    assigned.add(new Pending(id, face));
                }
                sampleTimes.add(new double[]{s.t()});
                sampleFaces.add(assigned);
            }
        }

        // per-frame series for speaker scoring
        List<double[]> frameRows = new ArrayList<>();
        List<Integer> frameTile = new ArrayList<>();
        for (int ti = 0; ti < tiles.size(); ti++) {
            for (double[] row : tiles.get(ti).motion()) {
                if (row[0] >= start && row[0] < end) {
                    frameRows.add(row);
                    frameTile.add(ti);
                }
            }
        }
        int trackCount = nextId - 1;
        int frames = frameRows.size();
        float[][] motion = new float[trackCount][frames];
        float[][] present = new float[trackCount][frames];
        float[] frameEnergy = new float[frames];
        for (int f = 0; f < frames; f++) {
            double[] row = frameRows.get(f);
            int sampleIndex = (int) row[1];
            for (int fi = 0; fi + 2 < row.length; fi++) {
                Integer id = trackOf.get(frameTile.get(f) + ":" + sampleIndex + ":" + fi);
                if (id != null) {
                    motion[id - 1][f] = (float) row[2 + fi];
                    present[id - 1][f] = 1;
                }
            }
            int e = (int) Math.floor((row[0] - start) / energyStep);
            frameEnergy[f] = e >= 0 && e < energy.length ? energy[e] : 0;
        }
        float[][] speaking = speakers.score(motion, present, frameEnergy, first.fps());

        // back to samples: the score at the frame nearest each sample
        List<VisualTimeline.Sample> samples = new ArrayList<>();
        int cursor = 0;
        Map<Integer, double[]> stats = new HashMap<>();
        int samplesWithFaces = 0;
        for (int si = 0; si < sampleFaces.size(); si++) {
            double t = sampleTimes.get(si)[0];
            while (cursor + 1 < frames && Math.abs(frameRows.get(cursor + 1)[0] - t) <= Math.abs(frameRows.get(cursor)[0] - t)) {
                cursor++;
            }
            List<VisualTimeline.TrackedFace> faces = new ArrayList<>();
            for (Pending p : sampleFaces.get(si)) {
                double sp = frames == 0 ? 0 : speaking[p.track() - 1][cursor];
                faces.add(new VisualTimeline.TrackedFace(p.track(), p.face().box(), p.face().score(), p.face().mouthX(),
                        p.face().mouthY(), Math.round(sp * 1000) / 1000.0));
                double[] st = stats.computeIfAbsent(p.track(), k -> new double[]{t, t, 0, 0, 0, 0, 0, 0});
                st[1] = t;
                st[2]++;
                st[3] += sp > 0.5 ? 1 : 0;
                st[4] += p.face().box().x();
                st[5] += p.face().box().y();
                st[6] += p.face().box().w();
                st[7] += p.face().box().h();
            }
            if (faces.stream().anyMatch(f -> f.box().w() >= MIN_SUBJECT_WIDTH)) {
                samplesWithFaces++;
            }
            samples.add(new VisualTimeline.Sample(t, faces));
        }
        List<VisualTimeline.Track> tracks = new ArrayList<>();
        for (var en : stats.entrySet()) {
            double[] st = en.getValue();
            tracks.add(new VisualTimeline.Track(en.getKey(), st[0], st[1], st[2] / Math.max(1, samples.size()),
                    st[3] / Math.max(1, st[2]), new Box(st[4] / st[2], st[5] / st[2], st[6] / st[2], st[7] / st[2])));
        }
        tracks.sort(java.util.Comparator.comparingInt(VisualTimeline.Track::id));
        double coverage = samples.isEmpty() ? 0 : samplesWithFaces / (double) samples.size();
        boolean talkingHead = coverage >= 0.5;
        return new VisualTimeline(start, end, first.width(), first.height(), first.fps(), sampleFps, samples, tracks,
                shots, talkingHead, coverage, detector, speakers.name());
    }

    /** Overlap, or for fast movement closeness of centres relative to face size; 0 when unrelated. */
    static double similarity(Box a, Box b) {
        double iou = a.iou(b);
        if (iou > 0.1) {
            return iou;
        }
        double d = Math.hypot(a.cx() - b.cx(), a.cy() - b.cy());
        double size = Math.max(a.w(), b.w());
        return d < size * 0.6 ? 0.1 * (1 - d / (size * 0.6)) : 0;
    }

    /**
     * For a track unseen longer than {@link #MAX_TRACK_GAP}: a small positive score when the face is back where the
     * track was last seen at about its size (below any recent match's), else 0.
     */
    static double refound(Box last, Box face) {
        double ratio = Math.max(last.w(), face.w()) / Math.max(1e-9, Math.min(last.w(), face.w()));
        double d = Math.hypot(last.cx() - face.cx(), last.cy() - face.cy());
        double reach = REFIND_DISTANCE * Math.max(last.w(), face.w());
        return ratio <= REFIND_SIZE_RATIO && d < reach ? 0.01 * (1 - d / reach) : 0;
    }

    static List<VisualTimeline.Shot> shots(List<double[]> change, double start, double end) {
        List<VisualTimeline.Shot> shots = new ArrayList<>();
        double shotStart = start;
        for (int i = 1; i < change.size(); i++) {
            double t = change.get(i)[0];
            if (t <= start || t >= end) {
                continue;
            }
            double c = change.get(i)[1];
            double around = 0;
            int n = 0;
            for (int j = Math.max(1, i - 5); j <= Math.min(change.size() - 1, i + 5); j++) {
                if (j != i) {
                    around += change.get(j)[1];
                    n++;
                }
            }
            double typical = n == 0 ? 0 : around / n;
            if (c >= CUT_CHANGE && c >= CUT_RATIO * typical && t - shotStart > 0.3) {
                shots.add(new VisualTimeline.Shot(shotStart, t));
                shotStart = t;
            }
        }
        shots.add(new VisualTimeline.Shot(shotStart, end));
        return shots;
    }
}
