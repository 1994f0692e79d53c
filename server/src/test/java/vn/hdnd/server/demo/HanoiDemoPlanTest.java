package vn.hdnd.server.demo;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counts the figures of the article from the generated requests themselves (as the dashboard would from the events),
 * and checks that the plan is a valid, deterministic sequence of commands.
 */
class HanoiDemoPlanTest {

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final String COUNCILS = "/api/v1/councils";

    private static List<List<CouncilPlan>> waves;
    /** Every council, read back from its requests. */
    private static Map<String, ParsedCouncil> councils;

    /** One council as its requests describe it. */
    private static final class ParsedCouncil {
        String id;
        String tier;
        String name;
        String parentId;
        int seats = -1;
        final List<String> committeeIds = new ArrayList<>();
        final Map<String, Map<String, Object>> delegates = new LinkedHashMap<>();
        final List<Map<String, Object>> offices = new ArrayList<>();
        /** Oversight requests (the city only), in order. */
        final List<DemoRequest> oversight = new ArrayList<>();
        /** Session requests (the city only), in order. */
        final List<DemoRequest> sessions = new ArrayList<>();

        long offices(String office) {
            return offices.stream().filter(o -> office.equals(o.get("office"))).count();
        }

        long fullTimeOffices(String office) {
            return offices.stream().filter(o -> office.equals(o.get("office")) && isTrue(o.get("fullTime"))).count();
        }

        Set<String> fullTimeDelegates() {
            Set<String> ids = new HashSet<>();
            delegates.forEach((id, body) -> {
                if (isTrue(body.get("fullTime"))) {
                    ids.add(id);
                }
            });
            offices.stream().filter(o -> isTrue(o.get("fullTime"))).forEach(o -> ids.add((String) o.get("delegateId")));
            return ids;
        }

        boolean leadershipComplete() {
            Set<String> headed = new HashSet<>();
            offices.stream().filter(o -> "COMMITTEE_HEAD".equals(o.get("office")))
                    .forEach(o -> headed.add((String) o.get("committeeId")));
            return offices("CHAIR") == 1 && offices("VICE_CHAIR") >= 1 && headed.containsAll(committeeIds);
        }
    }

    @BeforeAll
    static void buildPlan() {
        waves = HanoiDemoPlan.build();
        councils = new LinkedHashMap<>();
        for (List<CouncilPlan> wave : waves) {
            for (CouncilPlan plan : wave) {
                ParsedCouncil c = parse(plan);
                assertThat(councils.put(c.id, c)).as("council %s planned twice", c.id).isNull();
            }
        }
    }

    /** Reads a council's requests in order, checking that each one only refers to what came before it. */
    private static ParsedCouncil parse(CouncilPlan plan) {
        ParsedCouncil c = new ParsedCouncil();
        String base = COUNCILS + "/" + plan.councilId();
        int stage = 0; // 0 council, 1 term, 2 committees, 3 delegates, 4 offices
        for (DemoRequest r : plan.requests()) {
            Map<String, Object> b = r.body();
            if (r.path().equals(COUNCILS)) {
                assertThat(stage).as("council request first in %s", plan.councilId()).isZero();
                assertThat(b.keySet()).containsExactly("id", "name", "tier", "parentId", "establishedOn");
                c.id = (String) b.get("id");
                c.name = (String) b.get("name");
                c.tier = (String) b.get("tier");
                c.parentId = (String) b.get("parentId");
                assertThat(c.id).isEqualTo(plan.councilId());
                assertThat(c.tier).isEqualTo(plan.tier());
                assertThat(b.get("establishedOn")).isEqualTo("2008-08-01");
                stage = 1;
            } else if (r.path().equals(base + "/terms")) {
                assertThat(stage).as("term after council in %s", plan.councilId()).isEqualTo(1);
                assertThat(b.keySet()).containsExactly("term", "seats", "startsOn");
                assertThat(b.get("term")).isEqualTo("2021-2026");
                assertThat(b.get("startsOn")).isEqualTo("2021-05-23");
                c.seats = (Integer) b.get("seats");
                stage = 2;
            } else if (r.path().equals(base + "/committees")) {
                assertThat(stage).as("committees after term in %s", plan.councilId()).isEqualTo(2);
                assertThat(b.keySet()).containsExactly("id", "name", "formedOn");
                assertThat(firstSessionDate(b.get("formedOn"))).isTrue();
                c.committeeIds.add((String) b.get("id"));
            } else if (r.path().equals(base + "/delegates")) {
                assertThat(stage).as("delegates after committees in %s", plan.councilId()).isBetween(2, 3);
                stage = 3;
                assertThat(b.keySet()).containsExactly("id", "fullName", "fullTime", "constituency", "seatedOn");
                assertThat(b.get("fullTime")).isInstanceOf(Boolean.class);
                assertThat((String) b.get("constituency")).matches("Đơn vị bầu cử số [1-9][0-9]*");
                assertThat(c.delegates.put((String) b.get("id"), b)).as("delegate seated twice").isNull();
            } else if (r.path().equals(base + "/offices")) {
                assertThat(stage).as("offices after delegates in %s", plan.councilId()).isBetween(3, 4);
                stage = 4;
                assertThat(b.keySet())
                        .containsExactly("delegateId", "office", "committeeId", "fullTime", "effectiveOn", "basis");
                String delegateId = (String) b.get("delegateId");
                Map<String, Object> delegate = c.delegates.get(delegateId);
                assertThat(delegate).as("office holder %s is seated in %s", delegateId, c.id).isNotNull();
                assertThat(b.get("office")).isIn("CHAIR", "VICE_CHAIR", "COMMITTEE_HEAD", "COMMITTEE_DEPUTY_HEAD",
                        "STANDING_MEMBER");
                boolean committeeOffice = ((String) b.get("office")).startsWith("COMMITTEE_");
                if (committeeOffice) {
                    assertThat(c.committeeIds).contains((String) b.get("committeeId"));
                } else {
                    assertThat(b.get("committeeId")).isNull();
                }
                assertThat(b.get("fullTime")).isInstanceOf(Boolean.class);
                assertThat(firstSessionDate(b.get("effectiveOn"))).isTrue();
                assertThat(LocalDate.parse((String) delegate.get("seatedOn")))
                        .isBefore(LocalDate.parse((String) b.get("effectiveOn")));
                assertThat((String) b.get("basis")).startsWith("Nghị quyết bầu ").contains(c.name)
                        .contains("kỳ họp thứ nhất");
                c.offices.add(b);
            } else if (r.path().equals(base + "/oversight-cases") || r.path().startsWith("/api/v1/oversight-cases/")) {
                // Checked in theCityCarriesTheArticlesTwoOversightCases.
                assertThat(stage).as("oversight after offices in %s", plan.councilId()).isEqualTo(4);
                c.oversight.add(r);
            } else if (r.path().equals(base + "/sessions") || r.path().startsWith("/api/v1/sessions/")) {
                // Checked in theCityHoldsTheFirstSessionsOfTheTermWithResolutions.
                assertThat(stage).as("sessions after offices in %s", plan.councilId()).isEqualTo(4);
                c.sessions.add(r);
            } else {
                throw new AssertionError("unexpected path " + r.path() + " in " + plan.councilId());
            }
        }
        assertThat(stage).as("%s reaches its offices", plan.councilId()).isEqualTo(4);
        return c;
    }

    /** Within 45 days of the 23 May 2021 election, and not before 1 June. */
    private static boolean firstSessionDate(Object value) {
        LocalDate date = LocalDate.parse((String) value);
        return !date.isBefore(LocalDate.of(2021, 6, 1)) && !date.isAfter(LocalDate.of(2021, 7, 7));
    }

    private static boolean isTrue(Object value) {
        return Boolean.TRUE.equals(value);
    }

    private static List<ParsedCouncil> tier(String tier) {
        return councils.values().stream().filter(c -> tier.equals(c.tier)).toList();
    }

    private static int delegates(List<ParsedCouncil> list) {
        return list.stream().mapToInt(c -> c.delegates.size()).sum();
    }

    // ---------------------------------------------------------------- the article's figures

    @Test
    void figuresConstantsAreTheArticles() {
        assertThat(HanoiDemoFigures.CITY_DELEGATES).isEqualTo(95);
        assertThat(HanoiDemoFigures.DISTRICT_COUNCILS).isEqualTo(30);
        assertThat(HanoiDemoFigures.DISTRICT_DELEGATES).isEqualTo(1050);
        assertThat(HanoiDemoFigures.DISTRICT_COUNCILS_WITH_COMPLETE_LEADERSHIP).isEqualTo(30);
        assertThat(HanoiDemoFigures.DISTRICT_FULL_TIME_DELEGATES).isEqualTo(114);
        assertThat(HanoiDemoFigures.COMMUNE_COUNCILS).isEqualTo(404);
        assertThat(HanoiDemoFigures.COMMUNES).isEqualTo(383);
        assertThat(HanoiDemoFigures.TOWNSHIPS).isEqualTo(21);
        assertThat(HanoiDemoFigures.COMMUNE_DELEGATES).isEqualTo(10584);
        assertThat(HanoiDemoFigures.COMMUNE_COUNCILS_WITH_COMPLETE_LEADERSHIP).isEqualTo(404);
        assertThat(HanoiDemoFigures.COMMUNE_FULL_TIME_CHAIRS).isEqualTo(28);
        assertThat(HanoiDemoFigures.COMMUNE_FULL_TIME_VICE_CHAIRS).isEqualTo(383);
        assertThat(HanoiDemoFigures.COMMUNE_FULL_TIME_DELEGATES).isEqualTo(411);
        assertThat(HanoiDemoFigures.COUNCILS).isEqualTo(435);
        assertThat(HanoiDemoFigures.DELEGATES).isEqualTo(11729);
    }

    @Test
    void wavesAreCityThenDistrictsThenCommunes() {
        assertThat(waves).hasSize(3);
        assertThat(waves.get(0)).extracting(CouncilPlan::tier).containsExactly("PROVINCE");
        assertThat(waves.get(0).get(0).councilId()).isEqualTo("vn-hn");
        assertThat(waves.get(1)).hasSize(30).allSatisfy(p -> assertThat(p.tier()).isEqualTo("DISTRICT"));
        assertThat(waves.get(2)).hasSize(404).allSatisfy(p -> assertThat(p.tier()).isEqualTo("COMMUNE"));
        assertThat(councils).hasSize(HanoiDemoFigures.COUNCILS);
    }

    @Test
    void cityCouncilHas95Delegates() {
        ParsedCouncil city = councils.get("vn-hn");
        assertThat(city.tier).isEqualTo("PROVINCE");
        assertThat(city.parentId).isNull();
        assertThat(city.name).isEqualTo("HĐND thành phố Hà Nội");
        assertThat(city.seats).isEqualTo(95);
        assertThat(city.delegates).hasSize(95);
        assertThat(city.committeeIds).hasSize(4);
        assertThat(city.leadershipComplete()).isTrue();
    }

    @Test
    void thirtyDistrictCouncilsHave1050DelegatesAndCompleteLeadership() {
        List<ParsedCouncil> districts = tier("DISTRICT");
        assertThat(districts).hasSize(30);
        assertThat(delegates(districts)).isEqualTo(1050);
        assertThat(districts.stream().filter(ParsedCouncil::leadershipComplete).count()).isEqualTo(30);
        assertThat(districts).allSatisfy(c -> {
            assertThat(c.parentId).isEqualTo("vn-hn");
            assertThat(c.seats).isBetween(30, 40);
            assertThat(c.committeeIds).hasSize(2);
        });
        assertThat(districts.stream().filter(c -> c.name.startsWith("HĐND quận ")).count()).isEqualTo(12);
        assertThat(districts.stream().filter(c -> c.name.startsWith("HĐND thị xã ")).count()).isEqualTo(1);
        assertThat(districts.stream().filter(c -> c.name.startsWith("HĐND huyện ")).count()).isEqualTo(17);
        assertThat(districts).extracting(c -> c.id).containsExactlyElementsOf(csvColumn(0));
    }

    @Test
    void districtTierHas114FullTimeDelegates() {
        int fullTime = tier("DISTRICT").stream().mapToInt(c -> c.fullTimeDelegates().size()).sum();
        assertThat(fullTime).isEqualTo(114);
    }

    @Test
    void communeTierHas404CouncilsWith10584DelegatesUnderTheTownAndRuralDistrictsOnly() {
        List<ParsedCouncil> communes = tier("COMMUNE");
        assertThat(communes).hasSize(404);
        assertThat(delegates(communes)).isEqualTo(10584);
        assertThat(communes.stream().filter(c -> c.name.startsWith("HĐND xã ")).count()).isEqualTo(383);
        assertThat(communes.stream().filter(c -> c.name.startsWith("HĐND thị trấn ")).count()).isEqualTo(21);
        assertThat(communes.stream().filter(ParsedCouncil::leadershipComplete).count()).isEqualTo(404);

        Set<String> withCommuneCouncils = new HashSet<>();
        List<String> ids = csvColumn(0);
        List<String> flags = csvColumn(3);
        for (int i = 0; i < ids.size(); i++) {
            if (flags.get(i).equals("yes")) {
                withCommuneCouncils.add(ids.get(i));
            }
        }
        assertThat(withCommuneCouncils).hasSize(18);
        Map<String, Integer> perDistrict = new HashMap<>();
        Map<String, Integer> townshipsPerDistrict = new HashMap<>();
        for (ParsedCouncil c : communes) {
            assertThat(withCommuneCouncils).contains(c.parentId);
            assertThat(councils.get(c.parentId).tier).isEqualTo("DISTRICT");
            assertThat(c.id).startsWith(c.parentId + "-");
            assertThat(c.seats).isBetween(15, 35);
            assertThat(c.committeeIds).hasSize(2);
            perDistrict.merge(c.parentId, 1, Integer::sum);
            if (c.name.startsWith("HĐND thị trấn ")) {
                townshipsPerDistrict.merge(c.parentId, 1, Integer::sum);
            }
        }
        assertThat(perDistrict.keySet()).isEqualTo(withCommuneCouncils);
        assertThat(perDistrict.get("vn-hn-son-tay")).isBetween(1, 20);
        assertThat(townshipsPerDistrict).doesNotContainKey("vn-hn-son-tay");
        withCommuneCouncils.stream().filter(id -> !id.equals("vn-hn-son-tay")).forEach(id -> {
            assertThat(perDistrict.get(id)).as(id).isBetween(14, 35);
            assertThat(townshipsPerDistrict.get(id)).as(id).isBetween(1, 2);
        });
    }

    @Test
    void communeTierHas28FullTimeChairsAnd383FullTimeViceChairsAndNoOtherFullTimeDelegate() {
        List<ParsedCouncil> communes = tier("COMMUNE");
        assertThat(communes.stream().mapToLong(c -> c.offices("CHAIR")).sum()).isEqualTo(404);
        assertThat(communes.stream().mapToLong(c -> c.fullTimeOffices("CHAIR")).sum()).isEqualTo(28);
        assertThat(communes).allSatisfy(c -> assertThat(c.offices("VICE_CHAIR")).isEqualTo(1));
        assertThat(communes.stream().mapToLong(c -> c.fullTimeOffices("VICE_CHAIR")).sum()).isEqualTo(383);

        int fullTime = 0;
        for (ParsedCouncil c : communes) {
            Set<String> leaders = new HashSet<>();
            c.offices.stream().filter(o -> isTrue(o.get("fullTime")))
                    .forEach(o -> {
                        assertThat(o.get("office")).isIn("CHAIR", "VICE_CHAIR");
                        leaders.add((String) o.get("delegateId"));
                    });
            assertThat(c.fullTimeDelegates()).isEqualTo(leaders);
            fullTime += c.fullTimeDelegates().size();
        }
        assertThat(fullTime).isEqualTo(411);
    }

    // ---------------------------------------------------------------- validity of the plan

    @Test
    void everyCouncilSeatsExactlyItsSeatsAndGivesOfficesToDistinctDelegates() {
        assertThat(councils.values()).allSatisfy(c -> {
            assertThat(c.delegates).as(c.id).hasSize(c.seats);
            Set<String> holders = new HashSet<>();
            c.offices.forEach(o -> assertThat(holders.add((String) o.get("delegateId")))
                    .as("%s holds two offices in %s", o.get("delegateId"), c.id).isTrue());
            assertThat(c.offices("CHAIR")).isEqualTo(1);
            assertThat(c.offices("VICE_CHAIR")).isGreaterThanOrEqualTo(1);
            assertThat(c.leadershipComplete()).as(c.id).isTrue();
            // a delegate seated full-time holds a full-time office: the flags agree whichever way they are read
            c.delegates.forEach((id, body) -> {
                if (isTrue(body.get("fullTime"))) {
                    assertThat(c.offices).anySatisfy(o -> {
                        assertThat(o.get("delegateId")).isEqualTo(id);
                        assertThat(o.get("fullTime")).isEqualTo(true);
                    });
                }
            });
        });
    }

    @Test
    void idsMatchThePatternAndAreUniqueAcrossTheDataSet() {
        Set<String> all = new HashSet<>();
        for (ParsedCouncil c : councils.values()) {
            List<String> ids = new ArrayList<>();
            ids.add(c.id);
            ids.addAll(c.committeeIds);
            ids.addAll(c.delegates.keySet());
            for (String id : ids) {
                assertThat(id).matches(ID);
                assertThat(id).startsWith(c.id);
                assertThat(all.add(id)).as("id %s used twice", id).isTrue();
            }
        }
        assertThat(all).hasSize(435 + 4 + 30 * 2 + 404 * 2 + 11729);
    }

    @Test
    void communeNamesAreUniqueWithinTheirDistrict() {
        Map<String, Set<String>> names = new HashMap<>();
        for (ParsedCouncil c : tier("COMMUNE")) {
            String bare = c.name.replaceFirst("^HĐND (xã|thị trấn) ", "");
            assertThat(names.computeIfAbsent(c.parentId, k -> new HashSet<>()).add(bare))
                    .as("%s twice in %s", bare, c.parentId).isTrue();
        }
    }

    @Test
    void idempotencyKeysAreUniqueAndStable() {
        Set<String> keys = new HashSet<>();
        int requests = 0;
        for (List<CouncilPlan> wave : waves) {
            for (CouncilPlan plan : wave) {
                for (DemoRequest r : plan.requests()) {
                    requests++;
                    assertThat(r.idempotencyKey()).startsWith("demo-hanoi-2021:" + plan.councilId() + ":")
                            .hasSizeLessThanOrEqualTo(128);
                    assertThat(keys.add(r.idempotencyKey())).as("key %s used twice", r.idempotencyKey()).isTrue();
                }
            }
        }
        assertThat(keys).hasSize(requests);
    }

    @Test
    void everyStringIsNfc() {
        for (List<CouncilPlan> wave : waves) {
            for (CouncilPlan plan : wave) {
                assertNfc(plan.councilId());
                assertNfc(plan.tier());
                for (DemoRequest r : plan.requests()) {
                    assertNfc(r.path());
                    assertNfc(r.idempotencyKey());
                    r.body().forEach((field, value) -> {
                        assertNfc(field);
                        assertNfcValue(value);
                    });
                }
            }
        }
        // The check is not vacuous: a decomposed name would fail it.
        assertThat(Normalizer.isNormalized(Normalizer.normalize("Hòa", Normalizer.Form.NFD), Normalizer.Form.NFC))
                .isFalse();
    }

    private static void assertNfc(String s) {
        assertThat(Normalizer.isNormalized(s, Normalizer.Form.NFC)).as("NFC: %s", s).isTrue();
    }

    /** A string, number, boolean or null, or (in the oversight requests) a list or an object of them. */
    private static void assertNfcValue(Object value) {
        if (value instanceof String s) {
            assertNfc(s);
        } else if (value instanceof List<?> list) {
            list.forEach(HanoiDemoPlanTest::assertNfcValue);
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((field, v) -> {
                assertNfc((String) field);
                assertNfcValue(v);
            });
        } else if (value != null) {
            assertThat(value).isInstanceOfAny(Integer.class, Boolean.class);
        }
    }

    @Test
    void namesAreVietnamese() {
        ParsedCouncil city = councils.get("vn-hn");
        assertThat(city.delegates.values()).allSatisfy(d ->
                assertThat((String) d.get("fullName")).matches("\\p{Lu}\\p{L}* \\p{Lu}\\p{L}*( \\p{Lu}\\p{L}*){1,2}"));
        assertThat(tier("COMMUNE")).allSatisfy(c ->
                assertThat(c.name).matches("HĐND (xã|thị trấn) \\p{Lu}\\p{L}* \\p{Lu}\\p{L}*"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void theCityCarriesTheArticlesTwoOversightCases() {
        assertThat(councils.values()).allSatisfy(c ->
                assertThat(c.oversight.isEmpty()).as(c.id).isEqualTo(!c.id.equals("vn-hn")));
        List<DemoRequest> requests = councils.get("vn-hn").oversight;
        String landUse = HanoiOversightDemo.LAND_USE_CASE;
        String reExamination = HanoiOversightDemo.LAND_USE_RE_EXAMINATION;
        String covid = HanoiOversightDemo.COVID_CASE;

        // Every case exists before anything is said about it; recommendations before their responses and closures.
        Map<String, Set<String>> recommendations = new HashMap<>();
        Map<String, Map<String, Object>> opened = new LinkedHashMap<>();
        Set<String> statuses = new HashSet<>();
        Set<String> outcomes = new HashSet<>();
        for (DemoRequest r : requests) {
            Map<String, Object> b = r.body();
            if (r.path().equals("/api/v1/councils/vn-hn/oversight-cases")) {
                assertThat(b.keySet()).contains("id", "title", "conductedBy", "subjects", "openedOn");
                opened.put((String) b.get("id"), b);
                continue;
            }
            String[] parts = r.path().substring("/api/v1/oversight-cases/".length()).split("/");
            assertThat(opened).as("%s opened before %s", parts[0], r.path()).containsKey(parts[0]);
            switch (parts[1]) {
                case "findings" -> assertThat(b.keySet()).containsExactly("text", "recordedOn");
                case "conclusion" -> {
                    Set<String> ids = new HashSet<>();
                    for (Map<String, Object> rec : (List<Map<String, Object>>) b.get("recommendations")) {
                        assertThat(rec.keySet()).contains("id", "addressee", "action", "dueOn");
                        assertThat(LocalDate.parse((String) rec.get("dueOn")))
                                .isAfter(LocalDate.parse((String) b.get("issuedOn")));
                        ids.add((String) rec.get("id"));
                        ((List<String>) rec.getOrDefault("supersedes", List.of())).forEach(original -> {
                            assertThat(recommendations.get(landUse)).contains(original);
                            outcomes.add("SUPERSEDED");
                        });
                    }
                    ((List<Map<String, Object>>) b.getOrDefault("closes", List.of()))
                            .forEach(closure -> outcomes.add((String) closure.get("outcome")));
                    assertThat(recommendations.put(parts[0], ids)).as("one conclusion of %s", parts[0]).isNull();
                }
                case "recommendations" -> {
                    assertThat(recommendations.get(parts[0])).as(r.path()).contains(parts[2]);
                    if (parts[3].equals("responses")) {
                        statuses.add((String) b.get("status"));
                    } else {
                        assertThat(parts[3]).isEqualTo("closure");
                        outcomes.add((String) b.get("outcome"));
                    }
                }
                case "re-examinations" -> {
                    assertThat(parts[0]).isEqualTo(landUse);
                    assertThat(b.get("id")).isEqualTo(reExamination);
                    assertThat(b.get("conductedBy")).isEqualTo("STANDING_COMMITTEE");
                    assertThat(recommendations.get(landUse))
                            .containsAll((List<String>) b.get("recommendationIds"));
                    opened.put(reExamination, b);
                }
                default -> throw new AssertionError("unexpected path " + r.path());
            }
        }
        assertThat(opened.keySet()).containsExactly(landUse, reExamination, covid);
        assertThat((String) opened.get(landUse).get("title"))
                .contains("dự án sử dụng đất chậm triển khai, vi phạm Luật Đất đai");
        assertThat((String) opened.get(covid).get("title")).contains("COVID-19");
        assertThat(opened.get(covid).get("conductedBy")).isEqualTo("STANDING_COMMITTEE");
        // Recommendations in several states: responses of each kind, each outcome but withdrawal.
        assertThat(statuses).contains("IN_PROGRESS", "PARTIALLY_IMPLEMENTED", "IMPLEMENTED");
        assertThat(outcomes).contains("IMPLEMENTED", "NOT_IMPLEMENTED", "SUPERSEDED");
    }

    /**
     * The city's sessions replayed by the rules of the record: sessions numbered once, attendance of seated delegates,
     * every motion voted once within its convened session by delegates seated that day, outcomes by more than half of
     * the 95, resolution numbers in order, and amendments only of resolutions adopted before.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theCityHoldsTheFirstSessionsOfTheTermWithResolutions() {
        assertThat(councils.values()).allSatisfy(c ->
                assertThat(c.sessions.isEmpty()).as(c.id).isEqualTo(!c.id.equals("vn-hn")));
        ParsedCouncil city = councils.get("vn-hn");
        Set<Integer> numbers = new HashSet<>();
        Set<String> scheduled = new HashSet<>();
        Map<String, List<String>> present = new HashMap<>();
        Set<String> adjourned = new HashSet<>();
        Map<String, List<String>> changes = new HashMap<>();
        Set<String> voted = new HashSet<>();
        List<String> adopted = new ArrayList<>();
        boolean ballots = false;
        boolean rejectedWithMoreYesThanNo = false;
        for (DemoRequest r : city.sessions) {
            Map<String, Object> b = r.body();
            if (r.path().equals("/api/v1/councils/vn-hn/sessions")) {
                assertThat(b.keySet()).containsExactly("id", "number", "kind", "scheduledFor");
                assertThat(numbers.add((Integer) b.get("number"))).isTrue();
                assertThat((String) b.get("id")).matches(ID);
                scheduled.add((String) b.get("id"));
                continue;
            }
            String[] parts = r.path().substring("/api/v1/sessions/".length()).split("/");
            String session = parts[0];
            assertThat(scheduled).as("%s scheduled before %s", session, r.path()).contains(session);
            assertThat(adjourned).as("nothing after %s adjourned", session).doesNotContain(session);
            if (parts[1].equals("convene")) {
                List<String> here = (List<String>) b.get("presentDelegateIds");
                assertThat(city.delegates.keySet()).containsAll(here);
                assertThat(new HashSet<>(here)).hasSameSizeAs(here);
                assertThat(present.put(session, here)).isNull();
            } else if (parts[1].equals("adjournment")) {
                assertThat(present).containsKey(session);
                adjourned.add(session);
            } else if (parts.length == 2) {
                assertThat(parts[1]).isEqualTo("motions");
                assertThat(present).as("motion after convening").containsKey(session);
                List<String> changed = new ArrayList<>((List<String>) b.getOrDefault("amends", List.of()));
                changed.addAll((List<String>) b.getOrDefault("repeals", List.of()));
                assertThat(adopted).as("%s changes only earlier resolutions", b.get("id")).containsAll(changed);
                assertThat(changes.put(session + "/" + b.get("id"), changed)).isNull();
            } else {
                assertThat(parts[1] + "/" + parts[3]).isEqualTo("motions/vote");
                String motion = session + "/" + parts[2];
                assertThat(changes).as("%s tabled before its vote", motion).containsKey(motion);
                assertThat(voted.add(motion)).as("%s voted once", motion).isTrue();
                int yes;
                int no;
                int abstain;
                if (b.containsKey("ballots")) {
                    ballots = true;
                    List<Map<String, Object>> cast = (List<Map<String, Object>>) b.get("ballots");
                    assertThat(present.get(session)).containsAll(cast.stream().map(x -> (String) x.get("delegateId"))
                            .toList());
                    yes = (int) cast.stream().filter(x -> "YES".equals(x.get("choice"))).count();
                    no = (int) cast.stream().filter(x -> "NO".equals(x.get("choice"))).count();
                    abstain = cast.size() - yes - no;
                } else {
                    assertThat(b.keySet()).containsExactly("yes", "no", "abstain", "votedOn");
                    yes = (Integer) b.get("yes");
                    no = (Integer) b.get("no");
                    abstain = (Integer) b.get("abstain");
                }
                assertThat(yes + no + abstain).isLessThanOrEqualTo(present.get(session).size());
                // More than half of the 95 delegates seated on the vote date (LOLG 2015).
                if (2 * yes > 95) {
                    adopted.add("vn-hn-nq-2021-" + (adopted.size() + 1));
                } else {
                    rejectedWithMoreYesThanNo |= yes > no;
                }
            }
        }
        assertThat(numbers).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(adjourned).isEqualTo(present.keySet()).hasSize(HanoiSessionDemo.SESSIONS);
        assertThat(voted).containsExactlyInAnyOrderElementsOf(changes.keySet());
        assertThat(adopted).hasSize(HanoiSessionDemo.RESOLUTIONS_ADOPTED)
                .contains(HanoiSessionDemo.AMENDED, HanoiSessionDemo.REPEALED, HanoiSessionDemo.LAND_RESOLUTION);
        assertThat(changes.values().stream().flatMap(List::stream))
                .containsExactlyInAnyOrder(HanoiSessionDemo.AMENDED, HanoiSessionDemo.REPEALED);
        assertThat(ballots).as("one vote given as ballots").isTrue();
        assertThat(rejectedWithMoreYesThanNo).as("a motion rejected by the total, not by the votes cast").isTrue();
    }

    @Test
    void thePlanIsDeterministic() {
        assertThat(HanoiDemoPlan.build()).isEqualTo(waves);
    }

    @Test
    void requestBodiesKeepTheirFieldOrder() {
        DemoRequest first = waves.get(0).get(0).requests().get(0);
        assertThat(first.path()).isEqualTo("/api/v1/councils");
        assertThat(new ArrayList<>(first.body().keySet()))
                .containsExactly("id", "name", "tier", "parentId", "establishedOn");
        assertThat(first.body()).containsEntry("parentId", null);
        assertThat(first.idempotencyKey()).isEqualTo("demo-hanoi-2021:vn-hn:council");
    }

    private static List<String> csvColumn(int column) {
        List<String> values = new ArrayList<>();
        try (InputStream in = HanoiDemoPlanTest.class.getResourceAsStream("/demo/hanoi-2021-district-units.csv")) {
            assertThat(in).isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            reader.readLine();
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    values.add(line.split(",")[column].strip());
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return values;
    }
}
