package vn.hdnd.command.dispatch;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.text.Normalizer;

/**
 * Text that is stored in NFC fits {@link #max()} characters once normalized. {@code @Size} alone is not enough: NFC
 * may lengthen a text (up to three times: U+FB2C becomes three characters), and a read model's column that cannot
 * hold the normalized text would stop its projection.
 */
@Documented
@Constraint(validatedBy = NfcSize.Validator.class)
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface NfcSize {
    int max();

    String message() default "must be at most {max} characters once normalized (NFC)";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<NfcSize, String> {
        private int max;

        @Override
        public void initialize(NfcSize constraint) {
            max = constraint.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Normalizer.normalize(value, Normalizer.Form.NFC).length() <= max;
        }
    }
}
