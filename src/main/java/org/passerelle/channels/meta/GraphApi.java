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
