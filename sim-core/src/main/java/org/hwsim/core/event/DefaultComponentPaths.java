package org.hwsim.core.event;

/**
 * The default {@link EventHandler#componentPath()}: the handler's class name, stripped of what the
 * JVM adds to the names of hidden classes (lambdas, method references). On JDK 17 a lambda's class
 * is named like {@code Outer$$Lambda$14/0x0000000800c0b000}: the counter depends on how many lambdas
 * the JVM spun before, the address changes from run to run, and both would otherwise enter the
 * history hash. Computed once per class, so firing an event allocates nothing.
 */
final class DefaultComponentPaths {
    private static final String LAMBDA = "$$Lambda";

    private static final ClassValue<String> PATHS = new ClassValue<>() {
        @Override
        protected String computeValue(Class<?> type) {
            return stableName(type);
        }
    };

    private DefaultComponentPaths() {
    }

    static String of(Class<?> type) {
        return PATHS.get(type);
    }

    /** {@code Outer$$Lambda$14/0x0000000800c0b000} -> {@code Outer$$Lambda}; other classes keep their name. */
    static String stableName(Class<?> type) {
        String name = type.getName();
        if (!type.isHidden()) {
            return name;
        }
        int slash = name.indexOf('/');
        if (slash >= 0) {
            name = name.substring(0, slash);
        }
        int lambda = name.lastIndexOf(LAMBDA);
        return lambda >= 0 ? name.substring(0, lambda + LAMBDA.length()) : name;
    }
}
