package org.hwsim.core.workload;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Reads and writes {@link NetworkSpec}s as JSON (or YAML, chosen by the file extension {@code
 * .yaml}/{@code .yml}).
 *
 * <h2>Format</h2>
 *
 * <pre>{@code
 * {
 *   "name": "tiny-resnet",
 *   "bytesPerElement": 1,
 *   "inputs": [ {"name": "image", "shape": [3, 32, 32]} ],
 *   "layers": [
 *     {"name": "conv1", "type": "conv2d", "outChannels": 16, "kernel": 3, "padding": 1, "bias": false},
 *     {"name": "bn1", "type": "batch_norm"},
 *     {"name": "relu1", "type": "relu"},
 *     {"name": "conv2", "type": "conv2d", "outChannels": 16, "kernel": 3, "padding": 1,
 *      "weightSparsity": 0.5},
 *     {"name": "sum", "type": "add", "inputs": ["conv2", "relu1"]},
 *     {"name": "pool", "type": "global_avg_pool"},
 *     {"name": "flat", "type": "flatten"},
 *     {"name": "fc", "type": "linear", "inFeatures": 16, "outFeatures": 10}
 *   ]
 * }
 * }</pre>
 *
 * <ul>
 *   <li>Top level: {@code name} (required), {@code bytesPerElement} (default 1), {@code batch}
 *       (default 1), {@code inputs} (each {@code name} and {@code shape}, channel first, no
 *       batch), {@code layers}.
 *   <li>Every layer: {@code name}, {@code type}; optional {@code inputs} (names of network inputs
 *       or layers; default: the previous layer, or the only network input for the first layer),
 *       {@code weightSparsity} (default 0) and {@code elementBytes} (default 0: the network's).
 *   <li>Types and their fields (defaults in parentheses): {@code conv2d}, {@code conv3d}:
 *       outChannels, kernel, stride (1), padding (0), dilation (1), groups (1), bias (true);
 *       {@code depthwise_conv2d}: depthMultiplier (1), kernel, stride, padding, dilation, bias;
 *       {@code linear}: inFeatures, outFeatures, bias (true); {@code max_pool2d}, {@code
 *       max_pool3d}, {@code avg_pool2d}, {@code avg_pool3d}: kernel, stride (= kernel), padding
 *       (0), dilation (1); {@code upsample}: scaleFactor, mode ({@code "nearest"} or {@code
 *       "linear"}); {@code pixel_shuffle}: upscaleFactor; {@code pad}: begin, end (one entry per
 *       dimension, channels first); no fields: {@code batch_norm}, {@code relu}, {@code relu6},
 *       {@code leaky_relu}, {@code gelu}, {@code sigmoid}, {@code tanh}, {@code silu}, {@code
 *       hard_swish}, {@code hard_sigmoid}, {@code global_avg_pool}, {@code add}, {@code mul}
 *       (broadcasting), {@code concat} (along channels), {@code flatten}, {@code matmul}, {@code
 *       layer_norm}; {@code conv_transpose2d}, {@code conv_transpose3d}: as conv2d plus
 *       outputPadding (0); {@code softmax}: axis (0); {@code reshape}: shape (one entry may be
 *       -1); {@code transpose}: permutation; {@code slice}: axis (0), start, end; {@code resize}:
 *       sizes (one per spatial dimension), mode; {@code embedding}: vocabSize, dim.
 *   <li>kernel, stride and dilation are an integer (every spatial dimension) or an array with one
 *       entry per spatial dimension. padding is an integer, one entry per dimension (symmetric),
 *       or begins followed by ends (ONNX {@code pads} order), e.g. {@code [0, 0, 1, 1]} pads
 *       only after H and W.
 * </ul>
 *
 * <p>Reading fails early with a {@link WorkloadFormatException} naming the file, the layer (index
 * and name), the field, the value and what was expected, e.g. {@code "net.json: layers[3] 'fc'
 * (linear): inFeatures must equal the input's 1024 features: 512 (input tensors: 'flat'
 * [1024])"}. Unknown fields, duplicate keys, unknown types and unknown input names are errors.
 * Writing emits every op field explicitly and omits only implicit {@code inputs} and zero
 * sparsity, so {@code read(write(spec))} equals {@code spec}.
 */
public final class NetworkFormat {

    private static final ObjectMapper JSON =
            new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final ObjectMapper YAML =
            new YAMLMapper(new YAMLFactory()).enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private NetworkFormat() {}

    /** The layer type ids the format accepts, sorted. */
    public static List<String> layerTypeIds() {
        return NetworkJsonCodec.typeIds();
    }

    /**
     * Parses a network from JSON text.
     *
     * @throws WorkloadFormatException if the text is malformed or describes an invalid network
     */
    public static NetworkSpec fromJson(String json) {
        return parse(JSON, json, "network JSON");
    }

    /**
     * Parses a network from YAML text with the same structure as the JSON format.
     *
     * @throws WorkloadFormatException if the text is malformed or describes an invalid network
     */
    public static NetworkSpec fromYaml(String yaml) {
        return parse(YAML, yaml, "network YAML");
    }

    /** The network as JSON text: one line per layer, ending with a newline. */
    public static String toJson(NetworkSpec spec) {
        return NetworkJsonCodec.toJsonText(spec, JSON);
    }

    /** The network as YAML text. */
    public static String toYaml(NetworkSpec spec) {
        try {
            return YAML.writeValueAsString(NetworkJsonCodec.toTree(spec));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a YAML tree", e);
        }
    }

    /**
     * Reads a network file: YAML if its name ends with {@code .yaml} or {@code .yml}, else JSON.
     *
     * @throws IOException if the file cannot be read
     * @throws WorkloadFormatException if the content is invalid; the message starts with the file
     *     name
     */
    public static NetworkSpec read(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return parse(isYaml(file) ? YAML : JSON, text, file.toString());
    }

    /**
     * Reads a network from a stream (e.g. a class-path resource), JSON or YAML by {@code
     * sourceName}'s extension; {@code sourceName} prefixes error messages.
     *
     * @throws IOException if the stream cannot be read
     * @throws WorkloadFormatException if the content is invalid
     */
    public static NetworkSpec read(InputStream in, String sourceName) throws IOException {
        String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        return parse(isYaml(Path.of(sourceName)) ? YAML : JSON, text, sourceName);
    }

    /** Writes a network file, YAML if its name ends with {@code .yaml} or {@code .yml}, else JSON. */
    public static void write(NetworkSpec spec, Path file) throws IOException {
        Files.writeString(file, isYaml(file) ? toYaml(spec) : toJson(spec), StandardCharsets.UTF_8);
    }

    private static boolean isYaml(Path file) {
        Path fileName = file.getFileName();
        String name = fileName == null ? "" : fileName.toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml");
    }

    private static NetworkSpec parse(ObjectMapper mapper, String text, String source) {
        JsonNode root;
        try {
            root = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation where = e.getLocation();
            String position =
                    where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw new WorkloadFormatException(
                    source + ": malformed document" + position + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new WorkloadFormatException(source + ": document is empty");
        }
        try {
            return NetworkJsonCodec.fromTree(root);
        } catch (WorkloadFormatException e) {
            throw e.withContext(source);
        }
    }
}
