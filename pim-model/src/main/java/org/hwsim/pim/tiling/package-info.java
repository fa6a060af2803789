/**
 * Layers on many tiles: a matrix larger than a tile is cut into a grid of tiles whose outputs are
 * accumulated digitally (partial sums of row blocks added, column blocks concatenated), a
 * convolution becomes a matrix product by im2col (Chellapilla et al., "High Performance
 * Convolutional Neural Networks for Document Processing", IWFHR 2006), and {@link
 * org.hwsim.pim.tiling.PimMapping} counts the tiles, ADC conversions and cell utilisation a layer
 * needs, as NeuroSim's mapping does (Peng et al., "DNN+NeuroSim V2.0", IEEE TCAD 2021).
 */
package org.hwsim.pim.tiling;
