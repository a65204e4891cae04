/**
 * Independent checker for Park–Tae–Kim solutions. It shares no code with the solver: it reads only
 * the instance data ({@code ParkInstance}) and a solution given as bus timetables of visited ids,
 * and recomputes travel (Manhattan feet at 20 mph) and dwell with the benchmark's own formulas.
 * It accepts mixed-load timetables too, so that Park's own solution files can be checked.
 */
package org.xiaoche.benchmarks.parktaekim.check;
