package org.hwsim.core.config;

import java.util.List;

/** A test record nesting a list of {@link AdcSpec}s, to check field paths with indices. */
record AdcBank(String name, List<AdcSpec> adcs) {
    AdcBank {
        adcs = List.copyOf(adcs);
    }
}
