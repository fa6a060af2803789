/**
 * The report every command writes (JSON, one document per run; CSV, one row of headline metrics
 * per run or sweep point) and atomic file writing (temporary file, force, rename).
 */
package org.hwsim.core.report;
