package com.policyconsole.console.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The routes of the JAX-RS resources, found by reflection, so that matrix tests notice a new one. */
public final class ConsoleRoutes {

    private static final List<Class<? extends Annotation>> VERBS = List.of(GET.class, POST.class, PUT.class,
            DELETE.class, PATCH.class, HEAD.class, OPTIONS.class);

    private ConsoleRoutes() {
    }

    /** The routes of the console and of the sandbox it serves, as "METHOD /path". */
    public static Set<String> all() {
        Set<String> routes = new TreeSet<>();
        for (JavaClass javaClass : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.policyconsole.console", "com.policyconsole.sandbox")) {
            Class<?> type = javaClass.reflect();
            Path base = type.getAnnotation(Path.class);
            for (Method method : type.getDeclaredMethods()) {
                for (Class<? extends Annotation> verb : VERBS) {
                    if (base != null && method.isAnnotationPresent(verb)) {
                        Path sub = method.getAnnotation(Path.class);
                        routes.add(verb.getSimpleName() + " " + join(base.value(), sub == null ? "" : sub.value()));
                    }
                }
            }
        }
        return routes;
    }

    /** The console's routes that may change something: every verb but GET, HEAD and OPTIONS, the sandbox's left out. */
    public static Set<String> writes() {
        Set<String> writes = new TreeSet<>();
        for (String route : all()) {
            if (!route.startsWith("GET ") && !route.startsWith("HEAD ") && !route.startsWith("OPTIONS ")
                    && !route.contains(" /sandbox/")) {
                writes.add(route);
            }
        }
        return writes;
    }

    private static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
