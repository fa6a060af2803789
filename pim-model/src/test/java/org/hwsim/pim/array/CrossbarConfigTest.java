package org.hwsim.pim.array;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.hwsim.core.config.ConfigException;
import org.hwsim.core.config.ConfigReader;
import org.hwsim.core.random.RandomStreams;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.AdcRangeMode;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.device.CellConfig;
import org.hwsim.pim.device.ReadNoiseMode;
import org.hwsim.pim.scheme.Decomposition;
import org.junit.jupiter.api.Test;

/** Configs read from YAML with their defaults, and bad input failing with the field and the value. */
class CrossbarConfigTest {
    @Test
    void readsAFullConfigFromYaml() {
        String yaml = """
                rows: 128
                cols: 64
                scheme: differential-bit-serial
                weightBits: 8
                cellBits: 2
                cell: {gMinUs: 0.5, gMaxUs: 25}
                dac: {bits: 6, signed: false}
                adc:
                  bits: 7
                  rangeMode: learned
                  range: 900
                  gainError: 0.01
                  inlCoefficients: [0.02]
                  thermalNoise: {capacitanceF: 1.0e-13}
                  variation: {gainSigma: 0.01}
                device: {readNoise: 0.02, readNoiseMode: state-independent, stuckOffRate: 0.001}
                """;
        CrossbarConfig c = ConfigReader.readString(yaml, "tile.yaml", CrossbarConfig.class);
        assertEquals(Decomposition.DIFFERENTIAL_BIT_SERIAL, c.scheme());
        assertEquals(4, c.slices());
        assertEquals(8, c.convertedArrays());
        assertEquals(6, c.inputSteps());
        assertEquals(AdcRangeMode.LEARNED, c.adc().rangeMode());
        assertEquals(ReadNoiseMode.STATE_INDEPENDENT, c.device().readNoiseMode());
        assertEquals(0.5, c.cell().gMinUs());
        assertTrue(!c.bipolarColumns(), "unsigned bit-planes on separate columns never go negative");
    }

    @Test
    void defaultsFillAbsentFieldsAndIdealIsAnAdcBitsValue() {
        CrossbarConfig c = ConfigReader.readString("{rows: 4, cols: 3, adc: {bits: ideal}}", "t", CrossbarConfig.class);
        assertEquals(Decomposition.NATIVE, c.scheme());
        assertEquals(8, c.weightBits());
        assertTrue(c.adc().isIdeal());
        assertEquals(DacConfig.signed(8), c.dac());
    }

    private static String error(String yaml) {
        return assertThrows(ConfigException.class, () -> ConfigReader.readString(yaml, "tile.yaml",
                CrossbarConfig.class)).getMessage();
    }

    @Test
    void badConfigsNameTheFieldAndTheValue() {
        String m = error("{rows: 4, cols: 3, scheme: analog-magic}");
        assertTrue(m.contains("scheme") && m.contains("analog-magic") && m.contains("bit-serial"), m);
        m = error("{rows: 4, cols: 3, adc: {bits: 17}}");
        assertTrue(m.contains("adc.bits") && m.contains("17"), m);
        m = error("{rows: 4, cols: 3, dac: {bits: -1}}");
        assertTrue(m.contains("dac.bits") && m.contains("-1"), m);
        m = error("{rows: 4, cols: 3, cell: {gMinUs: -2.0, gMaxUs: 10}}");
        assertTrue(m.contains("cell.gMinUs") && m.contains("-2.0") && m.contains("negative"), m);
        m = error("{rows: 4, cols: 3, weightBits: 4, cellBits: 5}");
        assertTrue(m.contains("cellBits") && m.contains("5"), m);
        m = error("{rows: 4, cols: 3, adcBits: 4}");
        assertTrue(m.contains("adcBits"), "unknown fields are errors: " + m);
        m = error("{rows: 4, cols: 3, scheme: bit-serial, dac: {bits: 0}}");
        assertTrue(m.contains("dac.bits") && m.contains("bit-serial"), m);
        m = error("{rows: 4, cols: 3, device: {readNoise: 1.5}}");
        assertTrue(m.contains("device.readNoise") && m.contains("1.5"), m);
        m = error("{rows: 4, cols: 3, adc: {rangeMode: fixed}}");
        assertTrue(m.contains("adc.range") && m.contains("fixed"), m);
    }

    @Test
    void shapesThatDoNotFitAndNanInputsFailWithTheIndexAndValue() {
        CrossbarConfig c = CrossbarConfig.of(4, 3, Decomposition.NATIVE, 4, DacConfig.signed(4), AdcConfig.linear(6));
        RandomStreams s = new RandomStreams(1);
        var e = assertThrows(IllegalArgumentException.class, () -> Crossbar.tile(new float[5][3], c, s, "t"));
        assertTrue(e.getMessage().contains("rows = 4") && e.getMessage().contains("5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> Crossbar.tile(new float[4][2], c, s, "t"));
        assertTrue(e.getMessage().contains("weights[0].length") && e.getMessage().contains("2"), e.getMessage());
        float[][] w = new float[4][3];
        w[2][1] = Float.POSITIVE_INFINITY;
        e = assertThrows(IllegalArgumentException.class, () -> Crossbar.tile(w, c, s, "t"));
        assertTrue(e.getMessage().contains("weights[2][1]") && e.getMessage().contains("Infinity"), e.getMessage());
        Crossbar x = Crossbar.tile(new float[4][3], c, s, "t");
        e = assertThrows(IllegalArgumentException.class, () -> x.mvm(new float[] {1, Float.NaN, 0, 0}, new float[3]));
        assertTrue(e.getMessage().contains("x[1]") && e.getMessage().contains("NaN"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.mvm(new float[5], new float[3]));
        assertTrue(e.getMessage().contains("x.length must be 4") && e.getMessage().contains("5"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> x.setAdcRange(-1));
        assertTrue(e.getMessage().contains("adc.range") && e.getMessage().contains("-1"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new CellConfig(5, 5));
        assertTrue(e.getMessage().contains("cell.gMaxUs") && e.getMessage().contains("5.0"), e.getMessage());
    }
}
