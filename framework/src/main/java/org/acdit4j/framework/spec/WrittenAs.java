package org.acdit4j.framework.spec;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The text of an enum constant whose name cannot say it ({@code 1d}, {@code dpm-solver++}): {@link EnumTexts#text}
 * writes the annotated constant this way instead of its name in lower case.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.FIELD)
public @interface WrittenAs {

    String value();
}
