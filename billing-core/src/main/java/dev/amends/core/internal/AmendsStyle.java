package dev.amends.core.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.immutables.value.Value;
import org.immutables.value.Value.Style.BuilderVisibility;
import org.immutables.value.Value.Style.ImplementationVisibility;

/**
 * The project's Immutables style: generated {@code ImmutableX} classes and their builders stay
 * package-private and the hand-written abstract type carries the API and its Javadoc; no
 * {@code get} prefixes; JDK collections only. Not part of the public API.
 *
 * <p>Because the generated builder is package-private, Javadoc documents its public setters as
 * members of the public {@code X.Builder} subclass, with the generated descriptions (run Javadoc
 * after {@code compile}, so the generated sources are on its source path).
 *
 * <p>Generated builders report bad input as {@link dev.amends.core.InvalidInputException}: a
 * null given to any generated method raises {@link NullAttributeException} (for example
 * {@code account.id is required: null}) and {@code build()} with required attributes unset
 * raises {@link MissingAttributesException} naming all of them (for example
 * {@code account.id, account.zone are required: not set}). The hand-written {@code Builder}
 * subclasses need no {@code try}/{@code catch} of their own.
 */
@Target({ElementType.PACKAGE, ElementType.TYPE})
@Retention(RetentionPolicy.CLASS)
@Value.Style(
    visibility = ImplementationVisibility.PACKAGE,
    builderVisibility = BuilderVisibility.PACKAGE,
    overshadowImplementation = true,
    jdkOnly = true,
    throwForNullPointer = NullAttributeException.class,
    throwForInvalidImmutableState = MissingAttributesException.class,
    defaults = @Value.Immutable(copy = true))
public @interface AmendsStyle {}
