package org.hwsim.core.workload;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Converts between {@link NetworkSpec} and the JSON tree of the network format described in
 * {@link NetworkFormat}. Tree level only: parsing text and naming files is the caller's job.
 */
final class NetworkJsonCodec {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** Readers of the op-specific fields, by type id. */
    private static final Map<String, Function<JsonFields, LayerOp>> READERS =
            readers();

    private NetworkJsonCodec() {}

    /** All type ids the format accepts, sorted. */
    static List<String> typeIds() {
        return List.copyOf(READERS.keySet());
    }

    // ---------------------------------------------------------------------------------------------
    // Reading

    static NetworkSpec fromTree(JsonNode root) {
        JsonFields top = JsonFields.of(root, "network");
        String name = top.requireString("name");
        int bytesPerElement = top.optInt("bytesPerElement", NetworkSpec.DEFAULT_BYTES_PER_ELEMENT);
        int batch = top.optInt("batch", 1);
        JsonNode inputsNode = top.require("inputs");
        JsonNode layersNode = top.require("layers");
        top.rejectUnknown();
        if (!inputsNode.isArray()) {
            throw top.error("inputs must be an array of {name, shape} objects: "
                    + JsonFields.abbreviate(inputsNode));
        }
        if (!layersNode.isArray()) {
            throw top.error("layers must be an array of layer objects: "
                    + JsonFields.abbreviate(layersNode));
        }

        List<NetworkInput> inputs = new ArrayList<>();
        for (int i = 0; i < inputsNode.size(); i++) {
            JsonFields fields = JsonFields.of(inputsNode.get(i), "inputs[" + i + "]");
            String inputName = fields.requireString("name");
            List<Integer> shape = fields.requireIntList("shape");
            fields.rejectUnknown();
            try {
                inputs.add(new NetworkInput(inputName, new TensorShape(shape)));
            } catch (WorkloadFormatException e) {
                throw e.withContext("inputs[" + i + "] '" + inputName + "'");
            }
        }

        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < layersNode.size(); i++) {
            String implicitInput =
                    i > 0 ? layers.get(i - 1).name() : inputs.size() == 1 ? inputs.get(0).name() : null;
            layers.add(readLayer(layersNode.get(i), i, implicitInput));
        }
        return new NetworkSpec(name, inputs, layers, bytesPerElement, batch);
    }

    private static LayerSpec readLayer(JsonNode node, int index, String implicitInput) {
        JsonFields fields = JsonFields.of(node, "layers[" + index + "]");
        String name = fields.requireString("name");
        JsonFields named = JsonFields.of(node, "layers[" + index + "] '" + name + "'");
        named.requireString("name");
        String type = named.requireString("type");
        Function<JsonFields, LayerOp> reader = READERS.get(type);
        if (reader == null) {
            throw named.error(
                    "type must be one of the known layer types " + typeIds() + ": \"" + type + "\"");
        }
        JsonFields typed = JsonFields.of(node, named.context() + " (" + type + ")");
        typed.requireString("name");
        typed.requireString("type");
        List<String> inputs = typed.optStringList("inputs");
        double sparsity = typed.optDouble("weightSparsity", 0.0);
        int elementBytes = typed.optInt("elementBytes", LayerSpec.NETWORK_ELEMENT_BYTES);
        LayerOp op;
        try {
            op = reader.apply(typed);
            typed.rejectUnknown();
            if (inputs == null) {
                if (implicitInput == null) {
                    throw new WorkloadFormatException(
                            "inputs must be given for the first layer of a network with several inputs");
                }
                inputs = List.of(implicitInput);
            }
            return new LayerSpec(name, inputs, op, sparsity, elementBytes);
        } catch (WorkloadFormatException e) {
            if (e.getMessage().startsWith(typed.context())) {
                throw e;
            }
            throw e.withContext(typed.context());
        }
    }

    private static Map<String, Function<JsonFields, LayerOp>> readers() {
        Map<String, Function<JsonFields, LayerOp>> readers = new TreeMap<>();
        readers.put(
                "conv2d",
                f ->
                        new LayerOp.Conv2d(
                                f.requireInt("outChannels"), window(f, 2, 1), f.optInt("groups", 1),
                                f.optBoolean("bias", true)));
        readers.put(
                "conv3d",
                f ->
                        new LayerOp.Conv3d(
                                f.requireInt("outChannels"), window(f, 3, 1), f.optInt("groups", 1),
                                f.optBoolean("bias", true)));
        readers.put(
                "depthwise_conv2d",
                f ->
                        new LayerOp.DepthwiseConv2d(
                                f.optInt("depthMultiplier", 1), window(f, 2, 1), f.optBoolean("bias", true)));
        readers.put(
                "linear",
                f ->
                        new LayerOp.Linear(
                                f.requireInt("inFeatures"), f.requireInt("outFeatures"),
                                f.optBoolean("bias", true)));
        readers.put("batch_norm", f -> new LayerOp.BatchNorm());
        for (LayerOp.ActivationFunction function : LayerOp.ActivationFunction.values()) {
            readers.put(function.id(), f -> new LayerOp.Activation(function));
        }
        readers.put("max_pool2d", f -> new LayerOp.MaxPool(window(f, 2, null)));
        readers.put("max_pool3d", f -> new LayerOp.MaxPool(window(f, 3, null)));
        readers.put("avg_pool2d", f -> new LayerOp.AvgPool(window(f, 2, null)));
        readers.put("avg_pool3d", f -> new LayerOp.AvgPool(window(f, 3, null)));
        readers.put("global_avg_pool", f -> new LayerOp.GlobalAvgPool());
        readers.put("add", f -> new LayerOp.Add());
        readers.put("concat", f -> new LayerOp.Concat());
        readers.put(
                "upsample",
                f -> new LayerOp.Upsample(f.requireInt("scaleFactor"), upsampleMode(f)));
        readers.put(
                "pixel_shuffle", f -> new LayerOp.PixelShuffle(f.requireInt("upscaleFactor")));
        readers.put("flatten", f -> new LayerOp.Flatten());
        readers.put(
                "pad", f -> new LayerOp.Pad(f.requireIntList("begin"), f.requireIntList("end")));
        for (int rank = 2; rank <= 3; rank++) {
            int r = rank;
            readers.put(
                    "conv_transpose" + rank + "d",
                    f -> {
                        Window w = window(f, r, 1);
                        List<Integer> outputPadding = f.perDimension("outputPadding", r, 0);
                        return new LayerOp.ConvTranspose(f.requireInt("outChannels"), w,
                                f.optInt("groups", 1), f.optBoolean("bias", true), outputPadding);
                    });
        }
        readers.put("matmul", f -> new LayerOp.MatMul());
        readers.put("mul", f -> new LayerOp.Mul());
        readers.put("softmax", f -> new LayerOp.Softmax(f.optInt("axis", 0)));
        readers.put("layer_norm", f -> new LayerOp.LayerNorm());
        readers.put("reshape", f -> new LayerOp.Reshape(f.requireIntList("shape")));
        readers.put("transpose", f -> new LayerOp.Transpose(f.requireIntList("permutation")));
        readers.put(
                "slice",
                f -> new LayerOp.Slice(f.optInt("axis", 0), f.requireInt("start"), f.requireInt("end")));
        readers.put(
                "resize", f -> new LayerOp.Resize(f.requireIntList("sizes"), upsampleMode(f)));
        readers.put(
                "embedding",
                f -> new LayerOp.Embedding(f.requireInt("vocabSize"), f.requireInt("dim")));
        return readers;
    }

    private static LayerOp.UpsampleMode upsampleMode(JsonFields f) {
        String modeId = f.has("mode") ? f.requireString("mode") : "nearest";
        return LayerOp.UpsampleMode.fromId(modeId)
                .orElseThrow(
                        () -> new WorkloadFormatException(
                                "mode must be one of "
                                        + Arrays.stream(LayerOp.UpsampleMode.values())
                                                .map(LayerOp.UpsampleMode::id)
                                                .toList()
                                        + ": \"" + modeId + "\""));
    }

    /** Reads kernel, stride, padding and dilation; a null default stride means "= kernel". */
    private static Window window(JsonFields f, int rank, Integer defaultStride) {
        List<Integer> kernel = f.perDimension("kernel", rank, null);
        List<Integer> stride =
                defaultStride == null && !f.has("stride")
                        ? kernel
                        : f.perDimension("stride", rank, defaultStride);
        List<Integer> dilation = f.perDimension("dilation", rank, 1);
        List<List<Integer>> padding = f.padding("padding", rank);
        return new Window(kernel, stride, dilation, padding.get(0), padding.get(1));
    }

    // ---------------------------------------------------------------------------------------------
    // Writing

    /** The top-level object without the layers, and one object per layer. */
    static ObjectNode header(NetworkSpec spec) {
        ObjectNode root = NODES.objectNode();
        root.put("name", spec.name());
        root.put("bytesPerElement", spec.bytesPerElement());
        if (spec.batch() != 1) {
            root.put("batch", spec.batch());
        }
        ArrayNode inputs = root.putArray("inputs");
        for (NetworkInput input : spec.inputs()) {
            ObjectNode node = inputs.addObject();
            node.put("name", input.name());
            ArrayNode shape = node.putArray("shape");
            input.shape().dims().forEach(shape::add);
        }
        return root;
    }

    static List<ObjectNode> layerNodes(NetworkSpec spec) {
        List<ObjectNode> nodes = new ArrayList<>();
        for (int i = 0; i < spec.layers().size(); i++) {
            LayerSpec layer = spec.layers().get(i);
            String implicitInput =
                    i > 0
                            ? spec.layers().get(i - 1).name()
                            : spec.inputs().size() == 1 ? spec.inputs().get(0).name() : null;
            ObjectNode node = NODES.objectNode();
            node.put("name", layer.name());
            node.put("type", layer.op().typeId());
            if (!layer.inputs().equals(implicitInput == null ? null : List.of(implicitInput))) {
                ArrayNode inputs = node.putArray("inputs");
                layer.inputs().forEach(inputs::add);
            }
            writeOp(node, layer.op());
            if (layer.weightSparsity() != 0.0) {
                node.put("weightSparsity", layer.weightSparsity());
            }
            if (layer.elementBytes() != LayerSpec.NETWORK_ELEMENT_BYTES) {
                node.put("elementBytes", layer.elementBytes());
            }
            nodes.add(node);
        }
        return nodes;
    }

    static ObjectNode toTree(NetworkSpec spec) {
        ObjectNode root = header(spec);
        ArrayNode layers = root.putArray("layers");
        layerNodes(spec).forEach(layers::add);
        return root;
    }

    private static void writeOp(ObjectNode node, LayerOp op) {
        if (op instanceof LayerOp.Conv2d c) {
            node.put("outChannels", c.outChannels());
            writeWindow(node, c.window());
            node.put("groups", c.groups());
            node.put("bias", c.bias());
        } else if (op instanceof LayerOp.Conv3d c) {
            node.put("outChannels", c.outChannels());
            writeWindow(node, c.window());
            node.put("groups", c.groups());
            node.put("bias", c.bias());
        } else if (op instanceof LayerOp.DepthwiseConv2d d) {
            node.put("depthMultiplier", d.depthMultiplier());
            writeWindow(node, d.window());
            node.put("bias", d.bias());
        } else if (op instanceof LayerOp.Linear l) {
            node.put("inFeatures", l.inFeatures());
            node.put("outFeatures", l.outFeatures());
            node.put("bias", l.bias());
        } else if (op instanceof LayerOp.MaxPool p) {
            writeWindow(node, p.window());
        } else if (op instanceof LayerOp.AvgPool p) {
            writeWindow(node, p.window());
        } else if (op instanceof LayerOp.Upsample u) {
            node.put("scaleFactor", u.scaleFactor());
            node.put("mode", u.mode().id());
        } else if (op instanceof LayerOp.PixelShuffle p) {
            node.put("upscaleFactor", p.upscaleFactor());
        } else if (op instanceof LayerOp.Pad p) {
            ArrayNode begin = node.putArray("begin");
            p.begin().forEach(begin::add);
            ArrayNode end = node.putArray("end");
            p.end().forEach(end::add);
        } else if (op instanceof LayerOp.ConvTranspose c) {
            node.put("outChannels", c.outChannels());
            writeWindow(node, c.window());
            node.put("groups", c.groups());
            node.put("bias", c.bias());
            node.set("outputPadding", compact(c.outputPadding()));
        } else if (op instanceof LayerOp.Softmax m) {
            node.put("axis", m.axis());
        } else if (op instanceof LayerOp.Reshape r) {
            ArrayNode shape = node.putArray("shape");
            r.shape().forEach(shape::add);
        } else if (op instanceof LayerOp.Transpose t) {
            ArrayNode permutation = node.putArray("permutation");
            t.permutation().forEach(permutation::add);
        } else if (op instanceof LayerOp.Slice c) {
            node.put("axis", c.axis());
            node.put("start", c.start());
            node.put("end", c.end());
        } else if (op instanceof LayerOp.Resize r) {
            ArrayNode sizes = node.putArray("sizes");
            r.sizes().forEach(sizes::add);
            node.put("mode", r.mode().id());
        } else if (op instanceof LayerOp.Embedding e) {
            node.put("vocabSize", e.vocabSize());
            node.put("dim", e.dim());
        }
        // BatchNorm, Activation, GlobalAvgPool, Add, Mul, Concat, Flatten, MatMul, LayerNorm:
        // no fields.
    }

    private static void writeWindow(ObjectNode node, Window w) {
        node.set("kernel", compact(w.kernel()));
        node.set("stride", compact(w.stride()));
        if (w.padBegin().equals(w.padEnd())) {
            node.set("padding", compact(w.padBegin()));
        } else {
            ArrayNode pads = node.putArray("padding");
            w.padBegin().forEach(pads::add);
            w.padEnd().forEach(pads::add);
        }
        node.set("dilation", compact(w.dilation()));
    }

    /** A single integer when every entry is equal, else the array. */
    private static JsonNode compact(List<Integer> values) {
        if (new TreeSet<>(values).size() == 1) {
            return NODES.numberNode(values.get(0));
        }
        ArrayNode array = NODES.arrayNode();
        values.forEach(array::add);
        return array;
    }

    /** JSON text: the header pretty-printed, one compact line per layer. */
    static String toJsonText(NetworkSpec spec, ObjectMapper mapper) {
        try {
            ObjectNode header = header(spec);
            StringBuilder out = new StringBuilder();
            out.append("{\n");
            out.append("  \"name\": ").append(mapper.writeValueAsString(header.get("name")));
            out.append(",\n  \"bytesPerElement\": ").append(spec.bytesPerElement());
            if (spec.batch() != 1) {
                out.append(",\n  \"batch\": ").append(spec.batch());
            }
            out.append(",\n  \"inputs\": [\n");
            ArrayNode inputs = (ArrayNode) header.get("inputs");
            for (int i = 0; i < inputs.size(); i++) {
                out.append("    ").append(mapper.writeValueAsString(inputs.get(i)));
                out.append(i + 1 < inputs.size() ? ",\n" : "\n");
            }
            out.append("  ],\n  \"layers\": [\n");
            List<ObjectNode> layers = layerNodes(spec);
            for (int i = 0; i < layers.size(); i++) {
                out.append("    ").append(mapper.writeValueAsString(layers.get(i)));
                out.append(i + 1 < layers.size() ? ",\n" : "\n");
            }
            out.append("  ]\n}\n");
            return out.toString();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a JSON tree", e);
        }
    }
}
