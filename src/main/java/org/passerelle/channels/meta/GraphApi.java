package org.passerelle.channels.meta;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.passerelle.channels.ChannelSender.DeliveryFailedException;
import org.passerelle.channels.ChannelsProperties;
import org.springframework.stereotype.Component;

/** Calls to Meta's Graph API (WhatsApp Cloud API, Messenger Send API, Lead Ads retrieval). */
@Component
public class GraphApi {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ChannelsProperties.Meta meta;
    private final ObjectMapper json;

    public GraphApi(ChannelsProperties properties, ObjectMapper json) {
        this.meta = properties.meta();
        this.json = json;
    }

    /** A Graph API answer: its HTTP status, its JSON, and Meta's error code when it failed. */
    public record Answer(int status, JsonNode body) {
        public boolean ok() {
            return status / 100 == 2;
        }

        public int errorCode() {
            return body.path("error").path("code").asInt(0);
        }
    }

    public Answer post(String path, String accessToken, Object payload) {
        try {
            return call(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + accessToken)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(payload))));
        } catch (IOException e) {
            throw new DeliveryFailedException("Graph API payload could not be written", e);
        }
    }

    public Answer get(String path, String accessToken) {
        return call(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + accessToken).GET());
    }

    /** A youth's image or document, fetched when a mediator opens it: never stored by Passerelle. */
    public record Media(String mimeType, byte[] bytes) {
    }

    /**
     * WhatsApp media: the Graph API gives a short-lived URL on Meta's servers, fetched with the same token. The URL
     * is followed only to Meta's own hosts (or the configured Graph API host), never anywhere a payload says.
     */
    public java.util.Optional<Media> whatsAppMedia(String mediaId, String accessToken) {
        Answer described = get(mediaId, accessToken);
        String url = described.body().path("url").asText("");
        long size = described.body().path("file_size").asLong(0);
        if (!described.ok() || url.isEmpty() || !trustedMediaHost(URI.create(url)) || size > MAX_MEDIA_BYTES) {
            return java.util.Optional.empty();
        }
        try {
            HttpResponse<byte[]> file = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + accessToken)
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            return file.statusCode() / 100 == 2 && file.body().length <= MAX_MEDIA_BYTES ? java.util.Optional.of(new Media(described.body().path("mime_type")
                    .asText("application/octet-stream"), file.body())) : java.util.Optional.empty();
        } catch (IOException e) {
            throw new DeliveryFailedException("Graph API media unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("Interrupted while fetching a media", e);
        }
    }

    /** WhatsApp's own limit for documents is 100 MB; a mediator opens photos and CVs, not archives. */
    static final long MAX_MEDIA_BYTES = 25L * 1024 * 1024;

    private boolean trustedMediaHost(URI url) {
        String host = url.getHost() == null ? "" : url.getHost();
        URI graph = URI.create(meta.graphBaseUrl());
        // The token travels with the request: https only, but for the configured Graph API host itself (a local stub).
        boolean scheme = "https".equals(url.getScheme()) || (host.equals(graph.getHost()) && url.getScheme().equals(graph.getScheme()));
        return scheme && (host.equals(graph.getHost()) || host.endsWith(".fbsbx.com") || host.endsWith(".facebook.com")
                || host.endsWith(".whatsapp.net"));
    }

    private URI uri(String path) {
        return URI.create(meta.graphBaseUrl() + "/" + meta.graphVersion() + "/" + path);
    }

    private Answer call(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = http.send(request.timeout(Duration.ofSeconds(15)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            byte[] body = response.body();
            return new Answer(response.statusCode(), body.length == 0 ? json.createObjectNode() : json.readTree(body));
        } catch (IOException e) {
            throw new DeliveryFailedException("Graph API unreachable: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("Interrupted while calling the Graph API", e);
        }
    }
}
