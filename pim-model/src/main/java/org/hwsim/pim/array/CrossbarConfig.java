package org.hwsim.pim.array;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.hwsim.pim.convert.AdcConfig;
import org.hwsim.pim.convert.DacConfig;
import org.hwsim.pim.device.CellConfig;
import org.hwsim.pim.device.DeviceConfig;
import org.hwsim.pim.scheme.Decomposition;

/**
 * A crossbar tile: its size, decomposition scheme, weight and cell resolution, converters and
 * devices. Readable from YAML or JSON with {@code ConfigReader}; absent optional fields default.
 *
 * <p>Example (YAML): {@code {rows: 256, cols: 256, scheme: bit-serial, weightBits: 8, cellBits: 2,
 * dac: {bits: 8}, adc: {bits: 8, thermalNoise: {sigmaLsb: 0.5}}}} holds 8-bit weights on four
 * 2-bit cells each and applies 8-bit inputs one bit-plane at a time.
 *
 * @param rows wordlines (matrix rows, the input length), in [1, 65536]
 * @param cols weight columns (matrix columns, the output length), in [1, 65536]; each uses
 *     {@link #slices()} physical columns in each of the positive and negative arrays
 * @param scheme the decomposition scheme
 * @param weightBits weight magnitude resolution in [0, 16] (sign on the cell pair); 0 = analog
 *     weights, not quantized
 * @param cellBits bits per cell in [0, weightBits]; 0 = one cell holds the whole weight
 * @param cell conductance range
 * @param dac input DAC
 * @param adc column ADC
 * @param device device non-idealities
 */
public record CrossbarConfig(int rows, int cols, Decomposition scheme, int weightBits, int cellBits,
                             CellConfig cell, DacConfig dac, AdcConfig adc, DeviceConfig device) {
    /** Validates every field. */
    public CrossbarConfig {
        if (rows < 1 || rows > 65536) {
            throw new IllegalArgumentException("rows must be in [1, 65536]: " + rows);
        }
        if (cols < 1 || cols > 65536) {
            throw new IllegalArgumentException("cols must be in [1, 65536]: " + cols);
        }
        if (scheme == null) {
            throw new IllegalArgumentException("scheme must be given: null");
        }
        if (weightBits < 0 || weightBits > 16) {
            throw new IllegalArgumentException("weightBits must be in [0, 16] (0 = analog): " + weightBits);
        }
        if (cellBits < 0 || cellBits > weightBits) {
            throw new IllegalArgumentException("cellBits must be in [0, weightBits = " + weightBits + "]: " + cellBits);
        }
        cell = cell == null ? CellConfig.ideal() : cell;
        dac = dac == null ? DacConfig.signed(8) : dac;
        adc = adc == null ? AdcConfig.linear(8) : adc;
        device = device == null ? DeviceConfig.ideal() : device;
        if (scheme.bitSerialInputs() && dac.isIdeal()) {
            throw new IllegalArgumentException("dac.bits must be >= 1 with scheme " + scheme.id()
                    + " (bit-planes need quantized inputs): " + dac.bits());
        }
    }

    @JsonCreator
    static CrossbarConfig fromConfig(@JsonProperty(value = "rows", required = true) int rows,
                                     @JsonProperty(value = "cols", required = true) int cols,
                                     @JsonProperty("scheme") Decomposition scheme,
                                     @JsonProperty("weightBits") Integer weightBits,
                                     @JsonProperty("cellBits") Integer cellBits,
                                     @JsonProperty("cell") CellConfig cell,
                                     @JsonProperty("dac") DacConfig dac,
                                     @JsonProperty("adc") AdcConfig adc,
                                     @JsonProperty("device") DeviceConfig device) {
        return new CrossbarConfig(rows, cols, scheme == null ? Decomposition.NATIVE : scheme,
                weightBits == null ? 8 : weightBits, cellBits == null ? 0 : cellBits, cell, dac, adc, device);
    }

    /** A tile with ideal cells and devices. */
    public static CrossbarConfig of(int rows, int cols, Decomposition scheme, int weightBits, DacConfig dac,
                                    AdcConfig adc) {
        return new CrossbarConfig(rows, cols, scheme, weightBits, 0, CellConfig.ideal(), dac, adc,
                DeviceConfig.ideal());
    }

    /** Bits held by one cell: {@code cellBits}, or {@code weightBits} when that is 0. */
    @JsonIgnore
    public int bitsPerCell() {
        return cellBits == 0 ? weightBits : cellBits;
    }

    /** Cells (slices) per weight magnitude. */
    @JsonIgnore
    public int slices() {
        return weightBits == 0 ? 1 : (weightBits + bitsPerCell() - 1) / bitsPerCell();
    }

    /** Conductance steps per cell: {@code 2^bitsPerCell - 1}, or 1 for analog weights. */
    @JsonIgnore
    public int cellLevels() {
        return weightBits == 0 ? 1 : (1 << bitsPerCell()) - 1;
    }

    /** Weight magnitude steps: {@code 2^weightBits - 1}, or 1 for analog weights. */
    @JsonIgnore
    public int weightLevels() {
        return weightBits == 0 ? 1 : (1 << weightBits) - 1;
    }

    /** Analog steps per input vector: the DAC bits in bit-serial schemes, else 1. */
    @JsonIgnore
    public int inputSteps() {
        return scheme.bitSerialInputs() ? dac.bits() : 1;
    }

    /** Column arrays converted separately per analog step: slices, times 2 with digital subtraction. */
    @JsonIgnore
    public int convertedArrays() {
        return slices() * (scheme.digitalSubtraction() ? 2 : 1);
    }

    /** True if column sums can be negative (so the ADC is bipolar). */
    @JsonIgnore
    public boolean bipolarColumns() {
        return !scheme.digitalSubtraction() || (!scheme.bitSerialInputs() && dac.signed());
    }

    /** This configuration with another ADC. */
    public CrossbarConfig withAdc(AdcConfig adc) {
        return new CrossbarConfig(rows, cols, scheme, weightBits, cellBits, cell, dac, adc, device);
    }

    /** This configuration with other devices. */
    public CrossbarConfig withDevice(DeviceConfig device) {
        return new CrossbarConfig(rows, cols, scheme, weightBits, cellBits, cell, dac, adc, device);
    }

    /** This configuration with another size. */
    public CrossbarConfig withSize(int rows, int cols) {
        return new CrossbarConfig(rows, cols, scheme, weightBits, cellBits, cell, dac, adc, device);
    }

    /** This configuration with another scheme. */
    public CrossbarConfig withScheme(Decomposition scheme) {
        return new CrossbarConfig(rows, cols, scheme, weightBits, cellBits, cell, dac, adc, device);
    }

    /** This configuration with weight bit slicing. */
    public CrossbarConfig withWeightBits(int weightBits, int cellBits) {
        return new CrossbarConfig(rows, cols, scheme, weightBits, cellBits, cell, dac, adc, device);
    }

    /** This configuration with other cells. */
    public CrossbarConfig withCell(CellConfig cell) {
        return new CrossbarConfig(rows, cols, scheme, weightBits, cellBits, cell, dac, adc, device);
    }

    /** This configuration with another DAC. */
    public CrossbarConfig withDac(DacConfig dac) {
        return new CrossbarConfig(rows, cols, scheme, weightBits, cellBits, cell, dac, adc, device);
    }
}
