package vn.hdnd.server.demo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Synthetic Vietnamese names for the demo data set (people and communes), NFC normalisation and ASCII folding for ids.
 * Every name is made up from common syllables; any match with a real person is a coincidence.
 */
final class DemoNames {

    private DemoNames() {
    }

    /** Common family names, each repeated by its rough weight in the population (Nguyễn by far the most frequent). */
    private static final String[] FAMILY = weighted(
            "Nguyễn", 30, "Trần", 9, "Lê", 8, "Phạm", 6, "Hoàng", 4, "Vũ", 4, "Phan", 3, "Đặng", 2, "Bùi", 2, "Đỗ", 2,
            "Hồ", 1, "Ngô", 2, "Dương", 1, "Lý", 1, "Đinh", 1, "Đào", 1, "Trịnh", 1, "Tạ", 1, "Khuất", 1, "Kiều", 1,
            "Nghiêm", 1, "Lưu", 1, "Mai", 1, "Cao", 1);

    private static final String[] MALE_MIDDLE = {
            "Văn", "Văn", "Văn", "Hữu", "Đức", "Minh", "Quang", "Xuân", "Mạnh", "Ngọc", "Thanh", "Công", "Trọng",
            "Đình", "Tiến", "Anh", "Duy", "Quốc", "Việt"};
    private static final String[] MALE_GIVEN = {
            "Anh", "Bình", "Cường", "Dũng", "Đạt", "Hải", "Hiếu", "Hòa", "Hùng", "Huy", "Khánh", "Kiên", "Long",
            "Minh", "Nam", "Phong", "Quân", "Sơn", "Tâm", "Thắng", "Thành", "Toàn", "Trung", "Tuấn", "Tùng", "Việt",
            "Vinh", "Chiến", "Hưng", "Lâm", "Nghĩa", "Thịnh", "Hoàng", "Đông", "Giang", "Hiệp", "Lợi", "Phúc",
            "Quý", "Thái", "Trường", "Tuyên", "Vượng", "Bảo", "Chính", "Định", "Khải", "Luân"};
    private static final String[] FEMALE_MIDDLE = {
            "Thị", "Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Minh", "Kim", "Hồng", "Phương", "Thúy", "Mai",
            "Bích", "Diệu", "Hải", "Lan"};
    private static final String[] FEMALE_GIVEN = {
            "Anh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hiền", "Hoa", "Huyền", "Hương", "Lan", "Liên",
            "Linh", "Loan", "Mai", "Nga", "Ngân", "Nhung", "Oanh", "Phương", "Quyên", "Tâm", "Thảo", "Thủy", "Trang",
            "Vân", "Yến", "Hồng", "Hoa", "Lý", "Nhàn", "Thơ", "Tuyết", "Xuân", "Hậu", "Thu", "Dịu"};
    /** Second middle names of four-syllable female names such as Nguyễn Thị Thu Hà. */
    private static final String[] FEMALE_SECOND_MIDDLE = {"Thu", "Thanh", "Minh", "Kim", "Hồng", "Bích", "Ngọc"};

    /** First syllables of place names. */
    private static final String[] PLACE_FIRST = {
            "Phú", "Tân", "Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ", "Trung", "Vân", "Kim", "Hồng", "Thanh", "Minh",
            "Xuân", "Hòa", "Đại", "Cao", "Liên", "Phúc", "Thụy", "Tiên", "Quảng", "Hương", "Yên", "Đồng", "Vĩnh",
            "Long", "Hiệp", "Bình", "An", "Cẩm", "Ngọc", "Hoàng", "Lam", "Thạch", "Mỹ", "Phương", "Văn", "Tam",
            "Tích", "Cổ", "Sài", "Chu", "Lại", "Hữu", "Khánh", "Quang", "Tản", "Ninh", "Trường", "Kiêu", "Thái"};
    /** Second syllables of place names. */
    private static final String[] PLACE_SECOND = {
            "Hòa", "Sơn", "Lâm", "Phong", "Tiến", "Mỹ", "Lộc", "Thịnh", "Xá", "Đình", "Quang", "Hưng", "Lợi", "Hà",
            "Châu", "Phú", "Yên", "Thành", "Lĩnh", "Nghĩa", "Đức", "Trung", "Khê", "Cường", "Hải", "Tân", "Dương",
            "Động", "Viên", "Bình", "Thái", "Lạc", "Điền", "Trạch", "Phương", "Mai", "Đông", "Thượng", "Hồng",
            "Xuyên", "Đằng", "Lương", "Hiền", "Lập", "Hội", "Tín", "Khánh", "Minh", "Vinh"};

    static String nfc(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    /**
     * Folds a Vietnamese text to an id fragment: strips the diacritics, đ to d, lower case, every run of other
     * characters to one hyphen ("Thị trấn Tây Đằng" to {@code thi-tran-tay-dang}).
     */
    static String fold(String s) {
        String stripped = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "")
                .replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT);
        return stripped.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    }

    /** A person's full name, in NFC; about one in three is a woman's name. */
    static String personName(Random rnd) {
        String family = pick(FAMILY, rnd);
        String name;
        if (rnd.nextInt(100) < 32) {
            String middle = pick(FEMALE_MIDDLE, rnd);
            String given = pick(FEMALE_GIVEN, rnd);
            while (given.equals(middle)) {
                given = pick(FEMALE_GIVEN, rnd);
            }
            if (middle.equals("Thị") && rnd.nextInt(100) < 20) {
                String second = pick(FEMALE_SECOND_MIDDLE, rnd);
                name = second.equals(given) ? family + " Thị " + given : family + " Thị " + second + " " + given;
            } else {
                name = family + " " + middle + " " + given;
            }
        } else {
            String middle = pick(MALE_MIDDLE, rnd);
            String given = pick(MALE_GIVEN, rnd);
            while (given.equals(middle)) {
                given = pick(MALE_GIVEN, rnd);
            }
            name = family + " " + middle + " " + given;
        }
        return nfc(name);
    }

    /** A two-syllable place name such as "Phú Hòa", in NFC. */
    static String placeName(Random rnd) {
        String first = pick(PLACE_FIRST, rnd);
        String second = pick(PLACE_SECOND, rnd);
        while (fold(second).equals(fold(first))) {
            second = pick(PLACE_SECOND, rnd);
        }
        return nfc(first + " " + second);
    }

    private static String pick(String[] choices, Random rnd) {
        return choices[rnd.nextInt(choices.length)];
    }

    private static String[] weighted(Object... nameAndWeight) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nameAndWeight.length; i += 2) {
            for (int w = 0; w < (Integer) nameAndWeight[i + 1]; w++) {
                out.add((String) nameAndWeight[i]);
            }
        }
        return out.toArray(String[]::new);
    }
}
