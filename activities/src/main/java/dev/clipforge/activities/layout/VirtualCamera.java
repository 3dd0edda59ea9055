package dev.clipforge.activities.layout;

import dev.clipforge.common.layout.LayoutDoc;

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

    private final double cropWidth;
    private final double cropHeight;
    private final double sourceWidth;
    private final double sourceHeight;
    private final List<LayoutDoc.Keyframe> path = new ArrayList<>();
    private double x = Double.NaN;
    private double y = Double.NaN;
    private double lastT;
    private boolean moving;

    VirtualCamera(double cropWidth, double cropHeight, double sourceWidth, double sourceHeight) {
        this.cropWidth = cropWidth;
        this.cropHeight = cropHeight;
        this.sourceWidth = sourceWidth;
        this.sourceHeight = sourceHeight;
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

    /**
     * Follows the subject, whose wanted centre at {@code t} is given, under the camera's rules; the face
     * (left and right edge, source pixels) is kept inside the crop whatever the smoothing says.
     */
    void follow(double t, double targetX, double targetY, double faceLeft, double faceRight) {
        if (Double.isNaN(x)) {
            cut(t, targetX, targetY);
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
        double margin = cropWidth * 0.04;
        if (faceRight - faceLeft < cropWidth - 2 * margin) {
            if (faceLeft < x - cropWidth / 2 + margin) {
                x = clampX(faceLeft + cropWidth / 2 - margin);
            } else if (faceRight > x + cropWidth / 2 - margin) {
                x = clampX(faceRight - cropWidth / 2 + margin);
            }
        }
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
