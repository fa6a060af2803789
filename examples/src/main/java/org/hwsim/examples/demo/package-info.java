/**
 * The kernel demo: an M/M/1 inference queue on a DSP with DRAM reads, reported beside the
 * closed forms, with energy by component.
 */
package org.hwsim.examples.demo;
