package org.xiaoche.routing.policy;

/**
 * Why a policy or fleet setting (or its file) was refused, as a stable code with the number of values its
 * message names, so that a user interface can say it in its own language. Codes a roster problem shares
 * ({@code value-empty}, {@code out-of-range}, …) mean the same and take the same values.
 */
public enum SettingProblem {
    /** A required value is missing or null. */
    VALUE_EMPTY("value-empty", 0),
    /** value, lowest, highest. */
    OUT_OF_RANGE("out-of-range", 3),
    /** length, most characters allowed. */
    ID_TOO_LONG("id-too-long", 2),
    /** value. */
    NOT_POSITIVE("not-positive", 1),
    /** value. */
    NOT_NON_NEGATIVE("not-non-negative", 1),
    /** highest allowed, value. */
    ABOVE_MAX("above-max", 2),
    NO_BUS_TYPES("no-bus-types", 0),
    /** the outside-area distance, the home snap. */
    OUTSIDE_AREA_BELOW_HOME_SNAP("outside-area-below-home-snap", 2),
    /** young pupils' walk to a stop, everyone's. */
    YOUNG_WALK_ABOVE_WALK("young-walk-above-walk", 2),
    /** the walk to a bus road, the walk to a stop. */
    BUS_ROAD_WALK_BELOW_WALK("bus-road-walk-below-walk", 2),
    /** earliest arrival before the bell, latest. */
    ARRIVAL_WINDOW_ORDER("arrival-window-order", 2),
    NO_STOP_ROAD_CLASSES("no-stop-road-classes", 0),
    /** the value given. */
    UNKNOWN_ROAD_CLASS("unknown-road-class", 1),
    /** the value given. */
    NO_STOP_ON_MOTORWAY("no-stop-on-motorway", 1),
    /** the value given. */
    UNKNOWN_ROAD_ENVIRONMENT("unknown-road-environment", 1),
    /** last day, first day. */
    TERM_ENDS_BEFORE_START("term-ends-before-start", 2),
    /** most days, first day, last day. */
    TERM_TOO_LONG("term-too-long", 3),
    /** holiday, first day, last day. */
    HOLIDAY_OUTSIDE_TERM("holiday-outside-term", 3),
    NO_WEEKDAYS("no-weekdays", 0),
    /** the value given. */
    NOT_A_WEEKDAY("not-a-weekday", 1),
    /** the value given. */
    NOT_A_DATE("not-a-date", 1),
    LON_OUT_OF_RANGE("lon-out-of-range", 0),
    LAT_OUT_OF_RANGE("lat-out-of-range", 0),
    /** the field's name, the known fields. */
    UNKNOWN_FIELD("unknown-field", 2),
    EXPECTED_WHOLE_NUMBER("expected-whole-number", 0),
    EXPECTED_NUMBER("expected-number", 0),
    EXPECTED_TRUE_FALSE("expected-true-false", 0),
    EXPECTED_TEXT("expected-text", 0),
    EXPECTED_LIST("expected-list", 0),
    EXPECTED_OBJECT("expected-object", 0),
    NOT_A_JSON_OBJECT("not-a-json-object", 0),
    JSON_ENDS_EARLY("json-ends-early", 0),
    /** line, column. */
    INVALID_JSON("invalid-json", 2),
    VALUE_DOES_NOT_FIT("value-does-not-fit", 0),
    EMPTY_FILE("empty-file", 0),
    UNREADABLE_FILE("unreadable-file", 0),
    /** A refusal without a code of its own (a check added without one); its message says why. */
    INVALID_SETTING("invalid-setting", 0),
    /** depot id, the distance beyond the mapped ways (m). */
    DEPOT_OUTSIDE_REGION("depot-outside-region", 2),
    /** depot id, the farthest allowed (m), the nearest bus road (m). */
    DEPOT_FAR_FROM_BUS_ROAD("depot-far-from-bus-road", 3),
    /** depot id, the farthest allowed (m). */
    DEPOT_NO_BUS_ROAD("depot-no-bus-road", 2);

    private final String code;
    private final int arity;

    SettingProblem(String code, int arity) {
        this.code = code;
        this.arity = arity;
    }

    /** The stable code, e.g. {@code not-positive}. */
    public String code() {
        return code;
    }

    /** How many values the code's texts name, {@code {0}} to {@code {arity-1}}. */
    public int arity() {
        return arity;
    }
}
