/**
 * Simulated time: a {@code long} count of picoseconds (2^63 ps is about 106 days), conversions
 * from and to the units of configuration files, and clock domains whose frequency can change at
 * run time (DVFS).
 */
package org.hwsim.core.time;
