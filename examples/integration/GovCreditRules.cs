// Calling the gov-credit-rules CLI from .NET 6+ (System.Text.Json, no packages): JSON in on stdin, JSON out.
// Run: dotnet run (in a console project containing this file), with the query file as the argument.
// The command defaults to `npx gov-credit-rules`; set GOV_CREDIT_RULES_CLI to override it.
using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;

static class GovCreditRules
{
    public static async Task<JsonDocument> Evaluate(string queryJson)
    {
        var cli = (Environment.GetEnvironmentVariable("GOV_CREDIT_RULES_CLI") ?? "npx gov-credit-rules").Split(' ');
        var psi = new ProcessStartInfo(cli[0])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8, StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        foreach (var a in cli.Skip(1).Concat(new[] { "evaluate", "-", "--format", "json", "--locale", "en" })) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        await p.StandardInput.WriteAsync(queryJson);
        p.StandardInput.Close();
        await p.WaitForExitAsync();
        // 0: a Decision; 1: the query was refused ({"error":{…}} on stderr); 2: could not run; 3: internal error.
        if (p.ExitCode == 0) return JsonDocument.Parse(await stdout);
        throw new InvalidOperationException($"exit {p.ExitCode}: {await stderr}");
    }

    static async Task Main(string[] args)
    {
        var decision = await Evaluate(File.ReadAllText(args.Length > 0 ? args[0] : "examples/query.json"));
        var root = decision.RootElement;
        Console.WriteLine($"verdict: {root.GetProperty("verdict").GetString()}");
        foreach (var reason in root.GetProperty("reasons").EnumerateArray())
            foreach (var c in reason.GetProperty("clauses").EnumerateArray())
                Console.WriteLine($"  {c.GetProperty("clause").GetString()} {c.GetProperty("section").GetString()}");
    }
}
