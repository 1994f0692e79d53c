package vn.hdnd.server.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One district-tier unit of Hanoi in 2021, as listed in {@value #RESOURCE} (columns {@code id,name,kind,commune_councils}).
 *
 * @param id              the council id, e.g. {@code vn-hn-ba-dinh}
 * @param name            the unit's name with its kind, e.g. {@code Quận Ba Đình}
 * @param kind            {@code URBAN_DISTRICT}, {@code TOWN} or {@code RURAL_DISTRICT}
 * @param communeCouncils whether its commune-tier units (communes, townships) have councils
 */
record DistrictUnit(String id, String name, String kind, boolean communeCouncils) {

    static final String RESOURCE = "/demo/hanoi-2021-district-units.csv";

    /** The unit's kind as it stands before its name in running text: quận, thị xã, huyện. */
    String kindWord() {
        return switch (kind) {
            case "URBAN_DISTRICT" -> "quận";
            case "TOWN" -> "thị xã";
            case "RURAL_DISTRICT" -> "huyện";
            default -> throw new IllegalStateException("unknown kind " + kind + " of " + id);
        };
    }

    /** The name without its kind: {@code Ba Đình}. */
    String bareName() {
        String prefix = kindWord();
        if (!name.regionMatches(true, 0, prefix, 0, prefix.length()) || name.length() <= prefix.length() + 1) {
            throw new IllegalStateException("name " + name + " of " + id + " does not start with " + prefix);
        }
        return name.substring(prefix.length() + 1);
    }

    /** The units in file order. */
    static List<DistrictUnit> load() {
        InputStream in = DistrictUnit.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + RESOURCE);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<DistrictUnit> units = new ArrayList<>();
            String header = reader.readLine();
            if (header == null || !header.replace("\uFEFF", "").strip().equals("id,name,kind,commune_councils")) {
                throw new IllegalStateException("unexpected header in " + RESOURCE + ": " + header);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.strip().split(",", -1);
                if (cells.length != 4) {
                    throw new IllegalStateException("expected 4 cells in " + RESOURCE + ": " + line);
                }
                String flag = cells[3].strip();
                if (!flag.equals("yes") && !flag.equals("no")) {
                    throw new IllegalStateException("commune_councils must be yes or no: " + line);
                }
                units.add(new DistrictUnit(cells[0].strip(), DemoNames.nfc(cells[1].strip()), cells[2].strip(),
                        flag.equals("yes")));
            }
            return units;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
