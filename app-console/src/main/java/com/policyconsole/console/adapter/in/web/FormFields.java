package com.policyconsole.console.adapter.in.web;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The fields of a form bean read from its {@link RestForm} annotations, so that each form names a field once: the
 * annotation is both what is read from the request and what the preview page carries on as hidden inputs.
 */
public final class FormFields {

    /** Form fields that are a choice made on the preview page itself, never carried through it. */
    private static final List<String> NOT_CARRIED = List.of("acknowledge");

    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> fields = type.getSuperclass() == null ? new ArrayList<>()
                    : new ArrayList<>(computeValue(type.getSuperclass()));
            for (Field field : type.getDeclaredFields()) {
                RestForm form = field.getAnnotation(RestForm.class);
                if (form != null && Modifier.isPublic(field.getModifiers()) && !NOT_CARRIED.contains(form.value())) {
                    fields.add(field);
                }
            }
            return List.copyOf(fields);
        }
    };

    private FormFields() {
    }

    /**
     * Every filled-in field of {@code form} in declaration order (a superclass's first): a text field when it is not empty, a list field once
     * per value that is not blank.
     */
    public static List<FormField> of(Object form) {
        List<FormField> out = new ArrayList<>();
        for (Field field : FIELDS.get(form.getClass())) {
            String name = field.getAnnotation(RestForm.class).value();
            Object value;
            try {
                value = field.get(form);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException("form field " + name + " cannot be read", e);
            }
            if (value instanceof String text && !text.isEmpty()) {
                out.add(new FormField(name, text));
            } else if (value instanceof List<?> values) {
                values.stream().filter(v -> v instanceof String s && !s.isBlank())
                        .forEach(v -> out.add(new FormField(name, (String) v)));
            }
        }
        return out;
    }
}
