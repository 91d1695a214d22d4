package dev.cfbuilds.model.runtime;

import com.squareup.moshi.Moshi;
import dev.cfbuilds.generated.api.BuildsApi;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import retrofit2.Converter;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Wires the generated {@link BuildsApi} and models to Moshi and Retrofit.
 *
 * <p>The generator's own {@code ApiClient} and {@code JSON} classes speak Gson only; this is their
 * small Moshi replacement. Both methods are cheap to call: the {@link Moshi} instance is built once
 * and caches its adapters, so share it rather than building another.
 */
public final class ApiWiring {
  private static final Moshi MOSHI =
      new Moshi.Builder()
          .add(new LosslessAdapters())
          .add(new UnknownEnumFallbackFactory())
          .add(ScalarAdapters.OFFSET_DATE_TIME)
          .add(ScalarAdapters.UUID)
          .add(ScalarAdapters.URI)
          .build();

  private ApiWiring() {}

  /**
   * Returns the shared {@link Moshi} that reads and writes the generated models.
   *
   * <p>It reads the models without losing anything: unknown properties, values of another JSON type
   * than the spec's and unknown enum texts are kept as raw JSON and written back as received (see
   * {@link LosslessModel}). It knows {@code OffsetDateTime} (RFC 3339), {@code UUID} and {@code
   * URI}, and reads an enum value that the spec does not list as the enum's {@code UNKNOWN}.
   */
  public static Moshi moshi() {
    return MOSHI;
  }

  /**
   * Returns a {@link BuildsApi} that sends its calls through {@code client} to {@code baseUrl}.
   *
   * @param client the OkHttp client to use, with whatever interceptors the caller needs
   * @param baseUrl the API root, such as {@code https://api.cloudflare.com/client/v4/}; it must end
   *     in {@code /}
   */
  public static BuildsApi buildsApi(OkHttpClient client, HttpUrl baseUrl) {
    return buildsApi(client, baseUrl, new Converter.Factory() {});
  }

  /**
   * Returns a {@link BuildsApi} as {@link #buildsApi(OkHttpClient, HttpUrl)} does, with {@code
   * first} asked for each converter before the shared {@link Moshi}'s; {@code first} may wrap
   * Moshi's through {@link Retrofit#nextResponseBodyConverter}.
   */
  public static BuildsApi buildsApi(OkHttpClient client, HttpUrl baseUrl, Converter.Factory first) {
    Objects.requireNonNull(client, "client == null");
    Objects.requireNonNull(baseUrl, "baseUrl == null");
    Objects.requireNonNull(first, "first == null");
    return new Retrofit.Builder()
        .client(client)
        .baseUrl(baseUrl)
        .addConverterFactory(first)
        .addConverterFactory(MoshiConverterFactory.create(MOSHI))
        .build()
        .create(BuildsApi.class);
  }
}
