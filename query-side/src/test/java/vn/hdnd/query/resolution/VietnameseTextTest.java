package vn.hdnd.query.resolution;

import org.junit.jupiter.api.Test;

import java.text.Normalizer;

import static org.assertj.core.api.Assertions.assertThat;

/** Folding for search: case and diacritics away, đ to d, NFC and NFD alike; lower case keeps the diacritics. */
class VietnameseTextTest {

    @Test
    void foldsCaseAndDiacritics() {
        assertThat(VietnameseText.fold("Nghị quyết về quản lý Đất Đai")).isEqualTo("nghi quyet ve quan ly dat dai");
        assertThat(VietnameseText.fold("Ưu tiên ĐƯỜNG Ống")).isEqualTo("uu tien duong ong");
    }

    @Test
    void foldsDecomposedInputLikeComposedInput() {
        String nfd = Normalizer.normalize("đất đai Hà Nội", Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo("đất đai Hà Nội");
        assertThat(VietnameseText.fold(nfd)).isEqualTo(VietnameseText.fold("đất đai Hà Nội"));
        assertThat(VietnameseText.lower(nfd)).isEqualTo("đất đai hà nội");
    }

    @Test
    void lowerCaseKeepsWhatWasTyped() {
        assertThat(VietnameseText.lower("ĐƯỜNG")).isEqualTo("đường");
        assertThat(VietnameseText.lower("Dương")).isNotEqualTo(VietnameseText.lower("Đường"));
        assertThat(VietnameseText.fold("Dương")).isEqualTo(VietnameseText.fold("Đường"));
    }

    @Test
    void splitsWordsOnAnythingButLettersAndDigits() {
        assertThat(VietnameseText.words("  12/2021/NQ-HĐND,  đất   đai! ")).containsExactly("12", "2021", "nq", "hđnd",
                "đất", "đai");
        assertThat(VietnameseText.words(Normalizer.normalize("quyết định", Normalizer.Form.NFD)))
                .containsExactly("quyết", "định");
        assertThat(VietnameseText.words("%_")).isEmpty();
    }
}
