// Calling the gov-credit-rules web service from Java (JDK 11+, java.net.http, no dependencies).
// Start the service first: npx gov-credit-rules serve   (it needs fastify: npm install gov-credit-rules fastify@5)
// Run: java examples/integration/GovCreditRulesService.java examples/query.json examples/roster.jsonl
// GOV_CREDIT_RULES_URL (default http://127.0.0.1:8080); GOV_CREDIT_RULES_TOKEN if the service has one.
// A client for every endpoint can be generated from GET /openapi.json (e.g. openapi-generator -g java);
// parse the JSON with the library you already use (Jackson, Gson): a regex stands in here.
import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

public class GovCreditRulesService {
    static final String BASE = System.getenv().getOrDefault("GOV_CREDIT_RULES_URL", "http://127.0.0.1:8080");
    static final String TOKEN = System.getenv("GOV_CREDIT_RULES_TOKEN");
    static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** An error answer: the HTTP status and {"error":{"code","issues":[{path,code,message}],…}}. */
    static class ServiceException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        ServiceException(int status, String body) { super(status + " " + body); this.status = status; }
    }

    static HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(BASE + path));
        if (TOKEN != null && !TOKEN.isEmpty()) b.header("Authorization", "Bearer " + TOKEN);
        return b;
    }

    /** POST JSON, the answer's JSON back; 4xx/5xx throw; 503 (busy or restarting) is retried after Retry-After. */
    static String postJson(String path, String json) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            HttpRequest req = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)).build();
            HttpResponse<String> res = CLIENT.send(req, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (res.statusCode() == 200) return res.body();
            if (res.statusCode() == 503 && attempt < 3) {
                Thread.sleep(1000L * Long.parseLong(res.headers().firstValue("Retry-After").orElse("1")));
                continue;
            }
            // 400 bad input, 404 unknown pack, 413 too large, 415 not JSON, 422 refused (confidential record, no calendar data).
            throw new ServiceException(res.statusCode(), res.body());
        }
    }

    /**
     * Screens a roster: subjects go up as NDJSON while the answers come down, one line per line,
     * in order (the service reads the next line only once its answer is taken, so both directions
     * must flow at once: the roster is written from another thread).
     */
    static Map<String, Integer> screen(Path roster, String packs, String asOf) throws IOException, InterruptedException {
        PipedInputStream body = new PipedInputStream(1 << 16);
        PipedOutputStream upload = new PipedOutputStream(body);
        Thread writer = new Thread(() -> {
            try (OutputStream out = upload; Stream<String> lines = Files.lines(roster)) {
                lines.forEach(l -> {
                    try { out.write((l + "\n").getBytes(StandardCharsets.UTF_8)); }
                    catch (IOException e) { throw new UncheckedIOException(e); }
                });
            } catch (IOException | UncheckedIOException e) { /* the answer below says what happened */ }
        });
        writer.start();
        String query = "packs=" + URLEncoder.encode(packs, StandardCharsets.UTF_8) + "&asOf=" + asOf + "&decisions=none";
        HttpRequest req = request("/v1/screen?" + query).header("Content-Type", "application/x-ndjson")
            .POST(HttpRequest.BodyPublishers.ofInputStream(() -> body)).build();
        HttpResponse<Stream<String>> res = CLIENT.send(req, HttpResponse.BodyHandlers.ofLines());
        if (res.statusCode() != 200) throw new ServiceException(res.statusCode(), String.join("\n", (Iterable<String>) res.body()::iterator));
        Map<String, Integer> verdicts = new TreeMap<>();
        Pattern verdict = Pattern.compile("\"verdict\":\"(\\w+)\"");
        int[] lines = {0};
        try (Stream<String> answers = res.body()) {
            answers.forEach(line -> {
                lines[0]++;
                if (line.contains("\"status\":\"error\"")) verdicts.merge("error", 1, Integer::sum);
                Matcher m = verdict.matcher(line);
                while (m.find()) verdicts.merge(m.group(1), 1, Integer::sum);
            });
        }
        writer.join();
        verdicts.put("lines", lines[0]);
        return verdicts;
    }

    public static void main(String[] args) throws Exception {
        String query = Files.readString(Path.of(args.length > 0 ? args[0] : "examples/query.json"));
        String decision = postJson("/v1/evaluate", query);
        Matcher m = Pattern.compile("\"verdict\"\\s*:\\s*\"(\\w+)\"").matcher(decision);
        System.out.println("verdict: " + (m.find() ? m.group(1) : "?"));
        Matcher c = Pattern.compile("\"clause\"\\s*:\\s*\"([A-Z]+-[0-9A-Za-z-]+)\"").matcher(decision);
        List<String> clauses = new ArrayList<>();
        while (c.find()) if (!clauses.contains(c.group(1))) clauses.add(c.group(1));
        System.out.println("clauses: " + String.join(", ", clauses));
        try {
            postJson("/v1/evaluate", query.replace("cn-tj-binhai", "cn-tj-binhia"));
        } catch (ServiceException e) {
            System.out.println("refused: " + e.status + (e.getMessage().contains("\"suggestion\":\"cn-tj-binhai\"") ? " (did you mean cn-tj-binhai?)" : ""));
        }
        if (args.length > 1) System.out.println("screened: " + screen(Path.of(args[1]), "cn-tj-binhai", "2026-11-20"));
    }
}
