package vn.hdnd.server.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first sessions of the city council's 2021-2026 term (khóa XVI) with their motions, votes and resolutions, as
 * requests sent after the city's offices (see {@link HanoiDemoPlan}), so that the dashboard counts resolutions and the
 * resolution search has something to find.
 *
 * <h2>What is real and what is illustrative</h2>
 * The article gives no session or resolution. Everything here is <b>illustrative</b>: the session dates (the first on
 * the assumed first-session day {@value HanoiDemoPlan#CITY_FIRST_SESSION}), the attendance, every title, text and
 * count. It is chosen to show the rules: a vote given as per-delegate ballots, a motion rejected although more
 * delegates voted yes than no (not more than half of the 95), a resolution amended and one repealed by later ones.
 * The numbers {@code n/2021/NQ-HĐND} are those the record gives, in order; the register gives them, not this plan.
 *
 * <p>Idempotency keys are {@code demo-hanoi-2021:vn-hn:session:<n>[:<step>]}.
 */
final class HanoiSessionDemo {
    private static final String CITY = HanoiDemoPlan.CITY_ID;

    /** Sessions of the plan: the first, a thematic one and the end-of-year regular one. */
    static final int SESSIONS = 3;
    /** Resolutions the plan's votes adopt in 2021 (one more motion is rejected). */
    static final int RESOLUTIONS_ADOPTED = 8;
    /** The resolution that the last session amends, and the one it repeals (their ids as the register gives them). */
    static final String AMENDED = resolutionId(1);
    static final String REPEALED = resolutionId(2);
    /** The resolution the search example "nghi quyet dat dai" finds. */
    static final String LAND_RESOLUTION = resolutionId(3);

    private final List<DemoRequest> requests = new ArrayList<>();

    private HanoiSessionDemo() {
    }

    /** The requests in the order they must be sent: each session scheduled, convened, its motions voted, adjourned. */
    static List<DemoRequest> requests() {
        HanoiSessionDemo demo = new HanoiSessionDemo();
        demo.first();
        demo.thematic();
        demo.endOfYear();
        return List.copyOf(demo.requests);
    }

    /** {@code vn-hn-nq-2021-<n>}: the id the council's register gives its n-th resolution of 2021. */
    static String resolutionId(int n) {
        return CITY + "-nq-2021-" + n;
    }

    /** Kỳ họp thứ nhất: officers elected (see the offices), the first resolutions; one vote given as ballots. */
    private void first() {
        String s = session(1, "REGULAR", HanoiDemoPlan.CITY_FIRST_SESSION, absent(17, 58));
        motion(s, 1, "m1", "Nghị quyết về Chương trình giám sát năm 2022 của Hội đồng nhân dân Thành phố",
                "Thông qua Chương trình giám sát năm 2022: giám sát chuyên đề việc thực hiện các dự án sử dụng đất, "
                        + "công tác hỗ trợ người dân gặp khó khăn do đại dịch COVID-19.", null, null);
        counts(s, 1, "m1", 91, 0, 2, "2021-06-25");
        motion(s, 1, "m2", "Nghị quyết về kế hoạch tổ chức các kỳ họp thường lệ năm 2022",
                "Hội đồng nhân dân Thành phố tổ chức hai kỳ họp thường lệ năm 2022.", null, null);
        ballots(s, 1, "m2", absent(17, 58), 3, 2, "2021-06-25");
        adjourn(s, 1, "2021-06-25");
    }

    /** A thematic session: land management and COVID-19 support adopted, a fee change rejected. */
    private void thematic() {
        String s = session(2, "THEMATIC", "2021-09-23", absent(5, 33, 71, 88, 90));
        motion(s, 2, "m1", "Nghị quyết về tăng cường quản lý nhà nước về đất đai trên địa bàn Thành phố",
                "Tăng cường kiểm tra, xử lý các dự án sử dụng đất chậm triển khai, vi phạm Luật Đất đai.", null,
                null);
        counts(s, 2, "m1", 87, 1, 2, "2021-09-23");
        motion(s, 2, "m2", "Nghị quyết về chính sách hỗ trợ người dân gặp khó khăn do đại dịch COVID-19",
                "Hỗ trợ một lần cho người lao động tự do và hộ kinh doanh bị ảnh hưởng bởi đại dịch COVID-19.", null,
                null);
        counts(s, 2, "m2", 90, 0, 0, "2021-09-23");
        // More yes than no, but 45 is not more than half of the 95 delegates: rejected by the rule.
        motion(s, 2, "m3", "Nghị quyết về điều chỉnh giá dịch vụ trông giữ xe trên địa bàn Thành phố",
                "Điều chỉnh giá dịch vụ trông giữ xe đạp, xe máy, ô tô.", null, null);
        counts(s, 2, "m3", 45, 30, 15, "2021-09-23");
        adjourn(s, 2, "2021-09-23");
    }

    /** The end-of-year session: plan and budget for 2022, one earlier resolution amended, one replaced. */
    private void endOfYear() {
        String s = session(3, "REGULAR", "2021-12-08", absent(42));
        motion(s, 3, "m1", "Nghị quyết về kế hoạch phát triển kinh tế - xã hội năm 2022", "Các chỉ tiêu chủ yếu năm "
                + "2022.", null, null);
        counts(s, 3, "m1", 93, 0, 1, "2021-12-08");
        motion(s, 3, "m2", "Nghị quyết về dự toán ngân sách địa phương năm 2022", "Dự toán thu, chi ngân sách địa "
                + "phương năm 2022.", null, null);
        counts(s, 3, "m2", 92, 0, 2, "2021-12-09");
        motion(s, 3, "m3", "Nghị quyết sửa đổi, bổ sung Nghị quyết số 1/2021/NQ-HĐND về Chương trình giám sát năm "
                + "2022", "Bổ sung nội dung tái giám sát việc thực hiện kết luận giám sát về các dự án sử dụng đất.",
                List.of(AMENDED), null);
        counts(s, 3, "m3", 90, 0, 4, "2021-12-10");
        motion(s, 3, "m4", "Nghị quyết về kế hoạch tổ chức các kỳ họp năm 2022, thay thế Nghị quyết số "
                + "2/2021/NQ-HĐND", "Tổ chức hai kỳ họp thường lệ và các kỳ họp chuyên đề khi cần thiết.", null,
                List.of(REPEALED));
        counts(s, 3, "m4", 94, 0, 0, "2021-12-10");
        adjourn(s, 3, "2021-12-10");
    }

    // ---------------------------------------------------------------- requests

    /** The city's delegates except those numbered {@code absent}, by id. */
    private static List<String> absent(int... absent) {
        Set<String> present = new TreeSet<>();
        for (int d = 1; d <= HanoiDemoFigures.CITY_DELEGATES; d++) {
            present.add(delegateId(d));
        }
        for (int d : absent) {
            present.remove(delegateId(d));
        }
        return List.copyOf(present);
    }

    /** The city's delegate ids as the plan seats them: vn-hn-d01 … vn-hn-d95. */
    static String delegateId(int number) {
        return CITY + "-" + (number < 10 ? "d0" + number : "d" + number);
    }

    private String session(int number, String kind, String on, List<String> present) {
        String id = CITY + "-xvi-" + number;
        add("/api/v1/councils/" + CITY + "/sessions", "session:" + number,
                "id", id, "number", number, "kind", kind, "scheduledFor", on);
        add("/api/v1/sessions/" + id + "/convene", "session:" + number + ":convene",
                "convenedOn", on, "presentDelegateIds", present);
        return id;
    }

    private void motion(String sessionId, int number, String motionId, String title, String text,
                        List<String> amends, List<String> repeals) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", motionId);
        body.put("title", DemoNames.nfc(title));
        body.put("kind", "RESOLUTION");
        body.put("text", DemoNames.nfc(text));
        if (amends != null) {
            body.put("amends", amends);
        }
        if (repeals != null) {
            body.put("repeals", repeals);
        }
        requests.add(new DemoRequest("/api/v1/sessions/" + sessionId + "/motions",
                body, key("session:" + number + ":motion:" + motionId)));
    }

    private void counts(String sessionId, int number, String motionId, int yes, int no, int abstain, String on) {
        add("/api/v1/sessions/" + sessionId + "/motions/" + motionId + "/vote", "session:" + number + ":vote:"
                + motionId, "yes", yes, "no", no, "abstain", abstain, "votedOn", on);
    }

    /** Each present delegate's ballot: the first {@code no} vote no, the next {@code abstain} abstain, the rest yes. */
    private void ballots(String sessionId, int number, String motionId, List<String> present, int no, int abstain,
                         String on) {
        List<Map<String, Object>> ballots = new ArrayList<>();
        for (int i = 0; i < present.size(); i++) {
            Map<String, Object> ballot = new LinkedHashMap<>();
            ballot.put("delegateId", present.get(i));
            ballot.put("choice", i < no ? "NO" : i < no + abstain ? "ABSTAIN" : "YES");
            ballots.add(ballot);
        }
        add("/api/v1/sessions/" + sessionId + "/motions/" + motionId + "/vote", "session:" + number + ":vote:"
                + motionId, "ballots", ballots, "votedOn", on);
    }

    private void adjourn(String sessionId, int number, String on) {
        add("/api/v1/sessions/" + sessionId + "/adjournment", "session:" + number + ":adjournment",
                "adjournedOn", on);
    }

    private void add(String path, String step, Object... fieldsAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        requests.add(new DemoRequest(path, body, key(step)));
    }

    private static String key(String step) {
        return HanoiDemoPlan.IDEMPOTENCY_KEY_PREFIX + ":" + CITY + ":" + step;
    }
}
