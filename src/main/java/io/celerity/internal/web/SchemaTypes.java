package io.celerity.internal.web;

import io.celerity.internal.message.DeploymentMessage;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.UndeclaredThrowableException;

/**
 * Makes a schema of one type with whichever MicroProfile OpenAPI the server has: 3.x (Payara) sets it with
 * {@code type(SchemaType)}, 4.x (WildFly) with {@code addType(SchemaType)}, and neither has the other's method.
 */
final class SchemaTypes {

    private static final MethodHandle SET_TYPE = setter();

    private SchemaTypes() {
    }

    static Schema of(SchemaType type) {
        try {
            return (Schema) SET_TYPE.invoke(OASFactory.createSchema(), type);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new UndeclaredThrowableException(e);
        }
    }

    private static MethodHandle setter() {
        MethodHandles.Lookup lookup = MethodHandles.publicLookup();
        MethodType type = MethodType.methodType(Schema.class, SchemaType.class);
        try {
            return lookup.findVirtual(Schema.class, "addType", type);
        } catch (NoSuchMethodException | IllegalAccessException e) {
            try {
                return lookup.findVirtual(Schema.class, "type", type);
            } catch (NoSuchMethodException | IllegalAccessException again) {
                throw new IllegalStateException(DeploymentMessage.NO_SCHEMA_TYPE_SETTER.format(again), again);
            }
        }
    }
}
