package dev.cfbuilds.client.internal;

import com.squareup.moshi.JsonAdapter;
import dev.cfbuilds.client.errors.BadRequestException;
import dev.cfbuilds.client.errors.CloudflareException;
import dev.cfbuilds.client.errors.CloudflareIoException;
import dev.cfbuilds.client.errors.CloudflareServiceException;
import dev.cfbuilds.client.errors.InternalServerException;
import dev.cfbuilds.client.errors.MalformedResponseException;
import dev.cfbuilds.client.errors.NotFoundException;
import dev.cfbuilds.client.errors.PermissionDeniedException;
import dev.cfbuilds.client.errors.RateLimitException;
import dev.cfbuilds.client.errors.UnauthorizedException;
import dev.cfbuilds.client.errors.UnexpectedStatusCodeException;
import dev.cfbuilds.generated.model.ApiError;
import dev.cfbuilds.generated.model.Build;
import dev.cfbuilds.generated.model.BuildsByVersionIdsResponse;
import dev.cfbuilds.model.runtime.ApiWiring;
import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.Request;
import okhttp3.ResponseBody;
import retrofit2.Response;

/** Turns one response, or one failure, into the builds it carries or the exception users see. */
final class ResponseMapper {
  /** How much of a body that is not Cloudflare's JSON (an HTML error page) goes into a message. */
  static final int MAX_EXCERPT = 200;

  /** How much of Cloudflare's error messages, or of the decoder's message, goes into a message. */
  static final int MAX_DETAIL = 500;

  private static final JsonAdapter<BuildsByVersionIdsResponse> ENVELOPE =
      ApiWiring.moshi().adapter(BuildsByVersionIdsResponse.class);

  private final Clock clock;

  ResponseMapper(Clock clock) {
    this.clock = clock;
  }

  /**
   * Returns the builds of a response, keyed as the API keyed them.
   *
   * @throws CloudflareException for an error status, {@code "success": false}, or a body that is
   *     not the envelope
   */
  Map<String, Build> builds(Request request, Response<BuildsByVersionIdsResponse> response) {
    if (!response.isSuccessful()) {
      throw serviceException(request, response);
    }
    BuildsByVersionIdsResponse body = response.body();
    if (body == null) {
      throw new MalformedResponseException(
          describe(request) + " returned " + response.code() + " with an empty body",
          response.code(),
          null);
    }
    boolean successUnreadable = body._mismatchedProperties().contains("success");
    if (body.getSuccess() == null && !successUnreadable) {
      throw new MalformedResponseException(
          describe(request)
              + " returned a body that is not the"
              + " expected JSON: required value 'success' missing at path $",
          response.code(),
          null);
    }
    if (Boolean.FALSE.equals(body.getSuccess())) {
      throw new CloudflareServiceException(
          describe(request)
              + " returned "
              + response.code()
              + " with \"success\": false"
              + errorSummary(body.getErrors()),
          response.code(),
          nonNull(body.getErrors()),
          response.headers().toMultimap());
    }
    String unreadable = unreadableBuilds(body);
    if (unreadable != null || (successUnreadable && body.getResult() == null)) {
      throw new MalformedResponseException(
          describe(request)
              + " returned a body that is not the expected JSON: "
              + (unreadable != null
                  ? unreadable + " is not an object"
                  : "'success' is not a boolean and there is no result"),
          response.code(),
          null);
    }
    if (body.getResult() == null || body.getResult().getBuilds() == null) {
      return Map.of();
    }
    return body.getResult().getBuilds();
  }

  /**
   * Returns the JSON path of {@code result} or {@code result.builds} if the API sent something
   * other than an object (or null) there, or null. Every other unexpected value only leaves its
   * property's typed getter null; without the builds object, though, no build can be read.
   */
  private static String unreadableBuilds(BuildsByVersionIdsResponse body) {
    if (body._mismatchedProperties().contains("result")) {
      return "$.result";
    }
    if (body.getResult() != null && body.getResult()._mismatchedProperties().contains("builds")) {
      return "$.result.builds";
    }
    return null;
  }

  /** Returns the exception for a call that produced no usable response. */
  CloudflareException failure(Request request, Throwable failure) {
    if (failure instanceof DecodeFailures.DecodeFailure) {
      return new MalformedResponseException(
          describe(request)
              + " returned a body that is not the"
              + " expected JSON: "
              + oneLine(String.valueOf(failure.getMessage()), MAX_DETAIL),
          DecodeFailures.status(request),
          failure.getCause());
    }
    if (failure instanceof NotSent) {
      return ((NotSent) failure).exception;
    }
    if (failure instanceof IOException) {
      return new CloudflareIoException(describe(request), (IOException) failure);
    }
    if (failure instanceof CloudflareException) {
      return (CloudflareException) failure;
    }
    return new CloudflareException(describe(request) + " failed unexpectedly: " + failure, failure);
  }

  CloudflareServiceException serviceException(Request request, Response<?> response) {
    int code = response.code();
    String text = bodyText(response.errorBody());
    List<ApiError> errors = List.of();
    String detail;
    BuildsByVersionIdsResponse envelope = parseEnvelope(text);
    if (envelope != null && envelope.getErrors() != null && !envelope.getErrors().isEmpty()) {
      errors = nonNull(envelope.getErrors());
      detail = errorSummary(errors);
    } else if (text.isBlank()) {
      detail = "";
    } else {
      detail = ": " + excerpt(text);
    }
    String message = describe(request) + " returned " + code + statusText(code) + detail;
    Map<String, List<String>> headers = response.headers().toMultimap();
    switch (code) {
      case 400:
        return new BadRequestException(message, code, errors, headers);
      case 401:
        return new UnauthorizedException(
            message + "\n" + UnauthorizedException.TOKEN_HINT, code, errors, headers);
      case 403:
        return new PermissionDeniedException(message, code, errors, headers);
      case 404:
        return new NotFoundException(message, code, errors, headers);
      case 429:
        return new RateLimitException(
            message,
            code,
            errors,
            headers,
            RetryAfter.parse(response.headers().get("Retry-After"), clock));
      default:
        return code >= 500
            ? new InternalServerException(message, code, errors, headers)
            : new UnexpectedStatusCodeException(message, code, errors, headers);
    }
  }

  /** Returns "GET /client/v4/accounts/…/builds/builds", the part of a request a message names. */
  static String describe(Request request) {
    return request.method() + " " + request.url().encodedPath();
  }

  private static String statusText(int code) {
    switch (code) {
      case 400:
        return " Bad Request";
      case 401:
        return " Unauthorized";
      case 403:
        return " Forbidden";
      case 404:
        return " Not Found";
      case 429:
        return " Too Many Requests";
      case 500:
        return " Internal Server Error";
      case 502:
        return " Bad Gateway";
      case 503:
        return " Service Unavailable";
      case 504:
        return " Gateway Timeout";
      default:
        return "";
    }
  }

  static String errorSummary(List<ApiError> errors) {
    if (errors == null || errors.isEmpty()) {
      return "";
    }
    StringBuilder out = new StringBuilder(":");
    for (ApiError error : nonNull(errors)) {
      out.append(" [").append(error.getCode()).append("] ").append(error.getMessage()).append(';');
    }
    out.setLength(out.length() - 1);
    return oneLine(out.toString(), MAX_DETAIL);
  }

  private static List<ApiError> nonNull(List<ApiError> errors) {
    List<ApiError> out = new ArrayList<>();
    if (errors != null) {
      for (ApiError error : errors) {
        if (error != null) {
          out.add(error);
        }
      }
    }
    return out;
  }

  private static BuildsByVersionIdsResponse parseEnvelope(String text) {
    try {
      return ENVELOPE.fromJson(text);
    } catch (IOException | RuntimeException notTheEnvelope) {
      return null;
    }
  }

  private static String bodyText(ResponseBody body) {
    if (body == null) {
      return "";
    }
    try (body) {
      return body.string();
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * Returns the start of {@code text} on one line, whitespace folded, at most {@value #MAX_EXCERPT}
   * chars.
   */
  static String excerpt(String text) {
    return oneLine(text, MAX_EXCERPT);
  }

  /**
   * Returns the start of {@code text}, which the server chose, safe for a message that is logged:
   * on one line (whitespace and line separators folded, control characters escaped), at most {@code
   * max} chars.
   */
  private static String oneLine(String text, int max) {
    return VersionIds.printable(text.replaceAll("[\\s\\u2028\\u2029]+", " ").trim(), max);
  }
}
