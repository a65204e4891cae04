package org.xiaoche.demodata;

/**
 * An expressway interchange at {@code x_m}; its ramps meet the local roads at one junction on the
 * north ({@code side} = +1) or south (-1) of the expressway.
 */
record Interchange(double x_m, int side) {

    static final double RAMP_REACH_M = 300;
    static final double JUNCTION_OFFSET_M = 260;
}
