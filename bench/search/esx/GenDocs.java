import java.net.URI;
import java.net.http.*;
import java.nio.file.*;
import java.util.*;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import org.publiccredit.search.names.NameKeys;

/** Reads the live subjects index's documents and writes them whole (names recomputed, as the indexer does) as NDJSON. */
public class GenDocs {
    public static void main(String[] a) throws Exception {
        JsonMapper json = JsonMapper.builder().build();
        HttpClient http = HttpClient.newHttpClient();
        List<String> out = new ArrayList<>();
        Object[] after = null;
        while (true) {
            String body = "{\"size\":5000,\"sort\":[{\"subjectId\":\"asc\"}]" + (after == null ? "" : ",\"search_after\":" + json.writeValueAsString(after)) + "}";
            var r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:9200/subjects/_search")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            JsonNode hits = json.readTree(r.body()).path("hits").path("hits");
            if (hits.isEmpty()) break;
            for (JsonNode h : hits) {
                ObjectNode src = (ObjectNode) h.path("_source");
                if (src.hasNonNull("name")) {
                    List<String> former = new ArrayList<>(); src.path("formerNames").forEach(n -> former.add(n.asString()));
                    List<String> shorts = new ArrayList<>(); src.path("shortNames").forEach(n -> shorts.add(n.asString()));
                    int standing = src.path("standing").asInt(1);
                    NameKeys k = NameKeys.of(src.path("name").asString(), former, shorts, standing);
                    if (k != null) src.set("names", json.valueToTree(k));
                }
                out.add(h.path("_id").asString() + "\t" + json.writeValueAsString(src));
                JsonNode s = h.path("sort");
                after = new Object[] {s.get(0).asString()};
            }
        }
        Files.write(Path.of(a[0]), out);
        System.out.println(out.size() + " docs");
    }
}
