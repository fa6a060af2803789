/** PNG plots of study results (JFreeChart, headless), written atomically. */
package org.hwsim.examples.plot;
