package org.hwsim.core.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.function.LongSupplier;
import org.junit.jupiter.api.Test;

/**
 * The default {@link EventHandler#componentPath()} feeds {@link Simulator#historyHash()}, so it must
 * not depend on anything but the program: not on how many lambdas the JVM spun before, nor on the
 * address where it put a hidden class (which changes from run to run with address-space layout
 * randomisation). Otherwise the same seed gives a different hash in every process whenever a
 * handler is a lambda or a method reference.
 */
class HandlerPathStabilityTest {

    /** Loads {@link LambdaWorkload} (and its nested classes) itself, everything else from the parent. */
    static final class IsolatingClassLoader extends ClassLoader {
        IsolatingClassLoader() {
            super(HandlerPathStabilityTest.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith(LambdaWorkload.class.getName())) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        byte[] bytes = in.readAllBytes();
                        c = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return c;
            }
        }
    }

    private static long runIn(ClassLoader loader) throws ReflectiveOperationException {
        Class<?> workload = Class.forName(LambdaWorkload.class.getName(), true, loader);
        return ((LongSupplier) workload.getDeclaredConstructor().newInstance()).getAsLong();
    }

    @Test
    void historyHashOfLambdaHandlersDoesNotDependOnClassLoadingHistory() throws Exception {
        ClassLoader first = new IsolatingClassLoader();
        ClassLoader second = new IsolatingClassLoader();
        assertNotSame(Class.forName(LambdaWorkload.class.getName(), false, first),
                Class.forName(LambdaWorkload.class.getName(), false, second), "premise: two separate copies");
        long expected = new LambdaWorkload().getAsLong();
        assertEquals(expected, runIn(first));
        assertEquals(expected, runIn(second));
    }

    @Test
    void defaultPathOfALambdaIsItsDeclaringClassWithoutHiddenClassSuffixes() {
        EventHandler lambda = arg -> { };
        EventHandler methodRef = this::ignore;
        String expected = HandlerPathStabilityTest.class.getName() + "$$Lambda";
        assertEquals(expected, lambda.componentPath());
        assertEquals(expected, methodRef.componentPath());
        assertTrue(lambda.getClass().getName().startsWith(expected), "premise: " + lambda.getClass().getName());
    }

    @Test
    void defaultPathOfOrdinaryClassesIsTheClassName() {
        EventHandler anonymous = new EventHandler() {
            @Override
            public void handle(long arg) {
            }
        };
        assertEquals(anonymous.getClass().getName(), anonymous.componentPath());
        assertEquals(SimulatorTest.Once.class.getName(), new SimulatorTest.Once().componentPath());
    }

    private void ignore(long arg) {
    }
}
