package vn.hdnd.server.demo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntUnaryOperator;

/**
 * The Hanoi 2021-2026 demo data set as a plan of command requests (see {@code API.md}): the city council, its 30
 * district-tier councils and the 404 commune-tier councils under the town of Sơn Tây and the 17 rural districts, each
 * with its term, committees, delegates (every seat filled) and offices (a chair, vice-chairs, a head and deputy heads
 * for every committee).
 *
 * <h2>What is real and what is generated</h2>
 * <ul>
 *   <li>The totals are the article's ({@link HanoiDemoFigures}): 95 city delegates; 1,050 delegates in 30 district-tier
 *   councils, all with complete leadership, 114 of them full-time; 10,584 delegates in 404 commune-tier councils, all
 *   with complete leadership, with 28 full-time chairs and 383 full-time vice-chairs.</li>
 *   <li>The 30 district-tier units come from the classpath resource {@code demo/hanoi-2021-district-units.csv}
 *   (general knowledge). The number of communes and townships per unit follows the 2021 administrative map as far as
 *   general knowledge goes (individual counts unverified; their sums are exactly 383 and 21).</li>
 *   <li><b>Per-unit figures are not known</b>, so this generator <b>distributes the article's totals</b>
 *   deterministically (fixed seed): district-tier councils get 30-40 seats, commune councils 15-35 and townships
 *   25-35 (townships and large communes more), adjusted one seat at a time until the sums are exact. Which councils
 *   have a full-time chair or a part-time vice-chair, and which committee deputies serve full-time, is likewise drawn
 *   so that the full-time counts come out exactly.</li>
 *   <li>Every person's name, commune name and constituency is synthetic. Dates: councils established on
 *   {@value #ESTABLISHED_ON} (Hanoi's present boundaries), terms from the election day {@value #ELECTION_DAY},
 *   delegates seated on {@value #SEATED_ON}, committees formed and officers elected at the first session of each tier
 *   (assumed dates within the 45 days that LOLG art. 80 allows after the election).</li>
 * </ul>
 *
 * <h2>Leadership pattern (the generator's assumptions)</h2>
 * <ul>
 *   <li>City: a full-time chair, {@value #CITY_VICE_CHAIRS} full-time vice-chairs, four committees (Pháp chế, Kinh tế
 *   - Ngân sách, Văn hóa - Xã hội, Đô thị) each with a full-time head, a full-time and a part-time deputy head.</li>
 *   <li>District tier: committees Pháp chế and Kinh tế - Xã hội, each with a part-time head and a deputy head. A
 *   council has either a full-time chair and one full-time vice-chair ({@value #DISTRICTS_WITH_FULL_TIME_CHAIR}
 *   councils) or a part-time chair and two full-time vice-chairs (LOLG art. 51 as amended in 2019), so leadership gives
 *   60 full-time delegates; the other 54 of the 114 are committee deputy heads.</li>
 *   <li>Commune tier: a chair, exactly one vice-chair, committees Pháp chế and Kinh tế - Xã hội each with a part-time
 *   head and deputy head. 28 chairs are full-time; the 21 part-time vice-chairs sit in councils whose chair is
 *   full-time, so every commune council has a full-time leader. Nobody else at this tier is full-time.</li>
 * </ul>
 *
 * <h2>Loading</h2>
 * {@link #build()} answers waves: wave 0 holds the city, wave 1 the district-tier councils, wave 2 the commune-tier
 * councils. Every council of a wave may be loaded in parallel once the previous wave is done; the requests of one
 * council must be sent in order. Every request carries an {@code Idempotency-Key} of the form
 * {@code demo-hanoi-2021:<councilId>:<step>}, so running a loader twice appends nothing. The city's requests end with
 * the article's oversight cases ({@link HanoiOversightDemo}) and the first sessions of the term with their resolutions
 * ({@link HanoiSessionDemo}).
 */
public final class HanoiDemoPlan {

    /** The term of the data set. */
    public static final String TERM = "2021-2026";
    /** Election day of the 2021-2026 term; the term starts on it. */
    public static final String ELECTION_DAY = "2021-05-23";
    /** Councils are established on the day Hanoi took its present boundaries. */
    public static final String ESTABLISHED_ON = "2008-08-01";
    /** Delegates are seated on this day, before the first sessions. */
    public static final String SEATED_ON = "2021-06-01";
    /** First session of the city council (khóa XVI): committees formed and officers elected. Assumed date. */
    public static final String CITY_FIRST_SESSION = "2021-06-23";
    /** First session of the district-tier councils. Assumed date. */
    public static final String DISTRICT_FIRST_SESSION = "2021-06-25";
    /** First session of the commune-tier councils. Assumed date. */
    public static final String COMMUNE_FIRST_SESSION = "2021-06-28";
    /** Prefix of every idempotency key. */
    public static final String IDEMPOTENCY_KEY_PREFIX = "demo-hanoi-2021";
    /** The city council's id. */
    public static final String CITY_ID = "vn-hn";

    /** The fixed seed of every random draw: the election day. */
    static final long SEED = 20_210_523L;

    static final int CITY_VICE_CHAIRS = 3;
    static final int DISTRICTS_WITH_FULL_TIME_CHAIR = 2;
    static final int DISTRICT_SEATS_MIN = 30;
    static final int DISTRICT_SEATS_MAX = 40;
    static final int COMMUNE_SEATS_MIN = 15;
    static final int TOWNSHIP_SEATS_MIN = 25;
    static final int COMMUNE_SEATS_MAX = 35;
    /** Delegates elected per constituency (the law allows at most five). */
    private static final int DELEGATES_PER_CONSTITUENCY = 4;

    private static final List<CommitteeTemplate> CITY_COMMITTEES = List.of(
            new CommitteeTemplate("phap-che", "Ban Pháp chế"),
            new CommitteeTemplate("kinh-te-ngan-sach", "Ban Kinh tế - Ngân sách"),
            new CommitteeTemplate("van-hoa-xa-hoi", "Ban Văn hóa - Xã hội"),
            new CommitteeTemplate("do-thi", "Ban Đô thị"));
    private static final List<CommitteeTemplate> LOCAL_COMMITTEES = List.of(
            new CommitteeTemplate("phap-che", "Ban Pháp chế"),
            new CommitteeTemplate("kinh-te-xa-hoi", "Ban Kinh tế - Xã hội"));

    /**
     * Communes and townships per unit that has commune-tier councils, in the 2021 map as far as general knowledge
     * goes: {communes, townships}. The sums must be 383 and 21.
     */
    private static final Map<String, int[]> COMMUNE_UNITS = communeUnits();

    private HanoiDemoPlan() {
    }

    /**
     * The whole plan, identical on every call: wave 0 = the city, wave 1 = the 30 district-tier councils (in the order
     * of the CSV), wave 2 = the 404 commune-tier councils (grouped by district, townships first).
     */
    public static List<List<CouncilPlan>> build() {
        List<DistrictUnit> units = DistrictUnit.load();
        if (units.size() != HanoiDemoFigures.DISTRICT_COUNCILS) {
            throw new IllegalStateException("expected " + HanoiDemoFigures.DISTRICT_COUNCILS
                    + " district-tier units in " + DistrictUnit.RESOURCE + ", found " + units.size());
        }
        Random rnd = new Random(SEED);
        Council city = city();
        List<Council> districts = districts(units, rnd);
        List<Council> communes = communes(units, rnd);
        return List.of(
                List.of(render(city)),
                districts.stream().map(HanoiDemoPlan::render).toList(),
                communes.stream().map(HanoiDemoPlan::render).toList());
    }

    // ---------------------------------------------------------------- the councils

    private static Council city() {
        List<Post> posts = new ArrayList<>();
        posts.add(new Post("CHAIR", null, true));
        for (int i = 0; i < CITY_VICE_CHAIRS; i++) {
            posts.add(new Post("VICE_CHAIR", null, true));
        }
        for (CommitteeTemplate committee : CITY_COMMITTEES) {
            posts.add(new Post("COMMITTEE_HEAD", committee, true));
            posts.add(new Post("COMMITTEE_DEPUTY_HEAD", committee, true));
            posts.add(new Post("COMMITTEE_DEPUTY_HEAD", committee, false));
        }
        return new Council(CITY_ID, "PROVINCE", null, "HĐND thành phố Hà Nội", " khóa XVI",
                HanoiDemoFigures.CITY_DELEGATES, CITY_COMMITTEES, posts, CITY_FIRST_SESSION);
    }

    private static List<Council> districts(List<DistrictUnit> units, Random rnd) {
        int n = units.size();
        for (DistrictUnit unit : units) {
            String expected = CITY_ID + "-" + DemoNames.fold(unit.bareName());
            if (!unit.id().equals(expected)) {
                throw new IllegalStateException("id " + unit.id() + " of " + unit.name() + " is not " + expected);
            }
        }
        int[] seats = distribute(n, HanoiDemoFigures.DISTRICT_DELEGATES,
                i -> DISTRICT_SEATS_MIN, i -> DISTRICT_SEATS_MAX,
                i -> DISTRICT_SEATS_MIN + rnd.nextInt(DISTRICT_SEATS_MAX - DISTRICT_SEATS_MIN + 1), rnd);
        boolean[] fullTimeChair = choose(n, DISTRICTS_WITH_FULL_TIME_CHAIR, rnd);

        // Leadership: a full-time chair with one full-time vice-chair, or a part-time chair with two: 2 each.
        int leadershipFullTime = 2 * n;
        int committeeBudget = HanoiDemoFigures.DISTRICT_FULL_TIME_DELEGATES - leadershipFullTime;
        int k = LOCAL_COMMITTEES.size();
        if (committeeBudget < 0 || committeeBudget > 2 * n * k) {
            throw new IllegalStateException("cannot place " + committeeBudget + " full-time committee officers");
        }
        // Deputy heads become full-time first (in a drawn order), then heads if the budget is larger.
        boolean[] deputyFullTime = choose(n * k, Math.min(committeeBudget, n * k), rnd);
        boolean[] headFullTime = choose(n * k, Math.max(0, committeeBudget - n * k), rnd);

        List<Council> councils = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            DistrictUnit unit = units.get(i);
            List<Post> posts = new ArrayList<>();
            posts.add(new Post("CHAIR", null, fullTimeChair[i]));
            posts.add(new Post("VICE_CHAIR", null, true));
            if (!fullTimeChair[i]) {
                posts.add(new Post("VICE_CHAIR", null, true));
            }
            for (int c = 0; c < k; c++) {
                posts.add(new Post("COMMITTEE_HEAD", LOCAL_COMMITTEES.get(c), headFullTime[i * k + c]));
                posts.add(new Post("COMMITTEE_DEPUTY_HEAD", LOCAL_COMMITTEES.get(c), deputyFullTime[i * k + c]));
            }
            councils.add(new Council(unit.id(), "DISTRICT", CITY_ID,
                    "HĐND " + unit.kindWord() + " " + unit.bareName(), "", seats[i], LOCAL_COMMITTEES, posts,
                    DISTRICT_FIRST_SESSION));
        }
        return councils;
    }

    private static List<Council> communes(List<DistrictUnit> units, Random rnd) {
        record Unit(String id, String parentId, String name, boolean township) {
        }
        List<Unit> communeUnits = new ArrayList<>();
        int communes = 0;
        int townships = 0;
        Set<String> covered = new HashSet<>();
        for (DistrictUnit district : units) {
            int[] counts = COMMUNE_UNITS.get(district.id());
            if (district.communeCouncils() != (counts != null)) {
                throw new IllegalStateException("commune table and " + DistrictUnit.RESOURCE + " disagree on "
                        + district.id());
            }
            if (counts == null) {
                continue;
            }
            covered.add(district.id());
            communes += counts[0];
            townships += counts[1];
            Random names = new Random(seedFor(district.id()));
            Set<String> usedFolds = new HashSet<>();
            for (int t = 0; t < counts[1] + counts[0]; t++) {
                boolean township = t < counts[1];
                String bare = DemoNames.placeName(names);
                while (!usedFolds.add(DemoNames.fold(bare))) {
                    bare = DemoNames.placeName(names);
                }
                communeUnits.add(new Unit(district.id() + "-" + DemoNames.fold(bare), district.id(),
                        (township ? "HĐND thị trấn " : "HĐND xã ") + bare, township));
            }
        }
        if (!covered.equals(COMMUNE_UNITS.keySet()) || communes != HanoiDemoFigures.COMMUNES
                || townships != HanoiDemoFigures.TOWNSHIPS) {
            throw new IllegalStateException("commune table gives " + communes + " communes and " + townships
                    + " townships under " + covered);
        }

        int n = communeUnits.size();
        int[] seats = distribute(n, HanoiDemoFigures.COMMUNE_DELEGATES,
                i -> communeUnits.get(i).township() ? TOWNSHIP_SEATS_MIN : COMMUNE_SEATS_MIN,
                i -> COMMUNE_SEATS_MAX,
                i -> communeUnits.get(i).township() ? 28 + rnd.nextInt(7) : 18 + rnd.nextInt(15), rnd);

        boolean[] fullTimeChair = choose(n, HanoiDemoFigures.COMMUNE_FULL_TIME_CHAIRS, rnd);
        // One vice-chair each; the part-time ones go first to councils whose chair is full-time.
        int partTimeVices = n - HanoiDemoFigures.COMMUNE_FULL_TIME_VICE_CHAIRS;
        boolean[] partTimeVice = new boolean[n];
        int placed = 0;
        for (boolean preferFullTimeChair : new boolean[] {true, false}) {
            for (int i : permutation(n, rnd)) {
                if (placed < partTimeVices && fullTimeChair[i] == preferFullTimeChair) {
                    partTimeVice[i] = true;
                    placed++;
                }
            }
        }
        if (placed != partTimeVices) {
            throw new IllegalStateException("cannot place " + partTimeVices + " part-time vice-chairs");
        }

        List<Council> councils = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Unit unit = communeUnits.get(i);
            List<Post> posts = new ArrayList<>();
            posts.add(new Post("CHAIR", null, fullTimeChair[i]));
            posts.add(new Post("VICE_CHAIR", null, !partTimeVice[i]));
            for (CommitteeTemplate committee : LOCAL_COMMITTEES) {
                posts.add(new Post("COMMITTEE_HEAD", committee, false));
                posts.add(new Post("COMMITTEE_DEPUTY_HEAD", committee, false));
            }
            councils.add(new Council(unit.id(), "COMMUNE", unit.parentId(), unit.name(), "", seats[i],
                    LOCAL_COMMITTEES, posts, COMMUNE_FIRST_SESSION));
        }
        return councils;
    }

    // ---------------------------------------------------------------- the requests

    private static CouncilPlan render(Council c) {
        List<DemoRequest> out = new ArrayList<>();
        String base = "/api/v1/councils/" + c.id();
        out.add(request("/api/v1/councils", c.id(), "council",
                "id", c.id(), "name", c.name(), "tier", c.tier(), "parentId", c.parentId(),
                "establishedOn", ESTABLISHED_ON));
        out.add(request(base + "/terms", c.id(), "term",
                "term", TERM, "seats", c.seats(), "startsOn", ELECTION_DAY));
        for (CommitteeTemplate committee : c.committees()) {
            out.add(request(base + "/committees", c.id(), "committee:" + committee.suffix(),
                    "id", committee.idIn(c.id()), "name", committee.name(), "formedOn", c.firstSession()));
        }

        Random rnd = new Random(seedFor(c.id()));
        if (c.posts().size() > c.seats()) {
            throw new IllegalStateException(c.id() + " has more offices than seats");
        }
        // Office holders: distinct delegates, drawn; a holder is seated full-time exactly when the office is.
        int[] order = permutation(c.seats(), rnd);
        Post[] postOf = new Post[c.seats() + 1];
        int[] holderOf = new int[c.posts().size()];
        for (int p = 0; p < c.posts().size(); p++) {
            holderOf[p] = order[p] + 1;
            postOf[holderOf[p]] = c.posts().get(p);
        }
        int constituencies = (c.seats() + DELEGATES_PER_CONSTITUENCY - 1) / DELEGATES_PER_CONSTITUENCY;
        Set<String> names = new HashSet<>();
        for (int d = 1; d <= c.seats(); d++) {
            String fullName = DemoNames.personName(rnd);
            for (int attempt = 0; attempt < 100 && !names.add(fullName); attempt++) {
                fullName = DemoNames.personName(rnd);
            }
            String local = delegateLocalId(d);
            out.add(request(base + "/delegates", c.id(), "delegate:" + local,
                    "id", c.id() + "-" + local, "fullName", fullName,
                    "fullTime", postOf[d] != null && postOf[d].fullTime(),
                    "constituency", "Đơn vị bầu cử số " + ((d - 1) * constituencies / c.seats() + 1),
                    "seatedOn", SEATED_ON));
        }
        for (int p = 0; p < c.posts().size(); p++) {
            Post post = c.posts().get(p);
            String local = delegateLocalId(holderOf[p]);
            out.add(request(base + "/offices", c.id(), "office:" + local,
                    "delegateId", c.id() + "-" + local, "office", post.office(),
                    "committeeId", post.committee() == null ? null : post.committee().idIn(c.id()),
                    "fullTime", post.fullTime(), "effectiveOn", c.firstSession(),
                    "basis", "Nghị quyết bầu " + post.title() + " tại kỳ họp thứ nhất " + c.name() + c.khoa()
                            + ", nhiệm kỳ " + TERM));
        }
        if (c.id().equals(CITY_ID)) {
            // The article's two oversight cases of the city council (see HanoiOversightDemo).
            out.addAll(HanoiOversightDemo.requests());
            // The first sessions of the term with their resolutions (see HanoiSessionDemo).
            out.addAll(HanoiSessionDemo.requests());
        }
        return new CouncilPlan(c.id(), c.tier(), out);
    }

    private static DemoRequest request(String path, String councilId, String step, Object... fieldsAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            Object value = fieldsAndValues[i + 1];
            body.put((String) fieldsAndValues[i], value instanceof String s ? DemoNames.nfc(s) : value);
        }
        return new DemoRequest(path, body, IDEMPOTENCY_KEY_PREFIX + ":" + councilId + ":" + step);
    }

    private static String delegateLocalId(int number) {
        return number < 10 ? "d0" + number : "d" + number;
    }

    // ---------------------------------------------------------------- deterministic draws

    /** A per-council (or per-district) seed, so one council's draws do not depend on the others'. */
    private static long seedFor(String id) {
        return SEED * 1_000_003L + id.hashCode();
    }

    /** A uniformly drawn permutation of 0..n-1 (Fisher-Yates; {@link Random}'s algorithm is fixed by its spec). */
    private static int[] permutation(int n, Random rnd) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return a;
    }

    /** Exactly {@code k} of {@code n} flags set, drawn. */
    private static boolean[] choose(int n, int k, Random rnd) {
        if (k < 0 || k > n) {
            throw new IllegalArgumentException("cannot choose " + k + " of " + n);
        }
        boolean[] chosen = new boolean[n];
        int[] order = permutation(n, rnd);
        for (int i = 0; i < k; i++) {
            chosen[order[i]] = true;
        }
        return chosen;
    }

    /**
     * Drawn starting values within bounds, then moved one unit at a time on drawn positions until they sum to
     * {@code total}.
     */
    private static int[] distribute(int n, int total, IntUnaryOperator min, IntUnaryOperator max,
                                    IntUnaryOperator start, Random rnd) {
        int[] values = new int[n];
        long lowest = 0;
        long highest = 0;
        int sum = 0;
        for (int i = 0; i < n; i++) {
            values[i] = Math.max(min.applyAsInt(i), Math.min(max.applyAsInt(i), start.applyAsInt(i)));
            lowest += min.applyAsInt(i);
            highest += max.applyAsInt(i);
            sum += values[i];
        }
        if (total < lowest || total > highest) {
            throw new IllegalStateException("cannot distribute " + total + " over " + n + " within bounds");
        }
        while (sum != total) {
            int i = rnd.nextInt(n);
            if (sum < total && values[i] < max.applyAsInt(i)) {
                values[i]++;
                sum++;
            } else if (sum > total && values[i] > min.applyAsInt(i)) {
                values[i]--;
                sum--;
            }
        }
        return values;
    }

    private static Map<String, int[]> communeUnits() {
        Map<String, int[]> m = new LinkedHashMap<>();
        m.put("vn-hn-son-tay", new int[] {6, 0});
        m.put("vn-hn-ba-vi", new int[] {30, 1});
        m.put("vn-hn-phuc-tho", new int[] {20, 1});
        m.put("vn-hn-dan-phuong", new int[] {15, 1});
        m.put("vn-hn-hoai-duc", new int[] {19, 1});
        m.put("vn-hn-quoc-oai", new int[] {20, 1});
        m.put("vn-hn-thach-that", new int[] {22, 1});
        m.put("vn-hn-chuong-my", new int[] {30, 2});
        m.put("vn-hn-thanh-oai", new int[] {20, 1});
        m.put("vn-hn-thuong-tin", new int[] {28, 1});
        m.put("vn-hn-phu-xuyen", new int[] {25, 2});
        m.put("vn-hn-ung-hoa", new int[] {28, 1});
        m.put("vn-hn-my-duc", new int[] {21, 1});
        m.put("vn-hn-soc-son", new int[] {25, 1});
        m.put("vn-hn-dong-anh", new int[] {23, 1});
        m.put("vn-hn-gia-lam", new int[] {20, 2});
        m.put("vn-hn-me-linh", new int[] {16, 2});
        m.put("vn-hn-thanh-tri", new int[] {15, 1});
        return Collections.unmodifiableMap(m);
    }

    // ---------------------------------------------------------------- internal model

    private record CommitteeTemplate(String suffix, String name) {
        String idIn(String councilId) {
            return councilId + "-" + suffix;
        }
    }

    private record Post(String office, CommitteeTemplate committee, boolean fullTime) {
        /** The office's title in a resolution: Chủ tịch HĐND, Trưởng ban Pháp chế… */
        String title() {
            return switch (office) {
                case "CHAIR" -> "Chủ tịch HĐND";
                case "VICE_CHAIR" -> "Phó Chủ tịch HĐND";
                case "COMMITTEE_HEAD" -> "Trưởng " + lowerFirst(committee.name());
                case "COMMITTEE_DEPUTY_HEAD" -> "Phó Trưởng " + lowerFirst(committee.name());
                default -> throw new IllegalStateException(office);
            };
        }

        private static String lowerFirst(String s) {
            return Character.toLowerCase(s.charAt(0)) + s.substring(1);
        }
    }

    private record Council(String id, String tier, String parentId, String name, String khoa, int seats,
                           List<CommitteeTemplate> committees, List<Post> posts, String firstSession) {
    }
}
