package vn.hdnd.server.demo;

/**
 * The figures that the Hanoi 2021-2026 demo data set must reproduce exactly on the dashboard.
 *
 * <p>Source: the report on the councils of Hanoi at the end of 2021 ({@code shared/seed/hanoi-council-conference-2021.txt}):
 * "HĐND TP gồm 95 đại biểu; HĐND quận, huyện, thị xã gồm 1.050 đại biểu; HĐND các xã, thị trấn có 10.584 đại biểu …
 * 30/30 đơn vị đã bầu đủ các chức danh … Tổng số đại biểu chuyên trách ở HĐND cấp huyện là 114 người … có 404 xã,
 * thị trấn đã cơ bản bầu đủ chủ tịch, phó chủ tịch và trưởng các ban … có 28 chủ tịch và 383 phó chủ tịch HĐND cấp
 * xã hoạt động chuyên trách." The split of the 404 commune-tier units into 383 communes and 21 townships is general
 * knowledge, not from the article.
 */
public final class HanoiDemoFigures {

    /** Delegates (= seats) of the city council. */
    public static final int CITY_DELEGATES = 95;

    /** District-tier councils: 12 urban districts, the town of Sơn Tây and 17 rural districts. */
    public static final int DISTRICT_COUNCILS = 30;
    /** Delegates of the 30 district-tier councils together. */
    public static final int DISTRICT_DELEGATES = 1_050;
    /** District-tier councils that elected a chair, vice-chairs and a head for every committee. */
    public static final int DISTRICT_COUNCILS_WITH_COMPLETE_LEADERSHIP = 30;
    /** Full-time delegates (seated full-time or holding a full-time office) of the district tier, each counted once. */
    public static final int DISTRICT_FULL_TIME_DELEGATES = 114;

    /** Commune-tier councils (communes and townships; wards have no council under Resolution 97/2019/QH14). */
    public static final int COMMUNE_COUNCILS = 404;
    /** Of the commune-tier councils: communes (xã). */
    public static final int COMMUNES = 383;
    /** Of the commune-tier councils: townships (thị trấn). */
    public static final int TOWNSHIPS = 21;
    /** Delegates of the 404 commune-tier councils together. */
    public static final int COMMUNE_DELEGATES = 10_584;
    /** Commune-tier councils that elected a chair, a vice-chair and a head for every committee. */
    public static final int COMMUNE_COUNCILS_WITH_COMPLETE_LEADERSHIP = 404;
    /** Commune-tier chairs who serve full-time (of 404 chairs). */
    public static final int COMMUNE_FULL_TIME_CHAIRS = 28;
    /** Commune-tier vice-chairs who serve full-time (of 404 vice-chairs: the plan gives each council exactly one). */
    public static final int COMMUNE_FULL_TIME_VICE_CHAIRS = 383;
    /**
     * Full-time delegates of the commune tier: the full-time chairs plus the full-time vice-chairs (distinct people);
     * nobody else at that tier is full-time in the plan. Derived, not from the article.
     */
    public static final int COMMUNE_FULL_TIME_DELEGATES = COMMUNE_FULL_TIME_CHAIRS + COMMUNE_FULL_TIME_VICE_CHAIRS;

    /** All councils of the data set. */
    public static final int COUNCILS = 1 + DISTRICT_COUNCILS + COMMUNE_COUNCILS;
    /** All delegates of the data set. */
    public static final int DELEGATES = CITY_DELEGATES + DISTRICT_DELEGATES + COMMUNE_DELEGATES;

    private HanoiDemoFigures() {
    }
}
