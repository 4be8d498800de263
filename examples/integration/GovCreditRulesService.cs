// Calling the gov-credit-rules web service from .NET 6+ (HttpClient, System.Text.Json, no packages).
// Start the service first: npx gov-credit-rules serve   (it needs fastify: npm install gov-credit-rules fastify@5)
// Run: dotnet run (in a console project containing this file) -- examples/query.json examples/roster.jsonl
// GOV_CREDIT_RULES_URL (default http://127.0.0.1:8080); GOV_CREDIT_RULES_TOKEN if the service has one.
// A typed client for every endpoint can be generated from GET /openapi.json (NSwag, Kiota, openapi-generator).
using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading.Tasks;

static class GovCreditRulesService
{
    static readonly HttpClient Http = new HttpClient { BaseAddress = new Uri(Environment.GetEnvironmentVariable("GOV_CREDIT_RULES_URL") ?? "http://127.0.0.1:8080"), Timeout = TimeSpan.FromMinutes(10) };

    /// <summary>An error answer: the HTTP status and {"error":{"code","issues":[{path,code,message}],…}}.</summary>
    public sealed class ServiceException : Exception
    {
        public HttpStatusCode Status { get; }
        public JsonElement Error { get; }
        public ServiceException(HttpStatusCode status, JsonElement error) : base($"{(int)status} {error.GetProperty("code").GetString()}") { Status = status; Error = error; }
    }

    static HttpRequestMessage Request(HttpMethod method, string path, HttpContent? content = null)
    {
        var req = new HttpRequestMessage(method, path) { Content = content };
        var token = Environment.GetEnvironmentVariable("GOV_CREDIT_RULES_TOKEN");
        if (!string.IsNullOrEmpty(token)) req.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return req;
    }

    static async Task<HttpResponseMessage> Send(Func<HttpRequestMessage> make, HttpCompletionOption read = HttpCompletionOption.ResponseContentRead)
    {
        for (var attempt = 1; ; attempt++)
        {
            var res = await Http.SendAsync(make(), read);
            if (res.IsSuccessStatusCode) return res;
            // 503: busy (--max-concurrent) or restarting: retry after Retry-After.
            if (res.StatusCode == HttpStatusCode.ServiceUnavailable && attempt < 3)
            {
                await Task.Delay(res.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }
            // 400 bad input, 404 unknown pack, 413 too large, 415 not JSON, 422 refused (TH-6, calendar).
            using var doc = JsonDocument.Parse(await res.Content.ReadAsStringAsync());
            throw new ServiceException(res.StatusCode, doc.RootElement.GetProperty("error").Clone());
        }
    }

    public static async Task<JsonDocument> Evaluate(string queryJson)
    {
        using var res = await Send(() => Request(HttpMethod.Post, "/v1/evaluate", new StringContent(queryJson, Encoding.UTF8, "application/json")));
        return JsonDocument.Parse(await res.Content.ReadAsStringAsync());
    }

    /// <summary>Screens a roster file: NDJSON up, one answer line per line down, read as they come.</summary>
    public static async Task<Dictionary<string, int>> Screen(string rosterPath, string packs, string asOf)
    {
        var counts = new Dictionary<string, int>();
        var query = $"/v1/screen?packs={Uri.EscapeDataString(packs)}&asOf={asOf}&decisions=none";
        using var res = await Send(() =>
        {
            var content = new StreamContent(File.OpenRead(rosterPath));
            content.Headers.ContentType = new MediaTypeHeaderValue("application/x-ndjson");
            return Request(HttpMethod.Post, query, content);
        }, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await res.Content.ReadAsStreamAsync(), Encoding.UTF8);
        string? line;
        while ((line = await reader.ReadLineAsync()) != null)
        {
            using var row = JsonDocument.Parse(line);
            var status = row.RootElement.GetProperty("status").GetString()!;
            if (status != "ok") { counts[status] = counts.GetValueOrDefault(status) + 1; continue; }
            foreach (var r in row.RootElement.GetProperty("results").EnumerateArray())
            {
                var v = r.GetProperty("verdict").GetString()!;
                counts[v] = counts.GetValueOrDefault(v) + 1;
            }
        }
        return counts;
    }

    static async Task Main(string[] args)
    {
        using var decision = await Evaluate(File.ReadAllText(args.Length > 0 ? args[0] : "examples/query.json"));
        var root = decision.RootElement;
        Console.WriteLine($"verdict: {root.GetProperty("verdict").GetString()}");
        foreach (var reason in root.GetProperty("reasons").EnumerateArray())
            foreach (var c in reason.GetProperty("clauses").EnumerateArray())
                Console.WriteLine($"  {c.GetProperty("clause").GetString()} {c.GetProperty("section").GetString()}");
        if (args.Length > 1)
            foreach (var (verdict, n) in await Screen(args[1], "cn-tj-binhai", "2026-11-20")) Console.WriteLine($"{verdict}: {n}");
    }
}
