package org.hwsim.pim.accel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import org.hwsim.core.config.ConfigReader;
import org.hwsim.pim.array.CrossbarConfig;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.scheme.Decomposition;

/**
 * A PIM accelerator chip: its tile, how many tiles it has, how columns share ADCs, what it does
 * when a network does not fit, the input sparsity it sees, and the action table. Readable from
 * YAML or JSON with {@link #read(Path)}; absent fields take the defaults of the shipped {@code
 * pim-accelerator.yaml} (an ISAAC-like chip).
 *
 * <p>Example: the defaults are 4,032 tiles of 128 x 128 8-bit weights on four 2-bit cells each
 * (the 16,128 128 x 128 arrays of ISAAC's 168 tiles), bit-serial 8-bit unsigned inputs, 8-bit
 * ADCs each shared by 128 columns, so a tile has 512 converted columns, 4 ADCs, and one 100 ns
 * read is matched by 128 conversions of 0.78 ns on each ADC.
 *
 * @param tile one tile (rows, weight columns, scheme, weight and cell bits, DAC, ADC); its
 *     non-ideality settings do not affect timing or energy
 * @param chipTiles tiles on the chip, >= 1
 * @param columnsPerAdc converted columns sharing one ADC, >= 1
 * @param overflow what to do when a network needs more tiles than {@code chipTiles}
 * @param zeroPlaneProbability probability in [0, 1] that an input bit-plane (the whole input
 *     vector in the non-bit-serial schemes) is all zero on a tile's rows, so its read and
 *     conversions are skipped
 * @param zeroPlaneProbabilityByLayer measured per-layer probabilities (layer name -> [0, 1]) that
 *     replace {@code zeroPlaneProbability} for the layers they name; empty by default
 * @param psumBits width of a partial sum sent between tiles, in [1, 64]
 * @param actions latency and energy per action
 */
public record PimAcceleratorConfig(CrossbarConfig tile, int chipTiles, int columnsPerAdc, OverflowPolicy overflow,
                                   double zeroPlaneProbability, Map<String, Double> zeroPlaneProbabilityByLayer,
                                   int psumBits, PimActionTable actions) {
    /** Resource holding the default configuration. */
    public static final String DEFAULTS_RESOURCE = "/org/hwsim/pim/accel/pim-accelerator.yaml";

    /** Validates every field. */
    public PimAcceleratorConfig {
        if (tile == null) {
            throw new IllegalArgumentException("tile must be given: null");
        }
        if (tile.adc().bits() < 1) {
            throw new IllegalArgumentException("tile.adc.bits must be in [1, 16] for a hardware cost estimate "
                    + "(0 = ideal has no hardware): " + tile.adc().bits());
        }
        if (tile.dac().bits() < 1) {
            throw new IllegalArgumentException("tile.dac.bits (input bits) must be in [1, 16] for a hardware cost "
                    + "estimate (0 = ideal has no hardware): " + tile.dac().bits());
        }
        if (chipTiles < 1) {
            throw new IllegalArgumentException("chipTiles must be >= 1: " + chipTiles);
        }
        if (columnsPerAdc < 1) {
            throw new IllegalArgumentException("columnsPerAdc must be >= 1: " + columnsPerAdc);
        }
        if (overflow == null) {
            throw new IllegalArgumentException("overflow must be given: null");
        }
        if (!(zeroPlaneProbability >= 0 && zeroPlaneProbability <= 1)) {
            throw new IllegalArgumentException("zeroPlaneProbability must be in [0, 1]: " + zeroPlaneProbability);
        }
        zeroPlaneProbabilityByLayer = zeroPlaneProbabilityByLayer == null ? Map.of()
                : Collections.unmodifiableMap(new TreeMap<>(zeroPlaneProbabilityByLayer));
        zeroPlaneProbabilityByLayer.forEach((layer, p) -> {
            if (p == null || !(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("zeroPlaneProbabilityByLayer." + layer + " must be in [0, 1]: " + p);
            }
        });
        if (psumBits < 1 || psumBits > 64) {
            throw new IllegalArgumentException("psumBits must be in [1, 64]: " + psumBits);
        }
        if (actions == null) {
            actions = PimActionTable.defaults();
        }
    }

    @JsonCreator
    static PimAcceleratorConfig fromConfig(@JsonProperty("tile") CrossbarConfig tile,
                                           @JsonProperty("chipTiles") Integer chipTiles,
                                           @JsonProperty("columnsPerAdc") Integer columnsPerAdc,
                                           @JsonProperty("overflow") OverflowPolicy overflow,
                                           @JsonProperty("zeroPlaneProbability") Double zeroPlaneProbability,
                                           @JsonProperty("zeroPlaneProbabilityByLayer") Map<String, Double> byLayer,
                                           @JsonProperty("psumBits") Integer psumBits,
                                           @JsonProperty("actions") PimActionTable actions) {
        PimAcceleratorConfig d = Defaults.VALUE;
        if (d == null) { // reading the defaults resource itself: every field must be present
            return new PimAcceleratorConfig(tile, chipTiles == null ? 0 : chipTiles,
                    columnsPerAdc == null ? 0 : columnsPerAdc, overflow,
                    zeroPlaneProbability == null ? 0 : zeroPlaneProbability, byLayer,
                    psumBits == null ? 0 : psumBits, actions);
        }
        return new PimAcceleratorConfig(tile == null ? d.tile : tile, chipTiles == null ? d.chipTiles : chipTiles,
                columnsPerAdc == null ? d.columnsPerAdc : columnsPerAdc, overflow == null ? d.overflow : overflow,
                zeroPlaneProbability == null ? d.zeroPlaneProbability : zeroPlaneProbability,
                byLayer == null ? d.zeroPlaneProbabilityByLayer : byLayer,
                psumBits == null ? d.psumBits : psumBits, actions == null ? d.actions : actions);
    }

    /** The shipped defaults (an ISAAC-like chip; see {@link #DEFAULTS_RESOURCE}). */
    public static PimAcceleratorConfig defaults() {
        return Defaults.VALUE;
    }

    /** Reads a configuration from YAML or JSON; errors name the file, the field and the value. */
    public static PimAcceleratorConfig read(Path file) {
        return ConfigReader.read(file, PimAcceleratorConfig.class);
    }

    /** ADCs per tile: {@code ceil(convertedColumns / columnsPerAdc)}. */
    public int adcsPerTile() {
        return (int) ((convertedColumnsPerTile() + columnsPerAdc - 1) / columnsPerAdc);
    }

    /** Columns converted on each analog step of a tile: weight columns x converted arrays. */
    public long convertedColumnsPerTile() {
        return (long) tile.cols() * tile.convertedArrays();
    }

    /** Analog steps per input vector: input bit-planes in the bit-serial schemes, else 1. */
    public int stepsPerVector() {
        return tile.inputSteps();
    }

    /** This configuration with another decomposition scheme. */
    public PimAcceleratorConfig withScheme(Decomposition scheme) {
        return withTile(tile.withScheme(scheme));
    }

    /** This configuration with ADCs of another resolution (same transfer settings otherwise). */
    public PimAcceleratorConfig withAdcBits(int adcBits) {
        AdcConfig a = tile.adc();
        return withTile(tile.withAdc(new AdcConfig(adcBits, a.rangeMode(), a.range(), a.clip(), a.gainError(),
                a.offsetErrorLsb(), a.inlCoefficients(), a.thresholds(), a.thermalNoise(), a.variation())));
    }

    /** This configuration with inputs of another resolution (DAC bits). */
    public PimAcceleratorConfig withInputBits(int inputBits) {
        DacConfig d = tile.dac();
        return withTile(tile.withDac(new DacConfig(inputBits, d.signed(), d.rangeMode(), d.range())));
    }

    /** This configuration with another tile. */
    public PimAcceleratorConfig withTile(CrossbarConfig tile) {
        return new PimAcceleratorConfig(tile, chipTiles, columnsPerAdc, overflow, zeroPlaneProbability,
                zeroPlaneProbabilityByLayer, psumBits, actions);
    }

    /** This configuration with another chip size. */
    public PimAcceleratorConfig withChipTiles(int chipTiles) {
        return new PimAcceleratorConfig(tile, chipTiles, columnsPerAdc, overflow, zeroPlaneProbability,
                zeroPlaneProbabilityByLayer, psumBits, actions);
    }

    /** This configuration with another ADC sharing. */
    public PimAcceleratorConfig withColumnsPerAdc(int columnsPerAdc) {
        return new PimAcceleratorConfig(tile, chipTiles, columnsPerAdc, overflow, zeroPlaneProbability,
                zeroPlaneProbabilityByLayer, psumBits, actions);
    }

    /** This configuration with another overflow policy. */
    public PimAcceleratorConfig withOverflow(OverflowPolicy overflow) {
        return new PimAcceleratorConfig(tile, chipTiles, columnsPerAdc, overflow, zeroPlaneProbability,
                zeroPlaneProbabilityByLayer, psumBits, actions);
    }

    /** This configuration with another zero-plane probability. */
    public PimAcceleratorConfig withZeroPlaneProbability(double zeroPlaneProbability) {
        return new PimAcceleratorConfig(tile, chipTiles, columnsPerAdc, overflow, zeroPlaneProbability,
                zeroPlaneProbabilityByLayer, psumBits, actions);
    }

    /** This configuration with measured per-layer zero-plane probabilities. */
    public PimAcceleratorConfig withZeroPlaneProbabilityByLayer(Map<String, Double> byLayer) {
        return new PimAcceleratorConfig(tile, chipTiles, columnsPerAdc, overflow, zeroPlaneProbability, byLayer,
                psumBits, actions);
    }

    /** The zero-plane probability of the layer named {@code layer}. */
    public double zeroPlaneProbability(String layer) {
        Double p = zeroPlaneProbabilityByLayer.get(layer);
        return p != null ? p : zeroPlaneProbability;
    }

    /** True if any layer may skip zero planes. */
    public boolean skipsZeroPlanes() {
        return zeroPlaneProbability > 0 || zeroPlaneProbabilityByLayer.values().stream().anyMatch(p -> p > 0);
    }

    /** This configuration with another action table. */
    public PimAcceleratorConfig withActions(PimActionTable actions) {
        return new PimAcceleratorConfig(tile, chipTiles, columnsPerAdc, overflow, zeroPlaneProbability,
                zeroPlaneProbabilityByLayer, psumBits, actions);
    }

    /** Holder so that the defaults resource is read once, after the class is initialised. */
    private static final class Defaults {
        static final PimAcceleratorConfig VALUE = ConfigReader.readResource(DEFAULTS_RESOURCE,
                PimAcceleratorConfig.class);
    }
}
