package se.lotsen.knowledge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the knowledge module.
 *
 * @param maxMaterialSize the largest material that may be uploaded ({@code lotsen.knowledge.max-material-size},
 *                        default 20MB). The servlet container's multipart limits
 *                        ({@code spring.servlet.multipart.max-file-size}) must be at least this large; a larger upload
 *                        is refused with the same message either way.
 */
@ConfigurationProperties("lotsen.knowledge")
public record KnowledgeProperties(@DefaultValue("20MB") DataSize maxMaterialSize) {

    public KnowledgeProperties {
        if (maxMaterialSize == null || maxMaterialSize.toBytes() <= 0) {
            throw new IllegalArgumentException("lotsen.knowledge.max-material-size must be positive");
        }
    }
}
