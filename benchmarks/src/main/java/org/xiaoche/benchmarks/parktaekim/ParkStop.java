package org.xiaoche.benchmarks.parktaekim;

/** A stop row of a Park–Tae–Kim instance: {@code students} students of school {@code schoolId}. */
public record ParkStop(int id, double x_ft, double y_ft, int schoolId, int students) {
}
