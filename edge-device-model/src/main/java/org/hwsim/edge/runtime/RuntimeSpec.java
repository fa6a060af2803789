package org.hwsim.edge.runtime;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An inference runtime (TensorRT, TFLite, ncnn, ...): the paths by which it reaches a device's
 * units and the graph rewrites its compiler applies. Kernel efficiencies and overheads are not
 * here: they are fitted per runtime and path ({@code CostTable}).
 *
 * @param id stable id, e.g. {@code "tensorrt"}
 * @param name display name
 * @param source where the fusion and support facts come from
 * @param paths unit path id ({@code cpu}, {@code gpu}, {@code dsp}, {@code npu}, {@code dla},
 *     {@code nnapi}) to how the runtime uses it
 * @param fusion fusion rule ids the compiler applies
 */
public record RuntimeSpec(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        String source,
        @JsonProperty(required = true) Map<String, PathSpec> paths,
        List<String> fusion) {

    /** Validates the fields. */
    public RuntimeSpec {
        if (id == null || id.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        source = source == null ? "" : source;
        if (paths == null || paths.isEmpty()) {
            throw new IllegalArgumentException("paths must list at least one unit path");
        }
        paths = Map.copyOf(paths);
        fusion = fusion == null ? List.of() : List.copyOf(fusion);
        for (String rule : fusion) {
            if (FusionRule.fromId(rule).isEmpty()) {
                throw new IllegalArgumentException("fusion must hold rule ids "
                        + java.util.Arrays.stream(FusionRule.values()).map(FusionRule::id).toList() + ": '"
                        + rule + "'");
            }
        }
        for (Map.Entry<String, PathSpec> e : paths.entrySet()) {
            String fallback = e.getValue().fallback();
            if (fallback != null && !paths.containsKey(fallback)) {
                throw new IllegalArgumentException("paths." + e.getKey() + ".fallback must be another path of "
                        + id + " " + paths.keySet() + ": '" + fallback + "'");
            }
        }
    }

    /** The fusion rules as a set. */
    public Set<FusionRule> fusionRules() {
        EnumSet<FusionRule> rules = EnumSet.noneOf(FusionRule.class);
        fusion.forEach(r -> rules.add(FusionRule.fromId(r).orElseThrow()));
        return rules;
    }

    /**
     * The path with this id.
     *
     * @throws IllegalArgumentException naming the runtime and the paths it has
     */
    public PathSpec path(String pathId) {
        PathSpec path = paths.get(pathId);
        if (path == null) {
            throw new IllegalArgumentException("unit of runtime " + id + " must be one of "
                    + new java.util.TreeSet<>(paths.keySet()) + ": '" + pathId + "'");
        }
        return path;
    }
}
