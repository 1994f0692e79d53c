package vn.hdnd.server.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The two oversight cases of the article for the city council, as requests sent after the city's offices (see
 * {@link HanoiDemoPlan}):
 *
 * <blockquote>"Từ đầu nhiệm kỳ, Thường trực HĐND TP tiến hành tái giám sát việc thực hiện kết luận giám sát của HĐND TP
 * về tình hình quản lý các dự án sử dụng đất chậm triển khai, vi phạm Luật Đất đai; giám sát về việc hỗ trợ các đối
 * tượng khó khăn do đại dịch COVID-19 trên địa bàn."</blockquote>
 *
 * <h2>What is real and what is illustrative</h2>
 * The article says only that these oversight activities took place, by the city council's standing committee, from
 * the start of the 2021-2026 term. Everything else here is <b>illustrative</b>: the original case of the previous term
 * (so that the re-examination has something to link to), every date, conclusion number, finding, recommendation,
 * addressee, deadline and response. They are chosen so that at the end of 2021 the record holds recommendations in
 * every state: implemented, not implemented, superseded by the re-examination, partly implemented and overdue, in
 * progress, and open without any response.
 *
 * <p>Idempotency keys are {@code demo-hanoi-2021:vn-hn:oversight:<case>:<step>}.
 */
final class HanoiOversightDemo {
    /** The city council's conclusion on land-use projects behind schedule or in breach of the Land Law (2020). */
    static final String LAND_USE_CASE = "vn-hn-gs-2020-dat-dai";
    /** The standing committee's re-examination of that conclusion, from the start of the 2021-2026 term. */
    static final String LAND_USE_RE_EXAMINATION = "vn-hn-tgs-2021-dat-dai";
    /** The standing committee's oversight of support to people in difficulty because of COVID-19 (2021). */
    static final String COVID_CASE = "vn-hn-gs-2021-covid";

    private static final String CITY = HanoiDemoPlan.CITY_ID;
    private static final String UBND_TP = "UBND thành phố Hà Nội";
    private static final String SO_TNMT = "Sở Tài nguyên và Môi trường";
    private static final String SO_KHDT = "Sở Kế hoạch và Đầu tư";
    private static final String CUC_THUE = "Cục Thuế thành phố Hà Nội";
    private static final String SO_LDTBXH = "Sở Lao động - Thương binh và Xã hội";
    private static final String BHXH = "Bảo hiểm xã hội thành phố Hà Nội";
    private static final String UBND_HUYEN = "UBND các quận, huyện, thị xã";

    private final List<DemoRequest> requests = new ArrayList<>();

    private HanoiOversightDemo() {
    }

    /** The requests in the order they must be sent: the original land-use case before its re-examination. */
    static List<DemoRequest> requests() {
        HanoiOversightDemo demo = new HanoiOversightDemo();
        demo.landUse();
        demo.landUseReExamination();
        demo.covid();
        return List.copyOf(demo.requests);
    }

    private void landUse() {
        String id = LAND_USE_CASE;
        open(id, "Tình hình quản lý các dự án sử dụng đất chậm triển khai, vi phạm Luật Đất đai trên địa bàn "
                        + "thành phố",
                "Việc rà soát, xử lý các dự án đã được giao đất, cho thuê đất nhưng chậm đưa đất vào sử dụng hoặc vi "
                        + "phạm Luật Đất đai",
                "COUNCIL", List.of(UBND_TP, SO_TNMT, SO_KHDT, CUC_THUE), "2020-05-04");
        finding(id, 1, "Nhiều dự án được giao đất, cho thuê đất từ nhiều năm nhưng chậm triển khai, để đất hoang hóa "
                + "hoặc sử dụng sai mục đích; việc xử lý còn chậm, chưa kiên quyết.", "2020-06-15");
        conclusion(id, "01/KL-HĐND", "2020-07-10",
                "HĐND thành phố kết luận giám sát và kiến nghị UBND thành phố, các sở, ngành xử lý dứt điểm các dự án "
                        + "sử dụng đất chậm triển khai, vi phạm Luật Đất đai.",
                List.of(recommendation("r1", UBND_TP, "Rà soát, phân loại toàn bộ các dự án sử dụng đất chậm triển "
                                + "khai, vi phạm Luật Đất đai và công khai danh sách", "2020-12-31"),
                        recommendation("r2", SO_TNMT, "Tham mưu thu hồi đất đối với các dự án vi phạm đã hết thời "
                                + "gian gia hạn mà không khắc phục", "2021-06-30"),
                        recommendation("r3", SO_KHDT, "Chấm dứt hoạt động của các dự án đầu tư chậm tiến độ quá thời "
                                + "hạn cho phép", "2021-06-30"),
                        recommendation("r4", CUC_THUE, "Thu đủ tiền sử dụng đất, tiền thuê đất và tiền chậm nộp của "
                                + "các dự án chậm triển khai", "2021-03-31")),
                null);
        response(id, "r1", "2020-12-22", "Đã rà soát, phân loại và công khai danh sách các dự án chậm triển khai "
                + "trên cổng thông tin điện tử thành phố.", "IMPLEMENTED");
        closure(id, "r1", "IMPLEMENTED", "2021-01-15", "Thường trực HĐND đánh giá kiến nghị đã được thực hiện.");
        response(id, "r2", "2021-05-14", "Đã thu hồi đất của một phần các dự án vi phạm; nhiều dự án còn vướng "
                + "mắc thủ tục.", "PARTIALLY_IMPLEMENTED");
        response(id, "r3", "2021-04-09", "Đang rà soát hồ sơ các dự án đầu tư chậm tiến độ.", "IN_PROGRESS");
        response(id, "r4", "2021-03-26", "Đang đôn đốc các chủ đầu tư nộp tiền sử dụng đất.", "IN_PROGRESS");
    }

    private void landUseReExamination() {
        String id = LAND_USE_RE_EXAMINATION;
        Map<String, Object> body = body(
                "id", id,
                "recommendationIds", List.of("r2", "r3", "r4"),
                "reason", "Tái giám sát việc thực hiện kết luận giám sát của HĐND thành phố về các dự án sử dụng đất "
                        + "chậm triển khai, vi phạm Luật Đất đai",
                "openedOn", "2021-08-02",
                "title", "Tái giám sát việc thực hiện kết luận giám sát về các dự án sử dụng đất chậm triển khai, vi "
                        + "phạm Luật Đất đai",
                "conductedBy", "STANDING_COMMITTEE");
        add("/api/v1/oversight-cases/" + LAND_USE_CASE + "/re-examinations", body, LAND_USE_CASE + ":re-examination");
        finding(id, 1, "Việc thu hồi đất các dự án vi phạm còn chậm; nợ đọng tiền sử dụng đất chưa được thu hồi "
                + "dứt điểm.", "2021-10-05");
        conclusion(id, "05/KL-TTHĐND", "2021-11-25",
                "Thường trực HĐND thành phố kết luận tái giám sát: kiến nghị về thu hồi đất được thay thế bằng kiến "
                        + "nghị mới; kiến nghị về thu tiền sử dụng đất không được thực hiện.",
                List.of(recommendation("b1", UBND_TP, "Chỉ đạo thu hồi dứt điểm đất của các dự án vi phạm đã hết thời "
                                + "gian gia hạn", "2022-06-30", "r2"),
                        recommendation("b2", CUC_THUE, "Cưỡng chế thu nợ tiền sử dụng đất, tiền thuê đất của các dự "
                                + "án chậm triển khai", "2022-03-31")),
                List.of(body("recommendationId", "r4", "outcome", "NOT_IMPLEMENTED",
                        "reason", "Quá hạn, nợ đọng tiền sử dụng đất chưa được thu hồi")));
    }

    private void covid() {
        String id = COVID_CASE;
        open(id, "Việc hỗ trợ các đối tượng gặp khó khăn do đại dịch COVID-19 trên địa bàn thành phố",
                "Việc thực hiện các chính sách hỗ trợ người lao động và người sử dụng lao động gặp khó khăn do đại "
                        + "dịch COVID-19",
                "STANDING_COMMITTEE", List.of(UBND_TP, SO_LDTBXH, BHXH, UBND_HUYEN), "2021-08-16");
        finding(id, 1, "Tiến độ chi hỗ trợ ở một số địa phương còn chậm; tiêu chí xác định lao động tự do được hỗ trợ "
                + "chưa thống nhất.", "2021-09-20");
        conclusion(id, "03/KL-TTHĐND", "2021-10-15",
                "Thường trực HĐND thành phố kết luận giám sát và kiến nghị đẩy nhanh việc hỗ trợ, bảo đảm đúng đối "
                        + "tượng, không bỏ sót.",
                List.of(recommendation("c1", UBND_TP, "Đẩy nhanh tiến độ chi hỗ trợ, bảo đảm đúng đối tượng, công "
                                + "khai, minh bạch", "2021-11-30"),
                        recommendation("c2", SO_LDTBXH, "Hướng dẫn thống nhất tiêu chí xác định lao động tự do được "
                                + "hỗ trợ", "2021-11-15"),
                        recommendation("c3", BHXH, "Giải quyết dứt điểm hồ sơ hỗ trợ từ Quỹ bảo hiểm thất nghiệp",
                                "2022-01-31"),
                        recommendation("c4", UBND_HUYEN, "Rà soát, bổ sung các đối tượng khó khăn chưa được hỗ trợ",
                                "2022-02-28")),
                null);
        response(id, "c1", "2021-11-25", "Đã hoàn thành chi hỗ trợ cho các đối tượng đủ điều kiện.", "IMPLEMENTED");
        closure(id, "c1", "IMPLEMENTED", "2021-12-10", "Thường trực HĐND đánh giá kiến nghị đã được thực hiện.");
        response(id, "c2", "2021-11-20", "Đã ban hành hướng dẫn cho một số nhóm lao động tự do; còn nhóm chưa có "
                + "hướng dẫn.", "PARTIALLY_IMPLEMENTED");
        response(id, "c3", "2021-12-15", "Đang giải quyết các hồ sơ còn tồn đọng.", "IN_PROGRESS");
    }

    // ---------------------------------------------------------------- requests

    private void open(String id, String title, String scope, String conductedBy, List<String> subjects,
                      String openedOn) {
        add("/api/v1/councils/" + CITY + "/oversight-cases", body("id", id, "title", title, "scope", scope,
                "conductedBy", conductedBy, "subjects", subjects, "openedOn", openedOn), id + ":case");
    }

    private void finding(String id, int n, String text, String recordedOn) {
        add(path(id) + "/findings", body("text", text, "recordedOn", recordedOn), id + ":finding:" + n);
    }

    private void conclusion(String id, String number, String issuedOn, String summary,
                            List<Map<String, Object>> recommendations, List<Map<String, Object>> closes) {
        Map<String, Object> body = body("number", number, "issuedOn", issuedOn, "summary", summary,
                "recommendations", recommendations);
        if (closes != null) {
            body.put("closes", closes);
        }
        add(path(id) + "/conclusion", body, id + ":conclusion");
    }

    private void response(String id, String rec, String reportedOn, String report, String status) {
        add(path(id) + "/recommendations/" + rec + "/responses",
                body("reportedOn", reportedOn, "report", report, "status", status),
                id + ":response:" + rec + ":" + reportedOn);
    }

    private void closure(String id, String rec, String outcome, String closedOn, String reason) {
        add(path(id) + "/recommendations/" + rec + "/closure",
                body("outcome", outcome, "closedOn", closedOn, "reason", reason), id + ":closure:" + rec);
    }

    private static Map<String, Object> recommendation(String id, String addressee, String action, String dueOn,
                                                      String... supersedes) {
        Map<String, Object> body = body("id", id, "addressee", addressee, "action", action, "dueOn", dueOn);
        if (supersedes.length > 0) {
            body.put("supersedes", List.of(supersedes));
        }
        return body;
    }

    private static String path(String caseId) {
        return "/api/v1/oversight-cases/" + caseId;
    }

    private void add(String path, Map<String, Object> body, String step) {
        requests.add(new DemoRequest(path, body,
                HanoiDemoPlan.IDEMPOTENCY_KEY_PREFIX + ":" + CITY + ":oversight:" + step));
    }

    /** A JSON object in field order; strings in NFC, also inside lists and nested objects. */
    private static Map<String, Object> body(Object... fieldsAndValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            body.put((String) fieldsAndValues[i], nfc(fieldsAndValues[i + 1]));
        }
        return body;
    }

    private static Object nfc(Object value) {
        if (value instanceof String s) {
            return DemoNames.nfc(s);
        }
        if (value instanceof List<?> list) {
            return list.stream().map(HanoiOversightDemo::nfc).toList();
        }
        return value;
    }
}
