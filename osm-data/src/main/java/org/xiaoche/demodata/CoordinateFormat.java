package org.xiaoche.demodata;

/** Fixed-decimal rendering of degrees, independent of locale and fast enough for millions of values. */
final class CoordinateFormat {

    private CoordinateFormat() {
    }

    /** {@code degrees} rounded half-up to {@code decimals} places, e.g. "121.2034567". */
    static String fixed(double degrees, int decimals) {
        long scale = 1;
        for (int i = 0; i < decimals; i++) {
            scale *= 10;
        }
        long scaled = Math.round(Math.abs(degrees) * scale);
        String fraction = Long.toString(scaled % scale);
        StringBuilder out = new StringBuilder(decimals + 6);
        if (degrees < 0 && scaled != 0) {
            out.append('-');
        }
        out.append(scaled / scale).append('.');
        for (int i = fraction.length(); i < decimals; i++) {
            out.append('0');
        }
        return out.append(fraction).toString();
    }
}
