package dev.clipforge.activities.layout;

import dev.clipforge.common.layout.LayoutDoc;
import dev.clipforge.common.visual.Box;

import java.util.ArrayList;
import java.util.List;

/**
 * A camera operator, not a face follower: it holds still while the subject stays inside a dead zone,
 * otherwise eases toward the subject no faster than a maximum speed, and cuts (jumps) only when told the
 * subject changed. Positions are crop centres in source pixels.
 */
final class VirtualCamera {
    /** Share of the crop width the subject may drift from centre before the camera moves. */
    static final double DEAD_ZONE = 0.12;
    /** Time constant of the ease toward the subject, seconds. */
    static final double EASE_SECONDS = 0.5;
    /** Fastest pan, in crop widths per second. */
    static final double MAX_SPEED = 0.6;

    /** Room kept between the subject's face and the crop's edge, as a share of the crop width, by default. */
    static final double FACE_MARGIN = 0.04;

    private final double cropWidth;
    private final double cropHeight;
    private final double sourceWidth;
    private final double sourceHeight;
    private final double margin;
    private final boolean keepNeighboursWhole;
    private final List<LayoutDoc.Keyframe> path = new ArrayList<>();
    private double x = Double.NaN;
    private double y = Double.NaN;
    private double lastT;
    private boolean moving;

    VirtualCamera(double cropWidth, double cropHeight, double sourceWidth, double sourceHeight) {
        this(cropWidth, cropHeight, sourceWidth, sourceHeight, FACE_MARGIN, false);
    }

    /**
     * @param margin              room kept around the subject's face, as a share of the crop's width (and height)
     * @param keepNeighboursWhole move so that another face is wholly in or wholly out of the crop, never cut by
     *                            its edge, where the subject's face keeps its margin
     */
    VirtualCamera(double cropWidth, double cropHeight, double sourceWidth, double sourceHeight, double margin,
                  boolean keepNeighboursWhole) {
        this.cropWidth = cropWidth;
        this.cropHeight = cropHeight;
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
        this.margin = margin;
        this.keepNeighboursWhole = keepNeighboursWhole;
    }

    /**
     * Jumps to a new subject at clip time {@code t}. The planner decides on a new speaker only once the
     * change has held, then cuts back to when it began: whatever the camera did from then on is replaced.
     */
    void cut(double t, double targetX, double targetY) {
        if (!path.isEmpty()) {
            double[] before = LayoutDoc.Keyframe.interpolate(path, t - 1e-3);
            path.removeIf(k -> k.t() >= t - 1e-3);
            if (!path.isEmpty()) {
                path.add(new LayoutDoc.Keyframe(t - 1e-3, before[0], before[1]));
            }
        }
        x = clampX(targetX);
        y = clampY(targetY);
        lastT = t;
        moving = false;
        path.add(new LayoutDoc.Keyframe(t, x, y));
    }

    /** A cut to a subject whose face is known: the face gets its margin from the first frame. */
    void cut(double t, double targetX, double targetY, Box face, List<Box> others) {
        cut(t, targetX, targetY);
        keepInFrame(face, others);
        path.set(path.size() - 1, new LayoutDoc.Keyframe(t, x, y));
    }

    /**
     * Moves the camera, whatever the smoothing says, so that the subject's face keeps its margin inside the crop
     * (horizontally; vertically too when its height is known) and, when asked, no other face is cut by an edge.
     */
    private void keepInFrame(Box face, List<Box> others) {
        double mx = cropWidth * margin;
        if (face.w() < cropWidth - 2 * mx) {
            if (face.x() < x - cropWidth / 2 + mx) {
                x = clampX(face.x() + cropWidth / 2 - mx);
            } else if (face.right() > x + cropWidth / 2 - mx) {
                x = clampX(face.right() - cropWidth / 2 + mx);
            }
        }
        double my = cropHeight * margin;
        if (!Double.isNaN(face.h()) && face.h() < cropHeight - 2 * my) {
            if (face.y() < y - cropHeight / 2 + my) {
                y = clampY(face.y() + cropHeight / 2 - my);
            } else if (face.bottom() > y + cropHeight / 2 - my) {
                y = clampY(face.bottom() - cropHeight / 2 + my);
            }
        }
        if (keepNeighboursWhole) {
            for (Box other : others) {
                x = wholeOrOut(x, other, face.x() - mx, face.right() + mx);
            }
        }
    }

    /**
     * Follows the subject, whose wanted centre at {@code t} is given, under the camera's rules; the face
     * (left and right edge, source pixels) is kept inside the crop whatever the smoothing says.
     */
    void follow(double t, double targetX, double targetY, double faceLeft, double faceRight) {
        follow(t, targetX, targetY, new Box(faceLeft, Double.NaN, faceRight - faceLeft, Double.NaN), List.of());
    }

    /**
     * Follows the subject whose face (source pixels) is {@code face}; {@code others} are the other faces in the
     * picture. A face box with NaN height is kept inside horizontally only.
     */
    void follow(double t, double targetX, double targetY, Box face, List<Box> others) {
        if (Double.isNaN(x)) {
            cut(t, targetX, targetY, face, others);
            return;
        }
        if (t <= lastT) {
            return;
        }
        double dt = Math.max(1e-3, t - lastT);
        double tx = clampX(targetX);
        double ty = clampY(targetY);
        double dx = tx - x;
        double dy = ty - y;
        double zone = DEAD_ZONE * cropWidth;
        // hysteresis: start moving when the subject leaves the zone, keep moving until nearly centred
        if (!moving && Math.hypot(dx, dy) > zone) {
            moving = true;
        }
        if (moving) {
            double ease = 1 - Math.exp(-dt / EASE_SECONDS);
            double stepX = dx * ease;
            double stepY = dy * ease;
            double max = MAX_SPEED * cropWidth * dt;
            double len = Math.hypot(stepX, stepY);
            if (len > max) {
                stepX *= max / len;
                stepY *= max / len;
            }
            x += stepX;
            y += stepY;
            if (Math.hypot(tx - x, ty - y) < zone * 0.2) {
                moving = false;
            }
        }
        keepInFrame(face, others);
        lastT = t;
        LayoutDoc.Keyframe last = path.get(path.size() - 1);
        if (Math.abs(last.cx() - x) > 0.5 || Math.abs(last.cy() - y) > 0.5) {
            path.add(new LayoutDoc.Keyframe(t, x, y));
        } else if (!moving && path.size() >= 2 && path.get(path.size() - 2).cx() == last.cx() && path.get(path.size() - 2).cy() == last.cy()) {
            // a hold: stretch the last keyframe instead of adding one
            path.set(path.size() - 1, new LayoutDoc.Keyframe(t, x, y));
        } else {
            path.add(new LayoutDoc.Keyframe(t, x, y));
        }
    }

    /**
     * A crop centre near {@code cx} that leaves {@code other} wholly outside the crop or wholly inside it while
     * the crop still spans [{@code keepFrom}, {@code keepTo}]; {@code cx} itself when it already does, or when
     * no such centre exists.
     */
    double wholeOrOut(double cx, Box other, double keepFrom, double keepTo) {
        double left = cx - cropWidth / 2;
        double right = cx + cropWidth / 2;
        boolean cut = other.x() < right && other.right() > left && (other.x() < left || other.right() > right);
        if (!cut) {
            return cx;
        }
        // candidates: push it out past the near edge, or take it in whole; the smaller move that keeps the subject wins
        double[] candidates = other.cx() > cx
                ? new double[]{other.x() - cropWidth / 2, other.right() - cropWidth / 2}
                : new double[]{other.right() + cropWidth / 2, other.x() + cropWidth / 2};
        double best = cx;
        double bestMove = Double.MAX_VALUE;
        for (double c : candidates) {
            double clamped = clampX(c);
            boolean keepsSubject = clamped - cropWidth / 2 <= keepFrom && clamped + cropWidth / 2 >= keepTo;
            boolean resolves = clamped == c;
            if (keepsSubject && resolves && Math.abs(c - cx) < bestMove) {
                best = c;
                bestMove = Math.abs(c - cx);
            }
        }
        return best;
    }

    double x() {
        return x;
    }

    List<LayoutDoc.Keyframe> path() {
        return path;
    }

    double clampX(double cx) {
        return Math.max(cropWidth / 2, Math.min(sourceWidth - cropWidth / 2, cx));
    }

    double clampY(double cy) {
        return Math.max(cropHeight / 2, Math.min(sourceHeight - cropHeight / 2, cy));
    }
}
