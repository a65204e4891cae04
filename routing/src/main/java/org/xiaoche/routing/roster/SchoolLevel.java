package org.xiaoche.routing.roster;

/** School level as planners name it; grades a level teaches are used to validate students. */
public enum SchoolLevel {
    KINDERGARTEN(0, 0),
    PRIMARY(1, 6),
    JUNIOR(7, 9),
    NINE_YEAR(1, 9);

    private final int lowestGrade;
    private final int highestGrade;

    SchoolLevel(int lowestGrade, int highestGrade) {
        this.lowestGrade = lowestGrade;
        this.highestGrade = highestGrade;
    }

    public boolean teaches(int grade) {
        return grade >= lowestGrade && grade <= highestGrade;
    }

    public int lowestGrade() { return lowestGrade; }

    public int highestGrade() { return highestGrade; }
}
