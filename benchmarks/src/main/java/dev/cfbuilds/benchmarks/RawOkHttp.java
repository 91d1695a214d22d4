package dev.cfbuilds.benchmarks;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Builds the floors' requests and decodes their responses: raw OkHttp and Moshi into the generated
 * models, with nothing of our client in between.
 */
final class RawOkHttp {
  private static final JsonAdapter<BuildsByVersionIdsResponse> ENVELOPE =
      ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class);

  private RawOkHttp() {}

  /** Returns the request for the builds of {@code ids}, with the bearer token. */
  static Request request(HttpUrl baseUrl, List<String> ids) {
    return new Request.Builder()
        .url(
            baseUrl
                .newBuilder()
                .addPathSegment("accounts")
                .addPathSegment(Fixtures.ACCOUNT_ID)
                .addPathSegment("builds")
                .addPathSegment("builds")
                .addEncodedQueryParameter("version_ids", String.join(",", ids))
                .build())
        .header("Authorization", "Bearer " + Fixtures.API_TOKEN)
        .build();
  }

  /** Returns the builds in {@code response}, decoded with the shared adapter. */
  static Map<String, Build> decode(Response response) throws IOException {
    if (!response.isSuccessful()) {
      throw new IOException("HTTP " + response.code());
    }
    return ENVELOPE.fromJson(response.body().source()).getResult().getBuilds();
  }
}
