package org.hwsim.core.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The JSON/YAML network format: round trips and error messages. */
class NetworkFormatTest {

    // ---------------------------------------------------------------------------------------------
    // Round trips

    static Stream<String> zooIds() {
        return NetworkZoo.ids().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("zooIds")
    void everyZooNetworkRoundTripsThroughJsonAndYaml(String id) {
        NetworkSpec spec = NetworkZoo.get(id);
        String json = NetworkFormat.toJson(spec);
        NetworkSpec back = NetworkFormat.fromJson(json);
        assertEquals(spec, back);
        assertEquals(json, NetworkFormat.toJson(back));
        assertEquals(spec.profile().macs(), back.profile().macs());
        assertEquals(spec, NetworkFormat.fromYaml(NetworkFormat.toYaml(spec)));
    }

    @Property(tries = 200)
    void randomNetworksRoundTrip(@ForAll("networks") NetworkSpec spec) {
        String json = NetworkFormat.toJson(spec);
        NetworkSpec back = NetworkFormat.fromJson(json);
        assertEquals(spec, back, json);
        assertEquals(json, NetworkFormat.toJson(back));
    }

    @Test
    void filesRoundTripAndYamlIsChosenByExtension(@TempDir Path dir) throws IOException {
        NetworkSpec spec = NetworkZoo.yolov3Tiny().withUniformWeightSparsity(0.25);
        Path json = dir.resolve("net.json");
        Path yaml = dir.resolve("net.yaml");
        NetworkFormat.write(spec, json);
        NetworkFormat.write(spec, yaml);
        assertTrue(Files.readString(json).startsWith("{"));
        assertTrue(Files.readString(yaml).startsWith("---"));
        assertEquals(spec, NetworkFormat.read(json));
        assertEquals(spec, NetworkFormat.read(yaml));
    }

    /** The example of the {@link NetworkFormat} Javadoc parses and means what it says. */
    @Test
    void documentedExampleParses() {
        String json =
                "{\n"
                        + "  \"name\": \"tiny-resnet\",\n"
                        + "  \"bytesPerElement\": 1,\n"
                        + "  \"inputs\": [ {\"name\": \"image\", \"shape\": [3, 32, 32]} ],\n"
                        + "  \"layers\": [\n"
                        + "    {\"name\": \"conv1\", \"type\": \"conv2d\", \"outChannels\": 16, \"kernel\": 3,"
                        + " \"padding\": 1, \"bias\": false},\n"
                        + "    {\"name\": \"bn1\", \"type\": \"batch_norm\"},\n"
                        + "    {\"name\": \"relu1\", \"type\": \"relu\"},\n"
                        + "    {\"name\": \"conv2\", \"type\": \"conv2d\", \"outChannels\": 16, \"kernel\": 3,"
                        + " \"padding\": 1,\n"
                        + "     \"weightSparsity\": 0.5},\n"
                        + "    {\"name\": \"sum\", \"type\": \"add\", \"inputs\": [\"conv2\", \"relu1\"]},\n"
                        + "    {\"name\": \"pool\", \"type\": \"global_avg_pool\"},\n"
                        + "    {\"name\": \"flat\", \"type\": \"flatten\"},\n"
                        + "    {\"name\": \"fc\", \"type\": \"linear\", \"inFeatures\": 16, \"outFeatures\": 10}\n"
                        + "  ]\n"
                        + "}\n";
        NetworkProfile p = NetworkFormat.fromJson(json).profile();
        long conv = 16L * 32 * 32 * 3 * 9;
        long conv2 = 16L * 32 * 32 * 16 * 9;
        assertEquals(conv + conv2 + 160, p.macs());
        assertEquals(conv + conv2 / 2 + 160, p.effectiveMacs());
        assertEquals(432 + 32 + 2304 + 16 + 170, p.parameters());
    }

    @Test
    void paddingAcceptsScalarPerDimensionAndBeginEndForms() {
        String template =
                "{\"name\":\"n\",\"inputs\":[{\"name\":\"x\",\"shape\":[1,10,10]}],\"layers\":["
                        + "{\"name\":\"p\",\"type\":\"max_pool2d\",\"kernel\":2,\"stride\":1,"
                        + "\"padding\":%s}]}";
        assertEquals(TensorShape.chw(1, 11, 11), outputOf(String.format(template, "1")));
        assertEquals(TensorShape.chw(1, 11, 9), outputOf(String.format(template, "[1, 0]")));
        // Begins [H, W] then ends [H, W]: H gets 1 + 1, W only 1 at the end.
        assertEquals(TensorShape.chw(1, 11, 10), outputOf(String.format(template, "[1, 0, 1, 1]")));
    }

    private static TensorShape outputOf(String json) {
        return NetworkFormat.fromJson(json).profile().layers().get(0).outputShape();
    }

    // ---------------------------------------------------------------------------------------------
    // Bad input

    private static final String HEAD =
            "{\"name\": \"bad\", \"inputs\": [{\"name\": \"image\", \"shape\": [3, 8, 8]}], "
                    + "\"layers\": [";

    private static String layers(String... layers) {
        return HEAD + String.join(", ", layers) + "]}";
    }

    static Stream<Arguments> badNetworks() {
        String conv = "{\"name\": \"c\", \"type\": \"conv2d\", \"outChannels\": 8, \"kernel\": 3, "
                + "\"padding\": 1}";
        return Stream.of(
                Arguments.of(
                        "unknown layer type",
                        layers("{\"name\": \"c\", \"type\": \"conv\"}"),
                        "network JSON: layers[0] 'c': type must be one of the known layer types [add, "),
                Arguments.of(
                        "unknown layer type (value)",
                        layers("{\"name\": \"c\", \"type\": \"conv\"}"),
                        "]: \"conv\""),
                Arguments.of(
                        "add of different shapes",
                        layers(conv, "{\"name\": \"sum\", \"type\": \"add\", \"inputs\": [\"c\", \"image\"]}"),
                        "network JSON: layers[1] 'sum' (add): inputs of add must all have the same shape: "
                                + "input 0 is [8, 8, 8], input 1 is [3, 8, 8] (input tensors: 'c' [8, 8, 8], "
                                + "'image' [3, 8, 8])"),
                Arguments.of(
                        "linear in_features mismatch",
                        layers(conv, "{\"name\": \"f\", \"type\": \"flatten\"}",
                                "{\"name\": \"fc\", \"type\": \"linear\", \"inFeatures\": 500, "
                                        + "\"outFeatures\": 10}"),
                        "layers[2] 'fc' (linear): inFeatures must equal the input's 512 features: 500"),
                Arguments.of(
                        "channels not divisible by groups",
                        layers("{\"name\": \"g\", \"type\": \"conv2d\", \"outChannels\": 8, \"kernel\": 3,"
                                + " \"groups\": 2}"),
                        "layers[0] 'g' (conv2d): groups must divide the input channels (3): 2"),
                Arguments.of(
                        "negative kernel",
                        layers("{\"name\": \"k\", \"type\": \"conv2d\", \"outChannels\": 8, \"kernel\": -3}"),
                        "layers[0] 'k' (conv2d): kernel must be >= 1 in every dimension: [-3, -3]"),
                Arguments.of(
                        "zero output channels",
                        layers("{\"name\": \"z\", \"type\": \"conv2d\", \"outChannels\": 0, \"kernel\": 3}"),
                        "layers[0] 'z' (conv2d): outChannels must be >= 1: 0"),
                Arguments.of(
                        "zero input dimension",
                        "{\"name\": \"bad\", \"inputs\": [{\"name\": \"image\", \"shape\": [3, 0, 8]}], "
                                + "\"layers\": [{\"name\": \"r\", \"type\": \"relu\"}]}",
                        "inputs[0] 'image': shape must be >= 1 in every dimension: [3, 0, 8]"),
                Arguments.of(
                        "unknown input reference",
                        layers(conv, "{\"name\": \"r\", \"type\": \"relu\", \"inputs\": [\"cc\"]}"),
                        "layers[1] 'r' (relu): inputs names an unknown tensor 'cc'"),
                Arguments.of(
                        "cycle",
                        layers("{\"name\": \"a\", \"type\": \"add\", \"inputs\": [\"image\", \"b\"]}",
                                "{\"name\": \"b\", \"type\": \"relu\", \"inputs\": [\"a\"]}"),
                        "layers[0] 'a' (add): inputs form a cycle, which a network graph must not have: "
                                + "'a' -> 'b' -> 'a'"),
                Arguments.of(
                        "kernel too large for the input",
                        layers("{\"name\": \"big\", \"type\": \"conv2d\", \"outChannels\": 4,"
                                + " \"kernel\": 9}"),
                        "layers[0] 'big' (conv2d): kernel (with dilation [1, 1] and padding [0, 0]/[0, 0]) "
                                + "must fit the conv2d input [3, 8, 8]: [9, 9]"),
                Arguments.of(
                        "misspelt field",
                        layers("{\"name\": \"c\", \"type\": \"conv2d\", \"outChannels\": 8, \"kernal\": 3,"
                                + " \"kernel\": 3}"),
                        "layers[0] 'c' (conv2d): unknown field 'kernal' (expected one of [bias, dilation, elementBytes, "
                                + "groups, inputs, kernel, name, outChannels, padding, stride, type, "
                                + "weightSparsity])"),
                Arguments.of(
                        "missing required field",
                        layers("{\"name\": \"c\", \"type\": \"conv2d\", \"kernel\": 3}"),
                        "layers[0] 'c' (conv2d): outChannels is required"),
                Arguments.of(
                        "string instead of integer",
                        layers("{\"name\": \"c\", \"type\": \"conv2d\", \"outChannels\": 8, \"kernel\": \"3\"}"),
                        "layers[0] 'c' (conv2d): kernel must be an integer (or integers) in the 32-bit range:"
                                + " \"3\""),
                Arguments.of(
                        "fractional stride",
                        layers("{\"name\": \"c\", \"type\": \"conv2d\", \"outChannels\": 8, \"kernel\": 3,"
                                + " \"stride\": 1.5}"),
                        "layers[0] 'c' (conv2d): stride must be an integer (or integers) in the 32-bit range:"
                                + " 1.5"),
                Arguments.of(
                        "kernel with the wrong number of dimensions",
                        layers("{\"name\": \"c\", \"type\": \"conv2d\", \"outChannels\": 8,"
                                + " \"kernel\": [3, 3, 3]}"),
                        "layers[0] 'c' (conv2d): kernel must be an integer or an array of 2 integers: "
                                + "[3,3,3]"),
                Arguments.of(
                        "padding of the wrong length",
                        layers("{\"name\": \"c\", \"type\": \"conv2d\", \"outChannels\": 8, \"kernel\": 3,"
                                + " \"padding\": [1, 1, 1]}"),
                        "padding must be an integer, an array of 2 integers, or of 4 integers (begins, then "
                                + "ends): [1,1,1]"),
                Arguments.of(
                        "element width out of range",
                        "{\"name\": \"bad\", \"bytesPerElement\": 0, \"inputs\": [{\"name\": \"image\", "
                                + "\"shape\": [3, 8, 8]}], \"layers\": [{\"name\": \"r\", \"type\": \"relu\"}]}",
                        "network JSON: bytesPerElement must be in [1, 8]: 0"),
                Arguments.of(
                        "unknown top-level field",
                        "{\"name\": \"bad\", \"input\": [], \"inputs\": [], \"layers\": []}",
                        "network JSON: network: unknown field 'input'"),
                Arguments.of(
                        "unknown upsample mode",
                        layers("{\"name\": \"u\", \"type\": \"upsample\", \"scaleFactor\": 2,"
                                + " \"mode\": \"cubic\"}"),
                        "layers[0] 'u' (upsample): mode must be one of [nearest, linear]: \"cubic\""),
                Arguments.of(
                        "sparsity on a layer without weights",
                        layers("{\"name\": \"r\", \"type\": \"relu\", \"weightSparsity\": 0.5}"),
                        "layers[0] 'r' (relu): weightSparsity must be 0 for relu, which has no weights"),
                Arguments.of(
                        "sparsity out of range",
                        layers("{\"name\": \"c\", \"type\": \"conv2d\", \"outChannels\": 8, \"kernel\": 3,"
                                + " \"weightSparsity\": -0.1}"),
                        "layers[0] 'c' (conv2d): weightSparsity must be in [0, 1]: -0.1"),
                Arguments.of(
                        "missing layer name",
                        layers("{\"type\": \"relu\"}"),
                        "network JSON: layers[0]: name is required"),
                Arguments.of(
                        "layers not an array",
                        "{\"name\": \"bad\", \"inputs\": [], \"layers\": {}}",
                        "network: layers must be an array of layer objects: {}"),
                Arguments.of(
                        "pixel shuffle on indivisible channels",
                        layers("{\"name\": \"ps\", \"type\": \"pixel_shuffle\", \"upscaleFactor\": 2}"),
                        "layers[0] 'ps' (pixel_shuffle): upscaleFactor squared (4) must divide the input "
                                + "channels (3): 2"),
                Arguments.of(
                        "duplicate key",
                        layers("{\"name\": \"c\", \"name\": \"d\", \"type\": \"relu\"}"),
                        "network JSON: malformed document at line 1, column "),
                Arguments.of(
                        "malformed JSON",
                        HEAD + "{\"name\": \"c\" \"type\": \"relu\"}]}",
                        "network JSON: malformed document at line 1, column"),
                Arguments.of("empty document", "", "network JSON: document is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNetworks")
    void badInputFailsWithAMessageNamingLayerFieldAndValue(
            String description, String json, String expectedFragment) {
        WorkloadFormatException e =
                assertThrows(WorkloadFormatException.class, () -> NetworkFormat.fromJson(json));
        assertTrue(
                e.getMessage().contains(expectedFragment),
                description + ": expected <" + expectedFragment + "> in <" + e.getMessage() + ">");
    }

    @Test
    void firstLayerNeedsExplicitInputsWhenThereAreSeveralNetworkInputs() {
        String json =
                "{\"name\": \"two\", \"inputs\": [{\"name\": \"a\", \"shape\": [4]}, "
                        + "{\"name\": \"b\", \"shape\": [4]}], \"layers\": [{\"name\": \"r\", "
                        + "\"type\": \"relu\"}]}";
        WorkloadFormatException e =
                assertThrows(WorkloadFormatException.class, () -> NetworkFormat.fromJson(json));
        assertEquals(
                "network JSON: layers[0] 'r' (relu): inputs must be given for the first layer of a "
                        + "network with several inputs",
                e.getMessage());
    }

    @Test
    void fileErrorsStartWithTheFileName(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken-net.json");
        Files.writeString(
                file,
                layers("{\"name\": \"c\", \"type\": \"conv2d\", \"outChannels\": 8, \"kernel\": 3,"
                        + " \"groups\": 2}"),
                StandardCharsets.UTF_8);
        WorkloadFormatException e =
                assertThrows(WorkloadFormatException.class, () -> NetworkFormat.read(file));
        assertEquals(
                file + ": layers[0] 'c' (conv2d): groups must divide the input channels (3): 2 "
                        + "(input tensors: 'image' [3, 8, 8])",
                e.getMessage());

        Path yaml = dir.resolve("broken-net.yaml");
        Files.writeString(
                yaml,
                "name: bad\ninputs:\n  - name: image\n    shape: [3, 8, 8]\nlayers:\n"
                        + "  - name: sum\n    type: add\n",
                StandardCharsets.UTF_8);
        e = assertThrows(WorkloadFormatException.class, () -> NetworkFormat.read(yaml));
        assertEquals(
                yaml + ": layers[0] 'sum' (add): inputs of add must be at least 2 tensors: 1 given "
                        + "(input tensors: 'image' [3, 8, 8])",
                e.getMessage());

        Path syntax = dir.resolve("syntax.json");
        Files.writeString(syntax, "{\n  \"name\": \"x\",\n  \"inputs\": [\n}", StandardCharsets.UTF_8);
        e = assertThrows(WorkloadFormatException.class, () -> NetworkFormat.read(syntax));
        assertTrue(e.getMessage().startsWith(syntax + ": malformed document at line 4, column 1"),
                e.getMessage());
    }

    @Test
    void layerTypeIdsAreTheDocumentedOnes() {
        assertEquals(
                List.of("add", "avg_pool2d", "avg_pool3d", "batch_norm", "concat", "conv2d", "conv3d",
                        "conv_transpose2d", "conv_transpose3d", "depthwise_conv2d", "embedding", "flatten",
                        "gelu", "global_avg_pool", "hard_sigmoid", "hard_swish", "layer_norm", "leaky_relu",
                        "linear", "matmul", "max_pool2d", "max_pool3d", "mul", "pad", "pixel_shuffle", "relu",
                        "relu6", "reshape", "resize", "sigmoid", "silu", "slice", "softmax", "tanh", "transpose",
                        "upsample"),
                NetworkFormat.layerTypeIds());
    }

    // ---------------------------------------------------------------------------------------------
    // Random valid networks for the round-trip property

    @Provide
    Arbitrary<NetworkSpec> networks() {
        Arbitrary<Integer> channels = Arbitraries.integers().between(1, 8);
        Arbitrary<Integer> side = Arbitraries.integers().between(4, 24);
        Arbitrary<List<Integer>> choices =
                Arbitraries.integers().between(0, 1_000_000).list().ofMinSize(1).ofMaxSize(16);
        Arbitrary<Double> sparsity = Arbitraries.doubles().between(0.0, 1.0);
        Arbitrary<Integer> bytes = Arbitraries.integers().between(1, 8);
        Arbitrary<Integer> batch = Arbitraries.integers().between(1, 4);
        return Combinators.combine(channels, side, side, choices, sparsity, bytes, batch)
                .as(NetworkFormatTest::randomNetwork);
    }

    /** Interprets each choice as an op that fits the current tensor, so the network is valid. */
    private static NetworkSpec randomNetwork(
            int channels, int h, int w, List<Integer> choices, double sparsity, int bytes, int batch) {
        List<LayerSpec> layers = new ArrayList<>();
        List<String> names = new ArrayList<>(List.of("x"));
        List<TensorShape> shapes = new ArrayList<>(List.of(TensorShape.chw(channels, h, w)));
        for (int i = 0; i < choices.size(); i++) {
            int choice = choices.get(i);
            int p = choice / 20;
            TensorShape x = shapes.get(shapes.size() - 1);
            String last = names.get(names.size() - 1);
            LayerOp op;
            List<String> inputs = List.of(last);
            switch (choice % 20) {
                case 0 -> {
                    int k = 1 + 2 * (p % 3);
                    int out = 1 + p % 8;
                    int groups = (x.channels() % 2 == 0 && out % 2 == 0 && (p / 8) % 2 == 0) ? 2 : 1;
                    op = new LayerOp.Conv2d(out, Window.square(k, 1 + (p / 16) % 2, k / 2), groups,
                            (p / 32) % 2 == 0);
                }
                case 1 -> op = new LayerOp.DepthwiseConv2d(1 + p % 2, Window.square(3, 1, 1), p % 3 == 0);
                case 2 -> op = LayerOp.batchNorm();
                case 3 -> op = LayerOp.activation(
                        LayerOp.ActivationFunction.values()[p % LayerOp.ActivationFunction.values().length]);
                case 4 -> op = LayerOp.maxPool2d(2, 2, 0);
                case 5 -> op = LayerOp.avgPool2d(3, 1, 1);
                case 6 -> {
                    int j = shapes.indexOf(x);
                    boolean earlier = j < shapes.size() - 1;
                    op = earlier ? LayerOp.add() : LayerOp.relu6();
                    inputs = earlier ? List.of(last, names.get(j)) : inputs;
                }
                case 7 -> {
                    int j = -1;
                    for (int k = 0; k < shapes.size() - 1; k++) {
                        if (shapes.get(k).spatialDims().equals(x.spatialDims())) {
                            j = k;
                        }
                    }
                    op = j >= 0 ? LayerOp.concat() : LayerOp.batchNorm();
                    inputs = j >= 0 ? List.of(names.get(j), last) : inputs;
                }
                case 8 -> op = x.spatial(0) <= 32
                        ? new LayerOp.Upsample(2, LayerOp.UpsampleMode.values()[p % 2]) : LayerOp.relu();
                case 9 -> op = x.channels() % 4 == 0 ? LayerOp.pixelShuffle(2)
                        : LayerOp.conv2d(4, 1, 1, 0, false);
                case 10 -> op = LayerOp.pad(List.of(p % 2, p % 3, 0), List.of(0, 1, p % 2));
                case 11 -> op = new LayerOp.Conv2d(2 + p % 3,
                        new Window(List.of(3, 1), List.of(1, 2), List.of(1 + p % 2, 1), List.of(2, 0),
                                List.of(1, 0)),
                        1, false);
                case 12 -> op = x.spatial(0) <= 16
                        ? new LayerOp.ConvTranspose(1 + p % 4, Window.square(2 + p % 2, 2, p % 2), 1, p % 2 == 0,
                                List.of(p % 2, 0))
                        : LayerOp.relu();
                case 13 -> {
                    op = new LayerOp.Mul();
                    inputs = List.of(last, last);
                }
                case 14 -> op = new LayerOp.Softmax(p % 3);
                case 15 -> op = new LayerOp.LayerNorm();
                case 16 -> op = new LayerOp.Transpose(List.of(0, 2, 1));
                case 17 -> op = x.channels() >= 2 ? new LayerOp.Slice(0, p % (x.channels() - 1), x.channels())
                        : LayerOp.relu();
                case 18 -> op = new LayerOp.Resize(List.of(x.spatial(0) + 1, Math.max(1, x.spatial(1) - 1)),
                        LayerOp.UpsampleMode.values()[p % 2]);
                case 19 -> op = new LayerOp.Reshape(List.of(x.channels(), -1, x.spatial(1)));
                default -> op = LayerOp.globalAvgPool();
            }
            List<TensorShape> in = new ArrayList<>();
            for (String input : inputs) {
                in.add(shapes.get(names.indexOf(input)));
            }
            TensorShape out;
            try {
                out = op.outputShape(in);
            } catch (WorkloadFormatException e) {
                continue; // e.g. a window that no longer fits a shrunken map: skip this choice
            }
            String name = "l" + i;
            double s = op.hasWeights() && p % 3 == 0 ? sparsity : 0.0;
            int elementBytes = p % 5 == 0 ? 1 + p % 4 : LayerSpec.NETWORK_ELEMENT_BYTES;
            layers.add(new LayerSpec(name, inputs, op, s, elementBytes));
            names.add(name);
            shapes.add(out);
        }
        TensorShape last = shapes.get(shapes.size() - 1);
        layers.add(LayerSpec.of("flatten", LayerOp.flatten(), names.get(names.size() - 1)));
        layers.add(LayerSpec.of("fc", LayerOp.linear((int) last.elementCount(), 3, true), "flatten"));
        return new NetworkSpec(
                "random", List.of(new NetworkInput("x", shapes.get(0))), layers, bytes, batch);
    }
}
