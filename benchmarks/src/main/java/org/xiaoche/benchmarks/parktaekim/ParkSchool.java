package org.xiaoche.benchmarks.parktaekim;

/** A school of a Park–Tae–Kim instance; coordinates in feet, window in seconds after midnight. */
public record ParkSchool(int id, double x_ft, double y_ft, int amEarly_s, int amLate_s) {
}
