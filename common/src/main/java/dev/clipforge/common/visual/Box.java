package dev.clipforge.common.visual;

/** A rectangle in normalised image coordinates (0..1 of width and height). */
public record Box(double x, double y, double w, double h) {
    public double cx() {
        return x + w / 2;
    }

    public double cy() {
        return y + h / 2;
    }

    public double area() {
        return Math.max(0, w) * Math.max(0, h);
    }

    public double right() {
        return x + w;
    }

    public double bottom() {
        return y + h;
    }

    public double intersection(Box o) {
        double iw = Math.min(right(), o.right()) - Math.max(x, o.x);
        double ih = Math.min(bottom(), o.bottom()) - Math.max(y, o.y);
        return iw <= 0 || ih <= 0 ? 0 : iw * ih;
    }

    public double iou(Box o) {
        double inter = intersection(o);
        double union = area() + o.area() - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /** Whether this box lies wholly inside {@code outer}, allowing {@code slack} of either's size. */
    public boolean inside(Box outer, double slack) {
        return x >= outer.x - slack && y >= outer.y - slack && right() <= outer.right() + slack && bottom() <= outer.bottom() + slack;
    }

    public static Box lerp(Box a, Box b, double t) {
        return new Box(a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t, a.w + (b.w - a.w) * t, a.h + (b.h - a.h) * t);
    }
}
