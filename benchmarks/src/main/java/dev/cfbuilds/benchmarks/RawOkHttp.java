package dev.cfbuilds.benchmarks;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
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

  /**
   * Enqueues {@code request} on {@code okHttp} and returns its builds, decoded on OkHttp's thread
   * as an asynchronous floor would.
   */
  static CompletableFuture<Map<String, Build>> enqueue(OkHttpClient okHttp, Request request) {
    CompletableFuture<Map<String, Build>> result = new CompletableFuture<>();
    okHttp
        .newCall(request)
        .enqueue(
            new Callback() {
              @Override
              public void onFailure(Call call, IOException e) {
                result.completeExceptionally(e);
              }

              @Override
              public void onResponse(Call call, Response response) {
                try (response) {
                  result.complete(decode(response));
                } catch (IOException | RuntimeException e) {
                  result.completeExceptionally(e);
                }
              }
            });
    return result;
  }
}
