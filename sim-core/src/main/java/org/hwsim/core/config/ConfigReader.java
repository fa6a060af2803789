package org.hwsim.core.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Reads YAML or JSON (JSON is YAML) into immutable, validating records with Jackson, turning every
 * failure into a {@link ConfigException} that names the source, the field path and the reason.
 *
 * <p>Unknown fields are errors (a misspelt {@code adcBit} must not silently fall back to a
 * default), and so are nulls for primitives. Records mark required fields with
 * {@code @JsonProperty(required = true)}; optional ones are boxed and default when absent.
 */
public final class ConfigReader {
    private static final ObjectMapper MAPPER = newMapper();

    private ConfigReader() {
    }

    /** The mapper configured for hwsim configs (strict; safe to share, it is thread-safe). */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads {@code type} from a YAML or JSON file. */
    public static <T> T read(Path file, Class<T> type) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), type);
        } catch (IOException e) {
            throw new ConfigException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads {@code type} from a class-path resource, e.g. {@code "/org/hwsim/core/energy/x.yaml"}. */
    public static <T> T readResource(String resource, Class<T> type) {
        InputStream in = ConfigReader.class.getResourceAsStream(resource);
        if (in == null) {
            throw new ConfigException("resource not found: " + resource);
        }
        try (in) {
            return read(in, resource, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads {@code type} from a stream; {@code source} names it in error messages. */
    public static <T> T read(InputStream in, String source, Class<T> type) {
        try {
            T value = MAPPER.readValue(in, type);
            if (value == null) {
                throw new ConfigException(source + ": empty document, expected a " + type.getSimpleName());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(source, e), e);
        } catch (IOException e) {
            throw new ConfigException(source + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** Reads {@code type} from a string; {@code source} names it in error messages. */
    public static <T> T readString(String text, String source, Class<T> type) {
        try {
            T value = MAPPER.readValue(text, type);
            if (value == null) {
                throw new ConfigException(source + ": empty document, expected a " + type.getSimpleName());
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new ConfigException(describe(source, e), e);
        }
    }

    static String describe(String source, JsonProcessingException e) {
        StringBuilder sb = new StringBuilder(source);
        if (e.getLocation() != null && e.getLocation().getLineNr() > 0) {
            sb.append(':').append(e.getLocation().getLineNr());
        }
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            String field = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            sb.append(": field '").append(field).append('\'');
        }
        Throwable cause = e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : null;
        sb.append(": ").append(cause != null ? cause.getMessage() : e.getOriginalMessage());
        return sb.toString();
    }

    private static ObjectMapper newMapper() {
        ObjectMapper m = new ObjectMapper(new YAMLFactory());
        m.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        m.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        return m;
    }
}
