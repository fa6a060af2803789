/**
 * Phones and Jetson-class modules running DNN inference: {@link org.hwsim.edge.EdgeDevice} puts a
 * device on a caller's simulator, its units as queues and its energy in the ledger. Devices are
 * data ({@code device}), runtimes are data ({@code runtime}), the latency model compiles and costs
 * a network ({@code latency}) and is fitted to published measurements ({@code calibration}).
 */
package org.hwsim.edge;
