package vn.hdnd.query.projection;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The projections (processing groups) a query controller reads. {@code ?minPosition=} waits for these only, so a
 * read of one view is not held up by a slower, unrelated one. A controller without it waits for every projection.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ReadsFrom {
    String[] value();
}
