package dev.cfbuilds.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.squareup.moshi.JsonAdapter;
import com.squareup.moshi.Moshi;
import dev.cfbuilds.generated.api.BuildsApi;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.model.runtime.ApiWiring;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import mockwebserver3.RecordedRequest;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import retrofit2.Retrofit;
import retrofit2.converter.moshi.MoshiConverterFactory;

/**
 * Loads the spec and its examples from the {@code cfbuilds-spec} jar, and converts JSON and YAML.
 */
final class SpecResources {
  static final String SPEC = "/dev/cfbuilds/spec/cloudflare-builds.openapi.yaml";
  static final String SAMPLE = "/dev/cfbuilds/spec/examples/get-builds-by-version-ids.200.json";
  static final String ERROR_EXAMPLE =
      "/dev/cfbuilds/spec/examples/get-builds-by-version-ids.4xx.json";
  static final String PATH = "/accounts/{account_id}/builds/builds";

  /** The folder of the example files; each is named {@code <operation>.<status>.json}. */
  static final String EXAMPLES = "/dev/cfbuilds/spec/examples/";

  /** The path of the spec's server, which every request path starts with. */
  static final String BASE_PATH = "/client/v4";

  /** The build UUID, Worker tags and Worker name that the requests of the tests name. */
  static final String BUILD_UUID = "b335c0af-9297-4d89-939f-1f502d372234";

  static final String WORKER_TAG = "e0cdf9a9729b6249ff3729acd839d320";
  static final String OTHER_WORKER_TAG = "4a5ca2fd183bc107529ff66eb6de9576";

  /** The trigger the requests that start a build name. */
  static final String TRIGGER_UUID = "7957d9af-5092-4db6-8e53-51ab9323a0ae";

  static final String WORKER_NAME = "checkout-api";

  /** The version UUID the client-path tests ask for; the sample's builds key is {@code foo}. */
  static final String VERSION_ID = "5f1ff3d6-2f1c-4bb8-9d1e-0c2f3a4b5c6d";

  /** The example credentials and account of Cloudflare's reference page. */
  static final String ACCOUNT_ID = "023e105f4ecef8ad9ca31a8372d0c353";

  static final String API_TOKEN = "Sn3lZJTBX6kkg7OdcBUAxOO963GEIyGQqnFTOFYY";
  static final String EMAIL = "user@example.com";
  static final String GLOBAL_API_KEY = "144c9defac04969c7bfad8efaa8ea194";

  private static final JsonAdapter<Object> JSON =
      new Moshi.Builder().build().adapter(Object.class).serializeNulls();
  private static final JsonAdapter<BuildsByVersionIdsResponse> RESPONSE =
      ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class);

  private SpecResources() {}

  /**
   * One inline example of a response of the spec: the operation, its path, the response status
   * ({@code 200}, {@code 404}, {@code 4XX}, …), the example's name, the component schema of the
   * response and the example's value.
   */
  record SpecExample(
      String operationId,
      String path,
      String status,
      String name,
      String schema,
      Object value,
      String method) {

    /** Returns the classpath resource of the example file this example must equal. */
    String file() {
      return exampleFile(operationId, status);
    }

    @Override
    public String toString() {
      return operationId + " " + status + " " + name;
    }
  }

  /** Returns every inline response example of a spec tree, in the spec's order. */
  static List<SpecExample> specExamples(Map<String, Object> spec) {
    List<SpecExample> examples = new ArrayList<>();
    node(spec, "paths")
        .forEach(
            (path, item) ->
                children(item)
                    .forEach(
                        (method, operation) -> {
                          String operationId = (String) children(operation).get("operationId");
                          node(children(operation), "responses")
                              .forEach(
                                  (status, response) -> {
                                    Map<String, Object> media =
                                        node(children(response), "content", "application/json");
                                    String ref = (String) node(media, "schema").get("$ref");
                                    Map<String, Object> named =
                                        children(media.getOrDefault("examples", Map.of()));
                                    named.forEach(
                                        (name, example) ->
                                            examples.add(
                                                new SpecExample(
                                                    operationId,
                                                    path,
                                                    status,
                                                    name,
                                                    ref.substring(ref.lastIndexOf('/') + 1),
                                                    children(example).get("value"),
                                                    method.toUpperCase(Locale.ROOT))));
                                  });
                        }));
    return examples;
  }

  /** Returns the operationIds of a spec tree, in the spec's order. */
  static List<String> operationIds(Map<String, Object> spec) {
    List<String> ids = new ArrayList<>();
    node(spec, "paths")
        .values()
        .forEach(
            item ->
                children(item)
                    .values()
                    .forEach(
                        operation -> ids.add((String) children(operation).get("operationId"))));
    return ids;
  }

  /**
   * Returns the classpath resource of an operation's example file: {@code getBuildLogs} and {@code
   * 401} give {@code get-build-logs.401.json}, {@code 4XX} gives {@code .4xx.json}.
   */
  static String exampleFile(String operationId, String status) {
    String kebab = operationId.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    return EXAMPLES + kebab + "." + status.toLowerCase(Locale.ROOT) + ".json";
  }

  /**
   * Returns a spec path with its parameters filled in as the tests' requests fill them, under the
   * server's base path.
   */
  static String concretePath(String path) {
    return BASE_PATH
        + path.replace("{account_id}", ACCOUNT_ID)
            .replace("{build_uuid}", BUILD_UUID)
            .replace("{external_script_id}", WORKER_TAG)
            .replace("{trigger_uuid}", TRIGGER_UUID)
            .replace("{script_name}", WORKER_NAME);
  }

  /** Returns the generated model class of a component schema. */
  static Class<?> modelClass(String schema) {
    try {
      return Class.forName(Build.class.getPackageName() + "." + schema);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("no model class for schema " + schema, e);
    }
  }

  /** Decodes JSON into a generated model with the models' own Moshi, as the client does. */
  static <T> T decode(String json, Class<T> model) throws IOException {
    return ApiWiring.moshi().adapter(model).fromJson(json);
  }

  /** Encodes a generated model with the models' own Moshi. */
  @SuppressWarnings("unchecked")
  static String encode(Object model) {
    return ApiWiring.moshi().adapter((Class<Object>) model.getClass()).toJson(model);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> children(Object node) {
    return (Map<String, Object>) node;
  }

  /** Returns Atlassian's validator for the spec: it checks requests and responses against it. */
  static OpenApiInteractionValidator validator() {
    // swagger-request-validator 2.46.1 checks credentials only against an operation's own
    // `security`, not the document-level one; the spec repeats it on the operation for that reason.
    String spec = specYaml();
    return OpenApiInteractionValidator.createForInlineApiSpecification(spec).build();
  }

  /**
   * Returns the generated Retrofit API for {@code baseUrl}, sending {@code headers} with every
   * call: the request path the hand-written client builds on.
   */
  static BuildsApi buildsApi(HttpUrl baseUrl, Map<String, String> headers) {
    return ApiWiring.buildsApi(http(headers), baseUrl);
  }

  /**
   * Returns a Retrofit for {@code baseUrl} that reads with the models' own Moshi and sends {@code
   * headers} with every call, to create any of the generated API interfaces.
   */
  static Retrofit retrofit(HttpUrl baseUrl, Map<String, String> headers) {
    return new Retrofit.Builder()
        .client(http(headers))
        .baseUrl(baseUrl)
        .addConverterFactory(MoshiConverterFactory.create(ApiWiring.moshi()))
        .build();
  }

  private static OkHttpClient http(Map<String, String> headers) {
    return new OkHttpClient.Builder()
        .addInterceptor(
            chain -> {
              okhttp3.Request.Builder request = chain.request().newBuilder();
              headers.forEach(request::header);
              return chain.proceed(request.build());
            })
        .build();
  }

  /** Converts a request that MockWebServer received into the validator's request model. */
  static Request asValidatorRequest(RecordedRequest recorded) {
    HttpUrl url = recorded.getUrl();
    SimpleRequest.Builder request =
        new SimpleRequest.Builder(recorded.getMethod(), url.encodedPath());
    for (String name : url.queryParameterNames()) {
      request.withQueryParam(name, url.queryParameterValues(name));
    }
    Headers headers = recorded.getHeaders();
    for (String name : headers.names()) {
      request.withHeader(name, headers.values(name));
    }
    if (recorded.getBody() != null && recorded.getBody().size() > 0) {
      request.withBody(recorded.getBody().utf8());
    }
    return request.build();
  }

  /** Returns a classpath resource as text. */
  static String read(String resource) {
    try (InputStream in = SpecResources.class.getResourceAsStream(resource)) {
      assertThat(in).as("classpath resource %s", resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Returns the sample with each {@code text} in it replaced, failing if there is none, so that an
   * edit of the sample cannot leave a test checking nothing.
   */
  static String sampleWith(String text, String replacement) {
    String sample = read(SAMPLE);
    assertThat(sample).as("the sample").contains(text);
    return sample.replace(text, replacement);
  }

  static String specYaml() {
    return read(SPEC);
  }

  /** Returns the spec as a mutable tree of maps and lists, for tests that edit a copy of it. */
  static Map<String, Object> specTree() {
    return new Yaml().load(specYaml());
  }

  /** Returns a copy of the spec as YAML, after {@code change} has edited its tree. */
  static String editedSpec(Consumer<Map<String, Object>> change) {
    Map<String, Object> spec = specTree();
    change.accept(spec);
    return toYaml(spec);
  }

  /** Follows {@code keys} down a tree of maps, failing with the missing key's name. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> node(Map<String, Object> tree, String... keys) {
    Map<String, Object> node = tree;
    for (String key : keys) {
      node = (Map<String, Object>) node.get(key);
      assertThat(node).as("node %s", key).isNotNull();
    }
    return node;
  }

  /** Returns the component schema {@code name} of a spec tree. */
  static Map<String, Object> schema(Map<String, Object> spec, String name) {
    return node(spec, "components", "schemas", name);
  }

  /** Returns the values of the component enum schema {@code name} of a spec tree. */
  @SuppressWarnings("unchecked")
  static List<Object> enumValues(Map<String, Object> spec, String name) {
    return (List<Object>) schema(spec, name).get("enum");
  }

  static String toYaml(Map<String, Object> tree) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(tree);
  }

  /** Parses an OpenAPI document with swagger-parser, failing on any message it reports. */
  static OpenAPI openApi(String yaml) {
    SwaggerParseResult result = new OpenAPIV3Parser().readContents(yaml, null, null);
    assertThat(result.getMessages()).as("swagger-parser messages").isEmpty();
    return result.getOpenAPI();
  }

  /** Returns JSON as a tree of maps, lists, strings, doubles, booleans and nulls. */
  static Object jsonTree(String json) {
    try {
      return JSON.fromJson(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String json(Object tree) {
    return JSON.toJson(tree);
  }

  /**
   * Returns the sample, compact, with its one builds key, {@code foo}, replaced by {@link
   * #VERSION_ID}.
   */
  @SuppressWarnings("unchecked")
  static String sampleForVersionId() {
    Map<String, Object> sample = (Map<String, Object>) jsonTree(read(SAMPLE));
    Map<String, Object> builds = node(sample, "result", "builds");
    builds.put(VERSION_ID, builds.remove("foo"));
    return json(sample);
  }

  /** Returns the build of the sample, decoded. */
  static Build sampleBuild() throws IOException {
    return decode(read(SAMPLE)).getResult().getBuilds().get("foo");
  }

  /** Returns {@code count} distinct version UUIDs. */
  static List<String> versionIds(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new UUID(0x5f1ff3d62f1c4bb8L, i).toString())
        .toList();
  }

  /** Decodes a response body with the models' own Moshi, as the client does. */
  static BuildsByVersionIdsResponse decode(String json) throws IOException {
    return RESPONSE.fromJson(json);
  }

  static String encode(BuildsByVersionIdsResponse response) {
    return RESPONSE.toJson(response);
  }
}
