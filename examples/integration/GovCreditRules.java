// Calling the gov-credit-rules CLI from Java (JDK 11+, no dependencies): JSON in on stdin, JSON out.
// Run: java examples/integration/GovCreditRules.java examples/query.json
// The command defaults to `npx gov-credit-rules`; set GOV_CREDIT_RULES_CLI to override it.
// Parse the Decision with the JSON library you already use (Jackson, Gson); a regex stands in here.
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class GovCreditRules {
    /** Runs `evaluate - --format json`: returns the Decision JSON, or throws with the error JSON. */
    static String evaluate(String queryJson) throws IOException, InterruptedException {
        String cli = System.getenv().getOrDefault("GOV_CREDIT_RULES_CLI", "npx gov-credit-rules");
        List<String> cmd = new ArrayList<>(Arrays.asList(cli.split(" ")));
        cmd.addAll(List.of("evaluate", "-", "--format", "json", "--locale", "en"));
        Process p = new ProcessBuilder(cmd).start();
        // Read stderr concurrently so that neither pipe can fill up and block the child.
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> {
            try { return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8); }
            catch (IOException e) { return e.toString(); }
        });
        try (var in = p.getOutputStream()) { in.write(queryJson.getBytes(StandardCharsets.UTF_8)); }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        if (code == 0) return out;
        // 1: the query was refused (stderr holds {"error":{"name","code","issues":[{path,code,message}]}});
        // 2: could not run (usage, unknown pack); 3: internal error.
        throw new IllegalArgumentException("exit " + code + ": " + err.join());
    }

    public static void main(String[] args) throws Exception {
        String query = Files.readString(Path.of(args.length > 0 ? args[0] : "examples/query.json"));
        String decision = evaluate(query);
        Matcher m = Pattern.compile("\"verdict\"\\s*:\\s*\"(\\w+)\"").matcher(decision);
        System.out.println("verdict: " + (m.find() ? m.group(1) : "?"));
        Matcher c = Pattern.compile("\"clause\"\\s*:\\s*\"([A-Z]+-[0-9A-Za-z-]+)\"").matcher(decision);
        List<String> clauses = new ArrayList<>();
        while (c.find()) if (!clauses.contains(c.group(1))) clauses.add(c.group(1));
        System.out.println("clauses: " + String.join(", ", clauses));
    }
}
