package org.hwsim.core.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * After any mix of action records, power-state definitions, state changes, clock advances and
 * settles on a handful of components: the ledger's total equals the sum over its components within
 * 1e-9 relative (the class's documented guarantee), every subtree total equals the sum over the
 * paths below it by whole segments, and each component's static and dynamic energy equal an exact
 * BigDecimal reference within 1e-12 relative.
 */
class EnergyLedgerPropertyTest {

    static final List<String> PATHS = List.of("soc", "soc/cpu", "soc/cpu/core0", "soc/cpux", "soc/gpu", "phone/ufs/die0");
    static final List<String> STATES = List.of("off", "idle", "active", "turbo");

    sealed interface Op permits Advance, Define, Enter, Record, Settle {
    }

    record Advance(long ps) implements Op {
    }

    record Define(int component, int state, double powerMw) implements Op {
    }

    record Enter(int component, int state) implements Op {
    }

    record Record(int component, int action, long count, double energyPerActionPj) implements Op {
    }

    record Settle() implements Op {
    }

    @Provide
    Arbitrary<List<Op>> operations() {
        Arbitrary<Integer> component = Arbitraries.integers().between(0, PATHS.size() - 1);
        Arbitrary<Integer> state = Arbitraries.integers().between(1, STATES.size() - 1);
        Arbitrary<Op> advance = Arbitraries.longs().between(0, 10_000_000_000L).map(Advance::new);
        Arbitrary<Op> define = Combinators.combine(component, state, Arbitraries.doubles().between(0, 10_000))
                .as(Define::new);
        Arbitrary<Op> enter = Combinators.combine(component, Arbitraries.integers().between(0, STATES.size() - 1))
                .as(Enter::new);
        Arbitrary<Op> record = Combinators.combine(component, Arbitraries.integers().between(0, 2),
                Arbitraries.longs().between(0, 1_000_000), Arbitraries.doubles().between(0, 5_000)).as(Record::new);
        Arbitrary<Op> settle = Arbitraries.just(new Settle());
        return Arbitraries.frequencyOf(Tuple.of(3, advance), Tuple.of(2, define), Tuple.of(3, enter),
                Tuple.of(4, record), Tuple.of(1, settle)).list().ofMaxSize(200);
    }

    /** The exact reference of one component. */
    static final class Reference {
        final Map<Integer, BigDecimal> powerMw = new HashMap<>(Map.of(0, BigDecimal.ZERO));
        int state;
        long sincePs;
        BigDecimal staticMwPs = BigDecimal.ZERO;
        BigDecimal dynamicPj = BigDecimal.ZERO;

        void integrateTo(long nowPs) {
            staticMwPs = staticMwPs.add(powerMw.get(state).multiply(BigDecimal.valueOf(nowPs - sincePs)));
            sincePs = nowPs;
        }
    }

    @Property(tries = 300)
    void ledgerTotalEqualsTheSumOfItsParts(@ForAll("operations") List<Op> operations) {
        ManualClock clock = new ManualClock();
        EnergyLedger ledger = new EnergyLedger(clock);
        Reference[] refs = new Reference[PATHS.size()];
        for (int i = 0; i < PATHS.size(); i++) {
            ledger.component(PATHS.get(i));
            refs[i] = new Reference();
        }
        for (Op op : operations) {
            if (op instanceof Advance a) {
                clock.advance(a.ps());
            } else if (op instanceof Define d) {
                Reference r = refs[d.component()];
                if (r.state == d.state()) {
                    r.integrateTo(clock.getAsLong());
                }
                r.powerMw.put(d.state(), new BigDecimal(d.powerMw()));
                ledger.component(PATHS.get(d.component())).definePowerState(STATES.get(d.state()), d.powerMw());
            } else if (op instanceof Enter e && refs[e.component()].powerMw.containsKey(e.state())) {
                Reference r = refs[e.component()];
                r.integrateTo(clock.getAsLong());
                r.state = e.state();
                ledger.component(PATHS.get(e.component())).enterPowerState(STATES.get(e.state()));
            } else if (op instanceof Record rec) {
                EnergyComponent c = ledger.component(PATHS.get(rec.component()));
                int id = c.defineAction("action" + rec.action(), rec.energyPerActionPj());
                c.record(id, rec.count());
                refs[rec.component()].dynamicPj = refs[rec.component()].dynamicPj
                        .add(new BigDecimal(rec.count() * rec.energyPerActionPj()));
            } else if (op instanceof Settle) {
                ledger.settle();
                for (Reference r : refs) {
                    r.integrateTo(clock.getAsLong());
                }
            }
        }
        ledger.settle();
        for (Reference r : refs) {
            r.integrateTo(clock.getAsLong());
        }

        double sum = 0;
        for (EnergyComponent c : ledger.components().values()) {
            sum += c.totalPj();
        }
        assertClose(sum, ledger.totalPj(), 1e-9, "ledger total vs sum of components");
        assertClose(sum, ledger.subtreePj(""), 1e-9, "subtree \"\"");
        for (String prefix : List.of("soc", "soc/cpu", "soc/cpux", "phone", "phone/ufs", "so")) {
            double expected = 0;
            for (String p : PATHS) {
                if (p.equals(prefix) || p.startsWith(prefix + "/")) {
                    expected += ledger.component(p).totalPj();
                }
            }
            assertClose(expected, ledger.subtreePj(prefix), 1e-9, "subtree " + prefix);
        }
        for (int i = 0; i < PATHS.size(); i++) {
            EnergyComponent c = ledger.component(PATHS.get(i));
            double staticPj = refs[i].staticMwPs.multiply(new BigDecimal("0.001")).doubleValue();
            // each charged product (count x energy, P x dt) is rounded once; their sums are compared
            assertClose(staticPj, c.staticPj(), 1e-12, PATHS.get(i) + " static");
            assertClose(refs[i].dynamicPj.doubleValue(), c.dynamicPj(), 1e-12, PATHS.get(i) + " dynamic");
        }
    }

    private static void assertClose(double expected, double actual, double rel, String what) {
        assertEquals(expected, actual, Math.abs(expected) * rel, what);
    }
}
