package org.hwsim.pim.accel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hwsim.core.config.ConfigException;
import org.hwsim.core.config.ConfigReader;
import org.hwsim.core.event.Simulator;
import org.hwsim.core.workload.NetworkZoo;
import org.hwsim.pim.cost.PimCostTable;
import org.hwsim.pim.scheme.Decomposition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The configuration and the action table: the shipped defaults (ISAAC, Shafiee et al., ISCA 2016,
 * Table 6), partial overrides, ADC energy by resolution (Walden and Schreier figures of merit,
 * Murmann's survey), and bad input failing with the field and the value.
 */
class PimAcceleratorConfigTest {

    private static PimAcceleratorConfig yaml(String text) {
        return ConfigReader.readString(text, "accel.yaml", PimAcceleratorConfig.class);
    }

    @Test
    void defaultsAreTheIsaacLikeChip() {
        PimAcceleratorConfig d = PimAcceleratorConfig.defaults();
        assertEquals(128, d.tile().rows());
        assertEquals(128, d.tile().cols());
        assertEquals(Decomposition.BIT_SERIAL, d.tile().scheme());
        assertEquals(4, d.tile().slices());
        assertEquals(4032, d.chipTiles());           // 168 tiles x 12 IMAs x 8 arrays / 4 arrays per tile
        assertEquals(4, d.adcsPerTile());            // 512 columns / 128 per ADC
        assertEquals(OverflowPolicy.ERROR, d.overflow());
        PimActionTable a = d.actions();
        // ISAAC: an 8-bit ADC at 2 mW and 1.28 GS/s spends 1.5625 pJ per conversion (0.1 % for 6.1 fJ)
        assertEquals(2e-3 / 1.28e9 * 1e12, a.adcConvertPj(8), 1.6e-3);
        // ISAAC: 128 conversions of one ADC fill a 100 ns read cycle
        assertEquals(100.0, 128 * a.value("adc", "convertNs"), 1e-12);
        // ISAAC: 4 mW for 1,024 1-bit DACs over a 100 ns cycle
        assertEquals(4e-3 / 1024 * 100e-9 * 1e12, a.dacDrivePj(1), 1e-3);
        // ISAAC: 0.3 mW per 128 x 128 array over 100 ns
        assertEquals(0.3e-3 * 100e-9 * 1e12 / 16384, a.value("array", "cellReadPj"), 1e-6);
    }

    /** Walden region: doubles per bit; Schreier region (14 bits, 180 dB): quadruples per bit. */
    @Test
    void theTileCostTableUsesTheSameIsaacFigures() {
        // One set of published figures: `pim mvm` (PimCostTable) and the accelerator (the action
        // table's YAML, each figure cited there) must not drift apart.
        PimCostTable c = PimCostTable.defaults();
        PimActionTable a = PimActionTable.defaults();
        assertEquals(a.value("adc", "waldenFomFjPerStep"), c.adcWaldenFomFjPerStep(), 0);
        assertEquals(a.value("adc", "schreierFomDb"), c.adcSchreierFomDb(), 0);
        assertEquals(a.value("adc", "convertNs"), c.adcConversionNs(), 0);
        assertEquals(a.value("dac", "drivePj"), c.dacActivationPj(), 0);
        assertEquals(a.value("array", "cellReadPj"), c.cellReadPj(), 0);
        assertEquals(a.value("array", "readNs"), c.readNs(), 0);
        assertEquals(a.value("shiftAdd", "accumulatePj"), c.shiftAddPj(), 0);
        assertEquals(PimAcceleratorConfig.defaults().columnsPerAdc(), c.columnsPerAdc());
        for (int bits = 1; bits <= 16; bits++) {
            assertEquals(a.adcConvertPj(bits), c.adcConversionPj(bits), 0, "bits " + bits);
        }
    }

    @Test
    void adcEnergyScalesWithResolution() {
        PimActionTable a = PimActionTable.defaults();
        for (int bits = 1; bits <= 12; bits++) {
            assertEquals(6.1e-3 * Math.pow(2, bits), a.adcConvertPj(bits), 1e-12, "bits " + bits);
        }
        double sndr = 6.02 * 14 + 1.76;
        assertEquals(0.5 * Math.pow(10, (sndr - 180) / 10) * 1e12, a.adcConvertPj(14), 1e-9);
        assertEquals(4.0, a.adcConvertPj(16) / a.adcConvertPj(15), 0.01);
        double e4 = PimAccelerator.create(PimAcceleratorConfig.defaults().withAdcBits(4), "pim")
                .run(Simulator.create(1), NetworkZoo.resnet20Cifar()).energyByComponentPj().get("adc");
        double e8 = PimAccelerator.create(PimAcceleratorConfig.defaults(), "pim")
                .run(Simulator.create(1), NetworkZoo.resnet20Cifar()).energyByComponentPj().get("adc");
        assertEquals(16.0, e8 / e4, 1e-9);
    }

    @Test
    void aFileOverridesOnlyTheFieldsItNames() {
        PimAcceleratorConfig c = yaml("""
                tile: {rows: 256, cols: 64, scheme: differential, weightBits: 4, dac: {bits: 6, signed: false}, adc: {bits: 5}}
                columnsPerAdc: 32
                zeroPlaneProbability: 0.25
                actions: {components: {adc: {waldenFomFjPerStep: 3.0}, buffer: {readPj: 5}}}
                """);
        assertEquals(256, c.tile().rows());
        assertEquals(Decomposition.DIFFERENTIAL, c.tile().scheme());
        assertEquals(4032, c.chipTiles());
        assertEquals(32, c.columnsPerAdc());
        assertEquals(3.0, c.actions().value("adc", "waldenFomFjPerStep"));
        assertEquals(5.0, c.actions().value("buffer", "readPj"));
        assertEquals(20.45, c.actions().value("buffer", "writePj"));
        assertEquals(180.0, c.actions().value("adc", "schreierFomDb"));
    }

    @Test
    void theShippedExampleConfigIsTheDefaults() {
        PimAcceleratorConfig example = ConfigReader.readResource("/org/hwsim/pim/accel/pim-accelerator.yaml",
                PimAcceleratorConfig.class);
        assertEquals(PimAcceleratorConfig.defaults(), example);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "columnsPerAdc: 0|columnsPerAdc|0",
        "columnsPerAdc: -3|columnsPerAdc|-3",
        "chipTiles: 0|chipTiles|0",
        "tile: {rows: 128, cols: 128, scheme: crossbar-magic}|scheme|crossbar-magic",
        "tile: {rows: 128, cols: 128, adc: {bits: 17}}|adc.bits|17",
        "tile: {rows: 128, cols: 128, adc: {bits: 0}}|tile.adc.bits|0",
        "tile: {rows: 128, cols: 128, dac: {bits: 0}}|dac.bits|0",
        "tile: {rows: 0, cols: 128}|rows|0",
        "overflow: spill|overflow|spill",
        "zeroPlaneProbability: 1.5|zeroPlaneProbability|1.5",
        "psumBits: 0|psumBits|0",
        "actions: {components: {adc: {convertNs: -1}}}|actions.components.adc.convertNs|-1",
        "actions: {components: {adc: {bits: 8}}}|actions.components.adc.bits|adc has",
        "actions: {components: {flux: {capacitor: 1}}}|flux|known",
        "actions: {components: {buffer: {wordBytes: 0.5}}}|actions.components.buffer.wordBytes|0.5",
        "adcBits: 8|adcBits|accel.yaml",
    })
    void badConfigNamesTheFieldAndTheValue(String text, String field, String value) {
        ConfigException e = assertThrows(ConfigException.class, () -> yaml(text));
        assertTrue(e.getMessage().contains(field) && e.getMessage().contains(value), e.getMessage());
        assertTrue(e.getMessage().startsWith("accel.yaml"), e.getMessage());
    }

    @Test
    void badValuesInCodeNameTheFieldToo() {
        PimAcceleratorConfig d = PimAcceleratorConfig.defaults();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> d.withColumnsPerAdc(0));
        assertEquals("columnsPerAdc must be >= 1: 0", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> d.withAdcBits(23));
        assertTrue(e.getMessage().contains("adc.bits") && e.getMessage().contains("23"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Decomposition.fromId("analog-magic"));
        assertTrue(e.getMessage().contains("scheme") && e.getMessage().contains("analog-magic"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> PimActionTable.defaults().with("interconnect", "routerPj", Double.NaN));
        assertTrue(e.getMessage().contains("actions.components.interconnect.routerPj") && e.getMessage().contains("NaN"),
                e.getMessage());
    }
}
