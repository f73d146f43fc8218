using System.Diagnostics;

namespace Governance.Tests.Simulator;

/// <summary>Runs the simulator as a child process with a bounded duration and captures its exit code and output.</summary>
internal static class SimulatorProcess
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Governance.Simulator.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(120)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"the simulator did not finish in 120 s: {string.Join(' ', args)}");
        }

        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
