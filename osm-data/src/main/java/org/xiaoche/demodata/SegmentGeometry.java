package org.xiaoche.demodata;

/** Planar segment predicates (orientation-based intersection and Euclidean distances). */
final class SegmentGeometry {

    private SegmentGeometry() {
    }

    /** True if closed segments ab and cd share at least one point (touching and collinear overlap count). */
    static boolean intersects(double ax, double ay, double bx, double by,
                              double cx, double cy, double dx, double dy) {
        double d1 = orientation(cx, cy, dx, dy, ax, ay);
        double d2 = orientation(cx, cy, dx, dy, bx, by);
        double d3 = orientation(ax, ay, bx, by, cx, cy);
        double d4 = orientation(ax, ay, bx, by, dx, dy);
        if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) {
            return true;
        }
        return (d1 == 0 && withinBox(cx, cy, dx, dy, ax, ay))
                || (d2 == 0 && withinBox(cx, cy, dx, dy, bx, by))
                || (d3 == 0 && withinBox(ax, ay, bx, by, cx, cy))
                || (d4 == 0 && withinBox(ax, ay, bx, by, dx, dy));
    }

    /** Distance from point p to closed segment ab. */
    static double pointSegmentDistance(double px, double py, double ax, double ay, double bx, double by) {
        double vx = bx - ax, vy = by - ay;
        double lengthSquared = vx * vx + vy * vy;
        double t = lengthSquared == 0 ? 0 : ((px - ax) * vx + (py - ay) * vy) / lengthSquared;
        t = Math.max(0, Math.min(1, t));
        return Math.hypot(px - (ax + t * vx), py - (ay + t * vy));
    }

    /** Distance between closed segments ab and cd (0 if they intersect). */
    static double segmentDistance(double ax, double ay, double bx, double by,
                                  double cx, double cy, double dx, double dy) {
        if (intersects(ax, ay, bx, by, cx, cy, dx, dy)) {
            return 0;
        }
        return Math.min(Math.min(pointSegmentDistance(ax, ay, cx, cy, dx, dy), pointSegmentDistance(bx, by, cx, cy, dx, dy)),
                Math.min(pointSegmentDistance(cx, cy, ax, ay, bx, by), pointSegmentDistance(dx, dy, ax, ay, bx, by)));
    }

    private static double orientation(double ax, double ay, double bx, double by, double px, double py) {
        return (bx - ax) * (py - ay) - (by - ay) * (px - ax);
    }

    private static boolean withinBox(double ax, double ay, double bx, double by, double px, double py) {
        return px >= Math.min(ax, bx) && px <= Math.max(ax, bx) && py >= Math.min(ay, by) && py <= Math.max(ay, by);
    }
}
