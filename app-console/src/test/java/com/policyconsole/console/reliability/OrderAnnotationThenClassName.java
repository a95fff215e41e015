package com.policyconsole.console.reliability;

import java.util.Comparator;
import org.junit.jupiter.api.ClassDescriptor;
import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;
import org.junit.jupiter.api.Order;

/**
 * Orders test classes by {@link Order} (a class without it counts as {@link Order#DEFAULT}), then by fully
 * qualified name, which is Quarkus's own order. Set as Quarkus's secondary orderer
 * ({@code junit.quarkus.orderer.secondary-orderer} in application.properties), it orders the classes within each
 * group of tests that share one application start, so the groups — and the reuse of a started application — stay
 * as they are, while {@code @Order(Integer.MAX_VALUE)} puts {@link SecretsLeakTest} after every other
 * {@code @QuarkusTest}.
 */
public class OrderAnnotationThenClassName implements ClassOrderer {

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(OrderAnnotationThenClassName::order)
                .thenComparing(descriptor -> descriptor.getTestClass().getName()));
    }

    private static int order(ClassDescriptor descriptor) {
        return descriptor.findAnnotation(Order.class).map(Order::value).orElse(Order.DEFAULT);
    }
}
