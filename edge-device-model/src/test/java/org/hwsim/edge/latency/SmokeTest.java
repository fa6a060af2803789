package org.hwsim.edge.latency;

import org.hwsim.core.workload.NetworkZoo;
import org.hwsim.edge.device.Devices;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void smoke() {
        for (String dev : new String[] {"jetson-tx2", "jetson-nano", "jetson-agx-orin"}) {
            for (String unit : new String[] {"gpu", "cpu"}) {
                PredictRequest r = PredictRequest.of(Devices.get(dev), NetworkZoo.resnet50(), unit,
                        unit.equals("cpu") ? "ncnn" : null, null, null, null, null);
                InferencePlan plan = InferencePlan.compile(r, CostTable.priors());
                Prediction p = plan.predict();
                System.out.println(dev + " " + unit + " " + p.latencyMs() + " ms, kernels " + p.kernels()
                        + " energy mJ " + p.energyMj() + " roofline ms " + plan.rooflineSeconds() * 1e3);
            }
        }
    }
}
