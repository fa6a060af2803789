package org.hwsim.core.workload;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.StringJoiner;

/**
 * Validation and shape inference of a network graph: name resolution, cycle detection
 * (Kahn's topological sort), then per-layer shapes and counts in topological order.
 */
final class GraphAnalysis {

    private GraphAnalysis() {}

    /** Throws {@link WorkloadFormatException} if the graph is invalid. */
    static void check(List<NetworkInput> inputs, List<LayerSpec> layers) {
        analyse(inputs, layers, 1, 1);
    }

    /** Shapes, counts and edges of a valid network. */
    static NetworkProfile profile(NetworkSpec spec) {
        Analysis a = analyse(spec.inputs(), spec.layers(), spec.bytesPerElement(), spec.batch());
        return new NetworkProfile(spec, List.of(a.profiles), a.order);
    }

    private record Analysis(LayerProfile[] profiles, int[] order) {}

    private static Analysis analyse(
            List<NetworkInput> inputs, List<LayerSpec> layers, int bytesPerElement, int batch) {
        if (inputs.isEmpty()) {
            throw new WorkloadFormatException("inputs must declare at least one network input: []");
        }
        if (layers.isEmpty()) {
            throw new WorkloadFormatException("layers must declare at least one layer: []");
        }
        Map<String, TensorShape> inputShapes = new HashMap<>();
        Map<String, Integer> layerIndex = new HashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            NetworkInput input = inputs.get(i);
            if (inputShapes.put(input.name(), input.shape()) != null) {
                throw new WorkloadFormatException(
                        "inputs[" + i + "]: name duplicates another network input: '" + input.name() + "'");
            }
        }
        for (int i = 0; i < layers.size(); i++) {
            LayerSpec layer = layers.get(i);
            if (inputShapes.containsKey(layer.name())) {
                throw new WorkloadFormatException(
                        context(i, layer) + ": name duplicates a network input: '" + layer.name() + "'");
            }
            Integer previous = layerIndex.putIfAbsent(layer.name(), i);
            if (previous != null) {
                throw new WorkloadFormatException(
                        context(i, layer)
                                + ": name duplicates layers["
                                + previous
                                + "]: '"
                                + layer.name()
                                + "'");
            }
        }

        // Resolve references and count, per layer, the inputs produced by other layers.
        int n = layers.size();
        int[] pending = new int[n];
        List<List<Integer>> readers = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            readers.add(new ArrayList<>());
        }
        for (int i = 0; i < n; i++) {
            LayerSpec layer = layers.get(i);
            for (String ref : layer.inputs()) {
                Integer producer = layerIndex.get(ref);
                if (producer != null) {
                    pending[i]++;
                    readers.get(producer).add(i);
                } else if (!inputShapes.containsKey(ref)) {
                    throw new WorkloadFormatException(
                            context(i, layer)
                                    + ": inputs names an unknown tensor '"
                                    + ref
                                    + "' (expected a network input "
                                    + inputShapes.keySet().stream().sorted().toList()
                                    + " or the name of a layer)");
                }
            }
        }
        for (NetworkInput input : inputs) {
            boolean read = layers.stream().anyMatch(l -> l.inputs().contains(input.name()));
            if (!read) {
                throw new WorkloadFormatException(
                        "inputs: network input '" + input.name() + "' is not read by any layer");
            }
        }

        // Kahn's algorithm; ties broken by declaration index so the order is deterministic.
        int[] order = new int[n];
        int done = 0;
        int[] remaining = Arrays.copyOf(pending, n);
        PriorityQueue<Integer> ready = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (remaining[i] == 0) {
                ready.add(i);
            }
        }
        while (!ready.isEmpty()) {
            int i = ready.poll();
            order[done++] = i;
            for (int reader : readers.get(i)) {
                if (--remaining[reader] == 0) {
                    ready.add(reader);
                }
            }
        }
        if (done < n) {
            throw cycleError(layers, layerIndex, remaining);
        }

        // Shapes and counts in topological order.
        Map<String, TensorShape> shapes = new HashMap<>(inputShapes);
        Map<String, Integer> widths = new HashMap<>();
        for (String input : inputShapes.keySet()) {
            widths.put(input, bytesPerElement);
        }
        LayerProfile[] profiles = new LayerProfile[n];
        for (int k = 0; k < n; k++) {
            int i = order[k];
            LayerSpec layer = layers.get(i);
            List<TensorShape> in = new ArrayList<>(layer.inputs().size());
            for (String ref : layer.inputs()) {
                in.add(shapes.get(ref));
            }
            try {
                LayerOp op = layer.op();
                TensorShape out = op.outputShape(in);
                int width = layer.elementBytesIn(bytesPerElement);
                long macs = Math.multiplyExact(op.macs(in), (long) batch);
                long parameters = op.parameters(in);
                long effective =
                        layer.weightSparsity() == 0.0
                                ? macs
                                : Math.round(macs * (1.0 - layer.weightSparsity()));
                long inputBytes = 0;
                for (int j = 0; j < in.size(); j++) {
                    long bytes = Math.multiplyExact(in.get(j).elementCount(),
                            (long) widths.get(layer.inputs().get(j)));
                    inputBytes = Math.addExact(inputBytes, bytes);
                }
                profiles[i] =
                        new LayerProfile(
                                i,
                                layer,
                                in,
                                out,
                                macs,
                                effective,
                                Math.multiplyExact(op.elementOps(in), (long) batch),
                                parameters,
                                Math.multiplyExact(parameters, (long) width),
                                Math.multiplyExact(inputBytes, (long) batch),
                                Math.multiplyExact(
                                        Math.multiplyExact(out.elementCount(), (long) width), (long) batch),
                                width);
                shapes.put(layer.name(), out);
                widths.put(layer.name(), width);
            } catch (WorkloadFormatException e) {
                throw new WorkloadFormatException(
                        context(i, layer) + ": " + e.getMessage() + describeInputs(layer, in), e);
            } catch (ArithmeticException e) {
                throw new WorkloadFormatException(
                        context(i, layer) + ": counts overflow a 64-bit long" + describeInputs(layer, in), e);
            }
        }
        return new Analysis(profiles, order);
    }

    /** {@code layers[3] 'conv1' (conv2d)}: how every message points at a layer. */
    static String context(int index, LayerSpec layer) {
        return "layers[" + index + "] '" + layer.name() + "' (" + layer.op().typeId() + ")";
    }

    private static String describeInputs(LayerSpec layer, List<TensorShape> shapes) {
        StringJoiner joiner = new StringJoiner(", ", " (input tensors: ", ")");
        for (int j = 0; j < layer.inputs().size(); j++) {
            joiner.add("'" + layer.inputs().get(j) + "' " + shapes.get(j));
        }
        return joiner.toString();
    }

    /** Finds one cycle among the layers Kahn's algorithm could not order and names it. */
    private static WorkloadFormatException cycleError(
            List<LayerSpec> layers, Map<String, Integer> layerIndex, int[] remaining) {
        int start = 0;
        while (remaining[start] == 0) {
            start++;
        }
        // Walk backwards along unresolved inputs; with finitely many layers a node must repeat.
        Map<Integer, Integer> seenAt = new HashMap<>();
        Deque<Integer> path = new ArrayDeque<>();
        int current = start;
        while (!seenAt.containsKey(current)) {
            seenAt.put(current, path.size());
            path.addLast(current);
            int next = -1;
            for (String ref : layers.get(current).inputs()) {
                Integer producer = layerIndex.get(ref);
                if (producer != null && remaining[producer] > 0) {
                    next = producer;
                    break;
                }
            }
            current = next;
        }
        List<Integer> walked = new ArrayList<>(path);
        List<Integer> cycle = walked.subList(seenAt.get(current), walked.size());
        // The walk follows inputs (consumer -> producer); print it in data-flow order.
        List<Integer> flow = new ArrayList<>(cycle);
        java.util.Collections.reverse(flow);
        int first = flow.stream().min(Integer::compare).orElseThrow();
        int rotate = flow.indexOf(first);
        StringJoiner names = new StringJoiner(" -> ");
        for (int j = 0; j <= flow.size(); j++) {
            names.add("'" + layers.get(flow.get((rotate + j) % flow.size())).name() + "'");
        }
        return new WorkloadFormatException(
                context(first, layers.get(first))
                        + ": inputs form a cycle, which a network graph must not have: "
                        + names);
    }
}
