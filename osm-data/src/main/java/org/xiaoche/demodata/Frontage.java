package org.xiaoche.demodata;

/** A street segment a building can face; {@code inward} is the unit vector from the street to the building side. */
record Frontage(PlanePoint from, PlanePoint to, PlanePoint inward) {

    /** A point {@code setback_m} off the middle of the segment, on the inward side. */
    PlanePoint setBack(double setback_m) {
        PlanePoint middle = from.towards(to, 0.5);
        return middle.plus(inward.x_m() * setback_m, inward.y_m() * setback_m);
    }
}
