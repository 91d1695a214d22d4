package dev.cfbuilds.model.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.JsonDataException;
import com.squareup.moshi.JsonWriter;
import dev.cfbuilds.generated.model.BuildTriggerMetadata;
import dev.cfbuilds.generated.model.PullRequest;
import java.io.IOException;
import java.net.URI;
import okio.Buffer;
import org.junit.jupiter.api.Test;

/**
 * Writing models inside a caller's own JSON, repeated properties, and a {@code uri} property set
 * through a builder.
 */
class WritingBackTest {
  private static final JsonAdapter<BuildTriggerMetadata> METADATA =
      ApiWiring.moshi().adapter(BuildTriggerMetadata.class);

  @Test
  void leavesTheCallersNullSettingAsItWas() throws IOException {
    // A null inside a map and inside an unknown object are written; the caller's own null after
    // the model is not, as the caller's writer does not serialize nulls.
    BuildTriggerMetadata withNullInMap =
        METADATA.fromJson("{\"environment_variables\":{\"A\":null}}");
    assertThat(writeWithNoteAfter(withNullInMap))
        .isEqualTo("{\"metadata\":{\"environment_variables\":{\"A\":null}}}");
    BuildTriggerMetadata withUnknownObject = METADATA.fromJson("{\"extra\":{\"b\":null}}");
    assertThat(writeWithNoteAfter(withUnknownObject))
        .isEqualTo("{\"metadata\":{\"extra\":{\"b\":null}}}");
  }

  @Test
  void readsARepeatedPropertyAsItsLastValue() throws IOException {
    BuildTriggerMetadata nulled = METADATA.fromJson("{\"branch\":\"main\",\"branch\":null}");
    assertThat(nulled.getBranch()).isNull();
    assertThat(nulled._branch().isNull()).isTrue();

    BuildTriggerMetadata fixed = METADATA.fromJson("{\"branch\":5,\"branch\":\"main\"}");
    assertThat(fixed.getBranch()).isEqualTo("main");
    assertThat(fixed._rawProperties()).isEmpty();
    assertThat(fixed._mismatchedPaths()).isEmpty();
    assertThat(METADATA.toJson(fixed)).isEqualTo("{\"branch\":\"main\"}");

    BuildTriggerMetadata unknownTwice = METADATA.fromJson("{\"extra\":1,\"extra\":2}");
    assertThat(unknownTwice._additionalProperties()).containsExactly(entry("extra", 2.0));
  }

  @Test
  void refusesAnObjectWithARepeatedKeyInsideRawJson() {
    assertThatThrownBy(() -> METADATA.fromJson("{\"extra\":{\"b\":1,\"b\":2}}"))
        .isInstanceOf(JsonDataException.class)
        .hasMessageContaining("$.extra.b");
  }

  @Test
  void keepsAUriSetThroughTheBuilderAsItsText() throws IOException {
    URI url = URI.create("https://github.com/o/r/pull/1?x=%20y");
    PullRequest pullRequest = PullRequest.builder().pullRequestUrl(url).build();
    assertThat(pullRequest.getPullRequestUrl()).isEqualTo(url);
    assertThat(ApiWiring.moshi().adapter(PullRequest.class).toJson(pullRequest))
        .isEqualTo("{\"pull_request_url\":\"https://github.com/o/r/pull/1?x=%20y\"}");

    PullRequest cleared = pullRequest.toBuilder().pullRequestUrl(null).build();
    assertThat(cleared.getPullRequestUrl()).isNull();
    assertThat(cleared._pullRequestUrl().isAbsent()).isTrue();
  }

  private static String writeWithNoteAfter(BuildTriggerMetadata metadata) throws IOException {
    Buffer buffer = new Buffer();
    try (JsonWriter writer = JsonWriter.of(buffer)) {
      writer.beginObject();
      writer.name("metadata");
      METADATA.toJson(writer, metadata);
      writer.name("note");
      writer.nullValue();
      writer.endObject();
    }
    return buffer.readUtf8();
  }
}
